// The whole test suite, as the README's test command runs it:
//   1. type check src/ against the ES5 library;
//   2. every vitest test, on the Node that runs npm (the machine's Node 20 on CI);
//   3. the integration suite against dist/ on Node 22, Deno and Bun (npm devDependencies), and the browsers' build;
//   4. the package checks (size budgets, publint, attw), the browser tests in Chromium, Firefox and WebKit, and
//      SharedEventSource in many tabs of headless Chromium (test/shared/tabs.mjs);
// then the wall time of each stage, the slowest vitest tests, and one closing line `N passed, N failed` that CI
// reads.
//
// The stages run in two lanes side by side: the browser tests (the longest stage; its engines one after another) in
// one, and everything else, one stage after another, in the other. More at once only loses on two cores: with the
// three engines and the stages after vitest all running together, the whole run took 394 s and 748 CPU-seconds;
// in two lanes 282 s and 518 CPU-seconds, and one stage at a time 296 s and 468. (Since then the browser tests'
// pages serve one scenario after another: in two lanes the whole run takes 180-208 s and 336-394 CPU-seconds.)
// Each stage's output is printed whole when it ends. `node scripts/test.mjs --serial` runs one stage after another,
// as a check when a failure looks like a matter of load. Any other arguments go to vitest, and then only the type
// check and vitest run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const modules = join(root, 'node_modules');
// Caches that only ever save time (tsc's incremental state; dist/build.test.ts keeps its own here too).
const cache = join(modules, '.cache', 'whatwg-eventsource');
mkdirSync(cache, { recursive: true });
// npm puts node_modules/.bin (where the `node` devDependency links Node 22) first on PATH; npm_node_execpath is
// the Node that runs npm itself.
const hostNode = process.env.npm_node_execpath || process.execPath;
const serial = process.argv.includes('--serial');
const extra = process.argv.slice(2).filter((a) => a !== '--serial');
const started = Date.now();
let passed = 0;
let failed = 0;
let broken = false;

/** Runs one stage: resolves with its exit status and output once it has ended, and prints that output. */
function run(label, command, args) {
  return new Promise((resolve) => {
    const start = Date.now();
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', (error) => (stderr += String(error) + '\n'));
    child.on('close', (status) => {
      const seconds = (Date.now() - start) / 1000;
      console.log('\n> ' + label + ' (' + seconds.toFixed(1) + ' s)');
      process.stdout.write(stdout);
      if (stderr) process.stdout.write(stderr);
      if (status !== 0) broken = true;
      resolve({ label, status, stdout, seconds });
    });
  });
}

/** Adds a stage's closing `N passed, N failed` line to the totals. */
function count(result) {
  const match = /(\d+) passed, (\d+) failed\s*$/.exec(result.stdout || '');
  if (!match) {
    broken = true;
    failed++;
    console.log(result.label + ': no result line');
    return;
  }
  passed += Number(match[1]);
  failed += Number(match[2]);
}

const stages = [];
const lanes = {};
/**
 * Starts `task` after the stages before it in its lane (with --serial, after all stages before it) and keeps its
 * result for the summary.
 */
function stage(task, lane = 'main') {
  const previous = serial ? stages[stages.length - 1] : lanes[lane];
  const promise = previous ? previous.then(task) : task();
  stages.push(promise);
  lanes[lane] = promise;
  return promise;
}

const full = extra.length === 0;
if (full) {
  stage(() => run('browser tests (Chromium, Firefox, WebKit)', hostNode, [join('test', 'browser', 'run.mjs')]).then((r) => (count(r), r)), 'browsers');
}

stage(() =>
  run('type check (tsc, ES5 lib)', hostNode, [
    join(modules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit',
    '--incremental', '--tsBuildInfoFile', join(cache, 'tsc.tsbuildinfo'),
  ]).then((r) => {
    if (r.status === 0) passed++;
    else failed++;
    return r;
  }),
);

const scratch = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-test-'));
const report = join(scratch, 'vitest.json');
let slowest = [];
const hostVersion = spawnSync(hostNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
stage(() =>
  run('vitest on Node ' + hostVersion, hostNode, [
    join(modules, 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=' + report, ...extra,
  ]).then((r) => {
    try {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      passed += json.numPassedTests;
      failed += json.numFailedTests;
      if (json.numTotalTests === 0) broken = true;
      slowest = json.testResults
        .flatMap((file) => file.assertionResults.map((test) => ({ file: relative(root, file.name), name: test.fullName, ms: test.duration ?? 0 })))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10);
    } catch {
      broken = true;
      failed++;
      console.log('vitest wrote no report');
    }
    rmSync(scratch, { recursive: true, force: true });
    return r;
  }),
);

if (full) {
  const suite = join('test', 'integration', 'run.mjs');
  const node22 = join(modules, 'node', 'bin', 'node');
  const runtimes = [
    ['Node 22', node22, [suite]],
    ['Deno', join(modules, '.bin', 'deno'), ['run', '--allow-all', suite]],
    ['Bun', join(modules, '.bin', 'bun'), [suite]],
    // The browsers' build (dist/browser/: plain MessageEvents, streaming TextDecoder) through the same cases.
    ["Node 22, browsers' build", node22, [suite, '--browser-build']],
  ];
  for (const [label, bin, args] of runtimes) {
    stage(() => {
      if (!existsSync(bin)) {
        broken = true;
        failed++;
        console.log('\n> ' + label + ': not installed (npm ci installs it)');
        return null;
      }
      return run('integration suite on ' + label, bin, args).then((r) => (count(r), r));
    });
  }
  stage(() => run('package checks (sizes, publint, attw)', hostNode, [join('scripts', 'check-package.mjs')]).then((r) => (count(r), r)));
  stage(() => run('SharedEventSource in many tabs (headless Chromium)', hostNode, [join('test', 'shared', 'tabs.mjs')]).then((r) => (count(r), r)));
}

const results = (await Promise.all(stages)).filter(Boolean);
const wall = (Date.now() - started) / 1000;
console.log('\nWall time per stage (' + (serial ? 'one after another' : 'side by side') + '; whole run ' + wall.toFixed(1) + ' s):');
for (const r of results) console.log('  ' + r.seconds.toFixed(1).padStart(6) + ' s  ' + r.label + (r.status === 0 ? '' : '  (FAILED)'));
if (slowest.length) {
  console.log('Slowest vitest tests:');
  for (const t of slowest) console.log('  ' + (t.ms / 1000).toFixed(1).padStart(6) + ' s  ' + t.file + ' > ' + t.name);
}

console.log('\n' + passed + ' passed, ' + failed + ' failed');
process.exit(broken || failed ? 1 : 0);
