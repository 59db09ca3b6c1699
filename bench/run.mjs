// `npm run bench`: the parser throughput benchmark, then the end-to-end EventSource benchmark (bench/e2e.mjs).
// See bench/README.md for what they measure and why.
//
//   node bench/run.mjs [--rounds N] [--only W1,W3,e2e] [--quick] [--write] [--render] [--no-build]
//
// --only takes parser workloads (W1...W7, or `parser` for all of them) and end-to-end parts (`e2e` for the default
// ones, or e2e-throughput, e2e-first-event, e2e-memory, and e2e-dispatch, which only runs when named); without it,
// the parser workloads and the default end-to-end parts run.
//
// Every run writes its raw measurements to bench/results/latest/{parser,e2e}.json (not committed). Only --write
// touches what is under version control: it copies them to bench/results/{parser,e2e}.json and renders the results
// sections of bench/README.md from those files. --render re-renders the README from the committed JSON without
// measuring anything (after a change to the report's wording).
//
// This file only orchestrates: every measurement runs in a fresh child process (bench/parser-worker.mjs), so no
// measurement inherits another's JIT state, heap size or GC debt, and the implementations are interleaved
// round-robin (baseline, ours, esp, baseline, ours, esp, ...) so a noisy moment of the machine hits all of them.
// The benchmark's packages (eventsource-parser, undici, eventsource) are its own (bench/package.json), installed
// here when missing. The end-to-end part needs Node >= 22.19 (undici 8): under an older Node this script re-runs
// itself with the node devDependency (bench/node.mjs), or, without one, skips the end-to-end part and says so.
// Exit status: 0 when every correctness check passed (performance targets are reported, never fatal), 1 on a
// correctness failure, 2 when the benchmark itself could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { WORKLOADS } from './workloads.mjs';
import { publish, readResults, renderResults, saveResults, writeReadme } from './report.mjs';
import { E2E_DEFAULT_PARTS, E2E_PARTS, runE2E } from './e2e.mjs';
import { renderE2E, writeE2EReadme } from './e2e-report.mjs';
import { E2E_MIN_NODE, ensureBenchPackages, nodeSupportsE2E, packageVersion, reexecOnNewerNode } from './node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const IMPLS = ['baseline', 'ours', 'esp'];

await main();

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.render) return render();
  if (options.e2e.length && !nodeSupportsE2E()) {
    const status = reexecOnNewerNode(fileURLToPath(import.meta.url), 'bench');
    if (status !== null) process.exit(status);
    log(
      `SKIPPING the end-to-end benchmark: it needs Node >= ${E2E_MIN_NODE.join('.')} (undici 8), this is ` +
        `${process.version}, and node_modules/node/bin/node (the node devDependency) is missing or too old too. ` +
        'Run `npm install`, or run bench/run.mjs with Node 22.',
    );
    options.e2e = [];
  }
  ensureBenchPackages();
  if (options.build) ensureBuilt();
  const failures = [];
  if (options.only.length) runParserBenchmark(options, failures);
  if (options.e2e.length) {
    const results = await runE2E(options, machineFacts(options));
    failures.push(...results.failures);
    console.log('\n' + renderE2E(results).markdown + '\n');
    log(`raw measurements: ${saveResults(join(here, 'results'), 'e2e', results)}`);
    if (options.write) {
      publish(join(here, 'results'), 'e2e');
      writeE2EReadme(join(here, 'README.md'), renderE2E(results).markdown);
      log('end-to-end results written to bench/results/e2e.json and bench/README.md');
    }
  }
  if (failures.length) {
    reportFailures(failures);
    process.exitCode = 1;
  }
}

/** --render: the README's results sections from the committed bench/results/*.json, nothing measured. */
function render() {
  const dir = join(here, 'results');
  const parser = readResults(dir, 'parser');
  const e2e = readResults(dir, 'e2e');
  if (parser) writeReadme(join(here, 'README.md'), renderResults(parser).markdown);
  if (e2e) writeE2EReadme(join(here, 'README.md'), renderE2E(e2e).markdown);
  log(`bench/README.md rendered from ${[parser && 'results/parser.json', e2e && 'results/e2e.json'].filter(Boolean).join(' and ') || 'nothing (no results/*.json)'}`);
}

