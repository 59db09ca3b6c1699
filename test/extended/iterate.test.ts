// src/extended.ts: `for await (const event of source)` and the signal option.
import { describe, expect, it } from 'vitest';
import { EventSource } from '../../src/extended/index';
import { held, record, settle, scriptedFetch, sleep, until, useServer } from './helpers';

const t = useServer();

describe('async iteration', () => {
  it('yields every message event, named ones too, and ends when a one-shot stream ends', async () => {
    const text = 'data: a\n\nevent: price\nid: 7\ndata: 42\n\ndata: b\n\n';
    const { es } = t.open('/message?body=' + encodeURIComponent(text), { reconnectOnEnd: false });
    const seen: unknown[] = [];
    for await (const event of es) seen.push([event.type, event.data, event.lastEventId, event.origin, event instanceof MessageEvent]);
    expect(seen).toEqual([
      ['message', 'a', '', t.server.origin, true],
      ['price', '42', '7', t.server.origin, true],
      ['message', 'b', '7', t.server.origin, true],
    ]);
    expect(es.readyState).toBe(2);
  });

  it('yields the very event objects the listeners get, dispatched at the source', async () => {
    const { es } = t.open('/message?body=' + encodeURIComponent('data: a\n\nevent: price\ndata: 1\n\n'), { reconnectOnEnd: false });
    const heard: Event[] = [];
    es.addEventListener('message', (event) => heard.push(event as unknown as Event));
    es.addEventListener('price', (event) => heard.push(event as unknown as Event));
    const seen: Event[] = [];
    for await (const event of es) seen.push(event as unknown as Event);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(heard[0]);
    expect(seen[1]).toBe(heard[1]);
    expect(seen[0].target).toBe(es);
  });

  it('break closes the source', async () => {
    const { es } = t.open('/counter?n=100&interval=5');
    for await (const event of es) if (event.data === '3') break;
    expect(es.readyState).toBe(2);
    await sleep(30);
    expect(t.server.count('/counter')).toBe(1);
  });

  it('a failed connection throws an Error with the details, after the events before it', async () => {
    t.server.handle('/fails', (req, res, { n }) => {
      if (n) return void res.writeHead(503, { 'Content-Type': 'text/plain' }).end('try later');
      res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('retry: 5\ndata: one\n\n');
    });
    const { es } = t.open('/fails');
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const event of es) seen.push(event.data);
      } catch (e) {
        return e as Error & { status: number; body: string; reason: string };
      }
    })();
    expect(seen).toEqual(['one']);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe('EventSource failed: HTTP 503 Service Unavailable');
    expect([error!.reason, error!.status, error!.body]).toEqual(['response', 503, 'try later']);
  });

  it('reconnections do not end it; close() does, after the queued events', async () => {
    const { es } = t.open('/counter?n=2&retry=5');
    const iterator = es[Symbol.asyncIterator]();
    const values: string[] = [];
    for (let i = 0; i < 4; i++) values.push((await iterator.next()).value!.data);
    expect(values).toEqual(['1', '2', '1', '2']);
    es.close();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('an iterator made after the source closed is done at once (or throws the failure)', async () => {
    const { es } = t.open('/message?status=500');
    const closed = t.open('/silent').es;
    closed.close();
    expect(await closed[Symbol.asyncIterator]().next()).toEqual({ value: undefined, done: true });
    await until(() => es.readyState === 2, 'failed');
    await expect(es[Symbol.asyncIterator]().next()).rejects.toThrow('HTTP 500');
  });
});

describe('signal', () => {
  it('aborting closes the source: no more events, no reconnection, iteration ends', async () => {
    const controller = new AbortController();
    const { es, log } = t.open('/counter?n=1000&interval=5&retry=5', { signal: controller.signal });
    const iteration = (async () => {
      let count = 0;
      for await (const _ of es) count++;
      return count;
    })();
    await until(() => log.length >= 3, 'some messages');
    controller.abort();
    expect(es.readyState).toBe(2);
    const seen = log.length;
    expect(await iteration).toBeGreaterThan(0);
    await sleep(30);
    expect(log.length).toBe(seen);
    expect(t.server.count('/counter')).toBe(1);
  });

  it('an aborted signal: CLOSED from the start, no request', async () => {
    const { fetch, requests } = scriptedFetch(held(''));
    const es = new EventSource('http://example.test/', { fetch, signal: AbortSignal.abort() });
    const log = record(es);
    expect(es.readyState).toBe(2);
    await settle();
    expect([...log]).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('close() removes the abort listener', async () => {
    const controller = new AbortController();
    const { es } = t.open('/silent', { signal: controller.signal });
    const removed: string[] = [];
    const remove = controller.signal.removeEventListener;
    controller.signal.removeEventListener = function (type: string, ...rest: unknown[]) {
      removed.push(type);
      return remove.call(this, type, ...(rest as []));
    } as typeof remove;
    es.close();
    expect(removed).toEqual(['abort']);
  });

  it('not an AbortSignal: TypeError', () => {
    expect(() => new EventSource(t.server.url('/message'), { signal: {} as never })).toThrow(/signal must be an AbortSignal/);
    expect(() => new EventSource(t.server.url('/message'), { signal: new AbortController() as never })).toThrow(TypeError);
  });
});
