// One end-to-end measurement in a fresh client process, printed as one line of JSON on stdout. Started by
// bench/e2e.mjs as
//   node --expose-gc --no-warnings bench/e2e-client.mjs <mode> <client> <port> [options]
// mode "throughput": a warm-up stream, then the timed stream of --events events (stop at the last event, close).
// mode "first":      --warmup untimed then --count timed fresh connections, each: connect -> first event -> close.
// mode "memory":     --base connections opened and held, then --count more; gc'd memory before and after.
// Clients: fetch (raw fetch + reader, the ceiling), ours (dist/index.js), undici (undici's EventSource),
// eventsource (the npm package); for information: fetch-node / ours-node (the same on Node's own global fetch), and
// fetch-signal (raw fetch with an AbortSignal per request, memory only), floor (fetch-signal plus, per connection,
// an EventTarget holding an `open` and an `error` listener as the benchmark adds them to an EventSource: what any
// EventSource that is an EventTarget and can abort its request holds at least, before any state of its own).
//
// Every client that uses fetch gets undici's fetch (the devDependency, the same code undici's EventSource runs on)
// with one shared undici Agent as its dispatcher; undici's EventSource gets that Agent as { dispatcher }. So all four
// main contenders run on the same HTTP client, with the same pool settings. The *-node clients use the global fetch
// (Node's bundled undici) and its global dispatcher instead.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './stats.mjs';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [mode, clientName, port] = positional;
const flags = parseFlags(process.argv.slice(2));
const origin = `http://127.0.0.1:${port}`;

if (typeof globalThis.gc !== 'function') fail('run with --expose-gc (bench/e2e.mjs does this)');

const { Agent, fetch: undiciFetch } = await import('undici');
// undici's default: no cap on connections per origin. Stated explicitly, and the same Agent for every client.
const agent = new Agent({ connections: null, pipelining: 1 });
const agentFetch = (url, init) => undiciFetch(url, { ...init, dispatcher: agent });

// "first" takes a comma-separated list of clients (they take turns); the other modes take one.
const names = clientName.split(',');
const clients = await Promise.all(names.map(makeClient));
const client = clients[0];
const modes = { throughput, first, memory };
if (!modes[mode]) fail(`unknown mode ${mode}; use throughput, first or memory`);
const result = await modes[mode]();
process.stdout.write(JSON.stringify({ mode, client: clientName, ...result }) + '\n');
// Do not wait for a thousand sockets to close, or for undici's pool timers.
process.exit(0);

function parseFlags(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const name = argv[i].slice(2);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      out[name] = true;
    } else {
      out[name] = Number.isNaN(Number(value)) ? value : Number(value);
      i++;
    }
  }
  return out;
}

function fail(message) {
  console.error(`e2e-client: ${message}`);
  process.exit(2);
}

/**
 * { kind: 'es', create(url) } for EventSource clients, { kind: 'fetch', fetch } for raw fetch. Imports only what
 * the client needs.
 */
