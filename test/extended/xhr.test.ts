// The extended class on the XMLHttpRequest transport, through the built script-tag file
// dist/eventsource.extended.iife.js (WhatwgEventSource.ExtendedEventSource) in a jsdom window without fetch, ReadableStream or TextDecoder (as in
// test/transport/xhr.test.ts), against the real fixture server.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtendedEventSourceConstructor, ExtendedEventSourceInit } from '../../src/extended/index';
import { numberedEvents, startServer } from '../helpers/sse-server.mjs';
import { record, sleep, until, type Server } from './helpers';

const script = readFileSync(join(__dirname, '..', '..', 'dist', 'eventsource.extended.iife.js'), 'utf8');

type Win = Window & typeof globalThis & {
  WhatwgEventSource: { EventSource: unknown; ExtendedEventSource: ExtendedEventSourceConstructor };
  eval(code: string): unknown;
};

let server: Server;
let dom: JSDOM;
const sources: Array<{ close(): void }> = [];

beforeEach(async () => {
  server = await startServer();
  dom = new JSDOM('<!doctype html><title>extended</title>', { url: server.origin + '/', runScripts: 'outside-only' });
  (dom.window as unknown as Win).eval(script);
});

afterEach(async () => {
  for (const es of sources.splice(0)) es.close();
  dom.window.close();
  await server.close();
});

function open(path: string, init?: ExtendedEventSourceInit) {
  const window = dom.window as unknown as Win;
  expect(typeof window.fetch).toBe('undefined');
  const es = new window.WhatwgEventSource.ExtendedEventSource(server.url(path), init);
  sources.push(es);
  // record()'s log carries its error events as log.errors: compare [...log], as the other extended tests do.
  const log = record(es);
  return { es, log, errors: log.errors };
}

describe('the extensions on XMLHttpRequest (jsdom)', () => {
  it('the script tag installs the plain class, and exposes the extended one as WhatwgEventSource.ExtendedEventSource', () => {
    const window = dom.window as unknown as Win & { EventSource: { prototype: object } };
    expect(window.EventSource).toBe(window.WhatwgEventSource.EventSource);
    expect('lastEventId' in window.EventSource.prototype).toBe(false);
    const Extended = window.WhatwgEventSource.ExtendedEventSource;
    expect(Object.getPrototypeOf(Extended.prototype)).toBe(window.EventSource.prototype);
    expect('lastEventId' in Extended.prototype).toBe(true);
  });

  it('POST with a body and headers from a function, the last event ID in the query, both again on reconnection', async () => {
    const seen: string[] = [];
    server.handle('/post', (req: IncomingMessage, res: ServerResponse, { n }: { n: number }) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push([req.method, req.url, req.headers.authorization, req.headers['last-event-id'] ?? '-', body].join(' '));
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.end('retry: 5\nid: ' + (n + 1) + '\ndata: ' + n + '\n\n');
      });
    });
    let token = 0;
    const { es } = open('/post', {
      method: 'POST',
      body: '{"q":1}',
      headers: () => ({ Authorization: 'T' + ++token }),
      lastEventIdIn: 'query',
      lastEventId: 'é',
    });
    await until(() => seen.length >= 2, 'two requests');
    expect(seen.slice(0, 2)).toEqual(['POST /post?lastEventId=%C3%A9 T1 - {"q":1}', 'POST /post?lastEventId=1 T2 - {"q":1}']);
    expect(es.lastEventId).not.toBe('é');
  });

  it('error details of a failed response: status, statusText, body; reconnectOnStatus honours Retry-After', async () => {
    server.handle('/busy', (req: IncomingMessage, res: ServerResponse, { n }: { n: number }) => {
      if (n === 0) return void res.writeHead(503, { 'Retry-After': '0', 'Content-Type': 'text/plain' }).end('busy');
      res.writeHead(401, { 'Content-Type': 'text/plain' }).end('who are you');
    });
    const { es, log, errors } = open('/busy', { reconnectOnStatus: [503], reconnectionTime: 5 });
    await until(() => es.readyState === 2, 'failed');
    expect([...log]).toEqual(['error:0:response', 'error:2:response']);
    expect([errors[0].status, errors[0].statusText, errors[0].body, errors[0].willReconnect]).toEqual([503, 'Service Unavailable', 'busy', true]);
    expect([errors[1].status, errors[1].body, errors[1].willReconnect]).toEqual([401, 'who are you', false]);
  });

  it('inactivityTimeout and a one-shot stream', async () => {
    const a = open('/silent', { inactivityTimeout: 500, reconnectionTime: 5 });
    await until(() => server.count('/silent') >= 2, 'reconnected after the stall');
    // On a loaded machine the 50 ms can pass before the response arrives: then there is no `open` before the error.
    expect(a.log.filter((entry) => entry !== 'open')[0]).toBe('error:0:timeout');
    a.es.close();
    const b = open('/counter?n=2', { reconnectOnEnd: false });
    await until(() => b.es.readyState === 2, 'closed');
    expect([...b.log]).toEqual(['open', 'message:1:1', 'message:2:2', 'error:2:end']);
  });

  it('the window\'s online event ends the wait for a reconnection', async () => {
    const { log } = open('/counter?n=1', { reconnectOnResume: true, reconnectionTime: 600000 });
    await until(() => log.includes('error:0:end'), 'waiting');
    dom.window.dispatchEvent(new dom.window.Event('online'));
    await until(() => server.count('/counter') === 2, 'reconnected at once, not after 10 minutes');
  });

  it('maxEventSize, and async iteration', async () => {
    const text = 'data: a\n\ndata: ' + 'x'.repeat(50) + '\n\n';
    const { es, log } = open('/message?body=' + encodeURIComponent(text), { maxEventSize: 20 });
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const event of es) seen.push(event.data);
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual(['a']);
    expect([...log]).toEqual(['open', 'message:a:', 'error:2:size']);
    expect(String(failure)).toMatch(/EventSource failed: an event was larger than maxEventSize/);
    await sleep(20);
    expect(server.count('/message')).toBe(1);
  });

  it('the responseText bound: the connection is replaced at an event boundary with no event and no retry counted', async () => {
    const payload = 'x'.repeat(1000);
    server.handle('/big', numberedEvents(5000, payload));
    // maxRetries: 0 would fail the connection if the replacement counted as a retry.
    const { es, log } = open('/big', { maxRetries: 0, headers: { 'X-Token': 'a' } });
    await until(() => log.filter((l) => l.startsWith('message')).length === 5000, '5000 events');
    expect(server.count('/big')).toBe(2);
    const second = server.requests.filter((r: { path: string }) => r.path === '/big')[1];
    expect(Number(second.headers['last-event-id'])).toBeGreaterThan(4000);
    expect(second.headers['x-token']).toBe('a');
    expect(log.filter((l) => !l.startsWith('message'))).toEqual(['open']);
    expect(es.readyState).toBe(1);
  }, 30000);
});
