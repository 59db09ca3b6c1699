// dist/ is committed (script-tag users take files straight from the repository), so it must be what a fresh build
// of src/ writes, byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

describe('dist/', () => {
  it('equals a fresh build', () => {
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
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60000);

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
