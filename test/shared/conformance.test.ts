// The integration suite (test/integration/suite.mjs), unchanged, against SharedEventSource: in Node as it is (no
// Web Locks: each instance falls back to a connection of its own), and with the sharing path on (a fake Web Locks
// manager and Node's BroadcastChannel), where every instance of a case is the one tab that holds its stream.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SharedEventSource } from '../../src/shared';
import { cases, runCase } from '../integration/suite.mjs';
import { fakeLocks } from './fakes';

const all = cases as Array<[string, (t: unknown) => Promise<void>]>;

describe('integration suite through SharedEventSource without Web Locks (a connection per instance)', () => {
  for (const [name, fn] of all) it(name, () => runCase(fn, SharedEventSource), 20000);
});

describe('integration suite through SharedEventSource, sharing on (fake Web Locks, BroadcastChannel)', () => {
  const scope = globalThis as { navigator?: unknown };
  const navigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  beforeAll(() => {
    Object.defineProperty(globalThis, 'navigator', { value: { locks: fakeLocks() }, configurable: true, writable: true });
  });
  afterAll(() => {
    if (navigator) Object.defineProperty(globalThis, 'navigator', navigator);
    else delete scope.navigator;
  });
  for (const [name, fn] of all) it(name, () => runCase(fn, SharedEventSource), 20000);
});
