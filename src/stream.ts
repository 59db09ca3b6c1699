// The `whatwg-eventsource/stream` entry: the event stream parser as a TransformStream, for code that already holds
// a response body (`response.body.pipeThrough(new EventStream())`). Bytes or text in, messages out.
// https://streams.spec.whatwg.org/#ts-class
import { createParser, type EventStreamMessage } from './parse';

export type { EventStreamMessage } from './parse';

export interface EventStreamOptions {
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

/** A real `TransformStream`: `Uint8Array` (UTF-8) or string chunks in, one message per dispatched event out. */
export type EventStream = TransformStream<Uint8Array | string, EventStreamMessage>;

export interface EventStreamConstructor {
  new (options?: EventStreamOptions): EventStream;
}

// A function, not a class: the output is ES5, and a transpiled class cannot extend a native TransformStream. It
// returns the TransformStream it made, so `instanceof TransformStream` holds (`instanceof EventStream` does not).
// TransformStream is looked up here, not at import, so that importing the module never fails.
function EventStreamImpl(this: unknown, options?: EventStreamOptions): EventStream {
  if (!(this instanceof EventStreamImpl)) throw new TypeError("EventStream: use the 'new' operator");
  if (typeof TransformStream !== 'function') {
    throw new TypeError('EventStream: this platform has no TransformStream (it needs the Streams API: Node 18+, Deno, Bun, modern browsers)');
  }
  const o = options || {};
  const onError = o.onError;
  let controller: TransformStreamDefaultController<EventStreamMessage>;
  const parser = createParser({
    onEvent: function (message) {
      controller.enqueue(message);
    },
    onRetry: o.onRetry,
    onComment: o.onComment,
    onError: function (error) {
      if (onError) return onError(error);
      controller.error(error);
      // Stops the rest of the chunk: nothing may be enqueued into an errored stream.
      parser.end();
    },
    maxSize: o.maxSize,
  });
  return new TransformStream<Uint8Array | string, EventStreamMessage>({
    start: function (c) {
      controller = c;
    },
    // A chunk that is neither bytes nor text, or a callback that throws, errors the stream with that exception.
    transform: function (chunk) {
      parser.feed(chunk);
    },
    // "Once the end of the file is reached, any pending data must be discarded."
    flush: function () {
      parser.end();
    },
  });
}

export const EventStream = EventStreamImpl as unknown as EventStreamConstructor;
