// What differs between engines, in one place. The event source reads it at each construction, so the legacy module
// (legacy.ts) can fill in what an old engine lacks even when the ponyfill was evaluated before it.
import { nativeDom, type DomBindings } from './dom/events';
import type { Transport } from './transport/types';
import { originOf, parseURL } from './url';

export interface Platform {
  /** The platform's EventTarget, Event and MessageEvent where all can be constructed, else the shims (or null). */
  dom: DomBindings | null;
  /** "Encoding-parse a URL" against a base: the serialized URL, or null on failure. */
  parseURL(input: string, base: string | undefined): string | null;
  /** The serialization of a URL's origin. */
  originOf(url: string): string;
  /** The XMLHttpRequest transport: present once the legacy module is loaded. */
  xhr?: Transport;
}

export const platform: Platform = { dom: /*#__PURE__*/ nativeDom(), parseURL: parseURL, originOf: originOf };

/**
 * The global object, found by typeof checks alone (a CSP without unsafe-eval forbids evaluating code for it):
 * globalThis, or in engines older than it (old browsers, workers) self; where neither exists, an object of our own.
 */
export function globalObject(): { [name: string]: unknown } {
  return (typeof globalThis != 'undefined' ? globalThis : typeof self != 'undefined' ? self : {}) as { [name: string]: unknown };
}
