// src/extended.ts, the reconnect policy: reconnectionTime, backoff, maxRetries, reconnectOnStatus with Retry-After,
// reconnectOnEnd, inactivityTimeout and reconnectOnResume. Exact delays run on fake time with a scripted fetch;
// the rest against the real fixture server with short delays.
import { describe, expect, it, vi } from 'vitest';
import { EventSource } from '../../src/extended/index';
import { details, held, networkError, record, settle, scriptedFetch, sleep, stream, until, useServer } from './helpers';

const t = useServer();
const fake = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/** The gaps between requests, from the times a scripted fetch was called. */
async function gaps(es: EventSource, requests: unknown[], count: number): Promise<number[]> {
  const times: number[] = [];
  let seen = 0;
  const start = Date.now();
  while (times.length < count) {
    await settle();
    if (requests.length > seen) {
      seen = requests.length;
      times.push(Date.now() - start);
    }
    if (es.readyState === 2) break;
    // Move to the next timer.
    await vi.advanceTimersToNextTimerAsync();
  }
  return times.slice(1).map((time, i) => time - times[i]);
}

describe('reconnectionTime', () => {
  it('the first wait; a retry: field wins afterwards', async () => {
    fake();
    const { fetch, requests } = scriptedFetch(stream('data: x\n\n'), stream('retry: 70\ndata: y\n\n'), stream('data: z\n\n'));
    const es = new EventSource('http://example.test/', { fetch, reconnectionTime: 250 });
    expect(await gaps(es, requests, 3)).toEqual([250, 70]);
    es.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('bad values: RangeError for negative, NaN or Infinity, TypeError for a string', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { reconnectionTime: -1 })).toThrow(RangeError);
    expect(() => new EventSource(url, { reconnectionTime: NaN })).toThrow(RangeError);
    expect(() => new EventSource(url, { reconnectionTime: Infinity })).toThrow(RangeError);
    expect(() => new EventSource(url, { reconnectionTime: '10' as never })).toThrow(TypeError);
    expect(t.server.count('/message')).toBe(0);
  });
});

describe('backoff', () => {
  it('doubles the wait after each failure in a row, up to max, and starts again after an announced connection', async () => {
    fake();
    const { fetch, requests } = scriptedFetch(networkError, networkError, networkError, networkError, stream('data: ok\n\n'), networkError);
    const es = new EventSource('http://example.test/', { fetch, reconnectionTime: 100, backoff: { max: 500, jitter: 0 } });
    const log = record(es);
    expect(await gaps(es, requests, 7)).toEqual([100, 200, 400, 500, 100, 200]);
    expect(log.errors.slice(0, 6).map((e) => [e.reason, e.attempt, e.reconnectDelay])).toEqual([
      ['network', 1, 100],
      ['network', 2, 200],
      ['network', 3, 400],
      ['network', 4, 500],
      ['end', 1, 100],
      ['network', 2, 200],
    ]);
    es.close();
  });

  it('jitter adds up to that fraction at random; max never cuts below the server\'s retry', async () => {
    fake();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const { fetch, requests } = scriptedFetch(stream('retry: 1000\n\n'), networkError);
      const es = new EventSource('http://example.test/', { fetch, backoff: { multiplier: 3, max: 200, jitter: 0.2 } });
      // 1000 * 1.1, capped at max(200, 1000).
      expect(await gaps(es, requests, 3)).toEqual([1000, 1000]);
      es.close();
      const second = scriptedFetch(networkError);
      const es2 = new EventSource('http://example.test/', { fetch: second.fetch, reconnectionTime: 100, backoff: true });
      // Defaults: multiplier 2, jitter 0.5 (here +25%), max 30000.
      expect(await gaps(es2, second.requests, 4)).toEqual([125, 250, 500]);
      es2.close();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('bad values: TypeError or RangeError', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { backoff: 'yes' as never })).toThrow(TypeError);
    expect(() => new EventSource(url, { backoff: { multiplier: 0.5 } })).toThrow(RangeError);
    expect(() => new EventSource(url, { backoff: { jitter: 2 } })).toThrow(RangeError);
    expect(() => new EventSource(url, { backoff: { max: -1 } })).toThrow(RangeError);
    expect(() => new EventSource(url, { backoff: { max: NaN } })).toThrow(RangeError);
  });
});

