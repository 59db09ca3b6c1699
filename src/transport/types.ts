// What the event source asks of a transport, and what a transport tells it. Transports know nothing of events, and
// see nothing of the EventSource: only the request that the event source makes for each connection.

/** `fetch` as the fetch transport calls it (the `fetch` option, or the global one). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Header names to values; values are byte strings (one character per byte). */
export interface HeaderList {
  [name: string]: string;
}

/**
 * One connection's request, made afresh by the event source for each one. A transport reads `url` and calls
 * `headers()` for each HTTP request it sends: one that replaces its request in the middle of a stream (the
 * XMLHttpRequest transport, to bound its memory) gets the current `Last-Event-ID` so.
 */
export interface TransportRequest {
  readonly url: string;
  readonly withCredentials: boolean;
  /** The fetch to call (fetch transport): the `fetch` option, else the global one. */
  readonly fetch?: FetchLike | null;
  /** The header list, as of now. */
  headers(): HeaderList;
  /** NON-SPEC, from the extended class: the method (default GET) and a body to send (sent again on each request). */
  readonly method?: string;
  readonly body?: unknown;
}

/** The response object itself (fetch's Response, or the XMLHttpRequest), for the extended class's error details. */
export interface ResponseDetails {
  statusText: string;
  headers?: { get(name: string): string | null };
  getResponseHeader?(name: string): string | null;
}

export interface TransportHandlers {
  /** The response's headers arrived. `url` is the final URL after redirects ('' or undefined when unknown). */
  response(status: number, contentType: string | null, url: string | undefined, details?: ResponseDetails): void;
  /** A piece of the body: bytes, or text where the platform only gives text. */
  chunk(data: Uint8Array | string): void;
  /**
   * The body ended (no error), or the request or the body failed (the error). Never after abort. `polled`: the
   * transport could read the body only once it was complete (long polling), so the next request is due at once.
   */
  end(error?: unknown, polled?: boolean): void;
}

/** Starts a request and returns the function that aborts it. Handlers are only ever called asynchronously. */
export type Transport = (request: TransportRequest, handlers: TransportHandlers) => () => void;