/** The parser benchmark (the first section of bench/README.md). Pushes correctness failures onto `failures`. */
function runParserBenchmark(options, failures) {
  const results = {
    meta: machineFacts(options),
    workloads: options.only,
    info: {},
    verify: {},
    time: {}, // per workload and impl: each round's process's median pass, in ms (round i at index i)
    passes: {}, // the same processes' timed passes, every one, in ms
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

  results.load = [];
  for (let round = 1; round <= options.rounds; round++) {
    const started = Date.now();
    const jobs = planJobs(options.only, round);
    for (const job of jobs) record(results, job, child(job.args, options), failures);
    results.load.push(os.loadavg()[0]);
    log(
      `round ${round}/${options.rounds}: ${jobs.length} processes in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(load average ${os.loadavg()[0].toFixed(2)})`,
    );
  }

  const { markdown } = renderResults(results);
  console.log('\n' + markdown + '\n');
  log(`raw measurements: ${saveResults(join(here, 'results'), 'parser', results)}`);
  if (options.write) {
    publish(join(here, 'results'), 'parser');
    writeReadme(join(here, 'README.md'), markdown);
    log('parser results written to bench/results/parser.json and bench/README.md');
  }
}

function parseArgs(argv) {
  const options = { rounds: 7, only: null, e2e: null, quick: false, write: false, render: false, build: true };
  let only = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--only') only = String(argv[++i]).split(',').map((s) => s.trim().toUpperCase());
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--no-write') options.write = false; // the default; kept so older command lines still work
    else if (arg === '--render') options.render = true;
    else if (arg === '--no-build') options.build = false;
    else usage(`unknown option ${arg}`);
  }
  const known = Object.keys(WORKLOADS).filter((name) => !WORKLOADS[name].helper);
  if (only === null) {
    options.only = known;
    options.e2e = [...E2E_DEFAULT_PARTS];
  } else {
    options.only = [];
    options.e2e = [];
    for (const name of only) {
      if (name === 'PARSER') options.only.push(...known);
      else if (known.includes(name)) options.only.push(name);
      else if (name === 'E2E') options.e2e.push(...E2E_DEFAULT_PARTS);
      else if (name.startsWith('E2E-') && E2E_PARTS.includes(name.slice(4).toLowerCase())) {
        options.e2e.push(name.slice(4).toLowerCase());
      } else usage(`unknown workload or part ${name}`);
    }
    options.only = known.filter((name) => options.only.includes(name));
    options.e2e = E2E_PARTS.filter((part) => options.e2e.includes(part));
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) usage('--rounds needs a positive integer');
  if (options.quick && !argv.includes('--rounds')) options.rounds = 3;
  return options;
}

function usage(message) {
  console.error(`bench: ${message}`);
  console.error('usage: node bench/run.mjs [--rounds N] [--only W1,W3,e2e] [--quick] [--write] [--render] [--no-build]');
  console.error(`  --only: parser workloads W1...W7 or parser; e2e, or ${E2E_PARTS.map((p) => 'e2e-' + p).join(', ')}`);
  process.exit(2);
}

/**
 * The processes of one round: the implementations of a workload run back to back, so that the ratios of one round
 * pair measurements taken moments apart; which one goes first rotates from round to round.
 */
function planJobs(workloads, round) {
  const jobs = [];
  const impls = IMPLS.map((_, i) => IMPLS[(i + round - 1) % IMPLS.length]);
  for (const name of workloads) {
    for (const impl of impls) jobs.push({ kind: 'time', name, impl, args: ['time', name, impl] });
    if (name !== 'W3') continue;
    // The scaling exponent needs the same line at a quarter of the size, and the memory target its own processes
    // (sampling memory after every chunk would distort a timing).
    for (const impl of impls) jobs.push({ kind: 'time', name: 'W3s', impl, args: ['time', 'W3s', impl] });
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
    results.passes[job.name] ??= { baseline: [], ours: [], esp: [] };
    results.passes[job.name][job.impl].push(result.times);
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
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)), // 1, 5 and 15 minutes, when the run started
    versions: `whatwg-eventsource ${packageVersion()} vs eventsource-parser ${packageVersion('eventsource-parser')}`,
    command: ['node bench/run.mjs', ...process.argv.slice(2)].join(' '),
  };
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
