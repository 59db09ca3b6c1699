import { afterEach, describe, expect, it } from 'vitest';
import { createUtf8StreamDecoder, setUtf8Fallback } from '../src/utf8';
import { createFallbackDecoder, installUtf8Fallback } from '../src/utf8-fallback';
import { createNativeDecoder as createPlainDecoder } from '../src/utf8-native-plain';
import { random } from './helpers/collect';

// Bytes that exercise every branch of the Encoding Standard's UTF-8 decoder: ASCII, every lead byte class, the
// narrowed second-byte ranges after E0, ED, F0 and F4, stray continuation bytes, and bytes that are never valid.
const interesting = [
  0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
  0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
];

function randomBytes(next: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = next() < 0.7 ? interesting[Math.floor(next() * interesting.length)] : Math.floor(next() * 256);
  }
  return out;
}

const NativeTextDecoder = globalThis.TextDecoder;
const reference = (bytes: Uint8Array) => new NativeTextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Runs `body` as an engine without TextDecoder would. */
function withoutTextDecoder<T>(body: () => T): T {
  (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
  try {
    return body();
  } finally {
    globalThis.TextDecoder = NativeTextDecoder;
  }
}

afterEach(() => setUtf8Fallback(undefined));

// The fallback decoder has no end-of-stream flush: a last ASCII byte ends whatever sequence is still open.
const utf8Decode = (bytes: Uint8Array) => createFallbackDecoder()(new Uint8Array([...bytes, 0x41])).slice(0, -1);

describe('createFallbackDecoder (src/utf8-fallback.ts: the Encoding Standard UTF-8 decoder, for engines without TextDecoder)', () => {
  it('decodes valid text of every length class, surrogate pairs included', () => {
    const text = 'aé€😀\u0000\u07ff\u0800\uffff\u{10000}\u{10ffff}';
    expect(utf8Decode(new TextEncoder().encode(text))).toBe(text);
  });

  it('matches TextDecoder on 5,000 random byte strings, error replacement included', () => {
    const next = random(1);
    for (let i = 0; i < 5000; i++) {
      const bytes = randomBytes(next, 1 + Math.floor(next() * 40));
      if (utf8Decode(bytes) !== reference(bytes)) expect([...bytes], 'input').toEqual(reference(bytes));
    }
  });

  it('handles inputs longer than one String.fromCharCode batch', () => {
    expect(utf8Decode(new TextEncoder().encode('日本'.repeat(10000)))).toBe('日本'.repeat(10000));
  });
});

describe('createUtf8StreamDecoder: chunks decode as their concatenation would', () => {
  // The Node build's decoder (utf8-native.ts), the browsers' (utf8-native-plain.ts, rollup.config.mjs swaps it in),
  // and the fallback for engines without TextDecoder.
  const variants: [string, () => (chunk: Uint8Array) => string, number][] = [
    ['with TextDecoder, tuned for Node (utf8-native.ts)', () => createUtf8StreamDecoder(), 2],
    ["with TextDecoder's streaming mode (utf8-native-plain.ts, browsers' builds)", createPlainDecoder, 4],
    ['without TextDecoder (utf8-fallback.ts)', () => withoutTextDecoder(() => createUtf8StreamDecoder()), 3],
  ];
  for (const [name, create, seed] of variants) {
    it(name + ', over random slicings of random bytes', () => {
      installUtf8Fallback();
      const next = random(seed);
      for (let i = 0; i < 2000; i++) {
        const bytes = randomBytes(next, 1 + Math.floor(next() * 80));
        const sizes: number[] = [];
        for (let at = 0; at < bytes.length; ) {
          const size = next() < 0.5 ? 1 + Math.floor(next() * 6) : 16 + Math.floor(next() * 80);
          sizes.push(size);
          at += size;
        }
        const decode = create();
        let out = '';
        let at = 0;
        for (const size of sizes) {
          out += decode(bytes.subarray(at, at + size));
          at += size;
        }
        // A last ASCII byte flushes whatever incomplete sequence the decoder still holds.
        out += decode(new Uint8Array([0x41]));
        const expected = reference(new Uint8Array([...bytes, 0x41]));
        if (out !== expected) expect([...bytes], JSON.stringify(out)).toEqual(expected);
      }
    });
  }

  it('switches between the native decoders for ASCII and for multi-byte text without changing the result', () => {
    const text = ('plain ascii '.repeat(300) + '日本語😀'.repeat(300)).repeat(5);
    const bytes = new TextEncoder().encode(text);
    const decode = createUtf8StreamDecoder();
    let out = '';
    for (let i = 0; i < bytes.length; i += 1000) out += decode(bytes.subarray(i, i + 1000));
    expect(out).toBe(text);
  });

  for (const [name, create] of variants) {
    it('a cut sequence is copied, so the caller may reuse its buffer: ' + name, () => {
      installUtf8Fallback();
      const buffer = new Uint8Array([0x61, 0xe2, 0x82]);
      const decode = create();
      expect(decode(buffer)).toBe('a');
      buffer.set([0xac, 0x62, 0x63]);
      expect(decode(buffer)).toBe('€bc');
    });
  }

  it("without TextDecoder and without the fallback, the browsers' decoder throws an error that names TextDecoder", () => {
    // (Node's decoder may still decode there, with the TextDecoders it made before: Node always has one.)
    expect(() => withoutTextDecoder(() => createPlainDecoder()(new Uint8Array([0x61])))).toThrow(/TextDecoder/);
  });
});
