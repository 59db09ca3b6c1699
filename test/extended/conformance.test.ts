// src/extended.ts with no options: the whole integration suite (test/integration/suite.mjs), unchanged, against the
// extended class, whose every request goes through the extension's transport wrapper. Also what importing the
// module changes: the same class as the ponyfill's, one new attribute and the async iterator.
import { describe, expect, it } from 'vitest';
import { EventSource as Ponyfill } from '../../src/index';
import { EventSource } from '../../src/extended';
import { cases, runCase } from '../integration/suite.mjs';

describe('integration suite through the extensions (no options)', () => {
  for (const [name, fn] of cases as Array<[string, (t: unknown) => Promise<void>]>) {
    it(name, () => runCase(fn, EventSource), 120000);
  }
});

describe('the extended class', () => {
  it('is the ponyfill class itself, with lastEventId and Symbol.asyncIterator on its prototype', () => {
    expect(EventSource).toBe(Ponyfill);
    const descriptor = Object.getOwnPropertyDescriptor(EventSource.prototype, 'lastEventId')!;
    expect([typeof descriptor.get, descriptor.set, descriptor.enumerable]).toEqual(['function', undefined, true]);
    expect(typeof (EventSource.prototype as unknown as { [Symbol.asyncIterator]: unknown })[Symbol.asyncIterator]).toBe('function');
    expect(() => descriptor.get!.call({})).toThrow(TypeError);
  });
});
