// src/transport/xhr.ts, and the legacy path around it, through the built script-tag file in a jsdom window that
// has no fetch, ReadableStream or TextDecoder: jsdom's XMLHttpRequest streams from a real node:http server (msw's
// XHR mocking cannot stream). The window's URL is the server's origin, so requests are same-origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numberedEvents, startServer } from '../helpers/sse-server.mjs';
import { sleep, until } from '../helpers/wait.mjs';

const script = readFileSync(join(__dirname, '..', '..', 'dist', 'eventsource.iife.js'), 'utf8');

type Server = Awaited<ReturnType<typeof startServer>>;
type Win = Window & typeof globalThis & { WhatwgEventSource: { EventSource: typeof EventSource }; eval(code: string): unknown };

let server: Server;
let dom: JSDOM;
const sources: EventSource[] = [];

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  for (const es of sources.splice(0)) es.close();
  dom?.window.close();
  await server.close();
});

/** A jsdom window on the server's origin, with `prepare` (ES5 source) run before the script tag's file. */
function page(prepare = ''): Win {
  dom = new JSDOM('<!doctype html><title>legacy</title>', { url: server.origin + '/', runScripts: 'outside-only' });
  const window = dom.window as unknown as Win;
  if (prepare) window.eval(prepare);
  window.eval(script);
  return window;
}

function open(window: Win, path: string) {
  const es = new window.EventSource(server.url(path));
  sources.push(es);
  const log: string[] = [];
  es.addEventListener('open', () => log.push('open'));
  es.addEventListener('error', () => log.push('error:' + es.readyState));
  es.addEventListener('message', (e) => log.push('message:' + (e as MessageEvent).data + ':' + (e as MessageEvent).lastEventId));
  return { es, log };
}

