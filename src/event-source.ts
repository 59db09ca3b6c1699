// The EventSource interface and its processing model, step by step.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
//
// Map: the types and the instance's slots; the seam of subclasses (Policy); construct(), which is the
// constructor's steps, then the processing model's algorithms in spec order; then the interface object.
import { isEventStream, utf8ByteString } from './http';
import { parser as createParser, type EventStreamMessage } from './parse';
import { platform } from './platform';
import { fetchTransport } from './transport/fetch';
import type { FetchLike, Transport, TransportHandlers } from './transport/types';
import type { EventSource as EventSourceInstance, EventSourceConstructor } from './types';

/** An instance of the package's `EventSource`. */
export type EventSource = EventSourceInstance;
import { baseURL } from './url';

export interface EventSourceInit {
  /** https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsourceinit-withcredentials */
  withCredentials?: boolean;
  /**
   * NON-SPEC, opt-in: the `fetch` to connect with (for auth, proxies, tests, or runtimes without a global one).
   * It is called as `fetch(url, init)`, and must resolve to a `Response` whose body can be read as a stream.
   */
  fetch?: FetchLike | null;
  /**
   * The reconnection time (ms) until the server sends `retry:`, which wins. Default 3000. (The spec leaves the
   * initial value to the implementation: "probably in the region of a few seconds".)
   */
  reconnectionTime?: number;
}

const CONNECTING = 0;
const OPEN = 1;
export const CLOSED = 2;
// setTimeout() takes a signed 32-bit delay; a longer `retry:` would fire at once instead of almost never.
export const MAX_DELAY = 2147483647;

/** An instance's internal slots, kept in one non-enumerable property. */
export interface State {
  readyState: 0 | 1 | 2;
  /** "set ev's request to request": each connection fetches it again, with these two of its fields. */
  url: string;
  withCredentials: boolean;
  /** https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-last-event-id */
  lastEventIdString: string;
  /** https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time */
  reconnectionTime: number;
  /** Event handler attributes: the current values. */
  handlers: { [type: string]: Function | object | null | undefined };
  close(): void;
  /** NON-SPEC, for subclasses (set only for them): ends a pending reconnection wait, connecting at once. */
  skipWait?(): void;
  /** NON-SPEC, for subclasses: discards what the parser holds that was not dispatched (the extended reset()). */
  reset?(): void;
}

const SLOTS = '__eventSource';

/**
 * An instance's slots. Called on another object, it returns undefined, and reading from that throws the TypeError
 * that WebIDL asks of an EventSource getter, setter or method called on the wrong object.
 */
export function slots(target: unknown): State {
  return (target as { [SLOTS]: State })[SLOTS];
}

/** The start of every message the constructor throws (the extended class's too). */
export const FAILED = 'EventSource: ';

export function failedToConstruct(message: string): TypeError {
  return new TypeError(FAILED + message);
}

/** Why a connection was lost: the end of its body, a network error, a response that is not an event stream, an
 *  event larger than the policy's `maxSize`. (Also the `reason` of the extended class's error details.) */
export type LostReason = 'end' | 'network' | 'response' | 'size';

/**
 * NON-SPEC: the seam of subclasses (the extended class), asked once per instance in its constructor. Each member is
 * optional; an absent one means the spec's behaviour, which is what the plain class gets.
 */
export interface Policy {
  /** Wraps the transport: sees each connection's request and handlers (headers, method and body; timeouts). */
  transport?: Transport;
  /**
   * Reestablish step 3, "Optionally, wait some more", widened to the three ways a connection is lost: the ms to
   * wait before the next request, or -1 to fail the connection instead. `spec` is the spec's answer: the
   * reconnection time after 'end' and 'network' (0 after a long-polled response), -1 after 'response' and after a
   * network error that is futile ('size' needs maxSize).
   */
  wait?(reason: LostReason, spec: number, error?: unknown): number;
  /** Called with each event the instance dispatches, just before it is: `message` for the stream's messages. */
  dispatching?(event: Event, message?: boolean): void;
  /** The most characters buffered for one event: past it the connection is lost ('size'). */
  maxSize?: number;
}

