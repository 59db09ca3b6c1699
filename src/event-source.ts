// The EventSource interface and its processing model, step by step.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
import { isEventStream, utf8ByteString } from './http';
import { parser as createParser, type EventStreamMessage, type ParserCallbacks } from './parse';
import { platform } from './platform';
import { fetchTransport, type FetchLike } from './transport/fetch';
import { REPLACE, type Transport, type TransportRequest } from './transport/types';
import { baseURL } from './url';

export interface EventSourceInit {
  /** https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsourceinit-withcredentials */
  withCredentials?: boolean;
  /**
   * NON-SPEC, opt-in: the `fetch` to connect with (for auth, proxies, tests, or runtimes without a global one).
   * It is called as `fetch(url, init)`, and must resolve to a `Response` whose body can be read as a stream.
   */
  fetch?: FetchLike;
}

export interface EventSource extends EventTarget {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly readyState: 0 | 1 | 2;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
  onopen: ((this: EventSource, event: Event) => unknown) | null;
  onmessage: ((this: EventSource, event: MessageEvent) => unknown) | null;
  onerror: ((this: EventSource, event: Event) => unknown) | null;
  close(): void;
}

export interface EventSourceConstructor {
  new (url: string | { toString(): string }, eventSourceInitDict?: EventSourceInit): EventSource;
  readonly prototype: EventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

const CONNECTING = 0;
const OPEN = 1;
export const CLOSED = 2;
// setTimeout() takes a signed 32-bit delay; a longer `retry:` would fire at once instead of almost never.
export const MAX_DELAY = 2147483647;

/**
 * An instance's internal slots, kept in one non-enumerable property. They hold the EventSource's request too ("set
 * ev's request to request"), which each connection fetches again: its url and withCredentials are the attributes'.
 */
export interface State extends TransportRequest {
  readyState: 0 | 1 | 2;
  close(): void;
  /** Event handler attributes: the current values. */
  handlers: { [type: string]: Function | object | null | undefined };
}

const SLOTS = '__eventSource';

/**
 * An instance's slots. Called on another object, it returns undefined, and reading from that throws the TypeError
 * that WebIDL asks of an EventSource getter, setter or method called on the wrong object.
 */
export function slots(target: unknown): State {
  return (target as { [SLOTS]: State })[SLOTS];
}

/** The start of every message the constructor throws (the extensions' too). */
export const FAILED = 'EventSource: ';

export function failedToConstruct(message: string): TypeError {
  return new TypeError(FAILED + message);
}

/**
 * The one seam of the opt-in extensions (src/extended.ts). At each construction it gets the instance (its slots
 * are in place), the options, the parser's callbacks (to wrap, or to add maxSize and onError to) and the transport,
 * and returns the transport to use, which may wrap the given one. It throws for options it rejects.
 */
export type Extension = (ev: EventSource, init: object, callbacks: ParserCallbacks, transport: Transport) => Transport;
let extension: Extension | undefined;

/** Plugs the extensions in: a module-local variable, so that the ponyfill pays a letter for it once minified. */
export function setExtension(extend: Extension): void {
  extension = extend;
}

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

// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
function EventSourceImpl(this: unknown, url: unknown, eventSourceInitDict?: EventSourceInit): EventSource {
  if (!(this instanceof EventSourceImpl)) throw failedToConstruct("use the 'new' operator");
  if (!arguments.length) throw failedToConstruct('a URL is required');
  // WebIDL: url is a USVString, converted with ToString: concat() does that (String() would accept a Symbol).
  const input = ''.concat(url as string);
  // WebIDL: the dictionary may be undefined or null; anything else that is not an object is a TypeError.
  // (The extensions' request options are read here too, to refuse them where the extensions are not loaded.)
  const init: EventSourceInit & { headers?: unknown; method?: unknown; body?: unknown } =
    eventSourceInitDict == null ? {} : eventSourceInitDict;
  if (typeof init !== 'object' && typeof init !== 'function') throw failedToConstruct('options must be an object');
  const fetchOption = init.fetch;
  // (null, like undefined, means the global fetch.)
  if (fetchOption && typeof fetchOption !== 'function') throw failedToConstruct('fetch must be a function');
  // An extension's request options, ignored, would make a different request (unauthenticated, a GET for a POST).
  if (!extension && (init.headers || init.method || init.body)) {
    throw failedToConstruct('headers, method, body need whatwg-eventsource/extended');
  }
  const dom = platform.dom;
  let transport: Transport | null = fetchOption || fetchCanStream() ? fetchTransport : platform.xhr;
  if (!dom || !transport) {
    throw failedToConstruct('no EventTarget or streaming fetch here: needs whatwg-eventsource/polyfill');
  }

  // 1. Let ev be a new EventSource object. (An EventTarget made with this constructor's prototype, so that
  //    subclasses work and `instanceof EventTarget` holds; with the shims, the object `new` made.)
  const ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], (this as object).constructor) : this) as EventSource;
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
    headers: {},
    fetch: fetchOption,
    close: close,
    handlers: {},
  };
  Object.defineProperty(ev, SLOTS, { value: state });

  const dispatchEvent = dom.methods.dispatchEvent;
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time
  // "This must initially be an implementation-defined value, probably in the region of a few seconds."
  let reconnectionTime = 3000;
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-last-event-id
  let lastEventIdString = '';
  // The origin of the event stream's final URL (i.e., the URL after redirects).
  let origin: string;
  let abortFetch: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Whether this connection replaces one that the transport cut at an event boundary (XMLHttpRequest only).
  let replacing = false;

  const callbacks: ParserCallbacks = {
    onEvent: dispatchTheEvent,
    // Dispatch step 1: "Set the last event ID string of the event source to the value of the last event ID buffer."
    onId: function (id) {
      lastEventIdString = id;
    },
    // "set the event stream's reconnection time to that integer"
    onRetry: function (ms) {
      reconnectionTime = ms;
    },
  };
  // NON-SPEC, opt-in: the extensions module, where it is loaded, wraps the transport and the parser's callbacks.
  if (extension) transport = extension(ev, init, callbacks, transport);
  const parser = createParser(callbacks);

  function fire(type: string): void {
    dispatchEvent.call(ev, dom!.createEvent(type));
  }

  // 8.-15. The request, and the fetch. Also step 6 of "reestablish the connection", which refetches the request.
  function connect(): void {
    // 10. User agents may set (`Accept`, `text/event-stream`) in request's header list. No other header: a
    //     non-safelisted one (Cache-Control, say) would cost a CORS preflight that native EventSource never makes.
    const headers: { [name: string]: string } = (state.headers = { Accept: 'text/event-stream' });
    // Reestablish step 6.3: "If the EventSource object's last event ID string is not the empty string, then set
    // (`Last-Event-ID`, last event ID string, encoded as UTF-8) in request's header list."
    if (lastEventIdString) headers['Last-Event-ID'] = utf8ByteString(lastEventIdString);
    // A replacement connection goes on with the same stream: the parser, at an event boundary, keeps its state.
    if (!replacing) parser.reset();
    abortFetch = transport!(state, { response: processResponse, chunk: parser.feed, end: processEndOfBody });
  }

  // 15. processResponse, given response res.
  function processResponse(status: number, contentType: string | null, finalUrl: string | undefined): void {
    origin = platform.originOf(finalUrl || state.url);
    // 15.3. If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
    //       connection. (15.1-15.2, network errors, arrive through processEndOfBody.)
    if (status !== 200 || !isEventStream(contentType)) failTheConnection();
    // 15.4. Otherwise, announce the connection and interpret res's body line by line.
    else if (replacing) replacing = false;
    else announceTheConnection();
  }

  // 14. processEventSourceEndOfBody: "if res is not a network error, then reestablish the connection". 15.2: a
  //     network error, too, reestablishes the connection. So does a body that errors in the middle.
  //     NON-SPEC: a transport that cut the body to bound its memory (again = REPLACE) is replaced at once, the
  //     stream and readyState going on.
  //     15.2 lets a user agent that "knows that to be futile" fail the connection instead: a network error for a URL
  //     that is not http(s) (ftp:, about:, mailto:, javascript:; a data: or blob: URL that failed) would fail again
  //     each time. Browsers do so, and WPT's eventsource-constructor-non-same-origin expects CLOSED.
  function processEndOfBody(error?: unknown, again?: number): void {
    abortFetch = null;
    replacing = again === REPLACE;
    if (replacing) return connect();
    // "Once the end of the file is reached, any pending data must be discarded."
    parser.end();
    if (error && !/^https?:/.test(state.url)) failTheConnection();
    else reestablishTheConnection(again);
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection
  function announceTheConnection(): void {
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to OPEN and fires an event named open at the EventSource object."
    if (state.readyState !== CLOSED) {
      state.readyState = OPEN;
      fire('open');
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
  // NON-SPEC: `now`, from a transport that can only long-poll, reconnects without waiting the reconnection time.
  function reestablishTheConnection(now?: number): void {
    // 1. If the readyState attribute is set to CLOSED, abort these steps.
    if (state.readyState === CLOSED) return;
    // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
    //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
    state.readyState = CONNECTING;
    fire('error');
    // 3. Wait a delay equal to the reconnection time of the event source. (5. The task of step 2 has run.)
    if (state.readyState === CONNECTING) {
      timer = setTimeout(function () {
        // 6. Queue a task: 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then
        //    return. 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it.
        if (state.readyState === CONNECTING) connect();
      }, now ? 0 : Math.min(reconnectionTime, MAX_DELAY));
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
  function failTheConnection(): void {
    // The body of a failed response is not read: cancel it.
    abort();
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
    // the connection, it does not attempt to reconnect."
    if (state.readyState !== CLOSED) {
      state.readyState = CLOSED;
      fire('error');
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
      dispatchEvent.call(ev, dom!.createMessageEvent(message.type, message.data, origin, message.lastEventId));
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
