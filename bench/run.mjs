// `npm run bench`: the parser throughput benchmark, then the end-to-end EventSource benchmark (bench/e2e.mjs).
// See bench/README.md for what they measure and why.
//
//   node bench/run.mjs [--rounds N] [--only W1,W3,e2e] [--quick] [--no-write] [--write] [--no-build]
//
// --only takes parser workloads (W1...W7, or `parser` for all of them) and end-to-end parts (`e2e` for all of
// them, or e2e-throughput, e2e-first-event, e2e-memory, e2e-dispatch); without it, everything runs.
//
// This file only orchestrates: every measurement runs in a fresh child process (bench/parser-worker.mjs), so no
// measurement inherits another's JIT state, heap size or GC debt, and the implementations are interleaved
// round-robin (baseline, ours, esp, baseline, ours, esp, ...) so a noisy moment of the machine hits all of them.
// The end-to-end part needs Node >= 22.19 (undici 8): under an older Node this script re-runs itself with the
// node devDependency (node_modules/node/bin/node), or, without one, skips the end-to-end part and says so.
// Exit status: 0 when every correctness check passed (performance targets are reported, never fatal), 1 on a
// correctness failure, 2 when the benchmark itself could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { WORKLOADS } from './workloads.mjs';
import { renderResults, writeReadme } from './report.mjs';
import { E2E_MIN_NODE, E2E_PARTS, nodeSupportsE2E, runE2E } from './e2e.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const IMPLS = ['baseline', 'ours', 'esp'];

const REEXEC_ENV = 'WHATWG_EVENTSOURCE_BENCH_REEXEC';

await main();

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.e2e.length && !nodeSupportsE2E()) {
    const status = reexecOnNewerNode();
    if (status !== null) process.exit(status);
    log(
      `SKIPPING the end-to-end benchmark: it needs Node >= ${E2E_MIN_NODE.join('.')} (undici 8), this is ` +
        `${process.version}, and node_modules/node/bin/node (the node devDependency) is missing or too old too. ` +
        'Run `npm install`, or run bench/run.mjs with Node 22.',
    );
    options.e2e = [];
  }
  if (options.build) ensureBuilt();
  const failures = [];
  if (options.only.length) runParserBenchmark(options, failures);
  if (options.e2e.length) failures.push(...(await runE2E(options, machineFacts(options))));
  if (failures.length) {
    reportFailures(failures);
    process.exitCode = 1;
  }
}

/**
 * Runs this script again, same arguments, with node_modules/node/bin/node when that is a new enough Node. Returns
 * its exit status, or null when there is no such Node (or this already is the re-run).
 */
function reexecOnNewerNode() {
  const node = join(root, 'node_modules', 'node', 'bin', 'node');
  if (process.env[REEXEC_ENV] || !existsSync(node)) return null;
  const probe = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  if (probe.status !== 0 || !nodeSupportsE2E(probe.stdout.trim())) return null;
  log(`Node ${process.version} is too old for the end-to-end benchmark: re-running with ${node} (v${probe.stdout.trim()})`);
  const r = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [REEXEC_ENV]: '1' },
  });
  return r.status ?? 2;
}

