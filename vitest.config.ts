import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A hang guard only (no test may depend on the machine's speed), above the waits' own (test/helpers/wait.mjs).
    testTimeout: 120000,
    // Most test files spend their time waiting on sockets, child processes and a browser, not on the CPU: on two
    // cores, vitest's default (one worker per core but one) ran them one at a time. No test may depend on the
    // machine's speed, so they can share it.
    maxWorkers: Math.max(4, availableParallelism() - 1),
    // Worker threads rather than child processes: each test file still gets a fresh module graph (isolate stays on),
    // but a thread is cheaper to start than a Node process. Over the 14 files that spawn nothing of their own it
    // saved 12-15 % of their CPU time.
    pool: 'threads',
  },
});
