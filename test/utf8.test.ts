import { describe, expect, it } from 'vitest';
import { createUtf8StreamDecoder, utf8Decode } from '../src/utf8';
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

const reference = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('utf8Decode (the Encoding Standard UTF-8 decoder, for engines without TextDecoder)', () => {
  it('decodes valid text of every length class, surrogate pairs included', () => {
    const text = 'aé€😀\u0000\u07ff\u0800\uffff\u{10000}\u{10ffff}';
    const bytes = new TextEncoder().encode(text);
    expect(utf8Decode(bytes, 0, bytes.length)).toBe(text);
  });

  it('matches TextDecoder on 5,000 random byte strings, error replacement included', () => {
    const next = random(1);
    for (let i = 0; i < 5000; i++) {
      const bytes = randomBytes(next, 1 + Math.floor(next() * 40));
      const got = utf8Decode(bytes, 0, bytes.length);
      if (got !== reference(bytes)) expect([...bytes], 'input').toEqual(reference(bytes));
    }
  });

  it('handles inputs longer than one String.fromCharCode batch', () => {
    const bytes = new TextEncoder().encode('日本'.repeat(10000));
    expect(utf8Decode(bytes, 0, bytes.length)).toBe('日本'.repeat(10000));
  });
});

describe('createUtf8StreamDecoder: chunks decode as their concatenation would', () => {
  for (const native of [true, false]) {
    it((native ? 'with' : 'without') + ' TextDecoder, over random slicings of random bytes', () => {
      const next = random(native ? 2 : 3);
      for (let i = 0; i < 2000; i++) {
        const bytes = randomBytes(next, 1 + Math.floor(next() * 80));
        const decode = createUtf8StreamDecoder(native);
        let out = '';
        let at = 0;
        while (at < bytes.length) {
          const size = next() < 0.5 ? 1 + Math.floor(next() * 6) : 24 + Math.floor(next() * 80);
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

  it('switches between the native calls for ASCII and for multi-byte text without changing the result', () => {
    const text = ('plain ascii '.repeat(300) + '日本語😀'.repeat(300)).repeat(5);
    const bytes = new TextEncoder().encode(text);
    const decode = createUtf8StreamDecoder();
    let out = '';
    for (let i = 0; i < bytes.length; i += 1000) out += decode(bytes.subarray(i, i + 1000));
    expect(out).toBe(text);
  });
});