/** Makes an instance's policy, once its slots exist, given the transport it would use. */
export type PolicyFor = (ev: EventSource, state: State, transport: Transport) => Policy;

// The transport, chosen at each construction (cheap, and a fetch polyfilled later is seen): fetch where it can
// stream a body (a `body` on responses: a ReadableStream), decode it and be aborted, else XMLHttpRequest, which the
// legacy module brings.
function fetchCanStream(): boolean {
  return (
    typeof fetch == 'function' &&
    typeof Response == 'function' &&
    'body' in Response.prototype &&
    typeof TextDecoder == 'function' &&
    typeof AbortController == 'function'
  );
}

// Options the extended class understands and this one would ignore: a different request (unauthenticated, a GET
// for a POST) or a source meant to stop that retries forever.
const EXTENDED_OPTIONS =
  /^(headers|method|body|lastEventId(In|Param)?|backoff|maxRetries|reconnectOn(Status|End|Resume)|inactivityTimeout|signal|maxEventSize)$/;

// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
// (One named parameter: WebIDL's `length` of the interface object is the number of required arguments.)
function EventSourceImpl(this: unknown, _url: unknown): EventSource {
  return construct(this, arguments);
}

/**
 * The constructor's steps, on `self` (what `new` made), with the constructor's `args`. A subclass's constructor
 * calls it with a `policyFor`; without one, options only a subclass understands are refused.
 */
