// The fetch transport: fetch() and the response body's ReadableStream reader.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource (steps 8-15: the request)
import type { Transport } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function noop(): void {}

export function createFetchTransport(fetchImpl: FetchLike): Transport {
  return function fetchTransport(request, handlers) {
    let done = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;

    function fail(error: unknown): void {
      if (done) return;
      done = true;
      handlers.end(error);
    }

    function read(): void {
      reader!
        .read()
        .then(function (result) {
          if (done) return;
          if (result.done) {
            done = true;
            handlers.end();
          } else {
            handlers.chunk(result.value);
            if (!done) read();
          }
        })
        .then(undefined, fail);
    }

    let pending: Promise<Response>;
    try {
      pending = Promise.resolve(
        fetchImpl(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          // "create a potential-CORS request" with the Anonymous or Use Credentials state.
          mode: 'cors',
          credentials: request.withCredentials ? 'include' : 'same-origin',
          // 11. Set request's cache mode to "no-store".
          cache: 'no-store',
          signal: controller ? controller.signal : undefined,
        }),
      );
    } catch (error) {
      // A fetch that throws instead of rejecting still fails asynchronously, like a network error.
      pending = Promise.reject(error);
    }
    pending
      .then(function (response) {
        if (!done) handlers.response(response.status, response.headers.get('content-type'), response.url, response);
        const body = response.body;
        if (done) {
          // Failed or closed while the headers were handled: the body is cancelled, never awaited.
          if (body) body.cancel().then(noop, noop);
          return;
        }
        if (!body) {
          done = true;
          handlers.end();
          return;
        }
        reader = body.getReader();
        read();
      })
      .then(undefined, fail);

    return function abort(): void {
      if (done) return;
      done = true;
      // Never await reader.cancel(): a body that does not answer must not hold anything up.
      if (reader) reader.cancel().then(noop, noop);
      if (controller) controller.abort();
    };
  };
}
