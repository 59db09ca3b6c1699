// The whole test suite, as the README's test command runs it: type check, then every vitest project, then a
// closing line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let broken = false;

function run(label, command, args, env) {
  console.log('\n> ' + label);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) broken = true;
  return result.status === 0;
}

if (run('type check (tsc, ES5 lib)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) passed++;
else failed++;

const scratch = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-test-'));
const report = join(scratch, 'vitest.json');
run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=' + report, ...process.argv.slice(2)]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numTotalTests === 0) broken = true;
} catch {
  broken = true;
  console.error('vitest wrote no report');
}
rmSync(scratch, { recursive: true, force: true });

console.log('\n' + passed + ' passed, ' + failed + ' failed');
process.exit(broken || failed ? 1 : 0);