export function construct(self: unknown, args: IArguments, policyFor?: PolicyFor): EventSource {
  if (!(self instanceof EventSourceImpl)) throw failedToConstruct("use the 'new' operator");
  if (!args.length) throw failedToConstruct('a URL is required');
  // WebIDL: url is a USVString, converted with ToString: concat() does that (String() would accept a Symbol).
  const input = ''.concat(args[0]);
  // WebIDL: the dictionary may be undefined or null; anything else that is not an object is a TypeError.
  const init: EventSourceInit = args[1] == null ? {} : args[1];
  if (typeof init !== 'object' && typeof init !== 'function') throw failedToConstruct('options must be an object');
  const fetchOption = init.fetch;
  // (null, like undefined, means the global fetch.)
  if (fetchOption && typeof fetchOption !== 'function') throw failedToConstruct('fetch must be a function');
  // NON-SPEC, opt-in: the initial reconnection time. (Infinity, like any wait too long for setTimeout, waits the
  // longest it can.)
  const time = init.reconnectionTime === undefined ? 3000 : init.reconnectionTime;
  if (typeof time != 'number' || !(time >= 0)) throw failedToConstruct('reconnectionTime must be a number >= 0');
  // NON-SPEC: WebIDL ignores members a dictionary does not know; these are refused (see EXTENDED_OPTIONS).
  if (!policyFor) {
    for (const name in init) {
      if (EXTENDED_OPTIONS.test(name) && (init as { [name: string]: unknown })[name] != null) {
        throw failedToConstruct(name + ' needs whatwg-eventsource/extended');
      }
    }
  }
  const dom = platform.dom;
  let transport: Transport | undefined = fetchOption || fetchCanStream() ? fetchTransport : platform.xhr;
  if (!dom || !transport) {
    // (No EventTarget, or no fetch that can stream.)
    throw failedToConstruct('needs whatwg-eventsource/polyfill here');
  }

  // 1. Let ev be a new EventSource object. (An EventTarget made with this constructor's prototype, so that
  //    subclasses work and `instanceof EventTarget` holds; with the shims, the object `new` made.)
  const ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], (self as object).constructor) : self) as EventSource;
  // 3.-4. Let urlRecord be the result of encoding-parsing a URL given url, relative to settings. If urlRecord is
  //    failure, then throw a "SyntaxError" DOMException.
  const urlRecord = platform.parseURL(input, baseURL());
  if (!urlRecord) {
    const message = FAILED + "invalid URL '" + input + "'";
    throw typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
  }
  const state: State = {
    readyState: CONNECTING,
    // 5. Set ev's url to urlRecord.
    url: urlRecord,
    // 6.-7. If withCredentials is true, set corsAttributeState to Use Credentials and ev's withCredentials to true.
    withCredentials: !!init.withCredentials,
    lastEventIdString: '',
    // "This must initially be an implementation-defined value, probably in the region of a few seconds."
    reconnectionTime: time,
    handlers: {},
    close: close,
  };
  if (policyFor) state.skipWait = skipWait;
  Object.defineProperty(ev, SLOTS, { value: state });

  const dispatchEvent = dom.methods.dispatchEvent;
  // The origin of the event stream's final URL (i.e., the URL after redirects).
  let origin: string;
  let abortFetch: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The plain class has none. (So a bundle with the plain class alone drops every use of the policy when its
  // minifier inlines construct(): 125 B gzip of `import { EventSource }`.)
  const policy: Policy | null = policyFor ? policyFor(ev, state, transport) : null;
  if (policy && policy.transport) transport = policy.transport;

  const parser = createParser({
    onEvent: dispatchTheEvent,
    // NON-SPEC, for subclasses: an initial last event ID (the extended lastEventId option) is the buffer's start.
    lastEventId: state.lastEventIdString,
    // Dispatch step 1: "Set the last event ID string of the event source to the value of the last event ID buffer."
    onId: function (id) {
      state.lastEventIdString = id;
    },
    // "set the event stream's reconnection time to that integer"
    onRetry: function (ms) {
      state.reconnectionTime = ms;
    },
    maxSize: policy ? policy.maxSize : undefined,
    onError: policy
      ? function (error) {
          lost('size', error);
        }
      : undefined,
  });
  if (policy) state.reset = parser.reset;
  const handlers: TransportHandlers = { response: processResponse, chunk: parser.feed, end: processEndOfBody };

  function dispatch(event: Event, message?: boolean): void {
    if (policy && policy.dispatching) policy.dispatching(event, message);
    dispatchEvent.call(ev, event);
  }

  // 8.-15. The request, and the fetch. Also step 6 of "reestablish the connection", which refetches the request.
  function connect(): void {
    parser.reset();
    abortFetch = transport!(
      {
        url: state.url,
        withCredentials: state.withCredentials,
        fetch: fetchOption,
        headers: function () {
          // 10. User agents may set (`Accept`, `text/event-stream`) in request's header list. No other header: a
          //     non-safelisted one (Cache-Control, say) would cost a CORS preflight that native EventSource never
          //     makes.
          const headers: { [name: string]: string } = { Accept: 'text/event-stream' };
          // Reestablish step 6.3: "If the EventSource object's last event ID string is not the empty string, then
          // set (`Last-Event-ID`, last event ID string, encoded as UTF-8) in request's header list."
          if (state.lastEventIdString) headers['Last-Event-ID'] = utf8ByteString(state.lastEventIdString);
          return headers;
        },
      },
      handlers,
    );
  }

  // 15. processResponse, given response res.
  function processResponse(status: number, contentType: string | null, finalUrl: string | undefined): void {
    origin = platform.originOf(finalUrl || state.url);
    // 15.3. If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
    //       connection. (15.1-15.2, network errors, arrive through processEndOfBody.)
    if (status !== 200 || !isEventStream(contentType)) lost('response');
    // 15.4. Otherwise, announce the connection and interpret res's body line by line.
    else announceTheConnection();
  }

  // 14. processEventSourceEndOfBody: "if res is not a network error, then reestablish the connection". 15.2: a
  //     network error, too, reestablishes the connection. So does a body that errors in the middle.
  function processEndOfBody(error?: unknown, polled?: boolean): void {
    abortFetch = null;
    // "Once the end of the file is reached, any pending data must be discarded."
    parser.end();
    lost(error ? 'network' : 'end', error, polled);
  }

  // NON-SPEC: the one place where a connection ends, for the three reasons the spec gives (a response that fails the
  // connection, the end or error of a body) and for an event past the policy's maxSize. The spec reestablishes the
  // connection after the first two and fails it after the third; a policy may decide otherwise.
  function lost(reason: LostReason, error?: unknown, polled?: boolean): void {
    // The rest of a failed response's body (or of a body cut by maxSize) is not read: cancel it.
    abort();
    // The spec's answer. 15.2 lets a user agent that "knows that to be futile" fail the connection after a network
    // error: for a URL that is not http(s) (ftp:, about:, mailto:, javascript:; a data: or blob: URL that failed)
    // it would fail again each time. Browsers do so, and WPT's eventsource-constructor-non-same-origin expects
    // CLOSED. A transport that can only long-poll asks for the next request at once.
    const spec =
      reason === 'response' || (error && !/^https?:/.test(state.url)) ? -1 : polled ? 0 : state.reconnectionTime;
    const delay = policy && policy.wait ? policy.wait(reason, spec, error) : spec;
    if (delay < 0) failTheConnection();
    else reestablishTheConnection(delay);
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection
  function announceTheConnection(): void {
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to OPEN and fires an event named open at the EventSource object." (It is CONNECTING then, unless a
    // transport replaced its request in the middle of a stream: that response announces nothing.)
    if (state.readyState === CONNECTING) {
      state.readyState = OPEN;
      dispatch(dom!.createEvent('open'));
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
  function reestablishTheConnection(delay: number): void {
    // 1. If the readyState attribute is set to CLOSED, abort these steps.
    if (state.readyState === CLOSED) return;
    // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
    //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
    state.readyState = CONNECTING;
    dispatch(dom!.createEvent('error'));
    // 3. Wait a delay equal to the reconnection time of the event source. 4. Optionally, wait some more: `delay`,
    //    what the policy decided. (5. The task of step 2 has run.)
    if (state.readyState === CONNECTING) {
      timer = setTimeout(function () {
        // 6. Queue a task: 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then
        //    return. 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it.
        if (state.readyState === CONNECTING) connect();
      }, Math.min(delay, MAX_DELAY));
    }
  }

  // (Waiting: CONNECTING, with no fetch.)
  function skipWait(): void {
    if (state.readyState === CONNECTING && !abortFetch) {
      clearTimeout(timer);
      connect();
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
  function failTheConnection(): void {
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
    // the connection, it does not attempt to reconnect."
    if (state.readyState !== CLOSED) {
      state.readyState = CLOSED;
      dispatch(dom!.createEvent('error'));
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
  // Steps 1-7 ran in the parser; this is step 8.
  // NON-SPEC (timing only): the events of one chunk are dispatched one after the other in the task that read the
  // chunk, not in a task each, as in every JavaScript implementation; Chromium does the same, though it also runs
  // microtasks between listeners. readyState is checked before each one, and close() stops the rest of the chunk.
  function dispatchTheEvent(message: EventStreamMessage): void {
    // 8. Queue a task which, if the readyState attribute is set to a value other than CLOSED, dispatches the newly
    //    created event at the EventSource object. 4.-6.: a MessageEvent of the event type, with the data, the
    //    origin of the final URL, and the last event ID string.
    if (state.readyState !== CLOSED) {
      dispatch(dom!.createMessageEvent(message.type, message.data, origin, message.lastEventId), true);
    }
  }

  function abort(): void {
    const abortNow = abortFetch;
    abortFetch = null;
    if (abortNow) abortNow();
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource-close
  function close(): void {
    // "abort any instances of the fetch algorithm started for this EventSource object, and set the readyState
    // attribute to CLOSED." Also: no reconnection pending, and nothing more from the chunk being parsed.
    state.readyState = CLOSED;
    abort();
    clearTimeout(timer);
    parser.reset();
  }

  // 15. Fetch request.
  connect();
  // 16. Return ev.
  return ev;
}

// The interface object and its prototype, set up in a function that bundlers may drop (with the whole class)
// when only the parser is imported.
export const EventSource = /*#__PURE__*/ (function (): EventSourceConstructor {
  // Where the platform's EventTarget can be constructed it is the base, as in `class EventSource extends EventTarget`
  // (the interface object inherits from EventTarget's too: Node's EventTarget finds a static property through the
  // constructor). Elsewhere the legacy module gives the prototype the shim's methods.
  // The function's own prototype object is kept: its `constructor` already has WebIDL's descriptor (writable and
  // configurable, not enumerable). (An engine that can construct EventTarget has Object.setPrototypeOf.)
  const Base = platform.dom && platform.dom.EventTarget;
  const prototype: EventSource = EventSourceImpl.prototype;
  if (Base) {
    Object.setPrototypeOf!(prototype, Base.prototype);
    Object.setPrototypeOf!(EventSourceImpl, Base);
  }

  // WebIDL: attributes and operations are enumerable and configurable; constants enumerable only, and also on the
  // interface object; @@toStringTag neither enumerable nor writable.
  function define(name: string | symbol, descriptor: PropertyDescriptor, constant?: boolean): void {
    descriptor.enumerable = typeof name === 'string';
    descriptor.configurable = !constant;
    Object.defineProperty(prototype, name as string, descriptor);
    if (constant) Object.defineProperty(EventSourceImpl, name as string, descriptor);
  }

  // const unsigned short CONNECTING = 0; OPEN = 1; CLOSED = 2; (on the interface object and on the prototype)
  const constants = ['CONNECTING', 'OPEN', 'CLOSED'];
  for (let i = 0; i < 3; i++) define(constants[i], { value: i }, true);

  // readonly attribute USVString url; readonly attribute boolean withCredentials; readonly attribute unsigned short
  // readyState;
  function defineAttribute(name: 'url' | 'withCredentials' | 'readyState'): void {
    define(name, {
      get: function (this: unknown) {
        return slots(this)[name];
      },
    });
  }
  defineAttribute('url');
  defineAttribute('withCredentials');
  defineAttribute('readyState');

  // Event handler IDL attributes: https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
  // The first non-null value adds the type's listener, which calls whatever the handler is then, so the handler
  // keeps the place of its first assignment among the listeners; null removes it. The listener is one function per
  // type, shared by all instances: listener lists belong to each target.
  function defineEventHandler(type: string): void {
    function listener(this: unknown, event: Event): void {
      const handler = slots(this).handlers[type];
      // WebIDL "invoke a callback function": a non-callable object (kept by [LegacyTreatNonObjectAsNull]) returns
      // undefined. "If return value is false, then cancel the event."
      if (typeof handler == 'function' && handler.call(this, event) === false) event.preventDefault();
    }
    define('on' + type, {
      get: function (this: unknown) {
        return slots(this).handlers[type] || null;
      },
      set: function (this: EventTarget, value: unknown) {
        const handlers = slots(this).handlers;
        const methods = platform.dom!.methods;
        // HTML's EventHandler is [LegacyTreatNonObjectAsNull]: any object is kept, callable or not; the rest is null.
        const handler = Object(value) === value ? (value as object) : null;
        if (!handler) methods.removeEventListener.call(this, type, listener);
        else if (!handlers[type]) methods.addEventListener.call(this, type, listener);
        handlers[type] = handler;
      },
    });
  }
  defineEventHandler('open');
  defineEventHandler('message');
  defineEventHandler('error');

  define('close', {
    value: function close(this: unknown) {
      slots(this).close();
    },
    writable: true,
  });

  if (typeof Symbol === 'function') define(Symbol.toStringTag, { value: 'EventSource' });

  return EventSourceImpl as unknown as EventSourceConstructor;
})();