describe('maxRetries', () => {
  it('after that many reconnections in a row the connection fails: CLOSED, one error, nothing more', async () => {
    const { fetch, requests } = scriptedFetch(networkError);
    const es = new EventSource('http://example.test/', { fetch, reconnectionTime: 1, maxRetries: 2 });
    const log = record(es);
    await until(() => es.readyState === 2, 'failed');
    await sleep(20);
    expect([...log]).toEqual(['error:0:network', 'error:0:network', 'error:2:network']);
    expect(log.errors.map((e) => [e.willReconnect, e.attempt])).toEqual([[true, 1], [true, 2], [false, 2]]);
    expect(requests).toHaveLength(3);
  });

  it('maxRetries: 0 never reconnects, even after a clean end', async () => {
    const { es, log } = t.open('/counter?n=1', { maxRetries: 0 });
    await until(() => es.readyState === 2, 'closed');
    expect([...log]).toEqual(['open', 'message:1:1', 'error:2:end']);
    expect(t.server.count('/counter')).toBe(1);
  });

  it('bad values', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { maxRetries: -1 })).toThrow(RangeError);
    expect(() => new EventSource(url, { maxRetries: 1.5 })).toThrow(RangeError);
    expect(() => new EventSource(url, { maxRetries: '3' as never })).toThrow(TypeError);
  });
});

describe('reconnectOnStatus and Retry-After', () => {
  it('a listed status reconnects (CONNECTING) with the details; an unlisted one still fails', async () => {
    t.server.handle('/busy', (req, res, { n }) => {
      if (n < 2) return void res.writeHead(n === 0 ? 503 : 429, { 'Retry-After': '0', 'Content-Type': 'application/json' }).end('{"error":"busy"}');
      if (n === 2) return void res.writeHead(500).end('boom');
      res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('data: never\n\n');
    });
    const { es, log } = t.open('/busy', { reconnectOnStatus: [429, 503], reconnectionTime: 5 });
    await until(() => es.readyState === 2, 'failed on the 500');
    expect([...log]).toEqual(['error:0:response', 'error:0:response', 'error:2:response']);
    expect(details(log.errors[0])).toEqual({
      reason: 'response',
      status: 503,
      statusText: 'Service Unavailable',
      contentType: 'application/json',
      body: '{"error":"busy"}',
      error: undefined,
      willReconnect: true,
      reconnectDelay: 5,
      attempt: 1,
    });
    expect(details(log.errors[2])).toMatchObject({ status: 500, body: 'boom', willReconnect: false, attempt: 2 });
    expect(t.server.count('/busy')).toBe(3);
  });

  it('Retry-After in seconds or as an HTTP date sets the least wait; a malformed one is ignored', async () => {
    fake();
    const { fetch, requests } = scriptedFetch(
      () => new Response('', { status: 503, headers: { 'Retry-After': '2' } }),
      () => new Response('', { status: 503, headers: { 'Retry-After': new Date(Date.now() + 4000).toUTCString() } }),
      () => new Response('', { status: 503, headers: { 'Retry-After': 'soon' } }),
      () => new Response('', { status: 503, headers: { 'Retry-After': '0' } }),
      stream('data: ok\n\n'),
    );
    const es = new EventSource('http://example.test/', { fetch, reconnectionTime: 100, reconnectOnStatus: [503] });
    const log = record(es);
    const waits = await gaps(es, requests, 5);
    expect(waits[0]).toBe(2000);
    // An HTTP date has a resolution of a second.
    expect(waits[1]).toBeGreaterThan(3000);
    expect(waits[1]).toBeLessThanOrEqual(4000);
    expect(waits.slice(2)).toEqual([100, 100]);
    expect(log.errors.slice(0, 4).map((e) => e.reconnectDelay)).toEqual(waits);
    es.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('bad values', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { reconnectOnStatus: 503 as never })).toThrow(TypeError);
    expect(() => new EventSource(url, { reconnectOnStatus: [200] })).toThrow(RangeError);
    expect(() => new EventSource(url, { reconnectOnStatus: [99] })).toThrow(RangeError);
    expect(() => new EventSource(url, { reconnectOnStatus: ['503'] as never })).toThrow(RangeError);
  });
});