describe('the XMLHttpRequest transport in jsdom (no fetch, ReadableStream or TextDecoder)', () => {
  it('installs window.EventSource, the same class as WhatwgEventSource.EventSource', () => {
    const window = page();
    expect(typeof window.fetch).toBe('undefined');
    expect(typeof window.ReadableStream).toBe('undefined');
    expect(window.EventSource).toBe(window.WhatwgEventSource.EventSource);
  });

  it('streams: open, then each message as it arrives, before the response ends', async () => {
    const window = page();
    server.handle('/held', (req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: first\n\n');
      setTimeout(() => res.write('id: 2\ndata: second\n\n'), 50);
    });
    const { es, log } = open(window, '/held');
    await until(() => log.length === 3, 'two messages on an open response');
    expect(log).toEqual(['open', 'message:first:', 'message:second:2']);
    expect(es.readyState).toBe(1);
  });

  it('announces the connection when the headers arrive (HEADERS_RECEIVED), before any body byte', async () => {
    const window = page();
    let sent = false;
    server.handle('/headers-only', (req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
      sent = true;
    });
    const { es, log } = open(window, '/headers-only');
    await until(() => log.length === 1, 'open');
    expect(sent).toBe(true);
    expect(log).toEqual(['open']);
    expect(es.readyState).toBe(1);
  });

  it('message origin is the origin of the final URL; UTF-8 is forced whatever the charset', async () => {
    const window = page();
    let origin = '';
    const es = new window.EventSource(
      server.url('/message?type=' + encodeURIComponent('text/event-stream; charset=windows-1252') + '&body=' + encodeURIComponent('data: é€😀\n\n')),
    );
    sources.push(es);
    const data: string[] = [];
    es.onmessage = (e) => {
      origin = e.origin;
      data.push(e.data);
    };
    await until(() => data.length === 1, 'the message');
    expect(data).toEqual(['é€😀']);
    expect(origin).toBe(server.origin);
  });

  it('a 1-byte trickle with multi-byte characters split across progress events', async () => {
    const window = page();
    server.handle('/bytes', (req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const bytes = Buffer.from('data: 日本😀\r\n\r\ndata: ok\r\r');
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i < bytes.length) {
          res.write(bytes.subarray(i, ++i));
          setTimeout(next, 1);
        }
      };
      next();
    });
    const { log } = open(window, '/bytes');
    await until(() => log.length === 3, 'both messages');
    expect(log).toEqual(['open', 'message:日本😀:', 'message:ok:']);
  });

  it('reconnects after the end of the response with Last-Event-ID, non-ASCII ids included', async () => {
    const window = page();
    const { es, log } = open(window, '/last-event-id?ids=' + encodeURIComponent('€1,日本') + '&connections=3');
    await until(() => es.readyState === 2, 'three connections, then a 204');
    expect(server.count('/last-event-id')).toBe(4);
    expect(log.filter((l) => l.startsWith('message'))).toEqual([
      'message:none:',
      // The last event ID buffer outlives a connection, so the first event of each new stream carries the id.
      'message:€1:€1',
      'message:日本:日本',
    ]);
    expect(log[log.length - 1]).toBe('error:2');
  });

  it('fails the connection on a 404 or a wrong Content-Type: CLOSED, one error, no reconnect', async () => {
    const window = page();
    const a = open(window, '/message?status=404&body=' + encodeURIComponent('data: x\n\n'));
    const b = open(window, '/message?type=text/plain&body=' + encodeURIComponent('data: x\n\n'));
    await until(() => a.es.readyState === 2 && b.es.readyState === 2, 'both failed');
    await sleep(100);
    expect(a.log).toEqual(['error:2']);
    expect(b.log).toEqual(['error:2']);
    expect(server.count('/message')).toBe(2);
  });

  it('a network error reestablishes the connection', async () => {
    const window = page();
    // retry: 1 so that the reconnection follows at once, not after the default 3 s.
    const { es, log } = open(window, '/reset?body=' + encodeURIComponent('retry: 1\ndata: one\n\ndata: cut'));
    await until(() => server.count('/reset') >= 2, 'a second connection');
    es.close();
    expect(log).toContain('error:0');
  });

  it('close() aborts the request: no more events, no reconnect', async () => {
    const window = page();
    const { es, log } = open(window, '/counter?n=1000&interval=5&retry=1');
    await until(() => log.length >= 3, 'some messages');
    es.close();
    const seen = log.length;
    await sleep(100);
    expect(log.length).toBe(seen);
    expect(server.count('/counter')).toBe(1);
  });

  it('long-polls where responseText cannot be read before the response is complete (IE 9-era XHR)', async () => {
    // responseText throws while LOADING, and the engine has no progress events: what IE 9 does.
    const window = page(`
      (function () {
        var X = window.XMLHttpRequest;
        var get = Object.getOwnPropertyDescriptor(X.prototype, 'responseText').get;
        Object.defineProperty(X.prototype, 'responseText', { get: function () {
          if (this.readyState === 3) throw new Error('not yet');
          return get.call(this);
        } });
        Object.defineProperty(X.prototype, 'onprogress', { get: undefined, set: undefined, configurable: true });
        delete X.prototype.onprogress;
        var proto = Object.getPrototypeOf(X.prototype);
        while (proto && !Object.prototype.hasOwnProperty.call(proto, 'onprogress')) proto = Object.getPrototypeOf(proto);
        if (proto) delete proto.onprogress;
      })();
    `);
    // Each response carries one event and a retry of 10 minutes, and ends: a long poll asks again at once, without
    // waiting the reconnection time, or the three polls would take 20 minutes.
    server.handle('/poll', (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const last = Number(req.headers['last-event-id'] || 0);
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('retry: 600000\nid: ' + (last + 1) + '\ndata: ' + (last + 1) + '\n\n');
    });
    const { es, log } = open(window, '/poll');
    await until(() => log.filter((l) => l.startsWith('message')).length >= 3, 'three polls at once, not 10 minutes apart');
    es.close();
    expect(log.slice(0, 4)).toEqual(['open', 'message:1:1', 'error:0', 'open']);
    expect(log).toContain('message:3:3');
  });

  it('replaces a connection whose responseText passes 4 MiB, at an event boundary, without an event', async () => {
    const window = page();
    const payload = 'x'.repeat(1000);
    server.handle('/big', numberedEvents(6000, payload));
    const { es, log } = open(window, '/big');
    const ids: number[] = [];
    es.addEventListener('message', (e) => ids.push(Number((e as MessageEvent).lastEventId)));
    await until(() => ids.length === 6000, '6000 events');
    expect(server.count('/big')).toBe(2);
    const second = server.requests.filter((r: { path: string }) => r.path === '/big')[1];
    // 4 MiB of ~1,020-character events: the replacement resumes after event ~4,100.
    expect(Number(second.headers['last-event-id'])).toBeGreaterThan(4000);
    expect(ids).toEqual(Array.from({ length: 6000 }, (_, i) => i + 1));
    expect(log.filter((l) => !l.startsWith('message'))).toEqual(['open']);
  }, 120000);
});

describe('the shims, where EventTarget, Event and MessageEvent cannot be constructed', () => {
  const remove = 'delete window.EventTarget; delete window.Event; delete window.MessageEvent;';

  it('events arrive through the shim EventTarget, with target, currentTarget and the message fields', async () => {
    const window = page(remove);
    expect(typeof (window as unknown as { EventTarget?: unknown }).EventTarget).toBe('undefined');
    const es = new window.EventSource(server.url('/message?body=' + encodeURIComponent('id: 7\ndata: hi\n\n')));
    sources.push(es);
    const seen: unknown[] = [];
    es.addEventListener('message', {
      handleEvent(e: MessageEvent) {
        seen.push([e.type, e.data, e.lastEventId, e.origin, e.target === es, e.currentTarget === es, e.source, e.ports.length]);
      },
    });
    es.onopen = () => seen.push('open');
    await until(() => seen.length === 2, 'open and message');
    expect(seen).toEqual(['open', ['message', 'hi', '7', server.origin, true, true, null, 0]]);
  });
});
