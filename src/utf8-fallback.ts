// UTF-8 decoding for engines without TextDecoder (old browsers). Kept out of createParser's import graph: a build
// for such engines imports this module and calls installUtf8Fallback() once.
import { setUtf8Fallback, type Utf8StreamDecoder } from './utf8';

/**
 * The Encoding Standard's UTF-8 decoder, streaming: a sequence cut by the end of one chunk is finished by the next.
 * There is no end-of-stream flush: the parser discards an unfinished line at the end of a stream anyway.
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
export function createFallbackDecoder(): Utf8StreamDecoder {
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  let lower = 0x80;
  let upper = 0xbf;
  return function (bytes) {
    let out = '';
    let units: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (needed === 0) {
        if (byte < 0x80) units.push(byte);
        else if (byte >= 0xc2 && byte <= 0xdf) {
          needed = 1;
          codePoint = byte & 0x1f;
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) lower = 0xa0;
          else if (byte === 0xed) upper = 0x9f;
          needed = 2;
          codePoint = byte & 0xf;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) lower = 0x90;
          else if (byte === 0xf4) upper = 0x8f;
          needed = 3;
          codePoint = byte & 0x7;
        } else units.push(0xfffd);
      } else if (byte < lower || byte > upper) {
        // "prepend byte to stream" and return error: the byte is looked at again as the start of a sequence.
        needed = seen = codePoint = 0;
        lower = 0x80;
        upper = 0xbf;
        units.push(0xfffd);
        i--;
      } else {
        lower = 0x80;
        upper = 0xbf;
        codePoint = (codePoint << 6) | (byte & 0x3f);
        if (++seen === needed) {
          if (codePoint > 0xffff) {
            codePoint -= 0x10000;
            units.push(0xd800 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff));
          } else units.push(codePoint);
          needed = seen = codePoint = 0;
        }
      }
      // String.fromCharCode.apply takes a bounded number of arguments.
      if (units.length > 8191) {
        out += String.fromCharCode.apply(null, units);
        units = [];
      }
    }
    return out + String.fromCharCode.apply(null, units);
  };
}

/** Lets parsers created from now on decode bytes where `TextDecoder` is missing. */
export function installUtf8Fallback(): void {
  setUtf8Fallback(createFallbackDecoder);
}
