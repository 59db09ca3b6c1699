// Decoding with TextDecoder, tuned for Node: the module that Node's builds use. Browsers' builds get
// utf8-native-plain.ts in its place (rollup.config.mjs), which leaves the work to the decoder's streaming mode.
import type { Utf8StreamDecoder } from './utf8';

// Node 22, per 64 KiB chunk: a TextDecoder never called with {stream: true} decodes ASCII through a fast path (W2:
// 1.9 ms in all, 11.8 ms otherwise) but multi-byte text through a slow one (W7: 186 ms, 78 ms otherwise), and one
// streaming call turns the fast path off for good. So the decoder cuts every chunk after its last complete
// sequence itself, calls `decode` without {stream: true} (leaving no state behind, so two instances serve every
// stream), and picks the instance by what the last chunk held: `forMultiByte` gets one streaming call, on no bytes,
// to leave the fast path.
let forAscii: TextDecoder | undefined;
let forMultiByte: TextDecoder | undefined;
const OPTIONS = { ignoreBOM: true };

/** A decoder for one stream, where TextDecoder exists. */
export function createNativeDecoder(): Utf8StreamDecoder {
  // The bytes of a sequence the last chunk cut.
  let held: Uint8Array | undefined;
  let ascii = true;
  return function (bytes) {
    if (held) {
      const joined = new Uint8Array(held.length + bytes.length);
      joined.set(held);
      joined.set(bytes, held.length);
      bytes = joined;
      held = undefined;
    }
    let n = bytes.length;
    // The last sequence starts at k, after at most 3 continuation bytes (10xxxxxx). With m = n - k of its bytes
    // present, it is cut short if its lead byte asks for more: 110xxxxx for m = 1, 1110xxxx for 2, 11110xxx for 3.
    // Holding back a broken sequence too does no harm, and held bytes are never CR or LF.
    let k = n - 1;
    while (k > n - 4 && k > 0 && (bytes[k] & 0xc0) == 0x80) k--;
    if (bytes[k] >= 256 - (128 >> (n - k))) {
      held = new Uint8Array(bytes.subarray(k));
      bytes = bytes.subarray(0, (n = k));
    }
    // W5 (1-byte chunks): a native call costs 70 ns per chunk, this a few.
    if (n == 1 && bytes[0] < 128) return String.fromCharCode(bytes[0]);
    if (!forAscii) {
      forAscii = new TextDecoder('utf-8', OPTIONS);
      forMultiByte = new TextDecoder('utf-8', OPTIONS);
      forMultiByte.decode(undefined, { stream: true });
    }
    const text = (ascii ? forAscii : forMultiByte!).decode(bytes);
    ascii = text.length * 8 > n * 7;
    return text;
  };
}
