// The end-to-end EventSource benchmark, run by `npm run bench` after the parser benchmark (bench/run.mjs calls
// runE2E). See "End-to-end EventSource benchmark" in bench/README.md for what it measures and why.
//
// Like the parser benchmark, this file only orchestrates. One event stream server (bench/e2e-server.mjs) runs in a
// process of its own for the whole run; every measurement is a fresh client process (bench/e2e-client.mjs, or
// bench/tools/dispatch-worker.mjs for the in-process event cost, a part that runs only when named), the clients are
// interleaved round-robin within a round (the starting one rotating), and the report pairs them round by round.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { packageVersion } from './node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

/** The parts, as `--only` names them (`e2e-dispatch`, an informational micro-benchmark, only when named). */
export const E2E_PARTS = ['throughput', 'first-event', 'memory', 'dispatch'];
/** What `npm run bench` and `--only e2e` run. */
export const E2E_DEFAULT_PARTS = ['throughput', 'first-event', 'memory'];

export const SIZES = {
  full: {
    events: 1_000_000, // the timed stream
    warmupEvents: 100_000, // the stream each throughput process consumes first, untimed
    firstWarmup: 20, // untimed turns per time-to-first-event process (one connection per client per turn)
    firstCount: 50, // timed turns: 50 fresh connections per client per process
    memoryBase: 50, // connections opened (and held) before the baseline
    memoryCount: 1000, // connections measured
    dispatchIterations: 200_000,
  },
  quick: {
    events: 100_000,
    warmupEvents: 10_000,
    firstWarmup: 5,
    firstCount: 10,
    memoryBase: 10,
    memoryCount: 100,
    dispatchIterations: 20_000,
  },
};

// Clients (see bench/e2e-client.mjs). The *-node rows, fetch-signal and floor are for information, not for the targets.
export const THROUGHPUT_CLIENTS = ['fetch', 'ours', 'undici', 'eventsource', 'fetch-node', 'ours-node'];
export const FIRST_CLIENTS = ['fetch', 'ours', 'undici', 'eventsource'];
export const MEMORY_CLIENTS = ['fetch', 'fetch-signal', 'floor', 'ours', 'undici', 'eventsource'];
export const DISPATCH_VARIANTS = [
  'callback',
  'event',
  'message-event',
  'message-event-create',
  'message-event-dispatch',
  'undici-fast-message-event',
];

/**
 * Runs the selected parts and returns the raw results, with the correctness failures ({ workload, kind, message })
 * in `failures`; performance targets are only reported (bench/e2e-report.mjs).
 */
export async function runE2E(options, meta) {
  const parts = options.e2e;
  const sizes = options.quick ? SIZES.quick : SIZES.full;
  const failures = [];
  const results = {
    meta: { ...meta, ...versions(), rounds: options.rounds, quick: options.quick },
    sizes,
    parts,
    throughput: {},
    first: [],
    memory: {},
    dispatch: {},
    load: [],
  };

  const needsServer = parts.some((p) => p !== 'dispatch');
  const server = needsServer ? await startServer(sizes) : null;
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const started = Date.now();
      let processes = 0;
      const rotate = (list) => list.map((_, i) => list[(i + round - 1) % list.length]);
      if (parts.includes('throughput')) {
        const full = server.streams[sizes.events];
        const warm = server.streams[sizes.warmupEvents];
        for (const name of rotate(THROUGHPUT_CLIENTS)) {
          const r = client(options, [
            'throughput', name, server.port,
            '--events', full.events, '--chars', full.dataChars, '--bytes', full.bytes,
            '--warmup-events', warm.events, '--warmup-chars', warm.dataChars, '--warmup-bytes', warm.bytes,
          ]);
          processes++;
          check(r, 'throughput', failures);
          if (r.ok) (results.throughput[name] ??= []).push({ ...r, round });
        }
      }
      if (parts.includes('first-event')) {
        // One process per round, the clients taking turns connection by connection (see e2e-client.mjs, first()).
        const r = client(options, [
          'first', rotate(FIRST_CLIENTS).join(','), server.port,
          '--warmup', sizes.firstWarmup, '--count', sizes.firstCount,
        ]);
        processes++;
        check(r, 'first-event', failures);
        if (r.ok) results.first.push({ ...r, round });
      }
      if (parts.includes('memory')) {
        for (const name of rotate(MEMORY_CLIENTS)) {
          const r = client(options, [
            'memory', name, server.port, '--base', sizes.memoryBase, '--count', sizes.memoryCount,
          ]);
          processes++;
          check(r, 'memory', failures);
          if (r.ok) (results.memory[name] ??= []).push({ ...r, round });
        }
      }
      if (parts.includes('dispatch')) {
        for (const variant of rotate(DISPATCH_VARIANTS)) {
          const r = child(options, join('tools', 'dispatch-worker.mjs'), [variant, '--iterations', sizes.dispatchIterations]);
          processes++;
          check(r, 'dispatch', failures);
          if (r.ok) (results.dispatch[variant] ??= []).push(r);
        }
      }
      results.load.push(os.loadavg()[0]);
      log(
        `e2e round ${round}/${options.rounds}: ${processes} processes in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(load average ${os.loadavg()[0].toFixed(2)})`,
      );
    }
  } finally {
    if (server) server.stop();
  }

  results.failures = failures;
  return results;
}

function check(result, part, failures) {
  if (!result.ok) failures.push({ workload: `e2e ${part}`, kind: 'e2e', message: result.message ?? 'failed' });
}

function client(options, args) {
  return child(options, 'e2e-client.mjs', args.map(String));
}

/** Runs one measurement process and returns its JSON. A process that crashes stops the benchmark (exit 2). */
function child(options, script, args) {
  const argv = ['--expose-gc', '--no-warnings', join(here, script), ...args.map(String)];
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || r.error) {
    console.error(`bench: e2e process failed: node ${argv.join(' ')}\n${r.error ?? ''}${r.stderr}`);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

/** Starts bench/e2e-server.mjs and waits for the line that gives its port and the streams' expected values. */
export async function startServer(sizes) {
  const proc = spawn(process.execPath, [join(here, 'e2e-server.mjs'), sizes.events, sizes.warmupEvents].map(String), {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
  };
  // Also when the orchestrator exits early (process.exit on a crashed measurement).
  process.on('exit', stop);
  const line = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`the e2e server exited (${code}) before listening`)));
    proc.once('error', reject);
  }).catch((error) => {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  });
  const info = JSON.parse(line);
  log(`e2e server (pid ${info.pid}) listening on 127.0.0.1:${info.port}`);
  return { ...info, stop };
}

function versions() {
  // Which build was measured: dist/ changes while src/ is being worked on.
  const dist = createHash('sha256').update(readFileSync(join(root, 'dist', 'index.js'))).digest('hex').slice(0, 8);
  return {
    ours: `whatwg-eventsource ${packageVersion()} (dist/index.js sha256 ${dist})`,
    undici: `undici ${packageVersion('undici')}`,
    eventsource: `eventsource ${packageVersion('eventsource')}`,
    nodeUndici: process.versions.undici,
  };
}

function log(message) {
  console.error(`bench: ${message}`);
}
