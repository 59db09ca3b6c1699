// Shared by the tests of src/extended.ts: the fixture server per test, waiting, recording, and a scripted fetch
// for the tests that fake time (fake time and a real socket do not mix: undici keeps timers of its own).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, vi } from 'vitest';
import { EventSource, type ErrorEventWithDetails, type ExtendedEventSource, type ExtendedEventSourceInit } from '../../src/extended/index';
import { startServer } from '../helpers/sse-server.mjs';

export type Server = Awaited<ReturnType<typeof startServer>>;
export type Handler = (req: IncomingMessage, res: ServerResponse, context: { query: URLSearchParams; n: number }) => void;

export { sleep, until } from '../helpers/wait.mjs';

/** A fresh fixture server for each test, and every EventSource opened through `open` closed after it. */
export function useServer(): { server: Server; open: typeof open } {
  const context = {} as { server: Server; open: typeof open };
  const sources: Array<{ close(): void }> = [];
  beforeEach(async () => {
    context.server = await startServer();
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const es of sources.splice(0)) es.close();
    await context.server.close();
  });
  function open(path: string, init?: ExtendedEventSourceInit) {
    const es = new EventSource(path.startsWith('http') ? path : context.server.url(path), init);
    sources.push(es);
    return { es, log: record(es) };
  }
  context.open = open;
  return context;
}

/** What a source dispatches, as short strings; error events also kept whole. */
export function record(es: ExtendedEventSource) {
  const log: string[] = [];
  const errors: ErrorEventWithDetails[] = [];
  es.addEventListener('open', () => log.push('open'));
  es.addEventListener('message', (e) => log.push('message:' + e.data + ':' + e.lastEventId));
  es.addEventListener('error', (e) => {
    log.push('error:' + es.readyState + ':' + e.reason);
    errors.push(e);
  });
  return Object.assign(log, { errors });
}

/** The details of an error event, without the Event's own fields. */
export function details(event: ErrorEventWithDetails) {
  const { reason, status, statusText, contentType, body, error, willReconnect, reconnectDelay, attempt } = event;
  return { reason, status, statusText, contentType, body, error, willReconnect, reconnectDelay, attempt };
}

/** Lets promises and I/O settle without moving a fake clock (setImmediate stays real). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A fetch that answers each request with the next of `responses` (the last one repeats); requests are kept. */
export function scriptedFetch(...responses: Array<() => Response | Promise<Response>>) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return Promise.resolve(responses[Math.min(requests.length, responses.length) - 1]());
  };
  return { fetch, requests };
}

export const stream = (text: string, init: ResponseInit = {}) => () =>
  new Response(text, { ...init, headers: { 'Content-Type': 'text/event-stream', ...(init.headers as object) } });

/** A response whose body sends `text` and then never ends. */
export const held = (text: string, init: ResponseInit = {}) => () =>
  new Response(
    new ReadableStream({
      start(controller) {
        if (text) controller.enqueue(new TextEncoder().encode(text));
      },
    }),
    { ...init, headers: { 'Content-Type': 'text/event-stream', ...(init.headers as object) } },
  );

export const networkError = () => Promise.reject(new TypeError('fetch failed'));
