// The SharedEventSource class: a subclass of the extended EventSource whose instances in every tab of the origin
// read one connection per stream. It has no processing model of its own. An instance is made by the core's
// construct(), with a policy (the core's Policy seam) whose transport is the stream's hub (hub.ts) instead of a
// request: the hub's relay becomes a response, the text of the events it relays and the end of a body, which the
// core parses and dispatches as it would a connection's. So the instance's readyState, last event ID, origin,
// events and timers are the core's; the attributes, close() and async iteration are the classes' above it.
// Where the browser cannot share (no Web Locks or BroadcastChannel) or the options cannot be compared and have no
// `name`, an instance is an extended EventSource of this class, with its own connection.
import { CLOSED, construct, failedToConstruct, MAX_DELAY, type EventSource as CoreEventSource, type Policy, type State } from '../event-source';
import { EventSource as ExtendedEventSource, type ExtendedEventSourceInit } from '../extended/index';
import { attach, type Instance } from '../extended/instance';
import { assign } from '../extended/iterate';
import { readOptions } from '../extended/options';
import type { ByteStream } from '../extended/readable-stream';
import type { ErrorDetails, EventDataMap, ExtendedEventSource as ExtendedEventSourceInstance } from '../extended/types';
import { platform } from '../platform';
import type { TransportHandlers } from '../transport/types';
import { baseURL } from '../url';
import { nextTask, type Details } from './connection';
import type { Member } from './hub';
import { streamKey } from './key';
import { hubFor, sharing } from './registry';

export interface SharedEventSourceInit extends ExtendedEventSourceInit {
  /**
   * The name of the stream, for options that cannot be compared (a `headers` or `fetch` function, a Blob or FormData
   * body): instances with the same URL, credentials mode and name share one connection, made with the options of
   * the instance that opens it. Without a name, such an instance has a connection of its own.
   */
  name?: string;
}

/** A SharedEventSource: the interface of the extended EventSource, typed by the data of its event types. */
export interface SharedEventSource<Events extends EventDataMap<Events> = {}> extends ExtendedEventSourceInstance<Events> {}

