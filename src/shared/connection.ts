// The connection of the tab that holds a stream: an extended EventSource, the one processing model (request,
// parser, last event ID, reconnection timer, policy). What it dispatches is read at the core's dispatch seam, in the
// task and the order in which it dispatches it: every message event, of any type, through the extended instance's
// sinks (the seam of async iteration: the core's `dispatching` hook calls them just before the event's listeners),
// `open` and `error` through listeners. The reconnection time the stream set (`retry:`) is read from the instance's
// slot, so that the tab that takes over reconnects with it.
import { slots } from '../event-source';
import { EventSource as ExtendedEventSource } from '../extended/index';
import { instanceOf } from '../extended/instance';
import { platform } from '../platform';

/** A record of an event's details (the extended `open` and `error` details), as it crosses the channel. */
export type Details = { [name: string]: unknown };

/** What a connection reports, in the order its source dispatched it. */
export interface Relay {
  /** `details`: the open event's own properties (the extended open details: status, statusText, contentType). */
  open(details: Details): void;
  message(type: string, data: string, origin: string, lastEventId: string): void;
  /** `details`: the error event's own properties beyond those of a plain Event (the extended error details). */
  error(readyState: number, details: Details): void;
  /** The stream set its reconnection time (`retry:`), in ms. */
  retry(ms: number): void;
}

export interface Connection {
  close(): void;
}

/** Opens a connection with the given options (the extended EventSource's). */
export type Connect = (url: string, init: object, relay: Relay) => Connection;

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

// The extended details (README "Error details"), wherever the event keeps them.
const DETAILS = ['reason', 'status', 'statusText', 'contentType', 'body', 'error', 'willReconnect', 'reconnectDelay', 'attempt'];

/** The details an event carries: the known fields, and any other property that a plain Event does not have. */
export function detailsOf(event: Event): Details {
  const plain = platform.dom!.createEvent(event.type);
  const fields = event as unknown as Details;
  const details: Details = {};
  for (const name in event) if (!(name in plain)) details[name] = fields[name];
  for (let i = 0; i < DETAILS.length; i++) {
    const name = DETAILS[i];
    if (name in event) details[name] = fields[name];
  }
  return details;
}

export const connect: Connect = function (url, init, relay) {
  const source = new ExtendedEventSource(url, init);
  const state = slots(source);
  let reconnectionTime = state.reconnectionTime;
  // The last event ID this connection started from (the `lastEventId` option) carries over to its events until the
  // stream sets one, as it would in an EventSource that reconnected: the core's last event ID buffer, which events
  // take their ID from, starts empty in a new instance.
  let inherited = (init as { lastEventId?: string }).lastEventId || '';

  // Before each relayed event: the reconnection time, if a `retry:` field changed it.
  function retry(): void {
    if (state.reconnectionTime !== reconnectionTime) relay.retry((reconnectionTime = state.reconnectionTime));
  }
  // The message event being dispatched: one of type `open` or `error` (the stream may name events so) is no news
  // of the connection for those listeners.
  let dispatching: Event | null = null;
  instanceOf(source)!.sinks.push({
    push: function (event) {
      dispatching = event;
      retry();
      let id = event.lastEventId;
      if (id) inherited = '';
      else id = inherited;
      relay.message(event.type, event.data, event.origin, id);
    },
    end: noop,
  });
  source.addEventListener('open', function (event) {
    if (event === dispatching) return;
    retry();
    relay.open(detailsOf(event));
  });
  source.addEventListener('error', function (event) {
    if (event === dispatching) return;
    retry();
    relay.error(source.readyState, detailsOf(event));
  });

  return {
    close: function () {
      source.close();
    },
  };
};
