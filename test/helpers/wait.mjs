// Waiting in tests, shared by every runtime's suite: plain JavaScript, so Node, Deno and Bun load it as it is.
// A deadline here only stops a wait that would otherwise hang, so it is generous: a machine under load (two cores
// shared with browsers and other runs) may take many times the usual time, and that must not fail a test. A test
// that needs to tell "soon" from "late" makes "late" a matter of minutes (a retry of 10 minutes) instead.
export const HANG = 60000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Settles as `promise` does, or rejects with Error(message) after `ms`: a hang guard around a whole case, whose timer
 * never outlives it.
 */
export function guard(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves when check() is true, polling every few ms; rejects after `ms` with what was awaited. */
export async function until(check, what, ms = HANG) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out: ' + what);
    await sleep(3);
  }
}
