// src/extended.ts, the request options: headers (an object or a function), method and body, and where the last
// event ID travels. Against the real fixture server (fetch transport); the XHR transport is in xhr.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { EventSource } from '../../src/extended/index';
import { details, held, record, settle, scriptedFetch, sleep, stream, until, useServer, type Handler } from './helpers';

const t = useServer();

/** An endpoint answering each connection with one event, `id: <n+1>`, whose data is what `show` picks. */
function echo(show: (req: Parameters<Handler>[0]) => string): Handler {
  return (req, res, { n }) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.end('retry: 5\nid: ' + (n + 1) + '\ndata: ' + show(req) + '\n\n');
  };
}
const latin1ToUtf8 = (value: string) => Buffer.from(value, 'latin1').toString('utf8');

describe('headers', () => {
  it('an object: sent with every request, values as UTF-8 bytes; the caller\'s win over Accept', async () => {
    t.server.handle('/h', echo((req) => req.headers['x-token'] + ' ' + latin1ToUtf8(String(req.headers['x-name'])) + ' ' + req.headers.accept));
    const { log } = t.open('/h', { headers: { 'X-Token': 'abc', 'X-Name': 'Zoë €', accept: 'text/event-stream, */*' } });
    await until(() => log.filter((l) => l.startsWith('message')).length === 2, 'two connections');
    expect(log.filter((l) => l.startsWith('message'))).toEqual(['message:abc Zoë € text/event-stream, */*:1', 'message:abc Zoë € text/event-stream, */*:2']);
    expect(t.server.requests[1].headers['last-event-id']).toBe('1');
  });

  it('a Headers object', async () => {
    t.server.handle('/h', echo((req) => String(req.headers.authorization)));
    const { log } = t.open('/h', { headers: new Headers({ Authorization: 'Bearer x' }) });
    await until(() => log.includes('message:Bearer x:1'), 'message');
  });

  it('a function, called before every connection: an expiring token is refreshed and the last event ID kept', async () => {
    let calls = 0;
    t.server.handle('/auth', (req, res, { n }) => {
      // Each token is good for one connection.
      if (req.headers.authorization !== 'Bearer ' + (n + 1)) return void res.writeHead(401).end();
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('retry: 5\nid: e' + (n + 1) + '\ndata: ' + (req.headers['last-event-id'] ?? 'none') + '\n\n');
    });
    const { es, log } = t.open('/auth', {
      headers: () => new Promise((resolve) => setTimeout(() => resolve({ Authorization: 'Bearer ' + ++calls }), 5)),
    });
    await until(() => log.filter((l) => l.startsWith('message')).length === 3, 'three connections');
    expect(log.filter((l) => l.startsWith('message'))).toEqual(['message:none:e1', 'message:e1:e2', 'message:e2:e3']);
    expect(log.some((l) => l.startsWith('error:2'))).toBe(false);
    es.close();
  });

  it('a function is never called inside the constructor, so it can use the new instance', async () => {
    t.server.handle('/h', echo((req) => String(req.headers['x-state'])));
    let called = false;
    const es: EventSource = new EventSource(t.server.url('/h'), {
      headers: () => {
        called = true;
        return { 'X-State': String(es.readyState) };
      },
    });
    const log = record(es);
    expect(called).toBe(false);
    await until(() => log.includes('message:0:1'), 'message');
    es.close();
  });

  it('a function that throws or rejects: an error event with the error, and a reconnection (it is asked again)', async () => {
    t.server.handle('/h', echo(() => 'ok'));
    const failure = new Error('token service down');
    let calls = 0;
    const { log } = t.open('/h', {
      reconnectionTime: 5,
      headers: () => {
        calls++;
        if (calls === 1) throw failure;
        if (calls === 2) return Promise.reject(failure);
        return {};
      },
    });
    await until(() => log.includes('message:ok:1'), 'message after two failures');
    expect(log.slice(0, 4)).toEqual(['error:0:headers', 'error:0:headers', 'open', 'message:ok:1']);
    expect(details(log.errors[0])).toMatchObject({ reason: 'headers', error: failure, willReconnect: true, reconnectDelay: 5, attempt: 1 });
    expect(log.errors[1].attempt).toBe(2);
    expect(t.server.count('/h')).toBe(1);
  });

  it('a function returning something that is not headers fails the connection with a TypeError', async () => {
    for (const bad of [42, { 'bad name': 'x' }, { 'X-A': 1 }, { 'X-A': 'a\r\nb' }]) {
      const { es, log } = t.open('/message', { headers: () => bad as never });
      await until(() => log.length === 1, 'error');
      expect([...log]).toEqual(['error:2:headers']);
      expect(log.errors[0].error).toBeInstanceOf(TypeError);
      expect(log.errors[0].willReconnect).toBe(false);
      expect(es.readyState).toBe(2);
    }
    expect(t.server.count('/message')).toBe(0);
  });

  it('close() while the function\'s promise is pending: no request, no event, no unhandled rejection', async () => {
    let reject!: (error: Error) => void;
    const { es, log } = t.open('/message', { headers: () => new Promise((_, r) => (reject = r)) });
    await until(() => reject !== undefined, 'called');
    es.close();
    reject(new Error('late'));
    await sleep(30);
    expect([...log]).toEqual([]);
    expect(t.server.count('/message')).toBe(0);
  });

  it('a function that closes the source: no request', async () => {
    const { es, log } = t.open('/message', {
      headers: () => {
        es.close();
        return {};
      },
    });
    await sleep(30);
    expect([...log]).toEqual([]);
    expect(t.server.count('/message')).toBe(0);
  });

  it('a promise that never settles is bounded by inactivityTimeout: a timeout, and the function is asked again', async () => {
    // Fake time: on a real socket, a loaded machine can take more than the 30 ms to answer the second request too.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let calls = 0;
    const { fetch, requests } = scriptedFetch(stream('id: 1\ndata: ok\n\n'));
    const es = new EventSource('http://example.test/h', {
      fetch,
      inactivityTimeout: 30,
      reconnectionTime: 5,
      headers: () => (++calls === 1 ? new Promise(() => {}) : {}),
    });
    const log = record(es);
    await settle();
    await vi.advanceTimersByTimeAsync(29);
    expect([...log]).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect([...log]).toEqual(['error:0:timeout']);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5);
    await settle();
    await vi.advanceTimersByTimeAsync(5);
    await settle();
    expect([...log].slice(0, 3)).toEqual(['error:0:timeout', 'open', 'message:ok:1']);
    expect(calls).toBe(2);
    es.close();
  });

  it('bad headers at construction: a TypeError saying which', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { headers: 'Authorization: x' as never })).toThrow(/headers must be an object/);
    expect(() => new EventSource(url, { headers: { 'X Y': 'a' } })).toThrow(/'X Y' is not a valid header name/);
    expect(() => new EventSource(url, { headers: { 'X-A': 5 as never } })).toThrow(/value of X-A must be a string/);
    expect(() => new EventSource(url, { headers: { 'X-A': 'a\nb' } })).toThrow(/NUL, CR or LF/);
    expect(() => new EventSource(url, { headers: { 'X-A': undefined as never } })).toThrow(TypeError);
  });
});

