// NON-SPEC: pages as they really live. Mobile browsers freeze background pages and may kill their connections without
// telling the page: iOS Safari ends the fetch and XHR streams of a backgrounded page with no error, so a source
// stays OPEN and never receives anything again; a network change or a proxy can leave a socket dead just as
// silently, and then nothing tells any EventSource (Chromium's own stays OPEN: test/extended/lifecycle.test.ts).
// So when the page
// comes back (resume, pageshow from the back/forward cache, visibilitychange to visible, online) and its connection
// shows signs of being dead, it is replaced at once: the spec's "reestablish the connection" (an `error` event
// with reason 'resume', then a request with the last event ID), without the reconnection time's wait.
//
// Signs of being dead, in the default mode ('auto'): nothing arrived on the connection (not a byte, not even the
// response's headers) while the page was away, and either the page's scripts were stopped meanwhile (`resume` after
// `freeze`; `pageshow` with `persisted`: restored from the back/forward cache) or the network went away (`online`),
// or the page was hidden for AWAY_LIMIT ms or more (iOS suspends a hidden page without `freeze`). A source waiting
// to reconnect connects at once instead. That is safe: a reconnection is what the spec does after any network
// error, and it carries the last event ID, so a server that resumes from it loses and repeats nothing; a connection
// that was alive but quiet costs one request. Nothing is ever closed or paused because the page is hidden.
//
// The events are listened to on the global object (in a worker only `online` and `offline` come), where
// `visibilitychange` bubbles from the document, and on the document for `freeze` and `resume`, which do not bubble
// (Chromium 156, measured).
import { CLOSED } from '../event-source';
import { globalObject } from '../platform';
import type { Instance } from './instance';

/** The least time hidden (ms) after which a connection that received nothing meanwhile is taken for dead. */
export const AWAY_LIMIT = 10000;

const TYPES = ['pagehide', 'pageshow', 'visibilitychange', 'offline', 'online'];
const DOCUMENT_TYPES = ['freeze', 'resume'];

function now(): number {
  return new Date().getTime();
}

/**
 * Watches the page for `instance` in the given mode (true: replace the connection at every resume, restore or
 * online, whatever it received; 'auto': only when it shows signs of being dead). Returns what stops watching, or
 * null where the global object has no events.
 */
export function watchPage(instance: Instance, mode: true | 'auto'): (() => void) | null {
  const scope = globalObject() as Partial<EventTarget>;
  // (The methods as they are now: a page may replace them later.)
  const add = scope.addEventListener;
  const remove = scope.removeEventListener;
  if (!add || !remove) return null;
  const doc = typeof document != 'undefined' && document && (document as Partial<Document>).addEventListener ? document : null;
  // The chunks the connection had received when the page last went away (-1: it never did), and when. One return
  // fires several events (visibilitychange, then pageshow; resume, later visibilitychange): each is judged against
  // the same mark, so that one that finds data arrived does not make the next one see no mark at all.
  let away = false;
  let mark = -1;
  let since = 0;

  function goAway(): void {
    if (!away) {
      away = true;
      mark = instance.chunks;
      since = now();
    }
  }

  // The page is back; `stopped`: its scripts or its network were, meanwhile (or may have been: a `resume` or
  // `online` with no `freeze` or `offline` heard before it).
  function back(stopped: boolean): void {
    away = false;
    const silent = mark < 0 || instance.chunks === mark;
    const long = stopped || (mark >= 0 && now() - since >= AWAY_LIMIT);
    if (instance.state.readyState === CLOSED || !(mode === true ? stopped : silent && long)) return;
    // Acted on: the next event of this return is judged from here.
    mark = instance.chunks;
    since = now();
    // A request in progress is replaced; a wait for the next one ends.
    if (instance.resume) instance.resume();
    else instance.state.skipWait!();
  }

  function listener(event: Event): void {
    const type = event.type;
    const persisted = (event as Event & { persisted?: boolean }).persisted;
    if (type === 'visibilitychange') {
      if (doc && doc.visibilityState === 'hidden') goAway();
      else back(false);
    } else if (type === 'freeze' || type === 'offline' || (type === 'pagehide' && persisted)) goAway();
    else if (type === 'resume' || type === 'online' || (type === 'pageshow' && persisted)) back(true);
  }

  function listen(on: boolean): void {
    for (let i = 0; i < TYPES.length; i++) (on ? add : remove)!.call(scope, TYPES[i], listener);
    if (doc) for (let i = 0; i < DOCUMENT_TYPES.length; i++) doc[on ? 'addEventListener' : 'removeEventListener'](DOCUMENT_TYPES[i], listener);
  }
  listen(true);
  return function (): void {
    listen(false);
  };
}
