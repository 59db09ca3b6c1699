// src/event-source.ts: the integration suite (shared with Deno, Bun and Node 22) on Node through vitest, against the
// plain class and the extended one with no options, plus what only Node and vitest can show: fake time for the
// default reconnection delay, listener errors, process exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventSource as Extended } from '../src/extended/index';
import { EventSource } from '../src/index';
import { startServer } from './helpers/sse-server.mjs';
import { cases, runCase } from './integration/suite.mjs';

describe.each([
  ['EventSource', EventSource],
  ['the extended EventSource, no options', Extended],
])('integration suite (real node:http server): %s', (_, Class) => {
  for (const [name, fn] of cases as Array<[string, (t: unknown) => Promise<void>]>) {
    it(name, () => runCase(fn, Class), 120000);
  }
});

// Fake time and a real socket do not mix (undici keeps timers of its own), so these serve the stream from an
// injected fetch: the only timer left is the event source's.
describe('reconnection time (fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // vi.waitFor would move the fake clock; setImmediate is left real, so this only lets I/O and promises settle.
  async function settle() {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  }

  function streamFrom(text: string) {
    const requests: RequestInit[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      requests.push(init);
      return new Response(text, { headers: { 'Content-Type': 'text/event-stream' } });
    };
    return { fetch, requests };
  }

  it('the default reconnection time is 3000 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, requests } = streamFrom('data: x\n\n');
    const es = new EventSource('http://example.test/', { fetch });
    const errors: number[] = [];
    es.onerror = () => errors.push(es.readyState);
    await settle();
    expect(errors).toEqual([EventSource.CONNECTING]);
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    es.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retry: 0 reconnects at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, requests } = streamFrom('retry: 0\ndata: x\n\n');
    const es = new EventSource('http://example.test/', { fetch });
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    es.close();
  });

  it('a retry beyond what setTimeout can hold waits the longest it can, never fires at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, requests } = streamFrom('retry: 99999999999999999999\ndata: x\n\n');
    const es = new EventSource('http://example.test/', { fetch });
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(2147483646);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    es.close();
  });

  it('the Last-Event-ID header carries the id as UTF-8 bytes, one character per byte', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fetch, requests } = streamFrom('retry: 1\nid: €😀\ndata: x\n\n');
    const es = new EventSource('http://example.test/', { fetch });
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    es.close();
    const header = (requests[1].headers as Record<string, string>)['Last-Event-ID'];
    expect(Array.from(header, (c) => c.charCodeAt(0))).toEqual([...new TextEncoder().encode('€😀')]);
  });
});

// Node reports an exception thrown by an EventTarget listener as an uncaught exception, which vitest would count
// against the run, and process exit can only be seen from outside: these run in a child process of their own,
// against the built dist/ (which a test checks is fresh).
function runChild(script: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const start = Date.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: join(__dirname, '..') });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - start })));
}

describe('in a process of its own', () => {
  it('a listener that throws stops neither the other listeners nor later events; the error is reported', async () => {
    const server = await startServer();
    const url = server.url('/message?body=' + encodeURIComponent('data: 1\n\ndata: 2\n\n'));
    const result = await runChild(`
      import { EventSource } from './dist/index.js';
      const reported = [];
      process.on('uncaughtException', (e) => reported.push(e.message));
      const es = new EventSource(${JSON.stringify(url)});
      const seen = [];
      // Done when both events and their four reports have arrived (the deadline only ends a broken run).
      const done = () => { clearTimeout(deadline); es.close(); console.log(JSON.stringify({ seen, reported })); };
      const check = () => { if (seen.length === 4 && reported.length === 4) done(); };
      const deadline = setTimeout(done, 15000);
      process.on('uncaughtException', check);
      es.addEventListener('message', (e) => { throw new Error('boom ' + e.data); });
      es.addEventListener('message', (e) => { seen.push(e.data); check(); });
      es.onmessage = (e) => { seen.push('handler ' + e.data); check(); throw new Error('handler ' + e.data); };
    `);
    await server.close();
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      seen: ['1', 'handler 1', '2', 'handler 2'],
      reported: ['boom 1', 'handler 1', 'boom 2', 'handler 2'],
    });
  });

  for (const [when, path, event] of [
    ['before the response', '/no-response', ''],
    ['on an open stream', '/silent', 'open'],
    ['while waiting to reconnect', '/counter?n=1&retry=100000', 'error'],
  ]) {
    it('a Node process whose only EventSource was closed ' + when + ' exits by itself, promptly', async () => {
      const server = await startServer();
      // Right after close() (a few turns, for the abort to settle), nothing but stdout may keep the process alive:
      // a socket or a timer left behind would show here (as TCPSocketWrap or Timeout), whatever the machine's speed.
      const result = await runChild(`
        import { EventSource } from './dist/index.js';
        const es = new EventSource(${JSON.stringify(server.url(path))});
        const close = () => {
          es.close();
          let turns = 0;
          const next = () => (++turns < 20 ? setImmediate(next) : console.log(JSON.stringify(process.getActiveResourcesInfo())));
          next();
        };
        if (${JSON.stringify(event)}) es.addEventListener(${JSON.stringify(event)}, close);
        else setTimeout(close, 200);
      `);
      await server.close();
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).filter((resource: string) => resource !== 'PipeWrap')).toEqual([]);
    });
  }
});
