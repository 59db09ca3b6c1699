// The built shared entry: the package exports resolve to it under every condition, and its script tag
// (dist/eventsource.shared.iife.min.js) adds WhatwgEventSource.SharedEventSource and nothing else but what the
// other script tags add (EventSource only where it is missing).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const script = readFileSync(join(root, 'dist', 'eventsource.shared.iife.min.js'), 'utf8');

function context(globals: Record<string, unknown> = {}) {
  const sandbox = createContext({ setTimeout, clearTimeout, ...globals });
  runInContext('this.window = this;', sandbox);
  return sandbox as Record<string, any>;
}

describe('whatwg-eventsource/shared', () => {
  it('resolves to dist/browser/ for browsers, dist/ for Node, and the CommonJS file for require', () => {
    const resolve = (conditions: string[], how: string) =>
      execFileSync(process.execPath, [...conditions.map((c) => '--conditions=' + c), '--input-type=module', '-e', 'console.log(' + how + ')'], {
        cwd: root,
        encoding: 'utf8',
      }).trim();
    const where = (url: string) => url.slice(url.indexOf('/dist/') + 1);
    expect(where(resolve(['browser'], "import.meta.resolve('whatwg-eventsource/shared')"))).toBe('dist/browser/shared-event-source.js');
    expect(where(resolve([], "import.meta.resolve('whatwg-eventsource/shared')"))).toBe('dist/shared-event-source.js');
    const required = resolve([], "(await import('node:module')).createRequire(import.meta.url).resolve('whatwg-eventsource/shared')");
    expect(where(required)).toBe('dist/shared-event-source.cjs');
  });

  it('the CommonJS build exports the class', () => {
    const out = execFileSync(process.execPath, ['-e', "console.log(typeof require('whatwg-eventsource/shared').SharedEventSource)"], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('function');
  });
});

describe('dist/eventsource.shared.iife.min.js', () => {
  it('defines WhatwgEventSource.SharedEventSource, and EventSource only where it is missing', () => {
    const bare = context();
    const before = Object.keys(bare);
    runInContext(script, bare);
    expect(typeof bare.WhatwgEventSource.SharedEventSource).toBe('function');
    expect(bare.EventSource).toBe(bare.WhatwgEventSource.EventSource);
    expect(Object.keys(bare).filter((name) => before.indexOf(name) < 0).sort()).toEqual(['EventSource', 'WhatwgEventSource']);
    function NativeEventSource() {}
    const native = context({ EventSource: NativeEventSource });
    const names = Object.keys(native);
    runInContext(script, native);
    expect(native.EventSource).toBe(NativeEventSource);
    expect(Object.keys(native).filter((name) => names.indexOf(name) < 0)).toEqual(['WhatwgEventSource']);
  });

  it('after another script tag, adds SharedEventSource to its WhatwgEventSource', () => {
    const g = context();
    runInContext(readFileSync(join(root, 'dist', 'eventsource.iife.min.js'), 'utf8'), g);
    const namespace = g.WhatwgEventSource;
    runInContext(script, g);
    expect(g.WhatwgEventSource).toBe(namespace);
    expect(typeof namespace.SharedEventSource).toBe('function');
  });
});
