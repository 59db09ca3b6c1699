// Installing the global: the only side effect in the package, shared by the polyfill entry and the script tag.
import { EventSource } from './event-source';
import { globalObject } from './platform';

export const global = globalObject();

/** Makes the ponyfill the global EventSource, only where there is none: a native one is never replaced. */
export function install(): void {
  if (!global.EventSource) global.EventSource = EventSource;
}
