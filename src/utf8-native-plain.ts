// Decoding with TextDecoder in browsers' builds (rollup.config.mjs puts this module in place of utf8-native.ts):
// the decoder's own streaming mode finishes a sequence cut by a chunk boundary, and browsers decode fast in it.
import type { Utf8StreamDecoder } from './utf8';

/** A decoder for one stream, where TextDecoder exists. */
export function createNativeDecoder(): Utf8StreamDecoder {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return function (bytes) {
    return decoder.decode(bytes, { stream: true });
  };
}
