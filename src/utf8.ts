// Streaming UTF-8 decoding for the event stream parser.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// "Streams must be decoded using the UTF-8 decode algorithm." The byte order mark is the parser's job (it must be
// stripped once per stream, also when the stream arrives as text), so nothing here strips it.

/** Turns chunks of a byte stream into text, as one UTF-8 decode over their concatenation would. */
export type Utf8StreamDecoder = (bytes: Uint8Array) => string;

/**
 * The Encoding Standard's UTF-8 decoder run over a complete input (an incomplete sequence at the end becomes one
 * U+FFFD). For engines without `TextDecoder`, and for tiny chunks, where a native call costs more than this loop.
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
export function utf8Decode(bytes: ArrayLike<number>, start: number, end: number): string {
  let out = '';
  let units: number[] = [];
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = start; i < end; i++) {
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
    if (units.length > 8191) {
      out += String.fromCharCode.apply(null, units);
      units = [];
    }
  }
  // End of queue with a sequence still open: one error.
  if (needed) units.push(0xfffd);
  return units.length ? out + String.fromCharCode.apply(null, units) : out;
}

// Node 20, 28 MB of ASCII in 64 KiB chunks: decode(bytes) 2.4 ms, decode(bytes, {stream: true}) 16.7 ms; 75 MB of
// CJK: 148 ms and 77 ms. One 1-byte chunk: 43 ns native, 4 ns here. So the decoder cuts every chunk after its last
// complete sequence itself (the cut bytes go in front of the next chunk), which lets it pick, chunk by chunk, the
// native call that is fastest for the text it has just seen, and leaves no state inside the native decoder.
const SMALL = 24;
const STREAM = { stream: true };

function sequenceLength(lead: number): number {
  return lead >= 0xf5 ? 0 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
}

/** Where the incomplete sequence that ends `bytes[0, n)` starts (at most 3 bytes back), or `n` if there is none. */
function incompleteTail(bytes: Uint8Array, n: number): number {
  if (bytes[n - 1] < 0x80) return n;
  let k = n - 1;
  while (k > 0 && k > n - 3 && (bytes[k] & 0xc0) === 0x80) k--;
  return sequenceLength(bytes[k]) > n - k ? k : n;
}

// Every call leaves the native decoder empty (plain calls flush it; streaming calls only ever get whole sequences),
// so one instance serves every stream: an idle connection costs no TextDecoder of its own.
let shared: TextDecoder | null = null;
function sharedDecoder(): TextDecoder | null {
  if (typeof TextDecoder !== 'function') return null;
  return shared || (shared = new TextDecoder('utf-8', { ignoreBOM: true }));
}

/**
 * Whether the bytes hold an LF or a CR. Those bytes never occur inside a UTF-8 sequence, so the text of the chunk
 * on its own answers. Native decoding and two string searches cost 7-9 ms per 64 MiB in Node 22, where
 * Uint8Array.prototype.indexOf costs 39 ms for the two bytes.
 */
export function hasLineBreak(bytes: Uint8Array): boolean {
  const decoder = sharedDecoder();
  if (decoder) {
    const text = decoder.decode(bytes);
    return text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1;
  }
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 || bytes[i] === 13) return true;
  return false;
}

/** A streaming decoder. `TextDecoder` is used where it exists, unless `native` is false. */
export function createUtf8StreamDecoder(native?: boolean): Utf8StreamDecoder {
  const decoder = native !== false ? sharedDecoder() : null;
  let held: number[] = [];
  let ascii = true;
  return function decode(chunk: Uint8Array): string {
    let bytes = chunk;
    let n = bytes.length;
    let prefix = '';
    if (held.length) {
      // Finish the sequence the last chunk cut with the continuation bytes this one starts with (or find it
      // broken), apart: the rest of the chunk is then decoded as is, never copied.
      const missing = sequenceLength(held[0]) - held.length;
      let k = 0;
      while (k < missing && k < n && (bytes[k] & 0xc0) === 0x80) held.push(bytes[k++]);
      if (k === n && k < missing) return '';
      prefix = utf8Decode(held, 0, held.length);
      held = [];
      bytes = bytes.subarray(k);
      n -= k;
    }
    if (!n) return prefix;
    const end = incompleteTail(bytes, n);
    for (let i = end; i < n; i++) held.push(bytes[i]);
    if (!end) return prefix;
    if (!decoder || end < SMALL) return prefix + utf8Decode(bytes, 0, end);
    const view = end === n ? bytes : bytes.subarray(0, end);
    // A streaming call would keep an incomplete sequence that ends the view (one cut short by the lead byte we
    // held) for the next call; a plain call turns it into U+FFFD now, as the lead byte that follows it requires.
    const text = ascii || incompleteTail(bytes, end) < end ? decoder.decode(view) : decoder.decode(view, STREAM);
    ascii = text.length * 8 > end * 7;
    return prefix ? prefix + text : text;
  };
}
