// The installers: the script-tag file and `whatwg-eventsource/polyfill` put EventSource on the global object only
// where it is missing, never over a native one, and including either twice changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const dist = join(__dirname, '..', '..', 'dist');
const script = readFileSync(join(dist, 'eventsource.iife.min.js'), 'utf8');

function context(globals: Record<string, unknown> = {}) {
  const sandbox = createContext({ setTimeout, clearTimeout, ...globals });
  runInContext('this.window = this;', sandbox);
  return sandbox as Record<string, any>;
}

describe('dist/eventsource.iife.min.js', () => {
  it('installs EventSource where it is missing, and exposes WhatwgEventSource', () => {
    const g = context();
    runInContext(script, g);
    expect(typeof g.EventSource).toBe('function');
    expect(g.EventSource).toBe(g.WhatwgEventSource.EventSource);
    expect(typeof g.WhatwgEventSource.createParser).toBe('function');
    expect(g.EventSource.CLOSED).toBe(2);
  });

  it('never replaces a native EventSource', () => {
    function NativeEventSource() {}
    const g = context({ EventSource: NativeEventSource });
    runInContext(script, g);
    expect(g.EventSource).toBe(NativeEventSource);
    expect(g.WhatwgEventSource.EventSource).not.toBe(NativeEventSource);
  });

  it('included twice, changes nothing the second time', () => {
    const g = context();
    runInContext(script, g);
    const first = { EventSource: g.EventSource, namespace: g.WhatwgEventSource };
    runInContext(script, g);
    expect(g.EventSource).toBe(first.EventSource);
    expect(g.WhatwgEventSource).toBe(first.namespace);
  });

  it('the parser it exposes works with neither TextDecoder nor fetch (strings)', () => {
    const g = context();
    runInContext(script, g);
    const events: unknown[] = [];
    const parser = g.WhatwgEventSource.createParser({ onEvent: (e: unknown) => events.push(e) });
    parser.feed('data: a\n\nevent: b\ndata: c\n\n');
    expect(JSON.parse(JSON.stringify(events))).toEqual([
      { type: 'message', data: 'a', lastEventId: '' },
      { type: 'b', data: 'c', lastEventId: '' },
    ]);
  });
});

describe("whatwg-eventsource/polyfill", () => {
  it('installs the ponyfill class itself, only where EventSource is missing', async () => {
    const had = 'EventSource' in globalThis;
    const native = (globalThis as any).EventSource;
    delete (globalThis as any).EventSource;
    try {
      await import('../../dist/polyfill.js');
      const { EventSource } = await import('../../dist/index.js');
      expect((globalThis as any).EventSource).toBe(EventSource);
    } finally {
      if (had) (globalThis as any).EventSource = native;
      else delete (globalThis as any).EventSource;
    }
  });
});
