// examples/demo/server.mjs: its streams, the chat relay, the files it serves, and `npm start` as a process.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'acorn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSource, createParser } from '../../dist/index.js';
import { cpuPercent, everySecond, followDemo, startDemoServer } from '../../examples/demo/server.mjs';
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
    expect(Object.keys(sample)).toEqual(['at', 'interval', 'cpus', 'processCpuPercent', 'machineCpuPercent', 'loadavg', 'rss', 'heapUsed', 'heapTotal', 'streams', 'uptime']);
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

describe('the clock', () => {
  // A fake clock whose timers fire `early` ms before the time they were set for (as Node's can, by the wall clock):
  // the first `seconds` + 1 ticks, from 12.5 s on.
  function ticks(early: number, seconds: number) {
    let now = 12500;
    let pending: { ms: number; fn: () => void } | null = null;
    const sent: number[] = [];
    everySecond(
      () => now,
      (ms: number, fn: () => void) => void (pending = { ms, fn }),
      (time: number) => void sent.push(time),
    );
    for (let wakes = 0; sent.length <= seconds && wakes < 100; wakes++) {
      const { ms, fn } = pending!;
      pending = null;
      now += ms > early ? ms - early : ms;
      fn();
    }
    return sent;
  }

  it('ticks at once, then once at the start of each second', () => {
    expect(ticks(0, 3)).toEqual([12500, 13000, 14000, 15000]);
  });

  it('a timer that fires before the second waits for it instead of ticking twice', () => {
    for (const early of [1, 2, 15]) expect(ticks(early, 3), 'early by ' + early + ' ms').toEqual([12500, 13000, 14000, 15000]);
  });

  it('the stream sends a message in each second, never two in one', async () => {
    const { events } = await firstEvents('/sse/clock', 3);
    const seconds = events.map((e) => Math.floor(Date.parse(e.data) / 1000));
    expect(seconds[1]).toBeGreaterThan(seconds[0]);
    expect(seconds[2]).toBeGreaterThan(seconds[1]);
  });
});