describe('reconnectOnEnd: false (one-shot streams)', () => {
  it('a clean end closes the source: CLOSED, one error with reason end, no second request', async () => {
    const { es, log } = t.open('/counter?n=2', { reconnectOnEnd: false });
    await until(() => es.readyState === 2, 'closed');
    await sleep(30);
    expect([...log]).toEqual(['open', 'message:1:1', 'message:2:2', 'error:2:end']);
    expect(details(log.errors[0])).toMatchObject({ reason: 'end', willReconnect: false, error: undefined });
    expect(t.server.count('/counter')).toBe(1);
  });

  it('a network error in the middle still reconnects', async () => {
    t.server.handle('/cut', (req, res, { n }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (n === 0) {
        res.write('retry: 5\ndata: a\n\n');
        setTimeout(() => res.destroy(), 10);
      } else res.end('data: b\n\n');
    });
    const { es, log } = t.open('/cut', { reconnectOnEnd: false });
    await until(() => es.readyState === 2, 'closed');
    expect([...log]).toEqual(['open', 'message:a:', 'error:0:network', 'open', 'message:b:', 'error:2:end']);
  });

  it('bad value', () => {
    expect(() => new EventSource(t.server.url('/message'), { reconnectOnEnd: 0 as never })).toThrow(TypeError);
  });
});