describe('method and body', () => {
  it('a POST with a body, sent again with each reconnection', async () => {
    const bodies: string[] = [];
    t.server.handle('/post', (req, res, { n }) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(req.method + ' ' + req.headers['content-type'] + ' ' + body);
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.end('retry: 5\nid: ' + n + '\ndata: ' + n + '\n\n');
      });
    });
    const { log } = t.open('/post', { method: 'post', body: JSON.stringify({ prompt: 'hi' }), headers: { 'Content-Type': 'application/json' } });
    await until(() => bodies.length >= 2, 'two requests');
    expect(bodies.slice(0, 2)).toEqual(['POST application/json {"prompt":"hi"}', 'POST application/json {"prompt":"hi"}']);
    expect(log).toContain('message:0:0');
  });

  it('bodies that can be sent again: strings, URLSearchParams, typed arrays, Blobs', async () => {
    const { fetch, requests } = scriptedFetch(held(''));
    const bodies = ['x', new URLSearchParams('a=1'), new Uint8Array([1]), new ArrayBuffer(1), new Blob(['x'])];
    for (const body of bodies) new EventSource('http://example.test/', { fetch, method: 'PUT', body }).close();
    await settle();
    expect(requests.map((r) => [r.init.method, r.init.body])).toEqual(bodies.map((body) => ['PUT', body]));
  });

  it('typed arrays and DataViews are bodies where ArrayBuffer.isView is missing (IE 10)', async () => {
    const isView = ArrayBuffer.isView;
    delete (ArrayBuffer as { isView?: unknown }).isView;
    try {
      const { fetch, requests } = scriptedFetch(held(''));
      const buffer = new ArrayBuffer(8);
      const bodies = [new Uint8Array(buffer), new Uint8ClampedArray(1), new Int16Array(1), new Uint32Array(1), new Float32Array(1), new Float64Array(1), new BigInt64Array(1), new DataView(buffer)];
      for (const body of bodies) new EventSource('http://example.test/', { fetch, method: 'POST', body }).close();
      await settle();
      expect(requests.map((r) => r.init.body)).toEqual(bodies);
      expect(() => new EventSource('http://example.test/', { fetch, method: 'POST', body: [1] as never })).toThrow(/typed array/);
    } finally {
      ArrayBuffer.isView = isView;
    }
  });

  it('bad method or body at construction: a TypeError saying how to fix it', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { body: 'x' })).toThrow(/a body needs a method such as 'POST'/);
    expect(() => new EventSource(url, { method: 'GET', body: 'x' })).toThrow(TypeError);
    expect(() => new EventSource(url, { method: 'POST', body: { a: 1 } as never })).toThrow(/JSON.stringify/);
    expect(() => new EventSource(url, { method: 'POST', body: new ReadableStream() as never })).toThrow(/stream cannot be sent again/);
    expect(() => new EventSource(url, { method: 'PO ST' })).toThrow(/method must be a method name/);
    expect(() => new EventSource(url, { method: 5 as never })).toThrow(TypeError);
    expect(() => new EventSource(url, { method: 'connect' })).toThrow(/forbidden/);
    expect(t.server.count('/message')).toBe(0);
  });
});

