// `import { EventSource } from 'whatwg-eventsource/extended'`: the opt-in extensions beyond the spec (issue #5),
// plugged into the ponyfill's one seam (setExtension). Importing this module extends the one EventSource class,
// so the ponyfill's export, the polyfilled global and this export stay the same class. Without options an instance
// behaves as the spec says (the integration suite runs against it too), apart from the memory bound of
// maxEventSize, an implementation-defined limit of the kind HTML allows ("User agents may impose
// implementation-specific limits on otherwise unconstrained inputs").
//
// The extension drives the spec's processing model only through the transport protocol: it wraps the transport
// that the event source chose, and
//   - reestablishes the connection by ending the body with `again` (the event source then reconnects at once, and
//     the wrapper waits the delay of the reconnect policy itself before the next request),
//   - fails the connection by closing the instance and firing the `error` event itself,
//   - hands over only responses that announce the connection (200, text/event-stream).
// The details of an `error` event are attached by a listener added in the constructor, so first of all.
import {
  CLOSED,
  EventSource as CoreEventSource,
  FAILED,
  failedToConstruct,
  MAX_DELAY,
  setExtension,
  slots,
  type EventSourceInit,
  type State,
} from './event-source';
import type { AsyncIterableSource } from './extended-iterable';
import { parseRetryAfter, setQueryParameter, wellFormedByteString } from './extended-http';
import { isEventStream } from './http';
import type { ParserCallbacks } from './parse';
import { globalObject, platform } from './platform';
import {
  RECONNECT_AT_ONCE,
  REPLACE,
  type ResponseDetails,
  type Transport,
  type TransportHandlers,
  type TransportRequest,
} from './transport/types';
import { createUtf8StreamDecoder } from './utf8';

export { createParser } from './parse';
export type { EventStreamMessage, EventStreamParser, ParserCallbacks } from './parse';

/** Header names to values. Values may hold any Unicode: they are sent as UTF-8 bytes. */
export interface HeaderRecord {
  [name: string]: string;
}

/** A `Headers` object, or a record of header names to values. */
export type HeadersOption = HeaderRecord | { forEach(callback: (value: string, name: string) => void): void; get(name: string): string | null };

export interface BackoffOptions {
  /** Each consecutive reconnection waits this many times longer than the one before. Default 2. */
  multiplier?: number;
  /** The longest wait, in ms, unless the server's `retry:` or `reconnectionTime` is longer. Default 30000. */
  max?: number;
  /** Up to this fraction of the wait is added at random, so that clients do not come back together. Default 0.5. */
  jitter?: number;
}

/** The options of the extended `EventSource`. Each is off (the spec's behaviour) unless given. */
export interface ExtendedEventSourceInit extends EventSourceInit {
  /**
   * Request headers, or a function (which may return a promise) called before every connection and reconnection,
   * e.g. to refresh a token; the last event ID is kept. Your headers override `Accept` and `Last-Event-ID`.
   */
  headers?: HeadersOption | (() => HeadersOption | null | undefined | PromiseLike<HeadersOption | null | undefined>);
  /** The request method, e.g. `'POST'`. Default `'GET'`. */
  method?: string;
  /** The request body, sent again with every reconnection. Needs a `method` such as `'POST'`. */
  body?: XMLHttpRequestBodyInit | null;
  /** The last event ID to start from, as if the stream had sent it: the first request carries it. */
  lastEventId?: string;
  /**
   * Where the last event ID travels: the `Last-Event-ID` header (the spec's, default), a query parameter (no CORS
   * preflight cross-origin), or both.
   */
  lastEventIdIn?: 'header' | 'query' | 'both';
  /** The query parameter's name. Default `'lastEventId'`. */
  lastEventIdParam?: string;
  /** The reconnection time (ms) until the server sends `retry:`, which wins. Default 3000. */
  reconnectionTime?: number;
  /** Exponential backoff with jitter on top of the reconnection time: `true` for the defaults, or the options. */
  backoff?: boolean | BackoffOptions;
  /** The most reconnections in a row without an announced connection; then the connection fails. Default Infinity. */
  maxRetries?: number;
  /** HTTP statuses that reconnect instead of failing, honouring `Retry-After`, e.g. `[429, 502, 503, 504]`. */
  reconnectOnStatus?: number[];
  /** `false`: a clean end of the stream closes the source instead of reconnecting (one-shot streams). Default true. */
  reconnectOnEnd?: boolean;
  /** Reconnect a connection that has received nothing (not even a comment) for this many ms. Default 0: off. */
  inactivityTimeout?: number;
  /** Reconnect at once when the page goes back `online` or is restored from the back/forward cache. */
  reconnectOnResume?: boolean;
  /** Closes the source when aborted. */
  signal?: AbortSignal;
  /** The most characters buffered for one event; past it the connection fails. Default 8 MiB (8388608). */
  maxEventSize?: number;
}

