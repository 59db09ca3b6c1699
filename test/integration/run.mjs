// Runs the integration suite against the built dist/ in whatever runtime runs this file:
//   node test/integration/run.mjs | deno run -A test/integration/run.mjs | bun test/integration/run.mjs
// and ends with the line `N passed, N failed`. With --browser-build it runs the browsers' build (dist/browser/,
// the "browser" export condition) instead of Node's; a case name given as an argument runs only matching cases.
// The runtime's own build also waits for the socket of a closed stream to close (seconds on Node's fetch): one
// run per runtime pays for that, and every other run (the browsers' build here, vitest's) checks the abort.
import { cases, runCase } from './suite.mjs';
import { guard } from '../helpers/wait.mjs';

const args = (typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2)).slice();
const browserBuild = args.indexOf('--browser-build') >= 0;
if (browserBuild) args.splice(args.indexOf('--browser-build'), 1);
const { EventSource } = await import(browserBuild ? '../../dist/browser/index.js' : '../../dist/index.js');

const runtime =
  typeof Deno !== 'undefined' ? 'Deno ' + Deno.version.deno : typeof Bun !== 'undefined' ? 'Bun ' + Bun.version : 'Node ' + process.versions.node;
const only = args[0];
let passed = 0;
let failed = 0;
const unhandled = [];
if (typeof process !== 'undefined' && process.on) process.on('unhandledRejection', (reason) => unhandled.push(reason));

console.log('integration suite on ' + runtime + (browserBuild ? ", browsers' build (dist/browser/)" : ''));
for (const [name, fn] of cases) {
  if (only && !name.includes(only)) continue;
  const start = Date.now();
  try {
    // Only a hang guard: above the waits' own deadlines (test/helpers/wait.mjs).
    await guard(runCase(fn, EventSource), 120000, 'case timed out after 120 s');
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
console.log(runtime + (browserBuild ? " (browsers' build)" : '') + ': ' + passed + ' passed, ' + failed + ' failed');
// A closed EventSource must leave nothing behind that keeps the runtime alive: no explicit exit on success.
if (failed) process.exit(1);
