// Installing the global: the only side effect in the package, shared by the polyfill entry and the script tag.
import { EventSource } from './event-source';

/**
 * The global object, found by typeof checks alone (a CSP without unsafe-eval forbids evaluating code for it):
 * globalThis, or in engines older than it (old browsers, workers), self.
 */
export const global: { [name: string]: unknown } = typeof globalThis != 'undefined' ? globalThis : self;

/** Makes the ponyfill the global EventSource, only where there is none: a native one is never replaced. */
export function install(): void {
  if (!global.EventSource) global.EventSource = EventSource;
}
