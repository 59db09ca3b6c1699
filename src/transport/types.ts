// What the event source asks of a transport, and what a transport tells it. Transports know nothing of events.
import type { FetchLike } from './fetch';

/** end()'s `again`: the transport could only read the body once it was complete (long polling). */
export const RECONNECT_AT_ONCE = 1;
/** end()'s `again`: the transport cut the body at an event boundary to bound its memory. */
export const REPLACE = 2;

export interface TransportRequest {
  url: string;
  withCredentials: boolean;
  /** The fetch to call (fetch transport): the `fetch` option, else the global one. */
  fetch?: FetchLike;
  /** Header values are byte strings (one character per byte). */
  headers: { [name: string]: string };
  /** NON-SPEC, from the extensions: the method (default GET) and a body to send (sent again on each request). */
  method?: string;
  body?: XMLHttpRequestBodyInit | null;
}

/** The response object itself (fetch's Response, or the XMLHttpRequest), for the extensions' error details. */
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
   * The body ended (no error), or the request or the body failed (the error). Never after abort. `again`:
   * RECONNECT_AT_ONCE, reconnect without waiting the reconnection time; REPLACE, connect again at once, with no
   * event, the stream going on as if uncut.
   */
  end(error?: unknown, again?: number): void;
}

/** Starts a request and returns the function that aborts it. Handlers are only ever called asynchronously. */
export type Transport = (request: TransportRequest, handlers: TransportHandlers) => () => void;
