// What the benchmark needs before it can run, in one place: its own packages (bench/package.json, kept out of the
// test install) and, for the end-to-end part and its tools, a Node new enough for undici 8.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

/** undici 8 (undici's EventSource, and the fetch every end-to-end client runs on) needs this Node. */
export const E2E_MIN_NODE = [22, 19, 0];

/** The node devDependency of the repository (Node 22): the integration suite runs on it too. */
export const PINNED_NODE = join(root, 'node_modules', 'node', 'bin', 'node');

const REEXEC_ENV = 'WHATWG_EVENTSOURCE_BENCH_REEXEC';

export function nodeSupportsE2E(version = process.versions.node) {
  const v = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (v[i] !== E2E_MIN_NODE[i]) return v[i] > E2E_MIN_NODE[i];
  return true;
}

/**
 * Runs `script` again, same arguments, on the node devDependency when that is new enough, and returns its exit
 * status; returns null when there is no such Node or this already is the re-run. Under `npm run bench` the re-run
 * is not needed: npm puts node_modules/.bin, and so that Node, first on PATH.
 */
export function reexecOnNewerNode(script, label) {
  if (process.env[REEXEC_ENV] || !existsSync(PINNED_NODE)) return null;
  const probe = spawnSync(PINNED_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  if (probe.status !== 0 || !nodeSupportsE2E(probe.stdout.trim())) return null;
  console.error(`${label}: Node ${process.version} is too old for undici 8: re-running with ${PINNED_NODE} (v${probe.stdout.trim()})`);
  const r = spawnSync(PINNED_NODE, [script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [REEXEC_ENV]: '1' },
  });
  return r.status ?? 2;
}

/**
 * Installs bench/package.json's packages (`npm ci --prefix bench`, from bench/package-lock.json) when one of them is
 * missing. The test install (the root package.json) does not carry them: they want Node >= 22, tests run on 20.
 */
export function ensureBenchPackages() {
  const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  const names = Object.keys(pkg.dependencies ?? {});
  const missing = names.filter((name) => !existsSync(join(here, 'node_modules', name, 'package.json')));
  if (!missing.length) return;
  console.error(`bench: installing the benchmark's packages (missing: ${missing.join(', ')}): npm ci --prefix bench`);
  // npm's own shebang finds `node` on PATH: put this Node first, so that npm checks engines against it.
  const env = { ...process.env, PATH: dirname(process.execPath) + (process.platform === 'win32' ? ';' : ':') + process.env.PATH };
  const r = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('bench: npm ci --prefix bench failed');
    process.exit(2);
  }
}

/** The version of an installed package of the benchmark (or of the repository itself: `packageVersion()`). */
export function packageVersion(name) {
  const dir = name ? join(here, 'node_modules', name) : root;
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}
