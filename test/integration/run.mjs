// Runs the integration suite against the built dist/ in whatever runtime runs this file:
//   node test/integration/run.mjs | deno run -A test/integration/run.mjs | bun test/integration/run.mjs
// and ends with the line `N passed, N failed`.
import { EventSource } from '../../dist/index.js';
import { cases, runCase } from './suite.mjs';

const runtime =
  typeof Deno !== 'undefined' ? 'Deno ' + Deno.version.deno : typeof Bun !== 'undefined' ? 'Bun ' + Bun.version : 'Node ' + process.versions.node;
const only = process.argv[2];
let passed = 0;
let failed = 0;
const unhandled = [];
if (typeof process !== 'undefined' && process.on) process.on('unhandledRejection', (reason) => unhandled.push(reason));

console.log('integration suite on ' + runtime);
for (const [name, fn] of cases) {
  if (only && !name.includes(only)) continue;
  const start = Date.now();
  try {
    await Promise.race([
      runCase(fn, EventSource),
      new Promise((_, reject) => setTimeout(() => reject(new Error('case timed out after 20 s')), 20000).unref?.()),
    ]);
    passed++;
    console.log('  ok   ' + name + ' (' + (Date.now() - start) + ' ms)');
  } catch (error) {
    failed++;
    console.log('  FAIL ' + name + '\n       ' + String(error && error.stack ? error.stack : error).split('\n').join('\n       '));
  }
}
if (unhandled.length) {
  failed++;
  console.log('  FAIL no unhandled rejections: ' + unhandled.map(String).join('; '));
}
console.log(runtime + ': ' + passed + ' passed, ' + failed + ' failed');
// A closed EventSource must leave nothing behind that keeps the runtime alive: no explicit exit on success.
if (failed) process.exit(1);
