// The end-to-end EventSource benchmark, run by `npm run bench` after the parser benchmark (bench/run.mjs calls
// runE2E). See "End-to-end EventSource benchmark" in bench/README.md for what it measures and why.
//
// Like the parser benchmark, this file only orchestrates. One event stream server (bench/e2e-server.mjs) runs in a
// process of its own for the whole run; every measurement is a fresh client process (bench/e2e-client.mjs, or
// bench/dispatch-worker.mjs for the in-process event cost), the clients are interleaved round-robin within a round
// (the starting one rotating), and the report shows medians over the rounds.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { renderE2E, writeE2EReadme } from './e2e-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

/** The parts, as `--only` names them (`e2e` selects them all). */
export const E2E_PARTS = ['throughput', 'first-event', 'memory', 'dispatch'];

/** undici 8 (the devDependency: undici's EventSource, and the fetch every client runs on) needs this Node. */
export const E2E_MIN_NODE = [22, 19, 0];

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

export function nodeSupportsE2E(version = process.versions.node) {
  const v = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (v[i] !== E2E_MIN_NODE[i]) return v[i] > E2E_MIN_NODE[i];
  return true;
}

/**
 * Runs the selected parts; prints the tables and (options.write) puts them into bench/README.md. Returns the
 * correctness failures ({ workload, kind, message }); performance targets are only reported.
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
          if (r.ok) (results.throughput[name] ??= []).push(r);
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
        if (r.ok) results.first.push(r);
      }
      if (parts.includes('memory')) {
        for (const name of rotate(MEMORY_CLIENTS)) {
          const r = client(options, [
            'memory', name, server.port, '--base', sizes.memoryBase, '--count', sizes.memoryCount,
          ]);
          processes++;
          check(r, 'memory', failures);
          if (r.ok) (results.memory[name] ??= []).push(r);
        }
      }
      if (parts.includes('dispatch')) {
        for (const variant of rotate(DISPATCH_VARIANTS)) {
          const r = child(options, 'dispatch-worker.mjs', [variant, '--iterations', sizes.dispatchIterations]);
          processes++;
          check(r, 'dispatch', failures);
          if (r.ok) (results.dispatch[variant] ??= []).push(r);
        }
      }
      log(`e2e round ${round}/${options.rounds}: ${processes} processes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (server) server.stop();
  }

  results.failures = failures;
  const { markdown } = renderE2E(results);
  console.log('\n' + markdown + '\n');
  if (options.write) {
    writeE2EReadme(join(here, 'README.md'), markdown);
    log('end-to-end results written to bench/README.md');
  }
  return failures;
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
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  // Which build was measured: dist/ changes while src/ is being worked on.
  const dist = createHash('sha256').update(readFileSync(join(root, 'dist', 'index.js'))).digest('hex').slice(0, 8);
  return {
    ours: `whatwg-eventsource ${version(root)} (dist/index.js sha256 ${dist})`,
    undici: `undici ${version(join(root, 'node_modules', 'undici'))}`,
    eventsource: `eventsource ${version(join(root, 'node_modules', 'eventsource'))}`,
    nodeUndici: process.versions.undici,
  };
}

function log(message) {
  console.error(`bench: ${message}`);
}