/** Why an `error` event was fired. */
export type ErrorReason =
  /** The stream ended (cleanly). */
  | 'end'
  /** A network error, before the response or in the middle of its body: `error` holds it. */
  | 'network'
  /** The response was not 200 with `text/event-stream`: `status`, `statusText`, `contentType` and `body` tell. */
  | 'response'
  /** `inactivityTimeout` passed without a byte. */
  | 'timeout'
  /** The `headers` function threw, rejected, or returned something that is not headers: `error` holds it. */
  | 'headers'
  /** An event was larger than `maxEventSize`. */
  | 'size'
  /** `reconnectOnResume`: the page came back online or from the back/forward cache. */
  | 'resume';

/** The fields every `error` event of the extended `EventSource` carries. */
export interface ErrorDetails {
  reason: ErrorReason;
  /** The response's HTTP status ('response'). */
  status?: number;
  /** The response's status text ('response'; HTTP/2 has none). */
  statusText?: string;
  /** The response's `Content-Type` ('response'). */
  contentType?: string | null;
  /** The first 4096 characters of the response's body, as far as they came within a second ('response'). */
  body?: string;
  /** The underlying error ('network', 'timeout', 'headers', 'size'). */
  error?: unknown;
  /** Whether a reconnection is scheduled (readyState CONNECTING), or the source is CLOSED. */
  willReconnect: boolean;
  /** In how many ms the reconnection starts, when one is scheduled. */
  reconnectDelay?: number;
  /** The number of reconnections in a row since the last announced connection, this one included. */
  attempt: number;
}

export type ErrorEventWithDetails = Event & ErrorDetails;

/** What `for await` throws when the connection fails: the error event's details, as an `Error`. */
export type EventSourceFailure = Error & ErrorDetails & { cause?: unknown };

type EventMap<Events> = { [K in keyof Events]: string };
type DataOf<Events, K> = K extends keyof Events ? Events[K] : string;
type Listener<This, E> = ((this: This, event: E) => unknown) | { handleEvent(event: E): unknown };
/** The message events a source with this event map dispatches. */
export type MessageEventOf<Events> = MessageEvent<DataOf<Events, 'message'>> | { [K in keyof Events]: MessageEvent<Events[K]> }[keyof Events];

/**
 * The extended `EventSource`. `Events` maps the event types you expect to the type of their `data` (a string
 * type: `{ price: `${number}`; status: 'up' | 'down' }`), for typed listeners.
 */
