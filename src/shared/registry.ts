// The hubs of this tab, one per shared stream, and the page lifecycle that suspends them all. A page that keeps a
// Web Lock, a BroadcastChannel or a fetch cannot enter the back/forward cache, and a frozen tab that held the
// connection would starve the others: so on `pagehide` and `freeze` every hub lets go (another tab takes over at
// once), and on `pageshow` from the cache or `resume` it joins again. The listeners are added with the first hub,
// not when the module is imported.
import { globalObject } from '../platform';
import { connect } from './connection';
import { createHub, type Hub, type Sharing } from './hub';

const shared: { [key: string]: Hub } = {};
const all: Hub[] = [];
let listening = false;

/** Web Locks and BroadcastChannel, where the browser has both (read at each construction). */
export function sharing(): Sharing | null {
  const scope = globalObject() as { navigator?: { locks?: Sharing['locks'] }; BroadcastChannel?: Sharing['Channel'] };
  const locks = scope.navigator && scope.navigator.locks;
  const Channel = scope.BroadcastChannel;
  return locks && typeof locks.request === 'function' && typeof Channel === 'function' && typeof AbortController === 'function'
    ? { locks: locks, Channel: Channel }
    : null;
}

function each(method: 'suspend' | 'resume'): void {
  const list = all.slice();
  for (let i = 0; i < list.length; i++) list[i][method]();
}

function listen(): void {
  const scope = globalObject() as Partial<EventTarget> & { document?: EventTarget };
  const document = scope.document;
  if (listening || !scope.addEventListener) return;
  listening = true;
  function suspend(): void {
    each('suspend');
  }
  function resume(event: Event): void {
    // (`pageshow` also fires at the first load: only a page restored from the cache has something to resume.)
    if (event.type === 'resume' || (event as PageTransitionEvent).persisted) each('resume');
  }
  scope.addEventListener('pagehide', suspend);
  scope.addEventListener('pageshow', resume);
  if (document && document.addEventListener) {
    document.addEventListener('freeze', suspend);
    document.addEventListener('resume', resume);
  }
}

/** The tab's hub for the stream `key`, made with the first instance that reads it. (Called where sharing() is not
 *  null: an instance that cannot share is an extended EventSource, with no hub.) */
export function hubFor(key: string, url: string, init: { [name: string]: unknown }): Hub {
  let hub = shared[key];
  // A hub whose connection failed is done, even while its last members are still being told.
  if (hub && hub.readyState() !== 2) return hub;
  hub = createHub(key, url, init, sharing(), connect, function () {
    if (shared[key] === hub) delete shared[key];
    for (let i = 0; i < all.length; i++) if (all[i] === hub) all.splice(i, 1);
  });
  shared[key] = hub;
  all.push(hub);
  listen();
  return hub;
}
