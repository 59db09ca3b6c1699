// src/shared/shared-event-source.ts in Node with the sharing path on (a fake Web Locks manager, Node's
// BroadcastChannel), against the fixture server: what instances of one process (one "tab") share, and what stays
// each instance's own.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventSource } from '../../src/index';
import { ExtendedEventSource } from '../../src/extended/index';
import { SharedEventSource } from '../../src/shared';
import { startServer } from '../helpers/sse-server.mjs';
import { until } from '../helpers/wait.mjs';
import { fakeLocks } from './fakes';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
const sources: Array<{ close(): void }> = [];
const navigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

beforeAll(() => {
  Object.defineProperty(globalThis, 'navigator', { value: { locks: fakeLocks() }, configurable: true, writable: true });
});
afterAll(() => {
  if (navigator) Object.defineProperty(globalThis, 'navigator', navigator);
  else delete (globalThis as { navigator?: unknown }).navigator;
});
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const es of sources.splice(0)) es.close();
  await server.close();
});

function open(path: string, init?: ConstructorParameters<typeof SharedEventSource>[1]) {
  const es = new SharedEventSource(server.url(path), init);
  sources.push(es);
  const log: string[] = [];
  es.addEventListener('open', () => log.push('open'));
  es.addEventListener('message', (e) => log.push('message:' + e.data + ':' + e.lastEventId));
  es.addEventListener('tick', (e) => log.push('tick:' + (e as MessageEvent).data));
  es.addEventListener('error', (e) => log.push('error:' + es.readyState + ':' + (e as Event & { reason?: string }).reason));
  return { es, log };
}

// A stream that stays open: ?n events, one named tick, and then nothing.
const OPEN = '/message?open&body=' + encodeURIComponent('id: 1\ndata: one\n\nevent: tick\ndata: two\n\n');