describe('the last event ID', () => {
  it('lastEventId: sent with the first request; the lastEventId attribute follows the stream', async () => {
    t.server.handle('/id', echo((req) => latin1ToUtf8(String(req.headers['last-event-id']))));
    const { es, log } = t.open('/id', { lastEventId: 'résumé-41' });
    expect(es.lastEventId).toBe('résumé-41');
    await until(() => log.length >= 2, 'message');
    expect(log[1]).toBe('message:résumé-41:1');
    expect(es.lastEventId).toBe('1');
    // Read-only.
    expect(Reflect.set(es, 'lastEventId', 'x')).toBe(false);
    expect(es.lastEventId).toBe('1');
  });

  it('lastEventId: an event without an id keeps it, and so does the reconnection (the parser starts from it)', async () => {
    t.server.handle('/seed', (req, res, { n }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('retry: 5\ndata: ' + n + ' ' + latin1ToUtf8(String(req.headers['last-event-id'])) + '\n\n');
    });
    const { es, log } = t.open('/seed', { lastEventId: 'seed-7' });
    await until(() => log.filter((l) => l.startsWith('message')).length >= 2, 'two connections');
    expect(log.filter((l) => l.startsWith('message')).slice(0, 2)).toEqual(['message:0 seed-7:seed-7', 'message:1 seed-7:seed-7']);
    expect(es.lastEventId).toBe('seed-7');
  });

  it("lastEventIdIn: 'query' sends a query parameter (UTF-8, replacing one in the URL) and no header", async () => {
    t.server.handle('/q', echo((req) => req.url + ' ' + (req.headers['last-event-id'] ?? 'no-header')));
    const { log } = t.open('/q?lastEventId=stale&x=1', { lastEventIdIn: 'query', lastEventId: '€ 1' });
    await until(() => log.filter((l) => l.startsWith('message')).length === 2, 'two connections');
    expect(log.filter((l) => l.startsWith('message'))).toEqual([
      'message:/q?x=1&lastEventId=%E2%82%AC%201 no-header:1',
      'message:/q?x=1&lastEventId=1 no-header:2',
    ]);
  });

  it("lastEventIdIn: 'both' with lastEventIdParam; nothing is added while the ID is empty", async () => {
    t.server.handle('/q', echo((req) => req.url + ' ' + (req.headers['last-event-id'] ?? 'no-header')));
    const { log } = t.open('/q', { lastEventIdIn: 'both', lastEventIdParam: 'lastEventID' });
    await until(() => log.filter((l) => l.startsWith('message')).length === 2, 'two connections');
    expect(log.filter((l) => l.startsWith('message'))).toEqual(['message:/q no-header:1', 'message:/q?lastEventID=1 1:2']);
  });

  it('bad last event ID options: a TypeError', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { lastEventIdIn: 'cookie' as never })).toThrow(/'header', 'query' or 'both'/);
    expect(() => new EventSource(url, { lastEventIdParam: '' })).toThrow(/non-empty string/);
    expect(() => new EventSource(url, { lastEventId: 5 as never })).toThrow(/lastEventId must be a string/);
    expect(() => new EventSource(url, { lastEventId: 'a\nb' })).toThrow(/NUL, CR or LF/);
  });
});

describe('unknown and empty options', () => {
  it('undefined options are the defaults; members the package does not know are ignored, as WebIDL says', async () => {
    const { fetch, requests } = scriptedFetch(held('data: x\n\n'));
    const es = new EventSource('http://example.test/', { fetch, headers: undefined, method: undefined, heartbeat: 5 } as never);
    await settle();
    expect(requests[0].init).toMatchObject({ headers: { Accept: 'text/event-stream' } });
    // No method member: fetch's default, GET.
    expect(requests[0].init.method || 'GET').toBe('GET');
    es.close();
  });
});

vi.setConfig({ testTimeout: 20000 });
