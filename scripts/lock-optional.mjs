// The npm registry this project is built against carries only the platform packages of this machine (linux-x64):
// `npm install` then leaves the other platforms' optional binaries (@rollup/rollup-darwin-arm64, @deno/win32-x64,
// ...) out of package-lock.json, and `npm ci` refuses a lock file that misses them. This adds each missing optional
// dependency to the lock file as an optional entry, which `npm ci` accepts and skips on any machine it does not
// suit. Run it after any `npm install` that changes the lock file: `node scripts/lock-optional.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = path ? path + '/node_modules/' + name : 'node_modules/' + name;
    if (packages[nested] || packages['node_modules/' + name]) continue;
    packages['node_modules/' + name] = { version, dev: entry.dev, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('package-lock.json: ' + added + ' optional platform entries added');
