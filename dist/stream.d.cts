/** One dispatched event: what the spec puts into a `MessageEvent`, less what the event source adds (`origin`). */
interface EventStreamMessage {
    /** The event type buffer, or `"message"` when it was empty. */
    type: string;
    /** The data buffer, its last LF removed. */
    data: string;
    /** The last event ID buffer at dispatch time, which becomes the event source's last event ID string. */
    lastEventId: string;
}

interface EventStreamOptions {
    /**
     * The most characters buffered for one event (see `createParser`). Past it the stream errors, unless `onError`
     * is given: then `onError` is called, that event is dropped and the stream goes on.
     */
    maxSize?: number;
    /** Called with the new reconnection time (ms) as soon as a valid `retry` line is read. */
    onRetry?: (ms: number) => void;
    /** Called for each comment line with the text after the colon (one leading space removed). */
    onComment?: (comment: string) => void;
    /** Called when `maxSize` is exceeded, instead of erroring the stream. */
    onError?: (error: Error) => void;
}
interface EventStreamConstructor {
    new (options?: EventStreamOptions): EventStream;
}
/** A real `TransformStream`: `Uint8Array` (UTF-8) or string chunks in, one message per dispatched event out. */
type EventStream = TransformStream<Uint8Array | string, EventStreamMessage>;
declare const EventStream: EventStreamConstructor;

export { EventStream };
export type { EventStreamConstructor, EventStreamMessage, EventStreamOptions };
