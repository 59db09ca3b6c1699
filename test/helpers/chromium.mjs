// The Chromium the browser tests drive: CHROMIUM_PATH, or `which chromium` (playwright-core downloads nothing).
// Plain JavaScript, shared by test/browser/run.mjs and the vitest tests.
import { execFileSync } from 'node:child_process';

/** The path of a Chromium executable, or null when there is none. @returns {string | null} */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
