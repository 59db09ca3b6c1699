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
/** An instance of the package's `EventSource`. */
interface EventSource$1 extends EventSourceOf<EventSourceEventMap, EventSource$1> {
}
/** The package's `EventSource` class. */
interface EventSourceConstructor {
    new (url: string | {
        toString(): string;
    }, eventSourceInitDict?: EventSourceInit): EventSource$1;
    readonly prototype: EventSource$1;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
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
/** An instance of the package's `EventSource`. */
type EventSource = EventSource$1;
declare const EventSource: EventSourceConstructor;

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

export { EventSource, createParser };
export type { EventSourceConstructor, EventSourceEventMap, EventSourceInit, EventSourceOf, EventStreamMessage, EventStreamParser, Listener, ListenerOptions, MessageEventOf, ParserCallbacks };
