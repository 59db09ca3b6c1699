// `import { EventSource } from 'whatwg-eventsource/extended'`: a subclass of the package's EventSource with opt-in
// options beyond the spec. Importing it changes nothing else: the plain class, and a global the polyfill installed,
// keep exactly the spec's behaviour. Without options an instance behaves as the spec says (the integration suite
// runs against it too), apart from the memory bound of maxEventSize, an implementation-defined limit of the kind
// HTML allows ("User agents may impose implementation-specific limits on otherwise unconstrained inputs").
//
// It has no processing model of its own: the core's construct() runs it with a policy (the core's Policy seam):
//   transport    request.ts wraps the chosen transport (headers, method and body, inactivity, failed bodies);
//   wait         policy.ts decides, when a connection is lost, how long to wait or whether to fail;
//   dispatching  the details of each `open` and `error` event are set on it, message events go to the iterators;
//   maxSize      maxEventSize.
import { CLOSED, construct, EventSource as CoreEventSource, slots, type LostReason, type Policy, type State } from '../event-source';
import type { Transport } from '../transport/types';
import { attach, instanceOf, type Cause } from './instance';
import { assign, asyncIteratorSymbol, iterate } from './iterate';
import { watchPage } from './lifecycle';
import { readOptions, type Options } from './options';
import { nextDelay } from './policy';
import { checkStream, streamTransport, STREAM_URL, type ByteStream } from './readable-stream';
import { decorate } from './request';
import type { ExtendedEventSource as ExtendedEventSourceInstance, ExtendedEventSourceConstructor } from './types';

export type {
  BackoffOptions,
  ErrorDetails,
  ErrorEventWithDetails,
  ErrorReason,
  EventDataMap,
  EventSourceFailure,
  ExtendedEventMap,
  ExtendedEventSourceConstructor,
  ExtendedEventSourceInit,
  HeaderRecord,
  HeadersOption,
  MessageEventFor,
  OpenDetails,
  OpenEventWithDetails,
  RequestBody,
} from './types';
export type { EventSourceInit } from '../event-source';
export type { EventSourceEventMap, EventSourceOf, Listener, ListenerOptions, MessageEventOf } from '../types';
export { DEFAULT_MAX_EVENT_SIZE } from './options';
export type { ByteStream, ByteStreamReader } from './readable-stream';
export { ERROR_BODY_SIZE, ERROR_BODY_WAIT } from './request';
export { createParser } from '../parse';
export type { EventStreamMessage, EventStreamParser, ParserCallbacks } from '../parse';

/** An instance of the extended `EventSource`, typed by the data of its event types. */
export type ExtendedEventSource<Events extends { [K in keyof Events]: string } = {}> = ExtendedEventSourceInstance<Events>;
/** The same, under the name of the class. */
export type EventSource<Events extends { [K in keyof Events]: string } = {}> = ExtendedEventSourceInstance<Events>;

// The policy of one instance, made by construct() once the instance's slots exist.
function policyFor(options: Options): (ev: CoreEventSource, state: State, transport: Transport) => Policy {
  return function (ev, state, transport) {
    const instance = attach(
      state,
      options,
      function () {
        ev.close();
      },
      release,
    );
    if (options.lastEventId) state.lastEventIdString = options.lastEventId;

    function onAbort(): void {
      ev.close();
    }
    // (Off: false. In 'auto', the default, only a connection that shows signs of being dead is replaced.)
    const unwatch = options.reconnectOnResume ? watchPage(instance, options.reconnectOnResume) : null;
    const signal = options.signal;
    if (signal && !signal.aborted) signal.addEventListener('abort', onAbort);

    function release(): void {
      if (signal) signal.removeEventListener('abort', onAbort);
      if (unwatch) unwatch();
      const sinks = instance.sinks.splice(0, instance.sinks.length);
      for (let i = 0; i < sinks.length; i++) sinks[i].end();
    }

    return {
      transport: decorate(instance, transport),
      maxSize: options.maxEventSize === Infinity ? undefined : options.maxEventSize,
      // The connection was lost: the request decorator's cause if it ended it, else the event source's reason.
      wait: function (reason: LostReason, spec: number, error?: unknown): number {
        const cause: Cause = instance.cause || { details: { reason: reason, error: error, willReconnect: false, attempt: 0 } };
        instance.cause = null;
        // A network error the spec deems futile fails; a failed response is the options' to decide.
        if (spec < 0 && reason !== 'response') cause.fail = true;
        const delay = nextDelay(options, cause, instance.attempts, spec < 0 ? state.reconnectionTime : spec);
        const details = cause.details;
        if (delay < 0) {
          if (details.reason !== 'end') instance.failure = details;
        } else {
          if (!cause.now) instance.attempts++;
          details.willReconnect = true;
          details.reconnectDelay = delay;
        }
        details.attempt = instance.attempts;
        instance.pending = details;
        return delay;
      },
      dispatching: function (event: Event, message?: boolean): void {
        if (message) {
          // First the iterators, so that a listener that closes the source ends them after this message.
          const sinks = instance.sinks;
          for (let i = 0; i < sinks.length; i++) sinks[i].push(event as MessageEvent);
        } else if (event.type === 'open') {
          instance.attempts = 0;
          if (instance.opened) assign(event, instance.opened);
          instance.opened = null;
        } else {
          const details = instance.pending;
          instance.pending = null;
          if (details) assign(event, details);
          if (state.readyState === CLOSED) release();
        }
      },
    };
  };
}

