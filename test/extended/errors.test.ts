// src/extended.ts: the details that error events carry, and maxEventSize.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_EVENT_SIZE, ERROR_BODY_SIZE, ERROR_BODY_WAIT, EventSource } from '../../src/extended/index';
import { details, held, networkError, record, settle, scriptedFetch, sleep, until, useServer } from './helpers';

const t = useServer();

describe('error details', () => {
  it('a failed response: status, statusText, contentType and its body; CLOSED, no reconnection', async () => {
    const { es, log } = t.open('/message?status=404&type=text/plain&body=' + encodeURIComponent('no such stream'));
    await until(() => log.length === 1, 'error');
    expect(es.readyState).toBe(2);
    expect(details(log.errors[0])).toEqual({
      reason: 'response',
      status: 404,
      statusText: 'Not Found',
      contentType: 'text/plain',
      body: 'no such stream',
      error: undefined,
      willReconnect: false,
      reconnectDelay: undefined,
      attempt: 0,
    });
  });

  it('a 200 of the wrong type: status 200 and its Content-Type', async () => {
    const { log } = t.open('/message?type=text/html&body=' + encodeURIComponent('<p>login</p>'));
    await until(() => log.length === 1, 'error');
    expect(details(log.errors[0])).toMatchObject({ reason: 'response', status: 200, contentType: 'text/html', body: '<p>login</p>' });
  });

  it('the body is cut at ERROR_BODY_SIZE characters, decoded as UTF-8', async () => {
    t.server.handle('/big-error', (req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('é'.repeat(ERROR_BODY_SIZE * 4));
    });
    const { log } = t.open('/big-error');
    await until(() => log.length === 1, 'error');
    expect(log.errors[0].body).toBe('é'.repeat(ERROR_BODY_SIZE));
  });

  it('a failed response whose body never ends is reported after ERROR_BODY_WAIT ms with what came', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch } = scriptedFetch(held('{"error":', { status: 502, statusText: 'Bad Gateway' }));
    const es = new EventSource('http://example.test/', { fetch });
    const log = record(es);
    await settle();
    expect([...log]).toEqual([]);
    await vi.advanceTimersByTimeAsync(ERROR_BODY_WAIT);
    expect([...log]).toEqual(['error:2:response']);
    expect(details(log.errors[0])).toMatchObject({ status: 502, statusText: 'Bad Gateway', body: '{"error":' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() while a failed response\'s body is read: no event, no timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const es = new EventSource('http://example.test/', { fetch: scriptedFetch(held('x', { status: 500 })).fetch });
    const log = record(es);
    await settle();
    es.close();
    expect(vi.getTimerCount()).toBe(0);
    await settle();
    expect([...log]).toEqual([]);
  });

  it('a network error: the error itself, and when the reconnection comes', async () => {
    const failure = new TypeError('fetch failed');
    const es = new EventSource('http://example.test/', { fetch: () => Promise.reject(failure), reconnectionTime: 1234 });
    const log = record(es);
    await until(() => log.length === 1, 'error');
    es.close();
    expect(details(log.errors[0])).toMatchObject({ reason: 'network', error: failure, willReconnect: true, reconnectDelay: 1234, attempt: 1 });
  });

  it('a clean end: reason end, and the reconnection delay (the server\'s retry)', async () => {
    const { es, log } = t.open('/counter?n=1&retry=25');
    await until(() => log.length === 3, 'error');
    es.close();
    expect(details(log.errors[0])).toMatchObject({ reason: 'end', willReconnect: true, reconnectDelay: 25, attempt: 1, error: undefined });
  });

  it('the details are on the event before any listener runs, and the open event carries the response', async () => {
    t.server.handle('/typed', (req, res) => {
      res.writeHead(200, 'Fine', { 'Content-Type': 'text/event-stream; charset=utf-8' });
      res.end('retry: 5\ndata: x\n\n');
    });
    const es = new EventSource(t.server.url('/typed'));
    const seen: unknown[] = [];
    es.addEventListener('open', (e) => seen.push(['open', e.status, e.statusText, e.contentType]), { capture: true });
    es.addEventListener('error', (e) => {
      seen.push(['error', e.reason, e.willReconnect]);
      es.close();
    });
    await until(() => seen.length === 2, 'open and error');
    expect(seen).toEqual([
      ['open', 200, 'Fine', 'text/event-stream; charset=utf-8'],
      ['error', 'end', true],
    ]);
  });

  it('an error event dispatched by script gets no details', async () => {
    const { es, log } = t.open('/silent');
    await until(() => log.includes('open'), 'open');
    es.dispatchEvent(new Event('error'));
    expect(log.errors[0].reason).toBeUndefined();
    expect(log.errors[0].willReconnect).toBeUndefined();
  });
});

describe('maxEventSize', () => {
  it('an event past it fails the connection: the events before it arrive, then CLOSED and an error, no reconnection', async () => {
    const text = 'retry: 5\ndata: small\n\ndata: ' + 'x'.repeat(200) + '\n\ndata: after\n\n';
    const { es, log } = t.open('/message?body=' + encodeURIComponent(text), { maxEventSize: 100 });
    await until(() => es.readyState === 2, 'failed');
    await sleep(30);
    expect([...log]).toEqual(['open', 'message:small:', 'error:2:size']);
    expect(log.errors[0].error).toBeInstanceOf(Error);
    expect(t.server.count('/message')).toBe(1);
  });

  it('the default bounds events at 8 MiB characters; Infinity lifts the bound', async () => {
    expect(DEFAULT_MAX_EVENT_SIZE).toBe(8 * 1024 * 1024);
    const big = 'y'.repeat(DEFAULT_MAX_EVENT_SIZE + 1);
    t.server.handle('/huge', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: ' + big + '\n\n');
    });
    const bounded = t.open('/huge');
    await until(() => bounded.log.length === 2, 'failed');
    expect([...bounded.log]).toEqual(['open', 'error:2:size']);
    const unbounded = t.open('/huge', { maxEventSize: Infinity });
    let data = '';
    unbounded.es.onmessage = (e) => (data = e.data);
    await until(() => data.length > 0, 'the huge event');
    expect(data.length).toBe(big.length);
  }, 120000);

  it('bad values: RangeError', () => {
    const url = t.server.url('/message');
    expect(() => new EventSource(url, { maxEventSize: 0 })).toThrow(RangeError);
    expect(() => new EventSource(url, { maxEventSize: -1 })).toThrow(RangeError);
    expect(() => new EventSource(url, { maxEventSize: NaN })).toThrow(RangeError);
    expect(() => new EventSource(url, { maxEventSize: '1' as never })).toThrow(TypeError);
  });
});

it('a failure that retries exhaust keeps its reason and says no reconnection comes', async () => {
  const es = new EventSource('http://example.test/', { fetch: scriptedFetch(networkError).fetch, maxRetries: 0 });
  const log = record(es);
  await until(() => log.length === 1, 'error');
  expect(details(log.errors[0])).toMatchObject({ reason: 'network', willReconnect: false, reconnectDelay: undefined, attempt: 0 });
  expect(es.readyState).toBe(2);
});

it('a network error for a URL that is not http(s) fails the connection, with its details, as for the plain class', async () => {
  const failure = new TypeError('fetch failed');
  const es = new EventSource('ftp://example.test/', { fetch: () => Promise.reject(failure), maxRetries: 5 });
  const log = record(es);
  await until(() => log.length === 1, 'error');
  expect([...log]).toEqual(['error:2:network']);
  expect(details(log.errors[0])).toMatchObject({ reason: 'network', error: failure, willReconnect: false, attempt: 0 });
});