export interface SharedEventSourceConstructor {
  new <Events extends EventDataMap<Events> = {}>(url: string | { toString(): string }, eventSourceInitDict?: SharedEventSourceInit): SharedEventSource<Events>;
  readonly prototype: SharedEventSource;
  /** Inherited from the extended class (whatwg/html#12272): a stream the page holds is never shared, so this gives
   *  an extended source of that stream. */
  fromReadableStream<Events extends EventDataMap<Events> = {}>(stream: ByteStream): ExtendedEventSourceInstance<Events>;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

const OPEN = 1;
const EVENT_STREAM = 'text/event-stream';

/** An event as the stream would have sent it: the core's parser reads it back, whole, with its ID. */
function serialize(type: string, data: string, lastEventId: string): string {
  // (A type or an ID cannot hold a line break, and data only LF: the parser that read them split lines on CR too.)
  return 'event: ' + type + '\ndata: ' + data.split('\n').join('\ndata: ') + '\nid: ' + lastEventId + '\n\n';
}

// The policy of an instance that reads the stream `key` through its hub.
function sharedPolicy(key: string, init: { [name: string]: unknown }, options: Instance['options']) {
  return function (ev: CoreEventSource, state: State): Policy {
    const hub = hubFor(key, state.url, init);
    const signal = options.signal;
    // The core's handlers while it has a request out (to the hub), and whether that request has had its response.
    let handlers: TransportHandlers | null = null;
    let answered = false;
    // The request of an instance that joins a stream already open: answered in a task of its own, and nothing
    // (but a failure) before that.
    let joining = false;
    // The request made from member.open(): answered there.
    let waking = false;
    // The origin the core was last given (as the final URL of a response).
    let origin = platform.originOf(state.url);
    // The holder's connection failed: so does this instance's.
    let failing = false;
    let released = false;

    const instance = attach(state, options, onAbort, function () {
      if (released) return;
      released = true;
      hub.remove(member);
      if (signal) signal.removeEventListener('abort', onAbort);
      const sinks = instance.sinks.splice(0, instance.sinks.length);
      for (let i = 0; i < sinks.length; i++) sinks[i].end();
    });
    // (A tab that joins knows the stream's last event ID: the one its next holder would reconnect with.)
    state.lastEventIdString = hub.lastEventId();

    function onAbort(): void {
      ev.close();
    }

    function respond(): void {
      answered = true;
      joining = false;
      handlers!.response(200, EVENT_STREAM, origin);
    }

    // The core's request needs to be out for the hub's news to reach it: one that waits for its reconnection
    // time is made now (the shared connection's holder decides when to reconnect; this instance follows it).
    function request(): void {
      if (!handlers) state.skipWait!();
    }

    const member: Member = {
      open: function (details: Details) {
        if (state.readyState === CLOSED) return;
        waking = true;
        request();
        waking = false;
        if (handlers && !answered) {
          instance.opened = details as unknown as Instance['opened'];
          respond();
        }
      },
      message: function (type, data, from, lastEventId) {
        if (!handlers || !answered) return;
        // (A redirect took the new connection to another origin: the core is told, as by a replaced request.)
        if (from !== origin) handlers.response(200, EVENT_STREAM, (origin = from));
        handlers.chunk(serialize(type, data, lastEventId));
      },
      error: function (readyState, details) {
        if (state.readyState === CLOSED || (joining && readyState !== CLOSED)) return;
        instance.pending = details as unknown as ErrorDetails;
        // A failure: the core fails the connection (wait() says so); else it waits, until the hub's next news.
        failing = readyState === CLOSED;
        instance.failure = failing && details.reason !== 'end' ? instance.pending : null;
        request();
        const ended = handlers;
        handlers = null;
        if (ended) ended.end();
      },
    };
    if (!signal || !signal.aborted) {
      hub.add(member);
      if (signal) signal.addEventListener('abort', onAbort);
    }

    return {
      transport: function (_request, given) {
        // An AbortSignal that was aborted before the constructor: closed before any request.
        if (signal && signal.aborted) {
          ev.close();
          return function () {};
        }
        handlers = given;
        answered = false;
        if (!waking && hub.readyState() === OPEN) {
          joining = true;
          nextTask(function () {
            if (handlers === given && !answered) respond();
          });
        }
        return function () {
          if (handlers === given) handlers = null;
        };
      },
      // The holder's connection decided: fail (-1), or wait for the hub's next news.
      wait: function () {
        return failing ? -1 : MAX_DELAY;
      },
      dispatching: function (event, message) {
        if (message) {
          // First the iterators, so that a listener that closes the source ends them after this message.
          const sinks = instance.sinks;
          for (let i = 0; i < sinks.length; i++) sinks[i].push(event as MessageEvent);
        } else {
          const details = event.type === 'open' ? instance.opened : instance.pending;
          instance.opened = instance.pending = null;
          if (details) assign(event, details);
          if (state.readyState === CLOSED) instance.release();
        }
      },
    };
  };
}

// The class: `function`, not `class`, since the output is ES5.
function SharedEventSourceImpl(this: unknown, url: unknown): SharedEventSource {
  const init = arguments[1];
  const given = (init != null && typeof init === 'object' ? init : {}) as { [name: string]: unknown };
  if (given.name !== undefined && typeof given.name !== 'string') throw failedToConstruct('name must be a string');
  // (A URL that does not parse, like any other mistake, is the constructor's to report.)
  const absolute = arguments.length && sharing() ? platform.parseURL(''.concat(url as string), baseURL()) : null;
  const key = absolute && streamKey(absolute, !!given.withCredentials, given);
  if (!key) return (ExtendedEventSource as unknown as Function).apply(this, arguments);
  return construct(this, arguments, sharedPolicy(key, given, readOptions(given))) as unknown as SharedEventSource;
}

// The interface object and its prototype, set up in a function that bundlers may drop. The prototype inherits the
// extended class's (its attributes, close() and async iteration stay there, once); the interface object inherits
// its constants, where Object.setPrototypeOf exists, and gets copies of them elsewhere (IE 10).
export const SharedEventSource = /*#__PURE__*/ (function (): SharedEventSourceConstructor {
  SharedEventSourceImpl.prototype = Object.create(ExtendedEventSource.prototype, {
    constructor: { value: SharedEventSourceImpl, writable: true, configurable: true },
  });
  if (Object.setPrototypeOf) Object.setPrototypeOf(SharedEventSourceImpl, ExtendedEventSource);
  else for (let i = 0; i < 3; i++) Object.defineProperty(SharedEventSourceImpl, ['CONNECTING', 'OPEN', 'CLOSED'][i], { value: i, enumerable: true });
  return SharedEventSourceImpl as unknown as SharedEventSourceConstructor;
})();
