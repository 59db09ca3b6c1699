// The plain class and the extended one side by side: importing whatwg-eventsource/extended changes nothing for the
// plain class, which refuses the options only the extended class understands (ignored, they would make another
// request than the caller meant, or retry a source meant to stop), and honours reconnectionTime.
import { describe, expect, it, vi } from 'vitest';
import { EventSource } from '../../src/index';
import { EventSource as Extended, ExtendedEventSource } from '../../src/extended/index';
import { settle, scriptedFetch, stream } from './helpers';

const never = () => new Promise<Response>(() => {});

describe('the plain class, with the extended class loaded', () => {
  it('options only the extended class understands: a TypeError naming the import', () => {
    const options = {
      headers: { Authorization: 'x' },
      method: 'POST',
      body: 'x',
      lastEventId: '5',
      lastEventIdIn: 'query',
      lastEventIdParam: 'id',
      backoff: true,
      maxRetries: 0,
      reconnectOnStatus: [503],
      reconnectOnEnd: false,
      inactivityTimeout: 5,
      reconnectOnResume: true,
      signal: new AbortController().signal,
      maxEventSize: 10,
    };
    for (const [name, value] of Object.entries(options)) {
      expect(() => new EventSource('http://example.test/', { fetch: never, [name]: value } as never)).toThrow(
        new TypeError('EventSource: ' + name + ' needs whatwg-eventsource/extended'),
      );
    }
  });

  it('undefined or null members, and members nobody knows, are ignored; no lastEventId, no iterator', () => {
    const es = new EventSource('http://example.test/', { fetch: never, maxRetries: undefined, signal: null, heartbeat: 5 } as never);
    expect('lastEventId' in es).toBe(false);
    expect(Symbol.asyncIterator in es).toBe(false);
    es.close();
  });

  it('reconnectionTime: the first wait; a retry: field wins afterwards', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { fetch, requests } = scriptedFetch(stream('data: x\n\n'), stream('retry: 70\ndata: y\n\n'), stream('data: z\n\n'));
      const es = new EventSource('http://example.test/', { fetch, reconnectionTime: 250 });
      await settle();
      await vi.advanceTimersByTimeAsync(249);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await settle();
      expect(requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(69);
      expect(requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(requests).toHaveLength(3);
      es.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reconnectionTime must be a number of ms, at least 0', () => {
    for (const bad of [-1, NaN, '10', null]) {
      expect(() => new EventSource('http://example.test/', { fetch: never, reconnectionTime: bad as never })).toThrow(TypeError);
    }
  });

  it('a 9 MiB event is delivered whatever else was imported (maxEventSize is the extended class\'s)', async () => {
    const big = 'y'.repeat(9 * 1024 * 1024);
    const { fetch } = scriptedFetch(stream('data: ' + big + '\n\n'));
    const es = new EventSource('http://example.test/', { fetch });
    let data = '';
    es.onmessage = (e) => {
      data = e.data;
      es.close();
    };
    for (let i = 0; i < 50 && !data; i++) await settle();
    expect(data.length).toBe(big.length);
  });
});

describe('the extended class', () => {
  it('is a subclass of the plain one: its own prototype has lastEventId, close and the async iterator', () => {
    expect(Extended).toBe(ExtendedEventSource);
    expect(Extended).not.toBe(EventSource);
    expect(Object.getPrototypeOf(Extended.prototype)).toBe(EventSource.prototype);
    expect(Object.getPrototypeOf(Extended)).toBe(EventSource);
    expect([Extended.CONNECTING, Extended.OPEN, Extended.CLOSED]).toEqual([0, 1, 2]);
    const descriptor = Object.getOwnPropertyDescriptor(Extended.prototype, 'lastEventId')!;
    expect([typeof descriptor.get, descriptor.set, descriptor.enumerable]).toEqual(['function', undefined, true]);
    expect(typeof (Extended.prototype as unknown as { [Symbol.asyncIterator]: unknown })[Symbol.asyncIterator]).toBe('function');
    expect(() => descriptor.get!.call({})).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(EventSource.prototype, 'lastEventId')).toBeUndefined();
    const es = new Extended('http://example.test/', { fetch: never });
    expect(es).toBeInstanceOf(EventSource);
    expect(Object.prototype.toString.call(es)).toBe('[object EventSource]');
    expect(() => (Extended as unknown as () => void)()).toThrow(TypeError);
    es.close();
  });
});
