// The connection of the tab that holds a stream: an extended EventSource, read through its public interface only
// (the constructor, listeners, async iteration, close()), and turned into one ordered series of relay calls.
//
// A connection for one instance alone (no sharing) listens to exactly the types that instance listens to, as they
// are added: every event is relayed in the task that dispatched it. A shared connection cannot know which types the
// other tabs listen to (a tab learns of a new type too late for events already dispatched), so it reads every
// message event through async iteration, which hands them over in microtasks, after the `open` and `error` listeners
// of the same task have run. So there an `error` (and whatever follows it) waits for the next task, by when every
// message dispatched before it has come out of the iterator: the relay keeps the order in which the source
// dispatched.
import { EventSource as ExtendedEventSource } from '../extended';
import { platform } from '../platform';
import { scanningFetch } from './retry';

/** What a connection reports, in the order its source dispatched it. */
export interface Relay {
  open(): void;
  message(type: string, data: string, origin: string, lastEventId: string): void;
  /** `details`: the error event's own properties beyond those of a plain Event (the extended error details). */
  error(readyState: number, details: { [name: string]: unknown }): void;
  /** The stream set its reconnection time (`retry:`), in ms. */
  retry(ms: number): void;
}

export interface Connection {
  close(): void;
  /** Relays the events of this type too (a connection for one instance). */
  listen(type: string): void;
}

/** Opens a connection with the given options: `all` relays every message event (a shared connection). */
export type Connect = (url: string, init: object, relay: Relay, all: boolean) => Connection;

interface Step {
  done?: boolean;
  value: MessageEvent;
}

function noop(): void {}

/** Runs `run` in a task of its own (a message to itself: unlike timers, not throttled in background tabs). */
export function nextTask(run: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(run, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = function () {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(0);
}

// The extended error details (README "Error details"), wherever the event keeps them.
const DETAILS = ['reason', 'status', 'statusText', 'contentType', 'body', 'error', 'willReconnect', 'reconnectDelay', 'attempt'];

/** The details an error event carries: the known fields, and any other property that a plain Event does not have. */
export function detailsOf(event: Event): { [name: string]: unknown } {
  const plain = platform.dom!.createEvent('error');
  const fields = event as unknown as { [name: string]: unknown };
  const details: { [name: string]: unknown } = {};
  for (const name in event) if (!(name in plain)) details[name] = fields[name];
  for (let i = 0; i < DETAILS.length; i++) {
    const name = DETAILS[i];
    if (name in event) details[name] = fields[name];
  }
  return details;
}

function pending(): Promise<Response> {
  return new Promise<Response>(noop);
}

/** Throws what the extended EventSource throws for these arguments, without making a request. */
export function check(url: string, init: { [name: string]: unknown }): void {
  const options: { [name: string]: unknown } = {};
  for (const name in init) if (name !== 'name') options[name] = init[name];
  // (A `fetch` that is not a function stays, for its error.)
  if (typeof options.fetch === 'function' || options.fetch == null) options.fetch = pending;
  new ExtendedEventSource(url, options).close();
}

export const connect: Connect = function (url, init, relay, all) {
  // A shared connection's reconnection time goes to the next holder: its bodies pass a scan for `retry:` fields.
  if (all) (init as { fetch?: unknown }).fetch = scanningFetch((init as { fetch?: typeof fetch }).fetch, relay.retry);
  const source = new ExtendedEventSource(url, init);
  const listening: { [type: string]: boolean } = {};
  let closed = false;
  // What waits for the next task, in order; `after` is set once an `open` waits there too: then messages (of the
  // new connection) wait behind it.
  let waiting: Array<() => void> | null = null;
  let after = false;

  function later(run: () => void, open?: boolean): void {
    if (!all) return run();
    if (!waiting) {
      waiting = [];
      nextTask(function () {
        const list = waiting!;
        waiting = null;
        after = false;
        for (let i = 0; i < list.length && !closed; i++) list[i]();
      });
    }
    waiting.push(run);
    if (open) after = true;
  }

  // The last event ID this connection started from carries over to its events until the stream sets one, as it
  // would in an EventSource that reconnected (the extended class's events start from an empty last event ID
  // buffer: the `lastEventId` option only goes into the request).
  let inherited = (init as { lastEventId?: string }).lastEventId || '';

  function message(event: MessageEvent): void {
    let id = event.lastEventId;
    if (id) inherited = '';
    else id = inherited;
    const send = function (): void {
      relay.message(event.type, event.data, event.origin, id);
    };
    if (after) later(send);
    else send();
  }

  source.addEventListener('open', function () {
    if (waiting) later(relay.open, true);
    else relay.open();
  });
  source.addEventListener('error', function (event) {
    const readyState = source.readyState;
    const details = detailsOf(event);
    later(function () {
      relay.error(readyState, details);
    });
  });

  if (all) {
    const iterator = (source as unknown as { [key: string]: () => { next(): Promise<Step> } })[
      (Symbol as unknown as { asyncIterator: string }).asyncIterator
    ]();
    const read = function (step: Step): void {
      if (closed || step.done) return;
      message(step.value);
      iterator.next().then(read, noop);
    };
    iterator.next().then(read, noop);
  }

  return {
    close: function () {
      closed = true;
      source.close();
    },
    listen: function (type) {
      if (all || listening[type] || type === 'open' || type === 'error') return;
      listening[type] = true;
      source.addEventListener(type, message as EventListener);
    },
  };
};