describe('the metrics', () => {
  const snapshot = (time: number, processMicros: number, busy: number, total: number, cores = 2) => ({ time, process: processMicros, busy, total, cores });

  it('CPU use is measured over the interval between samples, in percent of all cores', () => {
    // The machine's counters count from boot; only the difference matters: 300 of 1000 ms busy -> 30 %.
    // The process: 500 ms of CPU in 1 s on 2 cores -> 25 %.
    expect(cpuPercent(snapshot(1000, 9e9, 5e7, 9e7), snapshot(2000, 9e9 + 5e5, 5e7 + 300, 9e7 + 1000))).toEqual({ interval: 1000, process: 25, machine: 30 });
    // Never above 100 (a process with more threads than cores), never NaN for an empty interval.
    expect(cpuPercent(snapshot(0, 0, 0, 0), snapshot(1000, 3e6, 1000, 1000))).toEqual({ interval: 1000, process: 100, machine: 100 });
    expect(cpuPercent(snapshot(5, 7, 1, 1), snapshot(5, 7, 1, 1))).toEqual({ interval: 0, process: 0, machine: 0 });
  });

  it('every sample, the first too, covers an interval, and its percentages are within 0 to 100', async () => {
    const { events } = await firstEvents('/sse/metrics?interval=500', 2);
    for (const event of events) {
      const sample = JSON.parse(event.data);
      // The first sample is not taken as the stream opens: that one would cover microseconds. (No bound nearer the
      // 500 ms asked for holds on a loaded machine: the timer counts from the event loop's clock, which can lag the
      // real one, and a first sample once covered 40 ms of the 100 ms then asked for.)
      expect(sample.interval).toBeGreaterThanOrEqual(1);
      for (const percent of [sample.processCpuPercent, sample.machineCpuPercent]) {
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }
      expect(sample.cpus).toBeGreaterThan(0);
    }
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
      ['/', 'text/html; charset=utf-8', '<script src="/dist/eventsource.shared.iife.min.js"></script>'],
      ['/demo.js', 'text/javascript; charset=utf-8', 'WhatwgEventSource'],
      ['/demo.css', 'text/css; charset=utf-8', '.card'],
      ['/examples/browser/', 'text/html; charset=utf-8', '<script src="../../dist/eventsource.iife.min.js"></script>'],
      ['/dist/index.js', 'text/javascript; charset=utf-8', 'export'],
      ['/dist/eventsource.iife.min.js', 'text/javascript; charset=utf-8', 'WhatwgEventSource'],
      ['/dist/eventsource.shared.iife.min.js', 'text/javascript; charset=utf-8', 'SharedEventSource'],
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

describe('the Node client of npm start (followDemo)', () => {
  it('prints one line per connection of the flaky stream, not one per event', async () => {
    const lines: string[] = [];
    let follower: { close(): void } | undefined;
    const cut = new Promise<void>((resolve) => {
      follower = followDemo(demo.origin, {
        flaky: '/sse/flaky?every=4&interval=10&retry=10',
        print(line: string) {
          lines.push(line);
          if (lines.filter((l) => / flaky +connection /.test(l)).length === 3) resolve();
        },
      });
    });
    try {
      await cut;
    } finally {
      follower!.close();
    }
    const flaky = lines.filter((l) => / flaky /.test(l)).map((l) => l.slice(10));
    expect(flaky).toEqual([
      'flaky   OPEN  GET /sse/flaky?every=4&interval=10&retry=10',
      "flaky   connection 1 (the server's #1): sent no Last-Event-ID, got ids 1-4, then lost; reconnecting",
      "flaky   connection 2 (the server's #2): sent Last-Event-ID: 4, got ids 5-8, then lost; reconnecting",
      "flaky   connection 3 (the server's #3): sent Last-Event-ID: 8, got ids 9-12, then lost; reconnecting",
    ]);
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
  it("a Node client's first lines, then the URLs; it serves the page, prints chat messages and stops cleanly on Ctrl-C", async () => {
    const child = start(['examples/demo/server.mjs'], { env: { PORT: '0' } });
    const [, origin] = await child.waitFor(/open (http:\/\/127\.0\.0\.1:\d+)\/ in a browser[\s\S]*Ctrl-C stops everything\.\n/);
    // The URLs come after what the client printed as its streams started, so that they are the last thing on screen.
    const [before, after] = child.stdout().split('whatwg-eventsource demo: open');
    expect(before).toMatch(/ flaky +OPEN +GET \/sse\/flaky\n/);
    expect(before).toMatch(/ chat +1 online\n/);
    expect(before).toMatch(/ ticker +snapshot ACME \d+\.\d\d, BOLT/);
    expect(after).toContain('curl -N ' + origin + '/sse/ticker   or   node bin/whatwg-eventsource.js ' + origin + '/sse/ticker');

    const page = await fetch(origin + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('whatwg-eventsource demo');
    await fetch(origin + '/chat', { method: 'POST', body: 'name=tester&text=seen in the terminal', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    await child.waitFor(/ chat +tester: seen in the terminal  \[id 1\]\n/);
    // The address again every 12 lines, so that it never scrolls away for long.
    for (let i = 2; i <= 12; i++) await fetch(origin + '/chat', { method: 'POST', body: 'text=message ' + i });
    await child.waitFor(new RegExp('\\n {10}\\(the demo: ' + origin.replace(/\./g, '\\.') + '/ in a browser; Ctrl-C stops\\)\\n'));

    child.child.kill('SIGINT');
    const result = await child.exited();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nstopping\nstopped\n$/);
    expect(result.stderr).toBe('');
  });

  it('ends quietly when the reader of its output goes away (npm start | head)', async () => {
    const child = start(['examples/demo/server.mjs'], { env: { PORT: '0' } });
    const [, origin] = await child.waitFor(/open (http:\/\/127\.0\.0\.1:\d+)\/ in a browser[\s\S]*Ctrl-C stops everything\.\n/);
    const exited = child.exited();
    // What `head` does once it has its lines: close the pipe. The next line written (a chat message) fails with EPIPE.
    child.child.stdout!.destroy();
    await fetch(origin + '/chat', { method: 'POST', body: 'text=into a closed pipe' }).catch(() => {});
    const result = await exited;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a PORT that is not a port number is a usage error', async () => {
    const result = await start(['examples/demo/server.mjs'], { env: { PORT: 'eighty' } }).exited();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a port number');
  });
});