// fromReadableStream(): the extended class's policy with no options, whose transport is the stream and which fails
// the connection whenever it is lost (the spec's answer of -1: error, CLOSED, never a reconnection).
function streamPolicyFor(stream: ByteStream): (ev: CoreEventSource, state: State, transport: Transport) => Policy {
  // (No page watching: a stream that dies is the application's to replace, and its end closes the source.)
  const base = policyFor(readOptions({ reconnectOnResume: false }));
  return function (ev, state, transport) {
    const policy = base(ev, state, transport);
    const wait = policy.wait!;
    policy.transport = streamTransport(stream);
    policy.wait = function (reason: LostReason, _spec: number, error?: unknown): number {
      return wait(reason, -1, error);
    };
    return policy;
  };
}

// The class: `function`, not `class`, since the output is ES5; construct() makes the instance (an EventTarget made
// with this constructor's prototype, as `new.target` would).
function ExtendedEventSourceImpl(this: unknown, _url: unknown): ExtendedEventSourceInstance {
  const init = arguments[1];
  return construct(this, arguments, policyFor(readOptions(init == null || typeof init !== 'object' ? {} : init))) as unknown as ExtendedEventSourceInstance;
}

// The interface object and its prototype, set up in a function that bundlers may drop (with the whole class) when
// only the parser is imported. The prototype inherits the plain class's (WebIDL's attributes and operations stay
// there, once); the interface object inherits its constants, where Object.setPrototypeOf exists, and gets copies of
// them elsewhere (IE 10).
const ExtendedEventSourceClass = /*#__PURE__*/ (function (): ExtendedEventSourceConstructor {
  const prototype = (ExtendedEventSourceImpl.prototype = Object.create(CoreEventSource.prototype, {
    constructor: { value: ExtendedEventSourceImpl, writable: true, configurable: true },
  }));
  if (Object.setPrototypeOf) Object.setPrototypeOf(ExtendedEventSourceImpl, CoreEventSource);
  else for (let i = 0; i < 3; i++) Object.defineProperty(ExtendedEventSourceImpl, ['CONNECTING', 'OPEN', 'CLOSED'][i], { value: i, enumerable: true });

  function define(name: string, descriptor: PropertyDescriptor): void {
    descriptor.configurable = true;
    Object.defineProperty(prototype, name, descriptor);
  }

  // readonly attribute DOMString lastEventId (as an IDL attribute would be: on the prototype, enumerable).
  define('lastEventId', {
    get: function (this: unknown) {
      return slots(this).lastEventIdString;
    },
    enumerable: true,
  });

  // whatwg/html#12272 (b8125939): readonly attribute reconnectionTime, the event source's reconnection time in ms:
  // the initial one (the reconnectionTime option, default 3000) until a `retry:` line sets it, at once.
  define('reconnectionTime', {
    get: function (this: unknown) {
      return slots(this).reconnectionTime;
    },
    enumerable: true,
  });

  // whatwg/html#12272 (b8125939): reset() "discards" the data in the buffer that has not been dispatched, so that a
  // fresh stream can be piped in (a new stream into the TransformStream a stream-made source reads). The data and
  // event type buffers and the line being read are emptied and a BOM is expected again; the last event ID string
  // and the reconnection time stay (WPT's "persists across reconnections" tests). On a URL-made source it does the
  // same to the stream being read. Called from a listener, it also drops the rest of the chunk being parsed.
  define('reset', {
    value: function reset(this: unknown) {
      slots(this).reset!();
    },
    enumerable: true,
    writable: true,
  });

  // close() also lets go of the signal's and the window's listeners, and ends the iterations.
  define('close', {
    value: function close(this: unknown) {
      CoreEventSource.prototype.close.call(this);
      const instance = instanceOf(this);
      if (instance) instance.release();
    },
    enumerable: true,
    writable: true,
  });

  // whatwg/html#12272: static EventSource fromReadableStream(ReadableStream stream). A TypeError for a locked stream
  // (WPT), else a source whose url is about:event-stream, withCredentials false, and events' origin "null".
  Object.defineProperty(ExtendedEventSourceImpl, 'fromReadableStream', {
    value: function fromReadableStream(stream: unknown) {
      const s = checkStream(stream);
      return construct(Object.create(prototype), [STREAM_URL] as unknown as IArguments, streamPolicyFor(s));
    },
    enumerable: true,
    configurable: true,
    writable: true,
  });

  if (asyncIteratorSymbol) {
    define(asyncIteratorSymbol as unknown as string, {
      value: function (this: { close(): void }) {
        return iterate(this);
      },
      writable: true,
    });
  }
  return ExtendedEventSourceImpl as unknown as ExtendedEventSourceConstructor;
})();

/** The extended `EventSource` class: a subclass of the package's `EventSource`. */
export const EventSource: ExtendedEventSourceConstructor = ExtendedEventSourceClass;
/** The same class, under a name that tells it from the plain one. */
export const ExtendedEventSource: ExtendedEventSourceConstructor = EventSource;
