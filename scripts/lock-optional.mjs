// For a registry that carries only the platform packages of this machine (linux-x64): `npm install` then leaves the
// other platforms' optional binaries (@rollup/rollup-darwin-arm64, @deno/win32-x64, ...) out of package-lock.json,
// and `npm ci` refuses a lock file that misses them. This adds each missing optional dependency to the lock file as
// an optional entry, with the `os`, `cpu` and `libc` its name gives (the platform packages' naming convention):
// without them `npm ci` cannot tell that the package is another platform's and installs it everywhere (that once
// put six Deno binaries, 520 MB, into every install). Where the registry has the packages, `npm install` writes
// complete entries itself and this adds nothing. Run it after any `npm install` that changes the lock file:
// `node scripts/lock-optional.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['aix', 'android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32'];
const CPU = ['arm', 'arm64', 'ia32', 'loong64', 'mips64el', 'ppc64', 'riscv64', 's390x', 'x64'];

/** { os, cpu, libc } from a name such as @deno/linux-x64-glibc or @rollup/rollup-linux-arm64-musl. */
function platformOf(name) {
  const parts = name.slice(name.lastIndexOf('/') + 1).split('-');
  const platform = {};
  for (const part of parts) {
    if (OS.includes(part)) platform.os = [part];
    else if (CPU.includes(part)) platform.cpu = [part];
    else if (part === 'glibc' || part === 'gnu' || part === 'gnueabihf') platform.libc = ['glibc'];
    else if (part === 'musl' || part === 'musleabihf') platform.libc = ['musl'];
  }
  return platform;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = path ? path + '/node_modules/' + name : 'node_modules/' + name;
    if (packages[nested] || packages['node_modules/' + name]) continue;
    packages['node_modules/' + name] = { version, dev: entry.dev, optional: true, ...platformOf(name) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('package-lock.json: ' + added + ' optional platform entries added');
