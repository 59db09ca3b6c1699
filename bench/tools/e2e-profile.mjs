// Where a client spends its time in the end-to-end throughput run: runs one throughput measurement under
// `--cpu-prof` (against the same server, same stream) and prints the functions with the most self time.
//
//   node bench/tools/e2e-profile.mjs [client] [--quick] [--top N] [--keep]
//
// client: ours (default), undici, eventsource, fetch, ours-node, fetch-node. --keep leaves the .cpuprofile (open it in
// Chrome DevTools) in a temporary directory and prints its path. Needs Node >= 22.19 and the benchmark's packages
// (bench/node.mjs: it re-runs itself on the node devDependency, and installs bench/package.json's packages).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZES, startServer } from '../e2e.mjs';
import { E2E_MIN_NODE, ensureBenchPackages, nodeSupportsE2E, reexecOnNewerNode } from '../node.mjs';

const bench = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(bench);
const args = process.argv.slice(2);

if (!nodeSupportsE2E()) {
  const status = reexecOnNewerNode(fileURLToPath(import.meta.url), 'e2e-profile');
  if (status === null) console.error(`e2e-profile: needs Node >= ${E2E_MIN_NODE.join('.')} (undici 8); this is ${process.version}`);
  process.exit(status ?? 2);
}
ensureBenchPackages();

const clientName = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'ours';
const quick = args.includes('--quick');
const topAt = args.indexOf('--top');
const top = topAt === -1 ? 25 : Number(args[topAt + 1]);
const sizes = quick ? SIZES.quick : SIZES.full;

const server = await startServer(sizes);
const dir = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
const full = server.streams[sizes.events];
const warm = server.streams[sizes.warmupEvents];
const r = spawnSync(
  process.execPath,
  [
    '--expose-gc', '--no-warnings', '--cpu-prof', '--cpu-prof-dir', dir,
    join(bench, 'e2e-client.mjs'), 'throughput', clientName, server.port,
    '--events', full.events, '--chars', full.dataChars, '--bytes', full.bytes,
    '--warmup-events', warm.events, '--warmup-chars', warm.dataChars, '--warmup-bytes', warm.bytes,
  ].map(String),
  { cwd: root, encoding: 'utf8' },
);
server.stop();
if (r.status !== 0) {
  console.error(`e2e-profile: the client failed\n${r.stderr}`);
  process.exit(2);
}
const result = JSON.parse(r.stdout);
console.log(
  `${clientName}: ${result.ok ? 'ok' : 'FAILED: ' + result.message}, timed stream ${result.ms.toFixed(0)} ms ` +
    `(${(full.events / result.ms / 1000).toFixed(2)} M events/s), under the profiler`,
);

// Self time per function (name + file:line), from the samples of the whole process (warm-up stream, startup and
// the timed stream alike).
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const areas = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const frame = nodes.get(profile.samples[i]).callFrame;
  const dt = profile.timeDeltas[i] ?? 0;
  const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '';
  const key = `${frame.functionName || '(anonymous)'}${where ? ' ' + where : ''}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  areas.set(area(frame), (areas.get(area(frame)) ?? 0) + dt);
  total += dt;
}
const line = ([name, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`;
console.log(`\nSelf time by area (whole process, ${(total / 1000).toFixed(0)} ms sampled):`);
for (const entry of [...areas].sort((a, b) => b[1] - a[1])) console.log(line(entry));
console.log(`\nTop ${top} functions by self time:`);
for (const entry of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(entry));
if (args.includes('--keep')) console.log(`\nprofile: ${join(dir, file)}`);
else rmSync(dir, { recursive: true, force: true });

function shorten(url) {
  if (url.startsWith('node:')) return url;
  const at = url.indexOf('/node_modules/');
  if (at !== -1) return url.slice(at + 1);
  return url.startsWith('file://' + root) ? url.slice(('file://' + root).length + 1) : url;
}

function area(frame) {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.includes('/dist/index.')) return 'ours (dist/)';
  if (url.includes('/node_modules/undici/')) return 'undici 8 (bench/node_modules)';
  if (url.includes('/node_modules/eventsource')) return 'eventsource / eventsource-parser';
  if (url.includes('internal/deps/undici') || url === 'node:internal/deps/undici/undici') return "Node's bundled undici (global fetch, MessageEvent)";
  if (url.includes('/bench/')) return 'bench client';
  if (url.startsWith('node:')) return 'Node internals';
  return url;
}
