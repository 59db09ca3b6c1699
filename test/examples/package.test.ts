// The npm package as `npm pack` makes it: what it holds, and its demo (what `npx whatwg-eventsource` starts with no
// URL) run from the unpacked tarball, where every page and file the demo links to must be found.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './processes';

let scratch: string;
let files: string[];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-pack-'));
  const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const [report] = JSON.parse(packed.stdout);
  files = report.files.map((f: { path: string }) => f.path).sort();
  const unpacked = spawnSync('tar', ['-xzf', join(scratch, report.filename), '-C', scratch], { encoding: 'utf8' });
  expect(unpacked.status, unpacked.stderr).toBe(0);
}, 60000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the license, the readme, the builds, the CLI and the demo, and nothing of the development', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/whatwg-eventsource.js', 'dist/eventsource.iife.min.js', 'dist/index.js', 'dist/index.d.ts', 'examples/demo/server.mjs']) {
      expect(files).toContain(file);
    }
    const development = files.filter((f) => /^(src|test|bench|scripts|node_modules)\//.test(f) || /(^|\/)(tsconfig|vitest\.config|rollup\.config)/.test(f));
    expect(development).toEqual([]);
  });

  it('its demo serves every page, script and style its pages link to', async () => {
    const { startDemoServer } = await import(pathToFileURL(join(scratch, 'package', 'examples', 'demo', 'server.mjs')).href);
    const demo = await startDemoServer({ port: 0 });
    try {
      const seen = new Map<string, number>();
      const queue = ['/'];
      while (queue.length) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        const response = await fetch(demo.url(path));
        seen.set(path, response.status);
        const body = await response.text();
        if (!(response.headers.get('content-type') || '').startsWith('text/html')) continue;
        // Links within the demo's own origin: href and src attributes that are not absolute URLs.
        for (const [, link] of body.matchAll(/ (?:href|src)="([^"#?]+)/g)) {
          if (!/^[a-z]+:/.test(link)) queue.push(new URL(link, demo.url(path)).pathname);
        }
      }
      expect([...seen.keys()].sort()).toEqual(['/', '/demo.css', '/demo.js', '/dist/eventsource.iife.min.js', '/dist/eventsource.shared.iife.min.js', '/examples/browser/']);
      expect([...seen].filter(([, status]) => status !== 200)).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});

describe('the README', () => {
  it("its quick start's two command lines are the package's scripts: the demo and the tests", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    expect(quickStart).toMatch(/^npm start +# the demo/m);
    expect(quickStart).toMatch(/^npm ci && npm test +# the whole test suite/m);
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(scripts.start).toBe('node examples/demo/server.mjs');
    expect(scripts.test).toBeTruthy();
  });
});
