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
    // Concurrent cases (test/examples/cli.test.ts, which spawns a Node process per case) run three at a time: on two
    // cores that file took 11 s and 19 CPU-s so, against 12 s and 21 CPU-s five at a time (vitest's default), and 17.5 s
    // and 18 CPU-s one at a time.
    maxConcurrency: 3,
  },
});
