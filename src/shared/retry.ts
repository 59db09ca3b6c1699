// The reconnection time a stream sets (`retry:`), seen on the bytes of the holder's connection, so that the tab that
// takes over reconnects with it: the extended EventSource keeps it to itself. Only lines that start with `retry:`
// matter, so this is a byte scan for those, not a second parse.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time

const BOM = [0xef, 0xbb, 0xbf];

/** Feeds the bytes of one response; calls onRetry(ms) for each valid `retry:` field. */
export function retryScanner(onRetry: (ms: number) => void): (bytes: Uint8Array) => void {
  // The current line's first characters, or null once it is longer than any retry field worth reading.
  let line: string | null = '';
  // How much of a BOM (EF BB BF) starts the stream: it is not part of the first line.
  let bom = 0;
  return function (bytes) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (bom < 3) {
        if (byte === BOM[bom]) {
          bom++;
          continue;
        }
        bom = 3;
      }
      if (byte === 10 || byte === 13) {
        // "If the field value consists of only ASCII digits, ... set the reconnection time to that integer."
        const match = line && /^retry: ?(\d+)$/.exec(line);
        if (match) onRetry(+match[1]);
        line = '';
      } else if (line !== null) {
        line = line.length < 32 ? line + String.fromCharCode(byte) : null;
      }
    }
  };
}

/**
 * A fetch whose responses' bodies pass through the scanner on their way to the reader. (The body is replaced on
 * the response itself, so that its status, headers and URL stay the response's own.)
 */
export function scanningFetch(given: typeof fetch | undefined, onRetry: (ms: number) => void): typeof fetch {
  return function (input: RequestInfo | URL, init?: RequestInit) {
    return (given || fetch)(input, init).then(function (response) {
      const body = response.body;
      if (!body || typeof ReadableStream !== 'function') return response;
      const reader = body.getReader();
      const scan = retryScanner(onRetry);
      const stream = new ReadableStream<Uint8Array>({
        pull: function (controller) {
          return reader.read().then(function (result) {
            if (result.done) return controller.close();
            scan(result.value);
            controller.enqueue(result.value);
          });
        },
        cancel: function (reason) {
          return reader.cancel(reason);
        },
      });
      Object.defineProperty(response, 'body', { value: stream });
      return response;
    });
  } as typeof fetch;
}