describe('inactivityTimeout', () => {
  it('a connection silent for that long is reestablished', async () => {
    // Fake time: on a real socket, a loaded machine could take the 60 ms before the response even arrives.
    fake();
    const { fetch, requests } = scriptedFetch(held(''));
    const es = new EventSource('http://example.test/', { fetch, inactivityTimeout: 60, reconnectionTime: 5 });
    const log = record(es);
    await settle();
    await vi.advanceTimersByTimeAsync(59);
    expect([...log]).toEqual(['open']);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect([...log]).toEqual(['open', 'error:0:timeout']);
    expect(log.errors[0].error).toMatchObject({ name: 'TimeoutError' });
    expect(log.errors[0].willReconnect).toBe(true);
    await vi.advanceTimersByTimeAsync(5);
    await settle();
    await vi.advanceTimersByTimeAsync(5);
    expect(requests).toHaveLength(2);
    es.close();
  });

  it('so is a request that gets no response', async () => {
    const { es, log } = t.open('/no-response', { inactivityTimeout: 40, reconnectionTime: 5 });
    await until(() => t.server.count('/no-response') >= 2, 'reconnected');
    // (On a loaded machine the second request may time out too before this looks: one entry or more, all alike.)
    expect(log.length).toBeGreaterThan(0);
    expect([...new Set(log)]).toEqual(['error:0:timeout']);
    es.close();
  });

  it('comments count as activity', async () => {
    // Fake time: a comment every 60 ms of a 80 ms timeout, for 20 beats; then silence, which does time out.
    fake();
    let body!: ReadableStreamDefaultController<Uint8Array>;
    const { fetch, requests } = scriptedFetch(
      () => new Response(new ReadableStream({ start: (c) => void (body = c) }), { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    const es = new EventSource('http://example.test/', { fetch, inactivityTimeout: 80 });
    const log = record(es);
    await settle();
    for (let beat = 0; beat < 20; beat++) {
      await vi.advanceTimersByTimeAsync(60);
      body.enqueue(new TextEncoder().encode(':\n'));
      await settle();
    }
    expect([...log]).toEqual(['open']);
    await vi.advanceTimersByTimeAsync(80);
    await settle();
    expect([...log]).toEqual(['open', 'error:0:timeout']);
    expect(requests).toHaveLength(1);
    es.close();
  });

  it('off by default: a silent stream stays open', async () => {
    fake();
    const { fetch } = scriptedFetch(held(''));
    const es = new EventSource('http://example.test/', { fetch });
    await settle();
    expect(es.readyState).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    es.close();
  });

  it('close() leaves no timer behind, in any phase', async () => {
    fake();
    const { fetch } = scriptedFetch(networkError, held(''));
    const es = new EventSource('http://example.test/', { fetch, inactivityTimeout: 1000 });
    await settle();
    // Waiting to reconnect.
    expect(es.readyState).toBe(0);
    es.close();
    expect(vi.getTimerCount()).toBe(0);
    const es2 = new EventSource('http://example.test/', { fetch: scriptedFetch(held('')).fetch, inactivityTimeout: 1000 });
    await settle();
    expect(es2.readyState).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    es2.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('bad values', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { inactivityTimeout: -5 })).toThrow(RangeError);
    expect(() => new EventSource(url, { inactivityTimeout: NaN })).toThrow(RangeError);
    expect(() => new EventSource(url, { inactivityTimeout: '5' as never })).toThrow(TypeError);
  });
});

describe('reconnectOnResume', () => {
  // Node has no window: the global becomes an EventTarget for these tests.
  function withWindowEvents() {
    const target = new EventTarget();
    const global = globalThis as unknown as { [name: string]: unknown };
    const saved = ['addEventListener', 'removeEventListener'].map((name) => [name, global[name]] as const);
    // The listeners added and not removed, as "type".
    const listening: string[] = [];
    global.addEventListener = (type: string, listener: EventListener) => {
      listening.push(type);
      target.addEventListener(type, listener);
    };
    global.removeEventListener = (type: string, listener: EventListener) => {
      listening.splice(listening.indexOf(type), 1);
      target.removeEventListener(type, listener);
    };
    // And a document, where `freeze` and `resume` fire (they do not bubble to the window).
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    global.document = document;
    const fire = (type: string, persisted?: boolean) =>
      (type === 'freeze' || type === 'resume' ? document : target).dispatchEvent(Object.assign(new Event(type), { persisted }));
    return {
      fire,
      listening,
      document,
      restore: () => {
        for (const [name, value] of saved) global[name] = value;
        delete global.document;
      },
    };
  }

  it('online ends the wait for a reconnection at once', async () => {
    const window = withWindowEvents();
    try {
      const { es, log } = t.open('/counter?n=1', { reconnectOnResume: true, reconnectionTime: 600000 });
      await until(() => log.includes('error:0:end'), 'waiting to reconnect');
      window.fire('online');
      await until(() => t.server.count('/counter') === 2, 'reconnected at once, not after 10 minutes');
      es.close();
    } finally {
      window.restore();
    }
  });

  it('pageshow from the back/forward cache replaces an open connection; a plain pageshow does not', async () => {
    const window = withWindowEvents();
    try {
      const { es, log } = t.open('/silent', { reconnectOnResume: true });
      await until(() => log.includes('open'), 'open');
      window.fire('pageshow', false);
      await sleep(30);
      expect(t.server.count('/silent')).toBe(1);
      window.fire('pageshow', true);
      // The server counts the request before the client sees the response: wait for the second open too.
      await until(() => t.server.count('/silent') === 2 && [...log].length >= 3, 'replaced');
      expect([...log].slice(0, 3)).toEqual(['open', 'error:0:resume', 'open']);
      expect(details(log.errors[0])).toMatchObject({ willReconnect: true, reconnectDelay: 0 });
      es.close();
    } finally {
      window.restore();
    }
  });

  it('close() removes the listeners; with reconnectOnResume: false there are none', async () => {
    const window = withWindowEvents();
    try {
      const { es } = t.open('/counter?n=1', { reconnectOnResume: true, reconnectionTime: 60000 });
      const plain = t.open('/counter?n=1', { reconnectOnResume: false, reconnectionTime: 60000 });
      expect(window.listening).toEqual(['pagehide', 'pageshow', 'visibilitychange', 'offline', 'online']);
      await until(() => t.server.count('/counter') === 2, 'both connected');
      es.close();
      expect(window.listening).toEqual([]);
      await sleep(20);
      window.fire('online');
      await sleep(30);
      expect(t.server.count('/counter')).toBe(2);
      plain.es.close();
    } finally {
      window.restore();
    }
  });

  it('never closes or reconnects because the page is hidden', async () => {
    const window = withWindowEvents();
    try {
      const { es, log } = t.open('/silent', { reconnectOnResume: true, inactivityTimeout: 0 });
      await until(() => log.includes('open'), 'open');
      window.fire('visibilitychange');
      window.fire('pagehide', true);
      window.fire('freeze');
      await sleep(30);
      expect([...log]).toEqual(['open']);
      expect(es.readyState).toBe(1);
      es.close();
    } finally {
      window.restore();
    }
  });

  it('bad value', () => {
    expect(() => new EventSource(t.server.url('/message'), { reconnectOnResume: 'yes' as never })).toThrow(TypeError);
  });

  describe("'auto', the default: only a connection that shows signs of being dead", () => {
    // A stream that writes a comment when told, and the connections it has had.
    function heldStream() {
      const writers: Array<(text: string) => void> = [];
      t.server.handle('/held', (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.flushHeaders();
        writers.push((text) => res.write(text));
      });
      return { write: (text: string) => writers[writers.length - 1](text), connections: () => writers.length };
    }

    it('frozen, then resumed with nothing received meanwhile: replaced at once, with the last event ID', async () => {
      const window = withWindowEvents();
      try {
        const server = heldStream();
        const { es, log } = t.open('/held', { reconnectionTime: 600000 });
        await until(() => log.includes('open'), 'open');
        server.write('id: 7\ndata: before\n\n');
        await until(() => log.includes('message:before:7'), 'the event');
        window.fire('freeze');
        window.fire('resume');
        await until(() => [...log].length === 4, 'replaced');
        expect([...log]).toEqual(['open', 'message:before:7', 'error:0:resume', 'open']);
        expect(details(log.errors[0])).toMatchObject({ willReconnect: true, reconnectDelay: 0 });
        expect(t.server.requests.filter((r: { path: string }) => r.path === '/held').map((r: { headers: { [name: string]: string } }) => r.headers['last-event-id'])).toEqual([undefined, '7']);
        es.close();
      } finally {
        window.restore();
      }
    });

    it('something arrived while the page was away: the connection is alive and stays', async () => {
      const window = withWindowEvents();
      try {
        const server = heldStream();
        const { es, log } = t.open('/held');
        await until(() => log.includes('open'), 'open');
        for (const [goes, comes] of [['freeze', 'resume'], ['offline', 'online']]) {
          window.fire(goes);
          server.write(':\n');
          const before = [...log].length;
          await sleep(30); // (the comment is read)
          window.fire(comes);
          await sleep(30);
          expect([...log].length).toBe(before);
        }
        expect(server.connections()).toBe(1);
        es.close();
      } finally {
        window.restore();
      }
    });

    it('one return, several events: data that came while cached keeps the connection for all of them', async () => {
      // Chromium 156 restoring a page from the back/forward cache: pagehide, the cached page's chunks, then
      // visibilitychange to visible, then pageshow (test/browser/bfcache.mjs).
      const window = withWindowEvents();
      try {
        const server = heldStream();
        const { es, log } = t.open('/held');
        await until(() => log.includes('open'), 'open');
        window.fire('pagehide', true);
        server.write('data: while cached\n\n');
        await until(() => log.includes('message:while cached:'), 'the event');
        window.fire('visibilitychange');
        window.fire('pageshow', true);
        await sleep(30);
        expect([...log]).toEqual(['open', 'message:while cached:']);
        expect(server.connections()).toBe(1);
        es.close();
      } finally {
        window.restore();
      }
    });

    it('online with no offline heard before it, and a restore from the cache: replaced; a plain pageshow: not', async () => {
      const window = withWindowEvents();
      try {
        const server = heldStream();
        const { es, log } = t.open('/held');
        await until(() => log.includes('open'), 'open');
        window.fire('online');
        await until(() => server.connections() === 2 && log.filter((x) => x === 'open').length === 2, 'replaced after online');
        window.fire('pageshow', false);
        await sleep(30);
        expect(server.connections()).toBe(2);
        window.fire('pagehide', true);
        window.fire('pageshow', true);
        await until(() => server.connections() === 3, 'replaced after the restore');
        es.close();
      } finally {
        window.restore();
      }
    });

    it('hidden, then visible: replaced only after 10 s or more with nothing received', async () => {
      const window = withWindowEvents();
      const page = window.document;
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        const server = heldStream();
        const { es, log } = t.open('/held');
        await until(() => log.includes('open'), 'open');
        const hide = (ms: number) => {
          page.visibilityState = 'hidden';
          window.fire('visibilitychange');
          vi.setSystemTime(Date.now() + ms);
          page.visibilityState = 'visible';
          window.fire('visibilitychange');
        };
        hide(9999);
        await sleep(30);
        expect(server.connections()).toBe(1);
        hide(10000);
        await until(() => server.connections() === 2, 'replaced');
        await until(() => log.filter((x) => x === 'open').length === 2, 'open again');
        // Hidden as long, but a heartbeat came meanwhile.
        page.visibilityState = 'hidden';
        window.fire('visibilitychange');
        server.write(':\n');
        await sleep(30);
        vi.setSystemTime(Date.now() + 60000);
        page.visibilityState = 'visible';
        window.fire('visibilitychange');
        await sleep(30);
        expect(server.connections()).toBe(2);
        es.close();
      } finally {
        vi.useRealTimers();
        window.restore();
      }
    });

    it('a wait for a reconnection ends when the page comes back', async () => {
      const window = withWindowEvents();
      try {
        const { es, log } = t.open('/counter?n=1', { reconnectionTime: 600000 });
        await until(() => log.includes('error:0:end'), 'waiting to reconnect');
        window.fire('freeze');
        window.fire('resume');
        await until(() => t.server.count('/counter') === 2, 'reconnected at once, not after 10 minutes');
        es.close();
      } finally {
        window.restore();
      }
    });
  });
});