describe('SharedEventSource with sharing on', () => {
  it('instances with the same URL and options share one request and see the same events', async () => {
    const a = open(OPEN);
    const b = open(OPEN);
    await until(() => a.log.length === 3 && b.log.length === 3, 'both read');
    expect(a.log).toEqual(['open', 'message:one:1', 'tick:two']);
    expect(b.log).toEqual(a.log);
    expect(server.count('/message')).toBe(1);
    expect(a.es.lastEventId).toBe('1');
  });

  it('an instance that joins an open stream gets open in a task of its own, then only what follows', async () => {
    const a = open(OPEN);
    await until(() => a.log.length === 3, 'first read');
    const b = open(OPEN);
    expect(b.es.readyState).toBe(0);
    await until(() => b.log.length === 1, 'open');
    expect(b.log).toEqual(['open']);
    expect(b.es.lastEventId).toBe('1');
    expect(server.count('/message')).toBe(1);
  });

  it('close() ends only that instance; the last close() ends the request', async () => {
    const a = open(OPEN);
    const b = open(OPEN);
    await until(() => a.log.length === 3 && b.log.length === 3, 'both read');
    a.es.close();
    expect([a.es.readyState, b.es.readyState]).toEqual([2, 1]);
    expect(server.openSockets()).toBe(1);
    b.es.close();
    await until(() => server.openSockets() === 0, 'the request ended');
  });

  it('different options, credentials or URLs make different streams; a function option without a name its own', async () => {
    open(OPEN);
    open(OPEN, { reconnectionTime: 10 });
    open(OPEN, { withCredentials: true });
    const fetchOption = (url: string, init: RequestInit) => fetch(url, init);
    const a = open(OPEN, { fetch: fetchOption });
    const b = open(OPEN, { fetch: fetchOption });
    await until(() => server.count('/message') === 5, 'five requests');
    const c = open(OPEN, { fetch: fetchOption, name: 'one' });
    const d = open(OPEN, { headers: () => ({}), name: 'one' });
    await until(() => a.log.length === 3 && b.log.length === 3 && c.log.length === 3 && d.log.length === 3, 'all read');
    expect(server.count('/message')).toBe(6);
  });

  it('a failure reaches every instance with its details, and async iteration throws it', async () => {
    const a = open('/message?status=503');
    const b = open('/message?status=503');
    const iterated = (async () => {
      for await (const event of b.es) void event;
    })().then(
      () => null,
      (error) => error,
    );
    await until(() => a.log.length === 1 && b.log.length === 1, 'errors');
    expect(a.log).toEqual(['error:2:response']);
    expect(b.log).toEqual(['error:2:response']);
    expect(await iterated).toMatchObject({ reason: 'response', status: 503 });
    expect(server.count('/message')).toBe(1);
  });

  it('for await yields every message event; break closes that instance only', async () => {
    const a = open(OPEN);
    const b = open(OPEN);
    const seen: string[] = [];
    for await (const event of a.es) {
      seen.push(event.type + ':' + event.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['message:one', 'tick:two']);
    expect([a.es.readyState, b.es.readyState]).toEqual([2, 1]);
  });

  it('checks its options at once, as the extended EventSource does, and makes no request for bad ones', () => {
    expect(() => new SharedEventSource(server.url(OPEN), { maxRetries: -1 })).toThrow(RangeError);
    expect(() => new SharedEventSource(server.url(OPEN), { fetch: 5 as unknown as typeof fetch })).toThrow(TypeError);
    expect(() => new SharedEventSource(server.url(OPEN), { name: 5 as unknown as string })).toThrow(TypeError);
    expect(() => new SharedEventSource('http://[bad')).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(server.count('/message')).toBe(0);
  });

  it('an aborted signal closes only its instance', async () => {
    const controller = new AbortController();
    const a = open(OPEN, { signal: controller.signal });
    const b = open(OPEN);
    await until(() => a.log.length === 3 && b.log.length === 3, 'both read');
    controller.abort();
    expect([a.es.readyState, b.es.readyState]).toEqual([2, 1]);
    expect(server.count('/message')).toBe(1);
  });

  it('is a subclass of the extended class; iteration yields the very events the listeners get; open carries the details', async () => {
    const a = open(OPEN);
    const b = open(OPEN);
    expect(b.es).toBeInstanceOf(SharedEventSource);
    expect(b.es).toBeInstanceOf(ExtendedEventSource);
    expect(b.es).toBeInstanceOf(EventSource);
    expect(Object.getPrototypeOf(SharedEventSource.prototype)).toBe(ExtendedEventSource.prototype);
    const opened: Array<Event & { status?: number; contentType?: string }> = [];
    const heard: Event[] = [];
    for (const es of [a.es, b.es]) {
      es.addEventListener('open', (event) => void opened.push(event));
      es.addEventListener('message', (event) => void heard.push(event));
      es.addEventListener('tick', (event) => void heard.push(event));
    }
    const iterated: Event[] = [];
    for await (const event of b.es) {
      iterated.push(event);
      if (iterated.length === 2) break;
    }
    expect(iterated[0]).toBe(heard[1]);
    expect(iterated[1]).toBe(heard[3]);
    expect(opened.map((event) => [event.status, event.contentType])).toEqual([
      [200, 'text/event-stream'],
      [200, 'text/event-stream'],
    ]);
    expect(server.count('/message')).toBe(1);
  });
});

describe('SharedEventSource where nothing can be shared', () => {
  it('an instance whose options cannot be compared, without a name, is an extended EventSource of this class', async () => {
    const es = new SharedEventSource(server.url(OPEN), { headers: () => ({ 'X-A': '1' }) });
    sources.push(es);
    expect(es).toBeInstanceOf(SharedEventSource);
    expect(es.constructor).toBe(SharedEventSource);
    const seen: string[] = [];
    es.addEventListener('tick', (event) => void seen.push(event.data));
    await until(() => seen.length === 1, 'the tick');
    expect(server.requests.find((r) => r.path === '/message')!.headers['x-a']).toBe('1');
  });
});
