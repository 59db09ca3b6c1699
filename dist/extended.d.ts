/** `fetch` as the fetch transport calls it (the `fetch` option, or the global one). */
type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A `MessageEvent` whose `data` has the type `Data` (always text: use string types). */
type MessageEventOf<Data extends string = string> = Omit<MessageEvent, 'data'> & {
    readonly data: Data;
};
/** The options of `addEventListener` (the DOM's `AddEventListenerOptions`, which Node's types keep to themselves). */
interface ListenerOptions {
    capture?: boolean;
    once?: boolean;
    passive?: boolean;
    signal?: AbortSignal;
}
/** A listener of events `E` on a source `This`: a function, or an object with `handleEvent`. */
type Listener<This, E> = ((this: This, event: E) => unknown) | {
    handleEvent(event: E): unknown;
};
/** An event handler attribute's value. */
type EventHandler<E> = ((event: E) => unknown) | null;
/** What listeners of each event type get, by default. */
interface EventSourceEventMap {
    open: Event;
    error: Event;
    message: MessageEventOf;
}
/**
 * The members of an EventSource whose listeners get `EventMap[type]` (a `MessageEvent` for types not in it) and
 * whose handlers and listeners are called with `this` a `This`. Other classes (the extended one, a shared one)
 * reuse it with their own map.
 */
interface EventSourceOf<EventMap extends {
    open: Event;
    error: Event;
    message: Event;
}, This = unknown> extends EventTarget {
    readonly url: string;
    readonly withCredentials: boolean;
    readonly readyState: 0 | 1 | 2;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
    get onopen(): EventHandler<Event>;
    set onopen(handler: EventHandler<EventMap['open']>);
    get onmessage(): EventHandler<Event>;
    set onmessage(handler: EventHandler<EventMap['message']>);
    get onerror(): EventHandler<Event>;
    set onerror(handler: EventHandler<EventMap['error']>);
    close(): void;
    addEventListener<K extends keyof EventMap & string>(type: K, listener: Listener<This, EventMap[K]> | null, options?: boolean | ListenerOptions): void;
    addEventListener(type: string, listener: Listener<This, MessageEventOf> | null, options?: boolean | ListenerOptions): void;
    removeEventListener<K extends keyof EventMap & string>(type: K, listener: Listener<This, EventMap[K]> | null, options?: boolean | Pick<ListenerOptions, 'capture'>): void;
    removeEventListener(type: string, listener: Listener<This, MessageEventOf> | null, options?: boolean | Pick<ListenerOptions, 'capture'>): void;
}

