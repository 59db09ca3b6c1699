// The public types of the extended class: its options, the details its `error` events carry, its event map.
import type { EventSourceInit } from '../event-source';
import type { EventSourceOf, MessageEventOf } from '../types';
import type { AsyncIterableSource } from './iterable';

/** Header names to values. Values may hold any Unicode: they are sent as UTF-8 bytes. */
export interface HeaderRecord {
  [name: string]: string;
}

/** A `Headers` object, or a record of header names to values. */
export type HeadersOption = HeaderRecord | { forEach(callback: (value: string, name: string) => void): void; get(name: string): string | null };

/** What `body` may be: what can be sent again with every reconnection (not a stream). */
export type RequestBody = string | URLSearchParams | FormData | Blob | ArrayBuffer | ArrayBufferView;

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
  body?: RequestBody | null;
  /** The last event ID to start from, as if the stream had sent it: the first request carries it. */
  lastEventId?: string;
  /**
   * Where the last event ID travels: the `Last-Event-ID` header (the spec's, default), a query parameter (no CORS
   * preflight cross-origin), or both.
   */
  lastEventIdIn?: 'header' | 'query' | 'both';
  /** The query parameter's name. Default `'lastEventId'`. */
  lastEventIdParam?: string;
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

/** The fields every `open` event of the extended `EventSource` carries: the response that was announced. */
export interface OpenDetails {
  /** 200. */
  status: number;
  /** The response's status text (HTTP/2 has none). */
  statusText: string;
  /** The response's `Content-Type`: an event stream's, with its parameters. */
  contentType: string | null;
}

export type OpenEventWithDetails = Event & OpenDetails;

/** What `for await` throws when the connection fails: the error event's details, as an `Error`. */
export type EventSourceFailure = Error & ErrorDetails & { cause?: unknown };

/** Event types mapped to the type of their `data` (text: string types). */
export type EventDataMap<Events> = { [K in keyof Events]: string };

type DataOf<Events, K> = K extends keyof Events ? Events[K] : string;

/** What listeners of each type get, for a source with the event data map `Events`. */
export type ExtendedEventMap<Events> = { [K in keyof Events]: MessageEventOf<Events[K] & string> } & {
  open: OpenEventWithDetails;
  error: ErrorEventWithDetails;
  message: MessageEventOf<DataOf<Events, 'message'> & string>;
};

/** The message events a source with this event data map dispatches. */
export type MessageEventFor<Events> = MessageEventOf<DataOf<Events, 'message'> & string> | { [K in keyof Events]: MessageEventOf<Events[K] & string> }[keyof Events];

/**
 * The extended `EventSource`. `Events` maps the event types you expect to the type of their `data` (a string
 * type: `{ price: `${number}`; status: 'up' | 'down' }`), for typed listeners.
 */
export interface ExtendedEventSource<Events extends EventDataMap<Events> = {}>
  extends EventSourceOf<ExtendedEventMap<Events>, ExtendedEventSource<Events>>,
    AsyncIterableSource<MessageEventFor<Events>> {
  /** The last event ID string: what the next reconnection sends. */
  readonly lastEventId: string;
}

export interface ExtendedEventSourceConstructor {
  new <Events extends EventDataMap<Events> = {}>(url: string | { toString(): string }, eventSourceInitDict?: ExtendedEventSourceInit): ExtendedEventSource<Events>;
  readonly prototype: ExtendedEventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}
