// The whole test suite, as the README's test command runs it:
//   1. type check src/ against the ES5 library;
//   2. every vitest test, on the Node that runs npm (the machine's Node 20 on CI);
//   3. the integration suite against dist/ on Node 22, Deno and Bun (npm devDependencies);
//   4. the package checks (size budgets, publint, attw) and the browser tests in headless Chromium;
// then one closing line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const modules = join(root, 'node_modules');
// npm puts node_modules/.bin (where the `node` devDependency links Node 22) first on PATH; npm_node_execpath is
// the Node that runs npm itself.
const hostNode = process.env.npm_node_execpath || process.execPath;
let passed = 0;
let failed = 0;
let broken = false;

function run(label, command, args) {
  console.log('\n> ' + label);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stdout.write(result.stdout || '');
  if (result.status !== 0) broken = true;
  return result;
}

function count(label, result) {
  const match = /(\d+) passed, (\d+) failed\s*$/.exec(result.stdout || '');
  if (!match) {
    broken = true;
    failed++;
    console.log(label + ': no result line');
    return;
  }
  passed += Number(match[1]);
  failed += Number(match[2]);
}

const tsc = run('type check (tsc, ES5 lib)', hostNode, [join(modules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
if (tsc.status === 0) passed++;
else failed++;

const scratch = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-test-'));
const report = join(scratch, 'vitest.json');
const vitestArgs = ['run', '--reporter=default', '--reporter=json', '--outputFile.json=' + report, ...process.argv.slice(2)];
run('vitest on Node ' + spawnSync(hostNode, ['--version'], { encoding: 'utf8' }).stdout.trim(), hostNode, [join(modules, 'vitest', 'vitest.mjs'), ...vitestArgs]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numTotalTests === 0) broken = true;
} catch {
  broken = true;
  failed++;
  console.log('vitest wrote no report');
}
rmSync(scratch, { recursive: true, force: true });

if (process.argv.length <= 2) {
  const suite = join('test', 'integration', 'run.mjs');
  const runtimes = [
    ['Node 22', join(modules, 'node', 'bin', 'node'), [suite]],
    ['Deno', join(modules, '.bin', 'deno'), ['run', '--allow-all', suite]],
    ['Bun', join(modules, '.bin', 'bun'), [suite]],
    // The browsers' build (dist/browser/: plain MessageEvents, streaming TextDecoder) through the same cases.
    ["Node 22, browsers' build", join(modules, 'node', 'bin', 'node'), [suite, '--browser-build']],
  ];
  for (const [label, bin, args] of runtimes) {
    if (!existsSync(bin)) {
      broken = true;
      failed++;
      console.log('\n> ' + label + ': not installed (npm ci installs it)');
      continue;
    }
    count(label, run('integration suite on ' + label, bin, args));
  }
  count('package checks', run('package checks (sizes, publint, attw)', hostNode, [join('scripts', 'check-package.mjs')]));
  count('Chromium', run('browser tests (headless Chromium)', hostNode, [join('test', 'browser', 'run.mjs')]));
  count('Chromium (shared)', run('SharedEventSource in many tabs (headless Chromium)', hostNode, [join('test', 'shared', 'tabs.mjs')]));
}

console.log('\n' + passed + ' passed, ' + failed + ' failed');
process.exit(broken || failed ? 1 : 0);