interface EventSourceInit {
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

// The one type that the ES5 library of src/ cannot state: src/ type-checks against ES5 (where Symbol.asyncIterator
// does not exist), so this declaration file is skipped there (skipLibCheck) and read by consumers' compilers,
// whose libraries have it.

/** `for await (const event of source)`: where the engine has `Symbol.asyncIterator`. */
interface AsyncIterableSource<T> {
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> & { [Symbol.asyncIterator](): AsyncIterator<T, undefined> };
}

/** What fromReadableStream() reads: a ReadableStream of Uint8Array chunks. */
interface ByteStream {
    readonly locked: boolean;
    getReader(): ByteStreamReader;
}
interface ByteStreamReader {
    read(): Promise<{
        done: boolean;
        value?: unknown;
    }>;
    cancel(reason?: unknown): Promise<void>;
}

/** Header names to values. Values may hold any Unicode: they are sent as UTF-8 bytes. */
interface HeaderRecord {
    [name: string]: string;
}
/** A `Headers` object, or a record of header names to values. */
type HeadersOption = HeaderRecord | {
    forEach(callback: (value: string, name: string) => void): void;
    get(name: string): string | null;
};
/** What `body` may be: what can be sent again with every reconnection (not a stream). */
type RequestBody = string | URLSearchParams | FormData | Blob | ArrayBuffer | ArrayBufferView;
interface BackoffOptions {
    /** Each consecutive reconnection waits this many times longer than the one before. Default 2. */
    multiplier?: number;
    /** The longest wait, in ms, unless the server's `retry:` or `reconnectionTime` is longer. Default 30000. */
    max?: number;
    /** Up to this fraction of the wait is added at random, so that clients do not come back together. Default 0.5. */
    jitter?: number;
}
/** The options of the extended `EventSource`. Each is off (the spec's behaviour) unless given. */
interface ExtendedEventSourceInit extends EventSourceInit {
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
    /**
     * When the page comes back (`resume`, a restore from the back/forward cache, `visibilitychange` to visible,
     * `online`): `'auto'` (default) reconnects at once, with the last event ID, a connection that shows signs of
     * being dead (nothing received while the page was away, and the page was frozen, cached or offline, or hidden
     * for 10 s or more); `true` replaces the connection at every resume, restore and `online`; `false`: never.
     */
    reconnectOnResume?: boolean | 'auto';
    /** Closes the source when aborted. */
    signal?: AbortSignal;
    /** The most characters buffered for one event; past it the connection fails. Default 8 MiB (8388608). */
    maxEventSize?: number;
}
/** Why an `error` event was fired. */
type ErrorReason = 
/** The stream ended (cleanly). */
'end'
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
/** `reconnectOnResume`: the page came back (resumed, restored, visible or online) and the connection was replaced. */
 | 'resume';
/** The fields every `error` event of the extended `EventSource` carries. */
interface ErrorDetails {
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
type ErrorEventWithDetails = Event & ErrorDetails;
/** The fields every `open` event of the extended `EventSource` carries: the response that was announced. */
interface OpenDetails {
    /** 200. */
    status: number;
    /** The response's status text (HTTP/2 has none). */
    statusText: string;
    /** The response's `Content-Type`: an event stream's, with its parameters. */
    contentType: string | null;
}
type OpenEventWithDetails = Event & OpenDetails;
/** What `for await` throws when the connection fails: the error event's details, as an `Error`. */
type EventSourceFailure = Error & ErrorDetails & {
    cause?: unknown;
};
/** Event types mapped to the type of their `data` (text: string types). */
type EventDataMap<Events> = {
    [K in keyof Events]: string;
};
type DataOf<Events, K> = K extends keyof Events ? Events[K] : string;
/** What listeners of each type get, for a source with the event data map `Events`. */
type ExtendedEventMap<Events> = {
    [K in keyof Events]: MessageEventOf<Events[K] & string>;
} & {
    open: OpenEventWithDetails;
    error: ErrorEventWithDetails;
    message: MessageEventOf<DataOf<Events, 'message'> & string>;
};
/** The message events a source with this event data map dispatches. */
type MessageEventFor<Events> = MessageEventOf<DataOf<Events, 'message'> & string> | {
    [K in keyof Events]: MessageEventOf<Events[K] & string>;
}[keyof Events];
/**
 * The extended `EventSource`. `Events` maps the event types you expect to the type of their `data` (a string
 * type: `{ price: `${number}`; status: 'up' | 'down' }`), for typed listeners.
 */
interface ExtendedEventSource$1<Events extends EventDataMap<Events> = {}> extends EventSourceOf<ExtendedEventMap<Events>, ExtendedEventSource$1<Events>>, AsyncIterableSource<MessageEventFor<Events>> {
    /** The last event ID string: what the next reconnection sends. */
    readonly lastEventId: string;
    /** The reconnection time in ms: the initial one until a `retry:` line sets it (whatwg/html#12272). */
    readonly reconnectionTime: number;
    /**
     * Discards the data not yet dispatched (a half-received event), so that a fresh stream can be piped into the
     * stream a `fromReadableStream()` source reads (whatwg/html#12272). The last event ID and reconnection time stay.
     */
    reset(): void;
}
interface ExtendedEventSourceConstructor {
    new <Events extends EventDataMap<Events> = {}>(url: string | {
        toString(): string;
    }, eventSourceInitDict?: ExtendedEventSourceInit): ExtendedEventSource$1<Events>;
    readonly prototype: ExtendedEventSource$1;
    /**
     * An event source that reads a byte stream you hold, such as a `fetch()` response body made with any headers
     * (whatwg/html#12272). Its `url` is `about:event-stream`, its events' `origin` is `"null"`; when the stream ends
     * or errors it fires `error` and closes, and never reconnects: pipe the next stream in yourself. Throws a
     * TypeError if the stream is locked.
     */
    fromReadableStream<Events extends EventDataMap<Events> = {}>(stream: ByteStream): ExtendedEventSource$1<Events>;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
}

/** The default of maxEventSize, in characters. */
declare const DEFAULT_MAX_EVENT_SIZE = 8388608;

/** How much of a failed response's body an error event carries (characters), and how long it is waited for (ms). */
declare const ERROR_BODY_SIZE = 4096;
declare const ERROR_BODY_WAIT = 1000;

/** One dispatched event: what the spec puts into a `MessageEvent`, less what the event source adds (`origin`). */
interface EventStreamMessage {
    /** The event type buffer, or `"message"` when it was empty. */
    type: string;
    /** The data buffer, its last LF removed. */
    data: string;
    /** The last event ID buffer at dispatch time, which becomes the event source's last event ID string. */
    lastEventId: string;
}
interface ParserCallbacks {
    /** Called for each dispatched event (a blank line after a block that had at least one `data` field). */
    onEvent?: (message: EventStreamMessage) => void;
    /**
     * Called when a dispatch (any blank line, so also for blocks with no data, such as id-only blocks) sets the last
     * event ID string to a new value: at the first dispatch of a stream, and after any `id` field that changed the
     * last event ID buffer. Called before `onEvent` for the same block.
     */
    onId?: (id: string) => void;
    /**
     * The last event ID buffer's value before the first stream (default ''), such as an id kept from an earlier
     * session: an event without an `id` field carries it (`onId` reports it at the first dispatch, as any value).
     */
    lastEventId?: string;
    /** Called with the new reconnection time (ms) as soon as a valid `retry` line is read, not at dispatch. */
    onRetry?: (ms: number) => void;
    /** Called for each comment line with the text after the colon (one leading space removed). */
    onComment?: (comment: string) => void;
    /** Called when `maxSize` is exceeded; the event being buffered is dropped and parsing goes on after it. */
    onError?: (error: Error) => void;
    /**
     * The most characters the parser buffers for one event (its data buffer plus the line being read). Unbounded by
     * default. Past it, `onError` is called, and the rest of that event (up to its blank line) is discarded unread.
     */
    maxSize?: number;
}
interface EventStreamParser {
    /** Parses the next chunk of the stream: UTF-8 bytes or already decoded text. */
    feed(chunk: Uint8Array | string): void;
    /** Ends the stream: an event not yet dispatched is discarded. The parser is then ready for a new stream. */
    end(): void;
    /** Starts a new stream (a new connection): every buffer back to the empty string, a BOM expected again. */
    reset(): void;
}
/** Creates a parser for one event stream at a time. */
declare function createParser(callbacks: ParserCallbacks): EventStreamParser;

/** The same, under the name of the class. */
type EventSource<Events extends {
    [K in keyof Events]: string;
} = {}> = ExtendedEventSource$1<Events>;
/** The extended `EventSource` class: a subclass of the package's `EventSource`. */
declare const EventSource: ExtendedEventSourceConstructor;
/** An instance of the extended `EventSource`, typed by the data of its event types. */
type ExtendedEventSource<Events extends {
    [K in keyof Events]: string;
} = {}> = ExtendedEventSource$1<Events>;
/** The same class, under a name that tells it from the plain one. */
declare const ExtendedEventSource: ExtendedEventSourceConstructor;

export { DEFAULT_MAX_EVENT_SIZE, ERROR_BODY_SIZE, ERROR_BODY_WAIT, EventSource, ExtendedEventSource, createParser };
export type { BackoffOptions, ByteStream, ByteStreamReader, ErrorDetails, ErrorEventWithDetails, ErrorReason, EventDataMap, EventSourceEventMap, EventSourceFailure, EventSourceInit, EventSourceOf, EventStreamMessage, EventStreamParser, ExtendedEventMap, ExtendedEventSourceConstructor, ExtendedEventSourceInit, HeaderRecord, HeadersOption, Listener, ListenerOptions, MessageEventFor, MessageEventOf, OpenDetails, OpenEventWithDetails, ParserCallbacks, RequestBody };