export interface ExtendedEventSource<Events extends EventMap<Events> = {}> extends EventTarget, AsyncIterableSource<MessageEventOf<Events>> {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly readyState: 0 | 1 | 2;
  /** The last event ID string: what the next reconnection sends. */
  readonly lastEventId: string;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
  onopen: ((this: ExtendedEventSource<Events>, event: Event) => unknown) | null;
  onmessage: ((this: ExtendedEventSource<Events>, event: MessageEvent<DataOf<Events, 'message'>>) => unknown) | null;
  onerror: ((this: ExtendedEventSource<Events>, event: ErrorEventWithDetails) => unknown) | null;
  close(): void;
  addEventListener<K extends keyof Events & string>(
    type: K,
    listener: Listener<ExtendedEventSource<Events>, MessageEvent<Events[K]>>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: 'message', listener: Listener<ExtendedEventSource<Events>, MessageEvent<DataOf<Events, 'message'>>>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'error', listener: Listener<ExtendedEventSource<Events>, ErrorEventWithDetails>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'open', listener: Listener<ExtendedEventSource<Events>, Event>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events & string>(
    type: K,
    listener: Listener<ExtendedEventSource<Events>, MessageEvent<Events[K]>>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: 'message', listener: Listener<ExtendedEventSource<Events>, MessageEvent<DataOf<Events, 'message'>>>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: 'error', listener: Listener<ExtendedEventSource<Events>, ErrorEventWithDetails>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: 'open', listener: Listener<ExtendedEventSource<Events>, Event>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

export interface ExtendedEventSourceConstructor {
  new <Events extends EventMap<Events> = {}>(url: string | { toString(): string }, eventSourceInitDict?: ExtendedEventSourceInit): ExtendedEventSource<Events>;
  readonly prototype: ExtendedEventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

/** The default of maxEventSize, in characters. */
export const DEFAULT_MAX_EVENT_SIZE = 8388608;
/** How much of a failed response's body an error event carries (characters), and how long it is waited for (ms). */
export const ERROR_BODY_SIZE = 4096;
export const ERROR_BODY_WAIT = 1000;
// https://fetch.spec.whatwg.org/#concept-method and #concept-header-name: tokens.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The options, checked and with their defaults. */
interface Options {
  headers: HeaderRecord | (() => unknown);
  method: string | undefined;
  body: XMLHttpRequestBodyInit | null | undefined;
  lastEventId: string;
  lastEventIdIn: 'header' | 'query' | 'both';
  lastEventIdParam: string;
  reconnectionTime: number;
  backoff: { multiplier: number; max: number; jitter: number } | null;
  maxRetries: number;
  reconnectOnStatus: number[];
  reconnectOnEnd: boolean;
  inactivityTimeout: number;
  reconnectOnResume: boolean;
  signal: AbortSignal | undefined;
  maxEventSize: number;
}

/** An iterator's result (IteratorResult is not in the ES5 library). */
interface Step {
  value: MessageEvent | undefined;
  done: boolean;
}

interface Sink {
  push(event: MessageEvent): void;
  end(): void;
}

interface Extension {
  lastEventId: string;
  /** The details of the failure that closed the source (not of a clean one-shot end). */
  failure: ErrorDetails | null;
  /** The async iterators reading the source. */
  sinks: Sink[];
}

type ExtendedState = State & { ext?: Extension };

function noop(): void {}

function rangeError(message: string): RangeError {
  return new RangeError(FAILED + message);
}

/** A number option: undefined gives the default; Infinity only where allowed. */
function number(init: { [name: string]: unknown }, name: string, fallback: number, min: number, infinite?: boolean): number {
  const value = init[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw failedToConstruct(name + ' must be a number');
  if (!(value >= min) || (value === Infinity && !infinite)) {
    throw rangeError(name + ' must be a ' + (infinite ? '' : 'finite ') + 'number at least ' + min + ', not ' + value);
  }
  return value;
}

function boolean(init: { [name: string]: unknown }, name: string, fallback: boolean): boolean {
  const value = init[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw failedToConstruct(name + ' must be true or false');
  return value;
}

/** Header names and values, checked, with the values as byte strings. `what` names the culprit in errors. */
function normalizeHeaders(value: unknown, what: string): HeaderRecord {
  const headers: HeaderRecord = {};
  if (value == null) return headers;
  if (typeof value !== 'object') throw new TypeError(what + ' must be an object of header names to values, or a Headers object');
  function add(text: unknown, name: string): void {
    if (!TOKEN.test(name)) throw new TypeError(what + ": '" + name + "' is not a valid header name");
    if (typeof text !== 'string') throw new TypeError(what + ': the value of ' + name + ' must be a string, not ' + typeof text);
    if (/[\0\r\n]/.test(text)) throw new TypeError(what + ': the value of ' + name + ' contains NUL, CR or LF');
    headers[name] = wellFormedByteString(text);
  }
  const list = value as HeadersOption;
  if (typeof list.forEach === 'function' && typeof list.get === 'function') {
    (list as { forEach(callback: (value: string, name: string) => void): void }).forEach(add);
  } else {
    for (const name in list) if (Object.prototype.hasOwnProperty.call(list, name)) add((list as HeaderRecord)[name], name);
  }
  return headers;
}

function readOptions(init: { [name: string]: unknown }): Options {
  let headers = init.headers as Options['headers'];
  if (typeof headers !== 'function') headers = normalizeHeaders(headers, FAILED + 'headers');

  let method = init.method as string | undefined;
  if (method !== undefined) {
    if (typeof method !== 'string' || !TOKEN.test(method)) throw failedToConstruct('method must be a method name such as POST');
    const upper = method.toUpperCase();
    if (/^(CONNECT|TRACE|TRACK)$/.test(upper)) throw failedToConstruct('method ' + method + ' is forbidden');
    if (/^(DELETE|GET|HEAD|OPTIONS|POST|PUT)$/.test(upper)) method = upper;
  }
  const body = init.body;
  if (body != null) {
    if (
      typeof body !== 'string' &&
      !/^\[object (Blob|File|FormData|URLSearchParams|ArrayBuffer)\]$/.test(Object.prototype.toString.call(body)) &&
      !(typeof ArrayBuffer === 'function' && ArrayBuffer.isView && ArrayBuffer.isView(body))
    ) {
      throw failedToConstruct(
        'body must be a string, URLSearchParams, FormData, Blob, ArrayBuffer or typed array (JSON.stringify an object; ' +
          'a stream cannot be sent again when reconnecting)',
      );
    }
    if (method === undefined || method === 'GET' || method === 'HEAD') throw failedToConstruct("a body needs a method such as 'POST'");
  }

  const lastEventId = init.lastEventId === undefined ? '' : init.lastEventId;
  if (typeof lastEventId !== 'string') throw failedToConstruct('lastEventId must be a string');
  if (/[\0\r\n]/.test(lastEventId)) throw failedToConstruct('lastEventId cannot contain NUL, CR or LF');
  const lastEventIdIn = init.lastEventIdIn === undefined ? 'header' : init.lastEventIdIn;
  if (lastEventIdIn !== 'header' && lastEventIdIn !== 'query' && lastEventIdIn !== 'both') {
    throw failedToConstruct("lastEventIdIn must be 'header', 'query' or 'both'");
  }
  const lastEventIdParam = init.lastEventIdParam === undefined ? 'lastEventId' : init.lastEventIdParam;
  if (typeof lastEventIdParam !== 'string' || !lastEventIdParam) throw failedToConstruct('lastEventIdParam must be a non-empty string');

  let backoff: Options['backoff'] = null;
  const backoffOption = init.backoff;
  if (backoffOption && typeof backoffOption === 'object') {
    const b = backoffOption as { [name: string]: unknown };
    backoff = { multiplier: number(b, 'multiplier', 2, 1), max: number(b, 'max', 30000, 0, true), jitter: number(b, 'jitter', 0.5, 0) };
    if (backoff.jitter > 1) throw rangeError('backoff.jitter must be between 0 and 1');
  } else if (boolean(init, 'backoff', false)) {
    backoff = { multiplier: 2, max: 30000, jitter: 0.5 };
  }

  const maxRetries = number(init, 'maxRetries', Infinity, 0, true);
  if (maxRetries !== Infinity && maxRetries % 1) throw rangeError('maxRetries must be a whole number');
  const statuses = init.reconnectOnStatus === undefined ? [] : init.reconnectOnStatus;
  if (!Array.isArray(statuses)) throw failedToConstruct('reconnectOnStatus must be an array of HTTP statuses');
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i];
    if (typeof status !== 'number' || status % 1 || status < 100 || status > 599 || status === 200) {
      throw rangeError('reconnectOnStatus: ' + status + ' is not an HTTP status other than 200');
    }
  }

  const signal = init.signal as AbortSignal | undefined;
  if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
    throw failedToConstruct('signal must be an AbortSignal');
  }
  const inactivityTimeout = number(init, 'inactivityTimeout', 0, 0, true);

  return {
    headers: headers,
    method: method,
    body: body as Options['body'],
    lastEventId: lastEventId,
    lastEventIdIn: lastEventIdIn,
    lastEventIdParam: lastEventIdParam,
    reconnectionTime: number(init, 'reconnectionTime', 3000, 0),
    backoff: backoff,
    maxRetries: maxRetries,
    reconnectOnStatus: statuses.slice(),
    reconnectOnEnd: boolean(init, 'reconnectOnEnd', true),
    // 0 and Infinity: off.
    inactivityTimeout: inactivityTimeout === Infinity ? 0 : Math.min(inactivityTimeout, MAX_DELAY),
    reconnectOnResume: boolean(init, 'reconnectOnResume', false),
    signal: signal,
    maxEventSize: number(init, 'maxEventSize', DEFAULT_MAX_EVENT_SIZE, 1, true),
  };
}

function header(details: ResponseDetails | undefined, name: string): string | null {
  try {
    if (details && details.headers) return details.headers.get(name);
    if (details && details.getResponseHeader) return details.getResponseHeader(name);
  } catch (error) {
    // An XMLHttpRequest may refuse to show a header.
  }
  return null;
}

function describe(details: ErrorDetails): string {
  const error = details.error as { message?: unknown } | undefined;
  const cause = error && typeof error.message === 'string' ? ': ' + error.message : '';
  switch (details.reason) {
    case 'response':
      return details.status !== 200
        ? 'HTTP ' + details.status + (details.statusText ? ' ' + details.statusText : '')
        : 'the Content-Type ' + (details.contentType || '(none)') + ' is not text/event-stream';
    case 'network':
      return 'network error' + cause;
    case 'headers':
      return 'the headers option failed' + cause;
    case 'size':
      return 'an event was larger than maxEventSize';
    default:
      return details.reason + cause;
  }
}

/** Copies the details' own enumerable properties onto the target (an Error, an error event). */
function assign(target: object, details: ErrorDetails): void {
  for (const name in details) (target as { [name: string]: unknown })[name] = (details as unknown as { [name: string]: unknown })[name];
}

function failureOf(details: ErrorDetails): EventSourceFailure {
  const error = new Error('EventSource failed: ' + describe(details)) as EventSourceFailure;
  assign(error, details);
  error.cause = details.error;
  return error;
}

// The seam's function: runs in the constructor, before the first request.
function extend(ev: object, init: object, callbacks: ParserCallbacks, inner: Transport): Transport {
  const o = readOptions(init as { [name: string]: unknown });
  const state = slots(ev) as ExtendedState;
  const dom = platform.dom!;
  const ext: Extension = (state.ext = { lastEventId: o.lastEventId, failure: null, sinks: [] });
  // The event source's reconnection time, as the parser reports `retry:` fields.
  let reconnectionTime = o.reconnectionTime;
  // Reconnections in a row since the last announced connection.
  let attempts = 0;
  // The wait before the next request, decided when the connection was lost.
  let nextDelay = 0;
  // The details for the error event being fired.
  let pending: ErrorDetails | null = null;
  // The current request's controls, for reconnectOnResume; null between requests.
  let active: { resume(): void } | null = null;
  let origin = '';

  // Listeners are called in the order they were added: this one, added before the constructor returns, is first.
  dom.methods.addEventListener.call(
    ev,
    'error',
    function (event: Event) {
      const details = pending;
      pending = null;
      if (details) assign(event, details);
    },
    true,
  );

  function fireError(details: ErrorDetails): void {
    pending = details;
    dom.methods.dispatchEvent.call(ev, dom.createEvent('error'));
    pending = null;
  }

  // Fails the connection: CLOSED, and one error event with the details.
  function fail(details: ErrorDetails): void {
    if (state.readyState === CLOSED) return;
    details.willReconnect = false;
    details.attempt = attempts;
    if (details.reason !== 'end') ext.failure = details;
    state.close();
    fireError(details);
  }

  function delayFor(attempt: number): number {
    const backoff = o.backoff;
    if (!backoff) return reconnectionTime;
    const grown = reconnectionTime * Math.pow(backoff.multiplier, attempt - 1);
    return Math.min(grown * (1 + backoff.jitter * Math.random()), Math.max(backoff.max, reconnectionTime));
  }

  const onId = callbacks.onId!;
  const onRetry = callbacks.onRetry!;
  const onEvent = callbacks.onEvent!;
  callbacks.onId = function (id) {
    ext.lastEventId = id;
    onId(id);
  };
  callbacks.onRetry = function (ms) {
    reconnectionTime = ms;
    onRetry(ms);
  };
  callbacks.onEvent = function (message) {
    // The event source dispatches the message unless it is CLOSED: so do the iterators, and first, so that a
    // listener that closes the source ends them after this message.
    const sinks = ext.sinks;
    if (sinks.length && state.readyState !== CLOSED) {
      const event = dom.createMessageEvent(message.type, message.data, origin, message.lastEventId);
      for (let i = 0; i < sinks.length; i++) sinks[i].push(event);
    }
    onEvent(message);
  };
  if (o.maxEventSize !== Infinity) {
    callbacks.maxSize = o.maxEventSize;
    callbacks.onError = function (error) {
      fail({ reason: 'size', error: error, willReconnect: false, attempt: 0 });
    };
  }

  function onAbort(): void {
    state.close();
  }
  function onResume(event: Event): void {
    if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
    if (active) active.resume();
    else nextDelay = 0;
  }
  // The window (or worker) global.
  const scope = globalObject() as Partial<EventTarget>;
  // The global's methods as they are now: a page may replace them later.
  const removeListener = o.reconnectOnResume && scope.addEventListener && scope.removeEventListener;
  if (removeListener) {
    scope!.addEventListener!('online', onResume);
    scope!.addEventListener!('pageshow', onResume);
  }
  if (o.signal) o.signal.addEventListener('abort', onAbort);

  const coreClose = state.close;
  state.close = function () {
    coreClose();
    if (o.signal) o.signal.removeEventListener('abort', onAbort);
    if (removeListener) {
      removeListener.call(scope, 'online', onResume);
      removeListener.call(scope, 'pageshow', onResume);
    }
    const sinks = ext.sinks.splice(0, ext.sinks.length);
    for (let i = 0; i < sinks.length; i++) sinks[i].end();
  };

  // One request: called by the event source at each connection, replacement and reconnection.
  return function extendedTransport(request: TransportRequest, handlers: TransportHandlers): () => void {
    // An AbortSignal that was aborted before the constructor: closed before any request.
    if (o.signal && o.signal.aborted) {
      state.close();
      return noop;
    }
    const delay = nextDelay;
    nextDelay = 0;
    let finished = false;
    let started = false;
    let abortRequest: (() => void) | null = null;
    // The reconnection wait, then the wait for the body of a failed response.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stall: ReturnType<typeof setTimeout> | undefined;
    // A failed response whose body is being read for the error event.
    let failure: ErrorDetails | null = null;
    let retryable = false;
    let retryAfter: number | undefined;
    let text = '';
    let decode: ((bytes: Uint8Array) => string) | undefined;
    const controls = {
      resume: function () {
        if (!started) {
          clearTimeout(timer);
          start();
        } else if (abortRequest && !failure) {
          // Connecting or open: the connection predates the network change, so it is replaced.
          reconnect({ reason: 'resume', willReconnect: true, attempt: attempts }, 0, true);
        }
      },
    };
    active = controls;

    function stop(): void {
      finished = true;
      clearTimeout(timer);
      clearTimeout(stall);
      if (active === controls) active = null;
      const abortNow = abortRequest;
      abortRequest = null;
      if (abortNow) abortNow();
    }

    // Reestablishes the connection, unless maxRetries forbids it: then fails it. `immediate`: at once, and not
    // counted as a retry (a resume, a long-polling transport).
    function reconnect(details: ErrorDetails, minimum?: number, immediate?: boolean): void {
      stop();
      if (!immediate && attempts + 1 > o.maxRetries) return fail(details);
      if (!immediate) attempts++;
      let wait = immediate ? 0 : delayFor(attempts);
      if (minimum !== undefined && minimum > wait) wait = minimum;
      wait = Math.min(Math.round(wait), MAX_DELAY);
      details.willReconnect = true;
      details.reconnectDelay = wait;
      details.attempt = attempts;
      nextDelay = wait;
      pending = details;
      handlers.end(details.error, RECONNECT_AT_ONCE);
      pending = null;
    }

    function armStall(): void {
      const timeout = o.inactivityTimeout;
      if (!timeout) return;
      clearTimeout(stall);
      stall = setTimeout(function () {
        if (failure) return finishBody();
        const error = new Error('no data received for ' + timeout + ' ms');
        error.name = 'TimeoutError';
        reconnect({ reason: 'timeout', error: error, willReconnect: true, attempt: attempts });
      }, timeout);
    }

    function start(): void {
      started = true;
      armStall();
      const headers = o.headers;
      if (typeof headers !== 'function') return send(headers);
      let value: unknown;
      let settled = false;
      try {
        value = headers();
        if (value && typeof (value as PromiseLike<unknown>).then === 'function') {
          (value as PromiseLike<unknown>).then(
            function (result) {
              if (!finished && !settled) {
                settled = true;
                send(result, true);
              }
            },
            function (error) {
              if (!finished && !settled) {
                settled = true;
                reconnect({ reason: 'headers', error: error, willReconnect: true, attempt: attempts });
              }
            },
          );
          return;
        }
      } catch (error) {
        if (!finished && !settled) {
          settled = true;
          reconnect({ reason: 'headers', error: error, willReconnect: true, attempt: attempts });
        }
        return;
      }
      send(value, true);
    }

    function send(given: unknown, dynamic?: boolean): void {
      // The headers function may have closed the source.
      if (finished) return;
      let own: HeaderRecord;
      try {
        own = dynamic ? normalizeHeaders(given, 'the headers function returned a value that') : (given as HeaderRecord);
      } catch (error) {
        stop();
        return fail({ reason: 'headers', error: error, willReconnect: false, attempt: 0 });
      }
      const headers: HeaderRecord = {};
      for (const name in request.headers) if (name !== 'Last-Event-ID') headers[name] = request.headers[name];
      let url = request.url;
      const id = ext.lastEventId;
      if (id) {
        if (o.lastEventIdIn !== 'query') headers['Last-Event-ID'] = wellFormedByteString(id);
        if (o.lastEventIdIn !== 'header') url = setQueryParameter(url, o.lastEventIdParam, id);
      }
      for (const name in own) {
        const lower = name.toLowerCase();
        for (const existing in headers) if (existing.toLowerCase() === lower) delete headers[existing];
        headers[name] = own[name];
      }
      abortRequest = inner(
        { url: url, withCredentials: request.withCredentials, headers: headers, method: o.method, body: o.body, fetch: request.fetch },
        { response: response, chunk: chunk, end: end },
      );
    }

    function response(status: number, contentType: string | null, url: string | undefined, details?: ResponseDetails): void {
      if (finished) return;
      armStall();
      if (status === 200 && isEventStream(contentType)) {
        attempts = 0;
        origin = platform.originOf(url || request.url);
        return handlers.response(status, contentType, url, details);
      }
      // A failed response: its body is read, up to ERROR_BODY_SIZE characters or ERROR_BODY_WAIT ms.
      failure = {
        reason: 'response',
        status: status,
        statusText: (details && details.statusText) || '',
        contentType: contentType,
        body: '',
        willReconnect: false,
        attempt: attempts,
      };
      // (reconnectOnStatus never holds 200: readOptions refuses it.)
      retryable = o.reconnectOnStatus.indexOf(status) >= 0;
      if (retryable) retryAfter = parseRetryAfter(header(details, 'Retry-After'), new Date().getTime());
      timer = setTimeout(finishBody, ERROR_BODY_WAIT);
    }

    function chunk(data: Uint8Array | string): void {
      if (finished) return;
      armStall();
      if (!failure) return handlers.chunk(data);
      if (typeof data !== 'string') {
        try {
          data = (decode || (decode = createUtf8StreamDecoder()))(data);
        } catch (error) {
          data = '';
        }
      }
      text += data;
      if (text.length >= ERROR_BODY_SIZE) finishBody();
    }

    function finishBody(): void {
      const details = failure!;
      details.body = text.length > ERROR_BODY_SIZE ? text.slice(0, ERROR_BODY_SIZE) : text;
      if (retryable) return reconnect(details, retryAfter);
      stop();
      fail(details);
    }

    function end(error?: unknown, again?: number): void {
      if (finished) return;
      // The transport replaces the connection to bound its memory: the event source connects again at once.
      if (again === REPLACE) {
        stop();
        return handlers.end(error, again);
      }
      if (failure) return finishBody();
      if (error) return reconnect({ reason: 'network', error: error, willReconnect: true, attempt: attempts });
      if (!o.reconnectOnEnd) {
        stop();
        return fail({ reason: 'end', willReconnect: false, attempt: 0 });
      }
      // A transport that can only long-poll asks for the next request at once, as the event source would.
      reconnect({ reason: 'end', willReconnect: true, attempt: attempts }, undefined, again === RECONNECT_AT_ONCE);
    }

    // A header function is called in a task of its own, never inside the constructor (where it could not yet
    // see the variable that the new instance will be assigned to).
    if (delay > 0 || typeof o.headers === 'function') timer = setTimeout(start, delay);
    else start();
    return stop;
  };
}

// The async iterator of a source: every message event it dispatches from then on, of any type, queued until read.
function iterate(source: unknown): { next(): Promise<Step>; return(): Promise<Step> } {
  const state = slots(source) as ExtendedState;
  const ext = state.ext;
  const queue: MessageEvent[] = [];
  const waiting: Array<[(result: Step) => void, (error: unknown) => void]> = [];
  let ended = !ext || state.readyState === CLOSED;
  let failure: EventSourceFailure | null = ended && ext && ext.failure ? failureOf(ext.failure) : null;

  function settle(): void {
    while (waiting.length) {
      const next = waiting.shift()!;
      if (failure) next[1](failure);
      else next[0]({ value: undefined, done: true });
      failure = null;
    }
  }
  const sink: Sink = {
    push: function (event) {
      const next = waiting.shift();
      if (next) next[0]({ value: event, done: false });
      else queue.push(event);
    },
    end: function () {
      ended = true;
      failure = ext!.failure ? failureOf(ext!.failure) : null;
      settle();
    },
  };
  if (!ended) ext!.sinks.push(sink);

  const iterator = {
    next: function (): Promise<Step> {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (ended) {
        const error = failure;
        failure = null;
        return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise(function (resolve, reject) {
        waiting.push([resolve, reject]);
      });
    },
    // `break` out of a for await loop closes the source.
    return: function (): Promise<Step> {
      ended = true;
      failure = null;
      queue.length = 0;
      if (ext) {
        const index = ext.sinks.indexOf(sink);
        if (index >= 0) ext.sinks.splice(index, 1);
      }
      state.close();
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  (iterator as unknown as { [key: string]: unknown })[asyncIteratorSymbol as unknown as string] = function (this: unknown) {
    return this;
  };
  return iterator;
}

const asyncIteratorSymbol: symbol | undefined = typeof Symbol === 'function' ? (Symbol as unknown as { asyncIterator?: symbol }).asyncIterator : undefined;

function setup(): ExtendedEventSourceConstructor {
  setExtension(extend);
  const prototype = CoreEventSource.prototype;
  // readonly attribute DOMString lastEventId (as an IDL attribute would be: on the prototype, enumerable).
  Object.defineProperty(prototype, 'lastEventId', {
    get: function (this: unknown) {
      const ext = (slots(this) as ExtendedState).ext;
      return ext ? ext.lastEventId : '';
    },
    enumerable: true,
    configurable: true,
  });
  if (asyncIteratorSymbol) {
    Object.defineProperty(prototype, asyncIteratorSymbol as unknown as string, {
      value: function (this: unknown) {
        return iterate(this);
      },
      writable: true,
      configurable: true,
    });
  }
  return CoreEventSource as unknown as ExtendedEventSourceConstructor;
}

/** The `EventSource` class, with the extensions plugged in: the same class as the ponyfill's. */
export const EventSource: ExtendedEventSourceConstructor = setup();
