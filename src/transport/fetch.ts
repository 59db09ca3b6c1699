// The fetch transport: fetch() and the response body's ReadableStream reader.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource (steps 8-15: the request)
import type { Transport } from './types';

function noop(): void {}

// Few closures per request, none per read: an idle connection holds one pending read and the functions below.
export const fetchTransport: Transport = function (request, handlers) {
  let done = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  // Every engine that gets here has AbortController: fetchCanStream() asks for it, and the `fetch` option is for
  // runtimes that all have it (an engine without it throws a ReferenceError from the constructor).
  const controller = new AbortController();

  // The end of the body (no error), or a failure of the request or of the body.
  function end(error?: unknown): void {
    if (!done) {
      done = true;
      handlers.end(error);
    }
  }

  // Reads the next chunk; given a read's result, first hands it over. A chunk handler that throws ends the body as
  // a read error would.
  function read(result?: ReadableStreamReadResult<Uint8Array>): void {
    if (done) return;
    if (result) {
      if (result.done) return end();
      try {
        handlers.chunk(result.value);
      } catch (error) {
        return end(error);
      }
      if (done) return;
    }
    reader!.read().then(read, end);
  }

  // A fetch that throws instead of rejecting still fails asynchronously, like a network error.
  const pending = new Promise<Response>(function (resolve) {
    resolve(
      (request.fetch || fetch)(request.url, {
        method: request.method,
        headers: request.headers(),
        body: request.body as BodyInit | null | undefined,
        // "create a potential-CORS request" with the Anonymous or Use Credentials state: mode "cors" (fetch's default
        // for a URL), and credentials "same-origin" (the default) or "include".
        credentials: request.withCredentials ? 'include' : undefined,
        // 11. Set request's cache mode to "no-store". (Redirects are followed: fetch's default.)
        cache: 'no-store',
        signal: controller.signal,
      }),
    );
  });
  pending
    .then(function (response) {
      if (!done) handlers.response(response.status, response.headers.get('content-type'), response.url, response);
      const body = response.body;
      // Failed or closed while the headers were handled: the body is cancelled, never awaited.
      if (done) {
        if (body) body.cancel().then(noop, noop);
      } else if (body) {
        reader = body.getReader();
        read();
      } else end();
    })
    .then(undefined, end);

  return function abort(): void {
    if (done) return;
    done = true;
    // Never await reader.cancel(): a body that does not answer must not hold anything up.
    if (reader) reader.cancel().then(noop, noop);
    controller.abort();
  };
};
