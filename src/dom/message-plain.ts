// How messages are made in the script-tag build, which runs in browsers: their MessageEvent constructor is native
// code, so the plain constructor costs little there, and the bytes of dom/message.ts are saved (rollup.config.mjs
// puts this module in its place).
import type { DomBindings } from './events';

export function messageEventFactory(): DomBindings['createMessageEvent'] {
  return function (type, data, origin, lastEventId) {
    return new MessageEvent(type, { data: data, origin: origin, lastEventId: lastEventId });
  };
}
