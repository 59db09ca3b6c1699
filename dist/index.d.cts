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

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface EventSourceInit {
    /** https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsourceinit-withcredentials */
    withCredentials?: boolean;
    /**
     * NON-SPEC, opt-in: the `fetch` to connect with (for auth, proxies, tests, or runtimes without a global one).
     * It is called as `fetch(url, init)`, and must resolve to a `Response` whose body can be read as a stream.
     */
    fetch?: FetchLike;
}
interface EventSourceConstructor {
    new (url: string | {
        toString(): string;
    }, eventSourceInitDict?: EventSourceInit): EventSource;
    readonly prototype: EventSource;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
}
interface EventSource extends EventTarget {
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
declare const EventSource: EventSourceConstructor;

export { EventSource, createParser };
export type { EventSourceConstructor, EventSourceInit, EventStreamMessage, EventStreamParser, ParserCallbacks };
