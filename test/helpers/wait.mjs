// Waiting in tests, shared by every runtime's suite: plain JavaScript, so Node, Deno and Bun load it as it is.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when check() is true, polling every few ms; rejects after `ms` with what was awaited. */
export async function until(check, what, ms = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out: ' + what);
    await sleep(3);
  }
}