/** The parser benchmark (the first section of bench/README.md). Pushes correctness failures onto `failures`. */
function runParserBenchmark(options, failures) {
  const results = {
    meta: machineFacts(options),
    workloads: options.only,
    info: {},
    verify: {},
    time: {},
    memory: {},
  };

  // Correctness first, untimed: a fast parser that is wrong is not worth timing, but the timings still run so the
  // report is complete; the exit status carries the failure.
  for (const name of options.only) {
    const v = child(['verify', name], options);
    results.verify[name] = v;
    results.info[name] = { title: v.title, bytes: v.bytes, chunkSize: v.chunkSize, events: v.expected.events };
    log(`verify ${name}: ${v.ok ? 'ok' : 'MISMATCH'} (${v.ours.events} events, ${v.splitCodePoints} split code points)`);
    for (const m of v.mismatches) failures.push({ workload: name, ...m });
  }

  const jobs = planJobs(options.only);
  for (let round = 1; round <= options.rounds; round++) {
    const started = Date.now();
    for (const job of jobs) record(results, job, child(job.args, options), failures);
    log(`round ${round}/${options.rounds}: ${jobs.length} processes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const { markdown } = renderResults(results);
  console.log('\n' + markdown + '\n');
  if (options.write) {
    writeReadme(join(here, 'README.md'), markdown);
    log('results written to bench/README.md');
  }
}

function parseArgs(argv) {
  const options = { rounds: 7, only: null, e2e: null, quick: false, write: null, build: true };
  let only = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--only') only = String(argv[++i]).split(',').map((s) => s.trim().toUpperCase());
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--no-build') options.build = false;
    else usage(`unknown option ${arg}`);
  }
  const known = Object.keys(WORKLOADS).filter((name) => !WORKLOADS[name].helper);
  if (only === null) {
    options.only = known;
    options.e2e = [...E2E_PARTS];
  } else {
    options.only = [];
    options.e2e = [];
    for (const name of only) {
      if (name === 'PARSER') options.only.push(...known);
      else if (known.includes(name)) options.only.push(name);
      else if (name === 'E2E') options.e2e.push(...E2E_PARTS);
      else if (name.startsWith('E2E-') && E2E_PARTS.includes(name.slice(4).toLowerCase())) {
        options.e2e.push(name.slice(4).toLowerCase());
      } else usage(`unknown workload or part ${name}`);
    }
    options.only = known.filter((name) => options.only.includes(name));
    options.e2e = E2E_PARTS.filter((part) => options.e2e.includes(part));
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) usage('--rounds needs a positive integer');
  // A smoke run's numbers mean little, so it leaves the committed README alone unless asked.
  if (options.quick && !argv.includes('--rounds')) options.rounds = 3;
  if (options.write === null) options.write = !options.quick;
  return options;
}

function usage(message) {
  console.error(`bench: ${message}`);
  console.error('usage: node bench/run.mjs [--rounds N] [--only W1,W3,e2e] [--quick] [--no-write] [--write] [--no-build]');
  console.error(`  --only: parser workloads W1...W7 or parser; e2e, or ${E2E_PARTS.map((p) => 'e2e-' + p).join(', ')}`);
  process.exit(2);
}

/** The processes of one round, implementations interleaved within each workload. */
function planJobs(workloads) {
  const jobs = [];
  for (const name of workloads) {
    for (const impl of IMPLS) jobs.push({ kind: 'time', name, impl, args: ['time', name, impl] });
    if (name !== 'W3') continue;
    // The scaling exponent needs the same line at a quarter of the size, and the memory target its own processes
    // (sampling memory after every chunk would distort a timing).
    for (const impl of IMPLS) jobs.push({ kind: 'time', name: 'W3s', impl, args: ['time', 'W3s', impl] });
    for (const impl of IMPLS) jobs.push({ kind: 'memory', name, impl, args: ['memory', name, impl] });
    for (const impl of ['ours', 'esp']) {
      jobs.push({ kind: 'memory', name, impl: impl + 'Read', args: ['memory', name, impl, '--read'] });
    }
  }
  return jobs;
}

function record(results, job, result, failures) {
  if (!result.ok) {
    failures.push({
      workload: job.name,
      kind: 'tally',
      message: `${job.impl} (${job.kind} run) got ${JSON.stringify(result.tally)}, expected ${JSON.stringify(result.expected)}`,
    });
  }
  const table = job.kind === 'time' ? results.time : results.memory;
  if (job.kind === 'time') {
    table[job.name] ??= { baseline: [], ours: [], esp: [] };
    table[job.name][job.impl].push(result.ms);
    if (job.name === 'W3s') results.info.W3s = { bytes: result.bytes };
  } else {
    (table[job.impl] ??= []).push(result);
  }
}

/** Runs one worker process and returns its JSON. A worker that crashes stops the benchmark (exit 2). */
function child(args, options) {
  const argv = ['--expose-gc', join(here, 'parser-worker.mjs'), ...args];
  if (options.quick) argv.push('--quick');
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || r.error) {
    console.error(`bench: worker failed: node ${argv.join(' ')}\n${r.error ?? ''}${r.stderr}`);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

/** Builds dist/ when it is missing or older than a file in src/, since the workers import ../dist/index.js. */
function ensureBuilt() {
  const dist = join(root, 'dist', 'index.js');
  const src = join(root, 'src');
  const newest = Math.max(...readdirSync(src, { recursive: true }).map((f) => statSync(join(src, f)).mtimeMs));
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest) return;
  log('dist/ is missing or older than src/: running npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`bench: npm run build failed\n${r.stdout}${r.stderr}`);
    process.exit(2);
  }
}

function machineFacts(options) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    node: process.version,
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    rounds: options.rounds,
    quick: options.quick,
    versions: `${packageVersion(root)} vs ${packageVersion(join(root, 'node_modules', 'eventsource-parser'))}`,
    command: ['node bench/run.mjs', ...process.argv.slice(2)].join(' '),
  };
}

function packageVersion(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `${pkg.name} ${pkg.version}`;
}

function reportFailures(failures) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\nCORRECTNESS FAILURE: ${failures.length} problem(s); the benchmark fails.\n${bar}`);
  for (const f of failures) {
    console.error(`\n[${f.workload}] ${f.message}`);
    const { workload, message, kind, ...details } = f;
    if (Object.keys(details).length) console.error(JSON.stringify(details, null, 2));
  }
  console.error(`\n${bar}`);
}

function log(message) {
  console.error(`bench: ${message}`);
}