async function makeClient(name) {
  switch (name) {
    case 'fetch':
      return { kind: 'fetch', fetch: agentFetch };
    case 'fetch-node':
      return { kind: 'fetch', fetch: globalThis.fetch };
    case 'fetch-signal':
      // Raw fetch with an AbortController's signal per request, as every EventSource passes one (memory only).
      return { kind: 'fetch', fetch: (url, init) => agentFetch(url, { ...init, signal: new AbortController().signal }) };
    case 'floor':
      return {
        kind: 'fetch',
        fetch: (url, init) => agentFetch(url, { ...init, signal: new AbortController().signal }),
        extra: () => {
          const target = new EventTarget();
          target.addEventListener('open', () => {});
          target.addEventListener('error', () => {});
          return target;
        },
      };
    case 'ours': {
      const { EventSource } = await import('../dist/index.js');
      return { kind: 'es', create: (url) => new EventSource(url, { fetch: agentFetch }) };
    }
    case 'ours-node': {
      const { EventSource } = await import('../dist/index.js');
      return { kind: 'es', create: (url) => new EventSource(url) };
    }
    case 'undici': {
      const { EventSource } = await import('undici');
      return { kind: 'es', create: (url) => new EventSource(url, { dispatcher: agent }) };
    }
    case 'eventsource': {
      const { EventSource } = await import('eventsource');
      return { kind: 'es', create: (url) => new EventSource(url, { fetch: agentFetch }) };
    }
    default:
      fail(`unknown client ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Throughput

/**
 * Consumes /stream?n=<events>: for an EventSource, a `message` listener counts events and adds up data.length, and
 * the clock stops at the last expected event, which also closes the source (the server ends the response right
 * after it, so nothing reconnects). For raw fetch, the reader loop counts bytes; the clock stops when the last
 * byte arrives. The clock starts just before the EventSource (or the fetch) is created, so connecting is included.
 */
async function streamOnce(expected) {
  const url = `${origin}/stream?n=${expected.events}`;
  gc();
  const cpu0 = process.cpuUsage();
  if (client.kind === 'fetch') {
    const t0 = performance.now();
    const response = await client.fetch(url);
    const reader = response.body.getReader();
    let bytes = 0;
    let ms = NaN;
    let cpu;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (bytes === expected.bytes) {
        ms = performance.now() - t0;
        cpu = process.cpuUsage(cpu0);
      }
    }
    const ok = bytes === expected.bytes;
    return {
      ok, ms, cpuMs: cpu ? (cpu.user + cpu.system) / 1000 : NaN, bytes, events: null, dataChars: null,
      message: ok ? undefined : `raw fetch read ${bytes} bytes, expected ${expected.bytes}`,
    };
  }
  return new Promise((resolve) => {
    let events = 0;
    let dataChars = 0;
    let closed = false;
    let errors = 0;
    let timer;
    const t0 = performance.now();
    const source = client.create(url);
    const finish = async (ms, cpu, message) => {
      if (closed) return;
      closed = true;
      source.close();
      clearTimeout(timer);
      // Anything dispatched after close() would be an extra event: wait a moment and look again.
      await sleep(50);
      const ok = !message && events === expected.events && dataChars === expected.dataChars && errors === 0;
      resolve({
        ok, ms, cpuMs: cpu ? (cpu.user + cpu.system) / 1000 : NaN, bytes: null, events, dataChars,
        message: ok
          ? undefined
          : message ??
            `${clientName}: ${events} events / ${dataChars} data chars` +
              `${errors ? ` / ${errors} error events` : ''}, expected ${expected.events} / ${expected.dataChars}`,
      });
    };
    source.addEventListener('message', (event) => {
      events++;
      dataChars += event.data.length;
      if (events === expected.events && !closed) {
        const ms = performance.now() - t0;
        finish(ms, process.cpuUsage(cpu0));
      }
    });
    // An error event means the stream broke off (or ended early) and the source would reconnect: a failure.
    source.addEventListener('error', () => {
      if (closed) return;
      errors++;
      finish(NaN, null, `${clientName}: error event after ${events} of ${expected.events} events`);
    });
    timer = setTimeout(() => finish(NaN, null, `${clientName}: timed out after ${events} events`), 120_000);
  });
}

async function throughput() {
  const expected = { events: flags.events, dataChars: flags.chars, bytes: flags.bytes };
  const warmup = { events: flags['warmup-events'], dataChars: flags['warmup-chars'], bytes: flags['warmup-bytes'] };
  // One shorter stream first, over its own connection, so the timed one runs on optimized code, as a long-lived
  // stream would.
  const w = await streamOnce(warmup);
  if (!w.ok) return { ...w, message: `warm-up: ${w.message}` };
  const r = await streamOnce(expected);
  return { ...r, expected, eventsPerSecond: expected.events / (r.ms / 1000) };
}

// ---------------------------------------------------------------------------------------------------------------
// Time to first event

/** ms from creating the EventSource (or calling fetch) to the first `message` event (or the chunk holding it). */
async function firstEventOnce(client, name) {
  const url = `${origin}/first`;
  if (client.kind === 'fetch') {
    const controller = new AbortController();
    const t0 = performance.now();
    const response = await client.fetch(url, { signal: controller.signal });
    const reader = response.body.getReader();
    const want = 'data: hello\n\n'.length;
    let bytes = 0;
    while (bytes < want) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    const ms = performance.now() - t0;
    reader.cancel().catch(() => {});
    controller.abort();
    return bytes === want ? { ms } : { ms, message: `raw fetch got ${bytes} bytes, expected ${want}` };
  }
  return new Promise((resolve) => {
    const t0 = performance.now();
    const source = client.create(url);
    const timer = setTimeout(() => done(NaN, 'no message within 10 s'), 10_000);
    let finished = false;
    function done(ms, message) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      source.close();
      resolve({ ms, message });
    }
    source.addEventListener('message', (event) => {
      const ms = performance.now() - t0;
      done(ms, event.data === 'hello' ? undefined : `${name}: first event data ${JSON.stringify(event.data)}`);
    });
    source.addEventListener('error', () => done(NaN, `${name}: error event`));
  });
}

/**
 * The clients named (comma-separated) take turns, one connection each, the starting one rotating every turn, with
 * no pause between connections: latency on a 2-vCPU VM drifts by more than the differences being measured (a
 * client's median moved by 0.4 ms from one process to the next, and pauses let the CPUs idle and add wake-up
 * latency), and taking turns makes the comparison paired. `warmup` untimed turns first, then `count` timed ones.
 */
async function first() {
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let turn = 0; turn < flags.warmup + flags.count; turn++) {
    for (let k = 0; k < names.length; k++) {
      const index = (turn + k) % names.length;
      const r = await firstEventOnce(clients[index], names[index]);
      if (r.message) return { ok: false, message: `${names[index]}, turn ${turn + 1}: ${r.message}` };
      if (turn >= flags.warmup) samples[names[index]].push(r.ms);
      // Let the closed connection's teardown run (a macrotask later), but do not let the CPU go idle.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const medianMs = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  return { ok: true, medianMs, samples };
}

// ---------------------------------------------------------------------------------------------------------------
// Memory per idle connection

/**
 * Opens `n` connections to /silent, `batch` at a time, and resolves once every one is open: for an EventSource,
 * its `open` event; for raw fetch, the response, its reader's first chunk (the comment), and a second read() left
 * pending. Everything stays referenced from `held`.
 */
async function openIdle(n, held) {
  const url = `${origin}/silent`;
  const batch = 100;
  for (let start = 0; start < n; start += batch) {
    const opening = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      if (client.kind === 'fetch') {
        opening.push(
          (async () => {
            const response = await client.fetch(url);
            const reader = response.body.getReader();
            const first = await reader.read();
            if (first.done) throw new Error('raw fetch: the silent stream ended');
            held.push({ response, reader, pending: reader.read(), extra: client.extra && client.extra() });
          })(),
        );
      } else {
        opening.push(
          new Promise((resolve, reject) => {
            const source = client.create(url);
            source.addEventListener('open', () => resolve());
            source.addEventListener('error', () => reject(new Error(`${clientName}: error event on a silent stream`)));
            held.push(source);
          }),
        );
      }
    }
    await Promise.all(opening);
  }
}

async function settledMemory() {
  // Let the comment chunks that follow the open events be read and parsed, then collect everything collectable.
  await sleep(200);
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(20);
  }
  const m = process.memoryUsage();
  return { js: m.heapUsed + m.external, heapUsed: m.heapUsed, external: m.external, rss: m.rss };
}

async function memory() {
  const held = [];
  const deadline = setTimeout(() => {
    console.log(JSON.stringify({ mode, client: clientName, ok: false, message: `${clientName}: connections did not all open within 60 s (${held.length} so far)` }));
    process.exit(0);
  }, 60_000);
  try {
    // The first connections pay one-time costs (code loaded and compiled, pool structures): they are opened, and
    // stay open, before the baseline, so the delta is the steady cost of one more idle connection.
    await openIdle(flags.base, held);
    const before = await settledMemory();
    await openIdle(flags.count, held);
    const after = await settledMemory();
    clearTimeout(deadline);
    const ok = held.length === flags.base + flags.count;
    return {
      ok,
      message: ok ? undefined : `${clientName}: holds ${held.length} connections, expected ${flags.base + flags.count}`,
      connections: held.length,
      before,
      after,
      jsPerConnection: (after.js - before.js) / flags.count,
      heapPerConnection: (after.heapUsed - before.heapUsed) / flags.count,
      externalPerConnection: (after.external - before.external) / flags.count,
      rssPerConnection: (after.rss - before.rss) / flags.count,
    };
  } catch (error) {
    return { ok: false, message: String(error && error.message ? error.message : error) };
  }
}
