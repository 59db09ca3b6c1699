// examples/demo/server.mjs: its streams, the chat relay, the files it serves, and `npm start` as a process.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'acorn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSource, createParser } from '../../dist/index.js';
import { startDemoServer } from '../../examples/demo/server.mjs';
import { killAll, root, start } from './processes';

type Demo = Awaited<ReturnType<typeof startDemoServer>>;
interface Message {
  type: string;
  data: string;
  lastEventId: string;
}

let demo: Demo;
const sources: EventSource[] = [];

beforeEach(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterEach(async () => {
  for (const source of sources.splice(0)) source.close();
  await demo.close();
  await killAll();
});

/** The response to a GET of `path` and its first `n` events; the request is then aborted. */
async function firstEvents(path: string, n: number, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(demo.url(path), { headers, signal: controller.signal });
  const events: Message[] = [];
  const parser = createParser({ onEvent: (message: Message) => void events.push(message) });
  const reader = response.body!.getReader();
  try {
    while (events.length < n) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  } finally {
    reader.cancel().catch(() => {});
    controller.abort();
  }
  return { response, events: events.slice(0, n) };
}

/** Collects events of the given types from an EventSource until `until(events)` holds. */
function collect(path: string, types: string[], until: (events: Message[]) => boolean, init?: object): Promise<Message[]> {
  const source = new EventSource(demo.url(path), init);
  sources.push(source);
  const events: Message[] = [];
  return new Promise((resolve) => {
    for (const type of types) {
      source.addEventListener(type, (event: MessageEvent) => {
        events.push({ type, data: event.data, lastEventId: event.lastEventId });
        if (until(events)) {
          source.close();
          resolve(events);
        }
      });
    }
  });
}

function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(demo.origin);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const post = (body: string, type = 'application/json') =>
  fetch(demo.url('/chat'), { method: 'POST', headers: { 'Content-Type': type }, body });

describe('the demo streams', () => {
  it('each answers text/event-stream, uncached, with its first events', async () => {
    const clock = await firstEvents('/sse/clock', 1);
    const ticker = await firstEvents('/sse/ticker?interval=20', 2);
    const flaky = await firstEvents('/sse/flaky?interval=20', 2);
    const metrics = await firstEvents('/sse/metrics?interval=50', 1);
    const chat = await firstEvents('/sse/chat', 1);
    for (const { response } of [clock, ticker, flaky, metrics, chat]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }

    expect(clock.events[0].type).toBe('message');
    expect(Math.abs(Date.parse(clock.events[0].data) - Date.now())).toBeLessThan(5000);

    expect(ticker.events.map((e) => [e.type, e.lastEventId])).toEqual([
      ['snapshot', ''],
      ['price', '1'],
    ]);
    expect(Object.keys(JSON.parse(ticker.events[0].data).prices)).toEqual(['ACME', 'BOLT', 'CIRRUS', 'DELTA']);
    expect(Object.keys(JSON.parse(ticker.events[1].data))).toEqual(['symbol', 'price', 'change']);

    expect(flaky.events.map((e) => [e.type, e.lastEventId, JSON.parse(e.data)])).toEqual([
      ['resume', '', { lastEventId: null, connection: 1 }],
      ['message', '1', { seq: 1, connection: 1 }],
    ]);

    const sample = JSON.parse(metrics.events[0].data);
    expect(metrics.events[0].type).toBe('metrics');
    expect(Object.keys(sample)).toEqual(['at', 'cpuPercent', 'loadavg', 'cpus', 'rss', 'heapUsed', 'heapTotal', 'streams', 'uptime']);
    expect(sample.loadavg).toHaveLength(3);
    expect(sample.heapUsed).toBeGreaterThan(0);

    expect(chat.events[0]).toEqual({ type: 'presence', data: '{"online":1}', lastEventId: '' });
  });

  it('the flaky stream drops the connection; an EventSource reconnects and it resumes after Last-Event-ID', async () => {
    const events = await collect('/sse/flaky?every=2&interval=20&retry=20', ['resume', 'message'], (e) => e.filter((m) => m.type === 'resume').length === 3);
    expect(events.map((e) => (e.type === 'resume' ? 'resume after ' + JSON.parse(e.data).lastEventId : e.lastEventId))).toEqual([
      'resume after null',
      '1',
      '2',
      'resume after 2',
      '3',
      '4',
      'resume after 4',
    ]);
    // The event cut off by each drop is never dispatched.
    expect(events.every((e) => !e.data.includes('cut off'))).toBe(true);
  });

  it('the ticker carries on its numbering from Last-Event-ID', async () => {
    const { events } = await firstEvents('/sse/ticker?interval=20', 2, { 'Last-Event-ID': '41' });
    expect(events.map((e) => [e.type, e.lastEventId])).toEqual([
      ['snapshot', '41'],
      ['price', '42'],
    ]);
  });

  it('/sse/private wants the bearer token', async () => {
    const refused = await fetch(demo.url('/sse/private'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    await refused.text();
    const { response, events } = await firstEvents('/sse/private?interval=20', 2, { Authorization: 'Bearer demo-token' });
    expect(response.status).toBe(200);
    expect(events.map((e) => [e.type, e.lastEventId, e.data])).toEqual([
      ['welcome', '', '{"user":"demo","scopes":["read:secrets"]}'],
      ['message', '1', 'secret #1'],
    ]);
  });
});

describe('the chat relay', () => {
  it('a POSTed message reaches every subscriber as a chat event', async () => {
    const chat = (e: Message[]) => e.filter((m) => m.type === 'chat');
    const until = (e: Message[]) => chat(e).length === 3;
    let online = 0;
    const ready = new Promise<void>((resolve) => {
      const source = new EventSource(demo.url('/sse/chat'));
      sources.push(source);
      source.addEventListener('presence', (event: MessageEvent) => {
        online = JSON.parse(event.data).online;
        if (online === 3) resolve();
      });
    });
    const first = collect('/sse/chat', ['chat'], until);
    const second = collect('/sse/chat', ['chat'], until);
    await ready;

    const response = await post(JSON.stringify({ name: 'ada', text: 'hello' }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 1 });
    expect((await post('name=bob&text=hi+there', 'application/x-www-form-urlencoded')).status).toBe(201);
    expect((await post('plain text', 'text/plain')).status).toBe(201);

    for (const events of [await first, await second]) {
      const messages = chat(events).map((e) => {
        const { at, ...message } = JSON.parse(e.data);
        expect(Date.parse(at)).toBeGreaterThan(0);
        return message;
      });
      expect(messages).toEqual([
        { id: 1, name: 'ada', text: 'hello' },
        { id: 2, name: 'bob', text: 'hi there' },
        { id: 3, name: 'anonymous', text: 'plain text' },
      ]);
      expect(chat(events).map((e) => e.lastEventId)).toEqual(['1', '2', '3']);
    }
  });

  it('a subscriber gets what it missed after Last-Event-ID, or else the last messages marked as history', async () => {
    for (const text of ['one', 'two', 'three']) expect((await post(JSON.stringify({ text }))).status).toBe(201);
    const resumed = await firstEvents('/sse/chat', 3, { 'Last-Event-ID': '1' });
    expect(resumed.events.map((e) => [e.type, e.lastEventId, JSON.parse(e.data).text, JSON.parse(e.data).history])).toEqual([
      ['chat', '2', 'two', undefined],
      ['chat', '3', 'three', undefined],
      // The presence event repeats the last id, so a drop right after it resumes in the right place.
      ['presence', '3', undefined, undefined],
    ]);
    const fresh = await firstEvents('/sse/chat?history=2', 3);
    expect(fresh.events.map((e) => [e.type, e.lastEventId, JSON.parse(e.data).text, JSON.parse(e.data).history])).toEqual([
      ['chat', '2', 'two', true],
      ['chat', '3', 'three', true],
      ['presence', '3', undefined, undefined],
    ]);
  });

  it('refuses what is not a message', async () => {
    expect((await post(JSON.stringify({ text: '  ' }))).status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('null')).status).toBe(400);
    expect((await post(JSON.stringify({ text: 'x'.repeat(501) }))).status).toBe(400);
    expect((await post('x'.repeat(9000), 'text/plain')).status).toBe(413);
    const get = await fetch(demo.url('/chat'));
    expect(get.status).toBe(405);
    await get.text();
  });
});

describe('the files it serves', () => {
  it('the demo page, its script and style, the browser example and the built files', async () => {
    for (const [path, type, contains] of [
      ['/', 'text/html; charset=utf-8', '<script src="/dist/eventsource.iife.min.js"></script>'],
      ['/demo.js', 'text/javascript; charset=utf-8', 'WhatwgEventSource'],
      ['/demo.css', 'text/css; charset=utf-8', '.card'],
      ['/examples/browser/', 'text/html; charset=utf-8', '<script src="../../dist/eventsource.iife.min.js"></script>'],
      ['/dist/index.js', 'text/javascript; charset=utf-8', 'export'],
      ['/dist/eventsource.iife.min.js', 'text/javascript; charset=utf-8', 'WhatwgEventSource'],
    ]) {
      const response = await fetch(demo.url(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(await response.text(), path).toContain(contains);
    }
  });

  it('nothing else of the repository', async () => {
    for (const path of ['/package.json', '/dist/../package.json', '/dist/..%2fpackage.json', '/dist/%2e%2e/package.json', '/examples/browser/../../package.json', '/examples/demo/server.mjs', '/dist/missing.js']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"devDependencies"');
    }
  });

  it('the page script and the browser example are ES5, for the browsers that need the polyfill', () => {
    const parse5 = (code: string) => parse(code, { ecmaVersion: 5, sourceType: 'script' });
    expect(() => parse5(readFileSync(join(root, 'examples', 'demo', 'demo.js'), 'utf8'))).not.toThrow();
    const html = readFileSync(join(root, 'examples', 'browser', 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(() => parse5(inline[0])).not.toThrow();
    // Every id the script looks up exists in the page.
    const page = readFileSync(join(root, 'examples', 'demo', 'index.html'), 'utf8');
    const script = readFileSync(join(root, 'examples', 'demo', 'demo.js'), 'utf8');
    const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...script.matchAll(/(?:\$|text)\('([a-z-]+)'/g)].map((m) => m[1]).filter((id) => !id.endsWith('-'));
    for (const name of ['clock', 'ticker', 'flaky', 'metrics', 'chat']) used.push('state-' + name, 'count-' + name);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the server itself', () => {
  it('close() ends the open streams and stops listening', async () => {
    const response = await fetch(demo.url('/sse/clock'));
    const reader = response.body!.getReader();
    await reader.read();
    await demo.close();
    expect(demo.server.listening).toBe(false);
    // Read until the stream ends or errors. A stream left open would hold this read forever: the test timeout is
    // the check.
    try {
      while (!(await reader.read()).done);
    } catch {
      // Errored: ended all the same.
    }
  });

  it('falls back to a free port when asked to and the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    try {
      await expect(startDemoServer({ port: busy })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      const other = await startDemoServer({ port: busy, fallback: true });
      expect(other.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(other.origin).not.toBe('http://127.0.0.1:' + busy);
      await other.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('npm start (node examples/demo/server.mjs)', () => {
  it('prints the URL, serves the page, prints events from a Node client, and stops cleanly on Ctrl-C', async () => {
    const child = start(['examples/demo/server.mjs'], { env: { PORT: '0' } });
    const [, origin] = await child.waitFor(/open (http:\/\/127\.0\.0\.1:\d+)\/ in a browser/);
    const page = await fetch(origin + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('whatwg-eventsource demo');

    await child.waitFor(/chat +presence/);
    await fetch(origin + '/chat', { method: 'POST', body: 'name=tester&text=seen in the terminal', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    await child.waitFor(/chat +chat id=1 \{"id":1,"name":"tester","text":"seen in the terminal"/);
    await child.waitFor(/flaky +OPEN[\s\S]*flaky +resume \{"lastEventId":null,"connection":1\}/);
    await child.waitFor(/ticker +snapshot \{"prices"/);

    child.child.kill('SIGINT');
    const result = await child.exited();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nstopping\nstopped\n$/);
    expect(result.stderr).toBe('');
  });

  it('a PORT that is not a port number is a usage error', async () => {
    const result = await start(['examples/demo/server.mjs'], { env: { PORT: 'eighty' } }).exited();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a port number');
  });
});
