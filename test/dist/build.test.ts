// dist/ is committed (script-tag users take files straight from the repository), so it must be what a fresh build
// of src/ writes, byte for byte.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

/** The files under a folder, as paths relative to it, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !statSync(join(dir, f)).isDirectory()).sort();
}
const scripts = files(dist).filter((f) => /\.(c?js)$/.test(f));

/** One hash over the paths and contents of files (folders: every file under them). */
function hashOf(paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    const list = statSync(full).isDirectory() ? files(full).map((f) => join(path, f)) : [path];
    for (const file of list) hash.update(file + '\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

// A fresh build takes some 12 CPU-s (twelve rollup builds: the seven JavaScript ones share one TypeScript program,
// the five declaration ones have one each), and it is
// deterministic: the same sources, build configuration, locked toolchain and Node give the same bytes. So a run that
// finds dist/ equal to a fresh build records the hash of those inputs and of dist/ (node_modules/.cache, never
// committed), and a later run with both hashes unchanged has nothing new to compare. A change to src/, dist/, the
// config or the toolchain builds again; FRESH_BUILD=1 always does.
const verified = join(root, 'node_modules', '.cache', 'whatwg-eventsource', 'dist-verified.json');
const inputs = () => process.version + ' ' + hashOf(['src', 'rollup.config.mjs', 'tsconfig.json', 'package-lock.json']);

describe('dist/', () => {
  it('equals a fresh build', () => {
    const key = inputs() + ' ' + hashOf(['dist']);
    const read = existsSync(verified) ? JSON.parse(readFileSync(verified, 'utf8')) : [];
    const known: string[] = Array.isArray(read) ? read : [];
    if (!process.env.FRESH_BUILD && known.includes(key)) return;
    const scratch = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-dist-'));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', '--silent'], {
        cwd: root,
        env: { ...process.env, DIST_DIR: scratch },
        stdio: 'pipe',
      });
      const built = files(scratch);
      expect(files(dist)).toEqual(built);
      for (const file of built) {
        const fresh = readFileSync(join(scratch, file), 'utf8');
        const committed = readFileSync(join(dist, file), 'utf8');
        if (fresh !== committed) expect(committed, file + ' differs from a fresh build: run npm run build').toBe(fresh);
      }
      mkdirSync(join(verified, '..'), { recursive: true });
      // A few keys: vitest on Node 20 (npm test) and on Node 22 (npx vitest) each have theirs.
      writeFileSync(verified, JSON.stringify([key, ...known.filter((k) => k !== key)].slice(0, 4)));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 900000);

  it('every JavaScript file parses as ES5 (ES modules apart from their import and export lines)', () => {
    for (const file of scripts) {
      let code = readFileSync(join(dist, file), 'utf8');
      if (file.endsWith('.js')) code = code.replace(/^(import|export)\s[^;]*;$/gm, '');
      expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' }), file).not.toThrow();
    }
  });

  it('ships no eval, new Function or Function("return this"), so it runs under a CSP without unsafe-eval', () => {
    for (const file of scripts) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|new Function\b|\bFunction\s*\(/);
    }
  });
});

describe('package exports', () => {
  const entries = ['whatwg-eventsource', 'whatwg-eventsource/polyfill', 'whatwg-eventsource/stream', 'whatwg-eventsource/extended'];
  const resolve = (conditions: string[]) =>
    execFileSync(
      process.execPath,
      [
        ...conditions.map((c) => '--conditions=' + c),
        '--input-type=module',
        '-e',
        'for (const e of ' + JSON.stringify(entries) + ') console.log(import.meta.resolve(e))',
      ],
      { cwd: root, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((url) => url.slice(url.indexOf('/dist/') + 1));

  it("a bundler for browsers (the browser condition) gets dist/browser/, without Node's tuning", () => {
    expect(resolve(['browser'])).toEqual(['dist/browser/index.js', 'dist/browser/polyfill.js', 'dist/browser/stream.js', 'dist/browser/extended.js']);
    // The script tags are built the same way.
    for (const file of ['browser/shared.js', 'browser/stream.js', 'eventsource.iife.js', 'eventsource.extended.iife.js']) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).toContain('decode(bytes, { stream: true })');
      expect(code, file).not.toContain('forAscii');
      if (file !== 'browser/stream.js') expect(code, file).toContain('new MessageEvent(type, {');
    }
  });

  it('Node gets dist/, with the fast MessageEvent and the decoder tuned for Node', () => {
    expect(resolve([])).toEqual(['dist/index.js', 'dist/polyfill.js', 'dist/stream.js', 'dist/extended.js']);
    expect(readFileSync(join(dist, 'shared.js'), 'utf8')).toContain('forAscii');
    expect(readFileSync(join(dist, 'shared.js'), 'utf8')).toContain('Reflect.construct(Event, [type], Message)');
  });
});
