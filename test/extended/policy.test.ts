// src/extended/policy.ts: the reconnection policy, a pure function of the cause, the retries so far and the
// reconnection time.
import { describe, expect, it, vi } from 'vitest';
import type { Cause } from '../../src/extended/instance';
import { readOptions } from '../../src/extended/options';
import { backoffDelay, nextDelay } from '../../src/extended/policy';

const cause = (reason: Cause['details']['reason'], extra: Partial<Cause> = {}, status?: number): Cause => ({
  details: { reason, status, willReconnect: false, attempt: 0 },
  ...extra,
});

describe('nextDelay', () => {
  it('with no options: the reconnection time after an end or a network error; a failed response or size fails', () => {
    const o = readOptions({});
    expect(nextDelay(o, cause('end'), 0, 3000)).toBe(3000);
    expect(nextDelay(o, cause('network'), 7, 250)).toBe(250);
    expect(nextDelay(o, cause('response', {}, 503), 0, 3000)).toBe(-1);
    expect(nextDelay(o, cause('size'), 0, 3000)).toBe(-1);
  });

  it('maxRetries, reconnectOnEnd, reconnectOnStatus with Retry-After, a forced failure and an immediate one', () => {
    expect(nextDelay(readOptions({ maxRetries: 2 }), cause('network'), 1, 10)).toBe(10);
    expect(nextDelay(readOptions({ maxRetries: 2 }), cause('network'), 2, 10)).toBe(-1);
    expect(nextDelay(readOptions({ reconnectOnEnd: false }), cause('end'), 0, 10)).toBe(-1);
    const statuses = readOptions({ reconnectOnStatus: [503] });
    expect(nextDelay(statuses, cause('response', {}, 503), 0, 10)).toBe(10);
    expect(nextDelay(statuses, cause('response', { retryAfter: 2000 }, 503), 0, 10)).toBe(2000);
    expect(nextDelay(statuses, cause('response', {}, 500), 0, 10)).toBe(-1);
    expect(nextDelay(readOptions({}), cause('headers', { fail: true }), 0, 10)).toBe(-1);
    expect(nextDelay(readOptions({ maxRetries: 0 }), cause('resume', { now: true }), 5, 10)).toBe(0);
  });

  it('never waits longer than setTimeout can', () => {
    expect(nextDelay(readOptions({}), cause('end'), 0, 1e12)).toBe(2147483647);
  });
});

describe('backoffDelay', () => {
  it('grows by the multiplier per retry in a row, with jitter, up to max (never below the reconnection time)', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const backoff = { multiplier: 2, max: 1000, jitter: 0.5 };
      expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(backoff, attempt, 100))).toEqual([125, 250, 500, 1000, 1000]);
      expect(backoffDelay(backoff, 3, 5000)).toBe(5000);
      expect(backoffDelay(null, 9, 100)).toBe(100);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
