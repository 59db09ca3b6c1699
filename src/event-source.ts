// The EventSource interface and its processing model, step by step.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
import { nativeDom, type DomBindings } from './dom/events';
import { isEventStream, utf8ByteString } from './http';
import { createParser, type EventStreamMessage } from './parse';
import { createFetchTransport, type FetchLike } from './transport/fetch';
import type { Transport } from './transport/types';
import { baseURL, originOf, parseURL } from './url';

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
const CLOSED = 2;
// setTimeout() takes a signed 32-bit delay; a longer `retry:` would fire at once instead of almost never.
const MAX_DELAY = 2147483647;
// https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time
// "This must initially be an implementation-defined value, probably in the region of a few seconds."
const DEFAULT_RECONNECTION_TIME = 3000;

interface Handler {
  value: Function;
  listener: (event: Event) => void;
}

interface State {
  readyState: 0 | 1 | 2;
  url: string;
  withCredentials: boolean;
  close(): void;
  handlers: { [type: string]: Handler | undefined };
}

// The instance's internal slots live in one non-enumerable property.
const SLOTS = '__eventSource';

function slots(target: unknown): State {
  const state = target ? (target as { [SLOTS]?: State })[SLOTS] : undefined;
  if (!state) throw new TypeError('Illegal invocation: not an EventSource');
  return state;
}

function defineConstant(target: object, name: string, value: number): void {
  Object.defineProperty(target, name, { value: value, enumerable: true });
}

const dom: DomBindings | null = nativeDom();

function syntaxError(message: string): Error {
  return typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
}

function defaultFetch(): FetchLike | undefined {
  return typeof fetch === 'function' ? (fetch as FetchLike) : undefined;
}

// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
function EventSourceImpl(this: unknown, url: unknown, eventSourceInitDict?: EventSourceInit): EventSource {
  if (!(this instanceof EventSourceImpl)) {
    throw new TypeError("Failed to construct 'EventSource': use the 'new' operator");
  }
  if (arguments.length < 1) {
    throw new TypeError("Failed to construct 'EventSource': 1 argument required, but only 0 present");
  }
  if (!dom) throw new TypeError('EventSource: this platform has no EventTarget, Event and MessageEvent to build on');
  // WebIDL: url is a USVString, converted with ToString (a Symbol cannot be).
  if (typeof url === 'symbol') throw new TypeError("Failed to construct 'EventSource': url cannot be a Symbol");
  const input = String(url);
  // WebIDL: the dictionary may be undefined or null; anything else that is not an object is a TypeError.
  const init = eventSourceInitDict == null ? {} : eventSourceInitDict;
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError("Failed to construct 'EventSource': the second argument is not an object");
  }
  const fetchImpl = init.fetch === undefined ? defaultFetch() : init.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError(
      init.fetch === undefined
        ? 'EventSource: this platform has no fetch(); pass one as the fetch option'
        : 'EventSource: the fetch option must be a function',
    );
  }
  const transport: Transport = createFetchTransport(fetchImpl);

  // 1. Let ev be a new EventSource object. (It is an EventTarget made with this constructor's prototype, so that
  //    subclasses work and `instanceof EventTarget` holds.)
  const ev = dom.construct!((this as { constructor: Function }).constructor) as EventSource;
  // 3.-4. Let urlRecord be the result of encoding-parsing a URL given url, relative to settings. If urlRecord is
  //    failure, then throw a "SyntaxError" DOMException.
  const urlRecord = parseURL(input, baseURL());
  if (urlRecord === null) throw syntaxError("Failed to construct 'EventSource': the URL '" + input + "' is invalid");
  // 6.-7. If withCredentials is true, set corsAttributeState to Use Credentials and ev's withCredentials to true.
  const state: State = {
    readyState: CONNECTING,
    // 5. Set ev's url to urlRecord.
    url: urlRecord,
    withCredentials: !!init.withCredentials,
    close: close,
    handlers: {},
  };
  Object.defineProperty(ev, SLOTS, { value: state });

  const dispatchEvent = dom.EventTarget.prototype.dispatchEvent;
  const createEvent = dom.createEvent;
  const createMessageEvent = dom.createMessageEvent;
  let reconnectionTime = DEFAULT_RECONNECTION_TIME;
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-last-event-id
  let lastEventIdString = '';
  // The origin of the event stream's final URL (i.e., the URL after redirects).
  let origin = '';
  let abortFetch: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const parser = createParser({
    onEvent: dispatchTheEvent,
    // Dispatch step 1: "Set the last event ID string of the event source to the value of the last event ID buffer."
    onId: function (id) {
      lastEventIdString = id;
    },
    // "set the event stream's reconnection time to that integer"
    onRetry: function (ms) {
      reconnectionTime = ms;
    },
  });

  function fire(type: string): void {
    dispatchEvent.call(ev, createEvent(type));
  }

  // 8.-15. The request, and the fetch. Also step 6 of "reestablish the connection", which refetches the request.
  function connect(): void {
    // 10. User agents may set (`Accept`, `text/event-stream`) in request's header list. No other header: a
    //     non-safelisted one (Cache-Control, say) would cost a CORS preflight that native EventSource never makes.
    const headers: { [name: string]: string } = { Accept: 'text/event-stream' };
    // Reestablish step 6.3: "If the EventSource object's last event ID string is not the empty string, then set
    // (`Last-Event-ID`, last event ID string, encoded as UTF-8) in request's header list."
    if (lastEventIdString !== '') headers['Last-Event-ID'] = utf8ByteString(lastEventIdString);
    parser.reset();
    abortFetch = transport(
      { url: state.url, withCredentials: state.withCredentials, headers: headers },
      { response: processResponse, chunk: parser.feed, end: processEndOfBody },
    );
  }

  // 15. processResponse, given response res.
  function processResponse(status: number, contentType: string | null, finalUrl: string): void {
    origin = originOf(finalUrl || state.url);
    // 15.3. If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
    //       connection. (15.1-15.2, network errors, arrive through processEndOfBody.)
    if (status !== 200 || !isEventStream(contentType)) return failTheConnection();
    // 15.4. Otherwise, announce the connection and interpret res's body line by line.
    announceTheConnection();
  }

  // 14. processEventSourceEndOfBody: "if res is not a network error, then reestablish the connection". 15.2: a
  //     network error, too, reestablishes the connection. So does a body that errors in the middle.
  function processEndOfBody(): void {
    abortFetch = null;
    // "Once the end of the file is reached, any pending data must be discarded."
    parser.end();
    reestablishTheConnection();
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection
  function announceTheConnection(): void {
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to OPEN and fires an event named open at the EventSource object."
    if (state.readyState === CLOSED) return;
    state.readyState = OPEN;
    fire('open');
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
  function reestablishTheConnection(): void {
    // 1. If the readyState attribute is set to CLOSED, abort these steps.
    if (state.readyState === CLOSED) return;
    // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
    //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
    state.readyState = CONNECTING;
    fire('error');
    // 3. Wait a delay equal to the reconnection time of the event source. (5. The task of step 2 has run.)
    if (state.readyState !== CONNECTING) return;
    timer = setTimeout(reconnect, reconnectionTime < MAX_DELAY ? reconnectionTime : MAX_DELAY);
  }

  // Reestablish step 6: "Queue a task to run the following steps".
  function reconnect(): void {
    timer = null;
    // 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then return.
    if (state.readyState !== CONNECTING) return;
    // 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it again.
    connect();
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
  function failTheConnection(): void {
    // The body of a failed response is not read: cancel it.
    abort();
    // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
    // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
    // the connection, it does not attempt to reconnect."
    if (state.readyState === CLOSED) return;
    state.readyState = CLOSED;
    fire('error');
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
  // Steps 1-7 ran in the parser; this is step 8.
  // NON-SPEC (timing only): the events of one chunk are dispatched one after the other in the task that read the
  // chunk, not in a task each, as in every JavaScript implementation; Chromium does the same, though it also runs
  // microtasks between listeners. readyState is checked before each one, and close() stops the rest of the chunk.
  function dispatchTheEvent(message: EventStreamMessage): void {
    // 8. Queue a task which, if the readyState attribute is set to a value other than CLOSED, dispatches the newly
    //    created event at the EventSource object.
    if (state.readyState === CLOSED) return;
    // 4.-6. A MessageEvent of the event type, with data, the origin of the final URL, and the last event ID string.
    dispatchEvent.call(ev, createMessageEvent(message.type, message.data, origin, message.lastEventId));
  }

  function abort(): void {
    if (abortFetch) {
      const abortNow = abortFetch;
      abortFetch = null;
      abortNow();
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource-close
  function close(): void {
    // "abort any instances of the fetch algorithm started for this EventSource object, and set the readyState
    // attribute to CLOSED." Also: no reconnection pending, and nothing more from the chunk being parsed.
    state.readyState = CLOSED;
    abort();
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    parser.reset();
  }

  // 15. Fetch request.
  connect();
  // 16. Return ev.
  return ev;
}

const prototype: EventSource = dom ? Object.create(dom.EventTarget.prototype) : {};
EventSourceImpl.prototype = prototype;
// As `class EventSource extends EventTarget` would: the interface object inherits from EventTarget's (Node's
// EventTarget also recognises its instances by a static property found through the constructor).
if (dom && Object.setPrototypeOf) Object.setPrototypeOf(EventSourceImpl, dom.EventTarget);
Object.defineProperty(prototype, 'constructor', { value: EventSourceImpl, writable: true, configurable: true });

// const unsigned short CONNECTING = 0; OPEN = 1; CLOSED = 2; (on the interface object and on the prototype)
defineConstant(EventSourceImpl, 'CONNECTING', CONNECTING);
defineConstant(EventSourceImpl, 'OPEN', OPEN);
defineConstant(EventSourceImpl, 'CLOSED', CLOSED);
defineConstant(prototype, 'CONNECTING', CONNECTING);
defineConstant(prototype, 'OPEN', OPEN);
defineConstant(prototype, 'CLOSED', CLOSED);

function defineAttribute(name: 'url' | 'withCredentials' | 'readyState'): void {
  Object.defineProperty(prototype, name, {
    get: function (this: unknown) {
      return slots(this)[name];
    },
    enumerable: true,
    configurable: true,
  });
}
defineAttribute('url');
defineAttribute('withCredentials');
defineAttribute('readyState');

// Event handler IDL attributes: https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
// The first non-null value adds a listener that calls whatever the handler is then, so the handler keeps the place
// of its first assignment among the listeners; null removes that listener.
function defineEventHandler(type: 'open' | 'message' | 'error'): void {
  Object.defineProperty(prototype, 'on' + type, {
    get: function (this: unknown) {
      const handler = slots(this).handlers[type];
      return handler ? handler.value : null;
    },
    set: function (this: EventTarget, value: unknown) {
      const handlers = slots(this).handlers;
      let handler = handlers[type];
      if (typeof value !== 'function') {
        if (handler) {
          dom!.EventTarget.prototype.removeEventListener.call(this, type, handler.listener);
          handlers[type] = undefined;
        }
        return;
      }
      if (handler) {
        handler.value = value;
        return;
      }
      const created: Handler = {
        value: value,
        listener: function (this: unknown, event: Event) {
          // "If return value is false, then cancel the event."
          if (created.value.call(this, event) === false) event.preventDefault();
        },
      };
      handlers[type] = created;
      dom!.EventTarget.prototype.addEventListener.call(this, type, created.listener);
    },
    enumerable: true,
    configurable: true,
  });
}
defineEventHandler('open');
defineEventHandler('message');
defineEventHandler('error');

Object.defineProperty(prototype, 'close', {
  value: function close(this: unknown) {
    slots(this).close();
  },
  writable: true,
  enumerable: true,
  configurable: true,
});

const toStringTag = typeof Symbol === 'function' ? Symbol.toStringTag : undefined;
if (toStringTag) Object.defineProperty(prototype, toStringTag, { value: 'EventSource', configurable: true });

export const EventSource = EventSourceImpl as unknown as EventSourceConstructor;
