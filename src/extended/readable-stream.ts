// `EventSource.fromReadableStream(stream)`: an event source that reads a byte stream the application already holds
// (a fetch() body made with any headers, say), as whatwg/html#12272 proposes (open; followed at its head commit
// b8125939f24bfdb53e1395c5c6e575e47991f9e9, "Add reset() method to EventSource", over
// 3e74d905e78817ab4a8f91cecf1d8aaa810f2e31, and its tests, web-platform-tests#58550). The PR's spec text was not
// reachable: what follows comes from its description and commit messages, and where they are silent from the tests.
//
// It is not a second processing model: the stream is one more transport under the core's construct(), announced
// once and read to its end, and the policy fails the connection when it ends ("Since there can't be any automatic
// reconnection and streams can't be reopened", the PR's author: error, CLOSED, no reconnection).
import { FAILED } from '../event-source';
import type { Transport } from '../transport/types';

/** The URL of an event source made from a stream (#12272 defines it). Its origin is opaque: events say "null". */
export const STREAM_URL = 'about:event-stream';

/** What fromReadableStream() reads: a ReadableStream of Uint8Array chunks. */
export interface ByteStream {
  readonly locked: boolean;
  getReader(): ByteStreamReader;
}

export interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: unknown }>;
  cancel(reason?: unknown): Promise<void>;
}

function noop(): void {}

/** Checks the argument of fromReadableStream(): a TypeError for what is not a stream, or a locked one. */
export function checkStream(stream: unknown): ByteStream {
  const s = stream as ByteStream;
  if (!s || typeof s.getReader !== 'function') throw new TypeError(FAILED + 'fromReadableStream() needs a ReadableStream');
  // WPT: "throws TypeError if the stream is locked".
  if (s.locked) throw new TypeError(FAILED + 'the stream is locked: another reader is reading it');
  return s;
}

/**
 * The transport of a stream-made source. The core calls it once, in construct(); it gets the stream's reader there
 * (so the stream is locked from then on), announces the connection in a microtask, and hands over each chunk.
 */
export function streamTransport(stream: ByteStream): Transport {
  return function (_request, handlers) {
    const reader = stream.getReader();
    let done = false;

    function end(error?: unknown): void {
      if (!done) {
        done = true;
        handlers.end(error);
      }
    }

    // As the fetch transport reads a body: the next read is asked for as a promise reaction, so that a chunk is
    // parsed as soon as the stream gives it (WPT's TransformStream tests read lastEventId once pipeTo() resolves).
    function read(result?: { done: boolean; value?: unknown }): void {
      if (done) return;
      if (result) {
        if (result.done) return end();
        const chunk = result.value;
        // Bytes only, as fetch reads a body: a chunk that is not a Uint8Array fails the connection, and the rest of
        // the stream is cancelled. (#12272's text on this was not reachable; this is Fetch's rule for bodies.)
        if (Object.prototype.toString.call(chunk) !== '[object Uint8Array]') {
          const error = new TypeError(FAILED + 'a chunk of the stream is not a Uint8Array');
          reader.cancel(error).then(noop, noop);
          return end(error);
        }
        try {
          handlers.chunk(chunk as Uint8Array);
        } catch (error) {
          return end(error);
        }
        if (done) return;
      }
      reader.read().then(read, end);
    }

    // The connection is announced once the constructor has returned (WPT: CONNECTING right after it, then `open`
    // with OPEN), even for a stream that is already closed or errored: `open`, then `error`.
    Promise.resolve().then(function () {
      if (done) return;
      handlers.response(200, 'text/event-stream', STREAM_URL);
      read();
    });

    // close(): the stream is cancelled, so that its source (a fetch, a pipe) stops too.
    return function abort(): void {
      if (done) return;
      done = true;
      reader.cancel().then(noop, noop);
    };
  };
}
