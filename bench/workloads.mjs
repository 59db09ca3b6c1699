// The benchmark's inputs: deterministic (seeded) event streams, generated as UTF-8 bytes inside each child process.
// Every child regenerates its input instead of reading a file, so no measurement depends on disk caches, and every
// implementation sees byte-for-byte the same stream. Each generator also returns what a correct parser must
// produce (event count, total data length, LF count) so every run, timed or not, can be checked cheaply.

const KiB = 1024;
const MiB = 1024 * KiB;

// 64 printable ASCII characters, so one random 6-bit value picks one. No CR, LF or colon-sensitive issues: data
// values may contain anything but CR and LF, and ':' is included on purpose (values often hold JSON).
const ASCII64 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :';
const ASCII64_BYTES = Uint8Array.from(ASCII64, (c) => c.charCodeAt(0));
const EVENT_NAMES = ['update', 'delta', 'ping', 'message.created', 'user-joined', 'progress', 'x', 'status'];

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Same seed, same stream, on every machine. */
export function createRng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An integer in [min, max], both included. */
function between(rng, min, max) {
  return min + (rng() % (max - min + 1));
}

/**
 * An append-only byte buffer. Generators write straight into bytes (no giant intermediate string), so building
 * 30 MB of input costs tens of milliseconds, and only one copy of the input survives generation.
 */
class ByteWriter {
  constructor(capacity) {
    this.bytes = new Uint8Array(capacity);
    this.length = 0;
    this.encoder = new TextEncoder();
  }

  reserve(n) {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  ascii(text) {
    this.reserve(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Any text: UTF-8 takes at most 3 bytes per UTF-16 code unit. */
  utf8(text) {
    this.reserve(text.length * 3);
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  randomAscii(rng, n) {
    this.reserve(n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) bytes[at++] = ASCII64_BYTES[rng() & 63];
    this.length = at;
  }

  /** The written bytes, copied into an exact-size buffer so the spare capacity can be collected. */
  finish() {
    return this.bytes.slice(0, this.length);
  }
}

/** W1 / W6: `data: <16-24 chars>\n\n`, one million times. */
function oneLineEvents(count) {
  const rng = createRng(0x5eed0001);
  const w = new ByteWriter(count * 30);
  let dataChars = 0;
  for (let i = 0; i < count; i++) {
    const n = between(rng, 16, 24);
    w.ascii('data: ');
    w.randomAscii(rng, n);
    w.ascii('\n\n');
    dataChars += n;
  }
  return { bytes: w.finish(), expected: { events: count, dataChars, lines: count * 2 } };
}

/**
 * W2 / W4 / W5: `event`, `id` and three `data` lines, about 200 bytes an event. `newline` is '\n' or '\r\n'.
 * `maxBytes` stops before the event that would cross it (W5 is "W2-shaped data, 1 MiB total").
 */
function namedEvents({ count, newline, maxBytes = Infinity }) {
  const rng = createRng(0x5eed0002);
  const w = new ByteWriter(Math.min(count * 230, maxBytes + 1024));
  let events = 0;
  let dataChars = 0;
  for (let i = 0; i < count; i++) {
    const head = 'event: ' + EVENT_NAMES[rng() & 7] + newline + 'id: ' + (1000 + i) + newline;
    const lengths = [between(rng, 40, 60), between(rng, 40, 60), between(rng, 40, 60)];
    const size = head.length + lengths.reduce((sum, n) => sum + 6 + n + newline.length, 0) + newline.length;
    if (w.length + size > maxBytes) break;
    w.ascii(head);
    for (const n of lengths) {
      w.ascii('data: ');
      w.randomAscii(rng, n);
      w.ascii(newline);
    }
    w.ascii(newline);
    events++;
    // The data buffer is the three values joined by LF.
    dataChars += lengths[0] + lengths[1] + lengths[2] + 2;
  }
  return { bytes: w.finish(), expected: { events, dataChars, lines: events * 6 } };
}

/**
 * W3: one huge `data:` line. Written into an exact-size buffer, 4 random characters per PRNG call, and nothing else
 * is allocated, so the input's own bytes are the only memory the memory measurement has to subtract.
 */
function hugeLine(size) {
  const rng = createRng(0x5eed0003);
  const bytes = new Uint8Array(6 + size + 2);
  bytes.set([100, 97, 116, 97, 58, 32]); // "data: "
  const end = 6 + size;
  let at = 6;
  while (at + 4 <= end) {
    const r = rng();
    bytes[at++] = ASCII64_BYTES[r & 63];
    bytes[at++] = ASCII64_BYTES[(r >>> 6) & 63];
    bytes[at++] = ASCII64_BYTES[(r >>> 12) & 63];
    bytes[at++] = ASCII64_BYTES[(r >>> 18) & 63];
  }
  while (at < end) bytes[at++] = ASCII64_BYTES[rng() & 63];
  bytes[end] = 10;
  bytes[end + 1] = 10;
  return { bytes, expected: { events: 1, dataChars: size, lines: 2 } };
}

// W7's alphabet: CJK ideographs (3 bytes), emoji outside the BMP (4 bytes, 2 UTF-16 units), accented Latin
// (2 bytes) and some ASCII, so most code points are multi-byte and a fixed-size cut lands inside many of them.
function randomUnicodeText(rng, codePoints) {
  let text = '';
  for (let i = 0; i < codePoints; i++) {
    const r = rng();
    const kind = r & 3;
    const v = r >>> 2;
    if (kind === 0) text += String.fromCharCode(0x4e00 + (v % 0x5200)); // CJK Unified Ideographs
    else if (kind === 1) text += String.fromCodePoint(0x1f300 + (v % 0x350)); // pictographs, emoticons
    else if (kind === 2) text += String.fromCharCode(0xc0 + (v % 0x40)); // Latin-1 letters (and × ÷)
    else text += ASCII64[v & 63];
  }
  return text;
}

/** W7: `id` plus two multi-byte-heavy `data` lines per event. */
function unicodeEvents(count) {
  const rng = createRng(0x5eed0007);
  const w = new ByteWriter(count * 300);
  let dataChars = 0;
  for (let i = 0; i < count; i++) {
    const a = randomUnicodeText(rng, between(rng, 20, 60));
    const b = randomUnicodeText(rng, between(rng, 20, 60));
    w.ascii('id: ' + i + '\n');
    w.ascii('data: ');
    w.utf8(a);
    w.ascii('\ndata: ');
    w.utf8(b);
    w.ascii('\n\n');
    dataChars += a.length + 1 + b.length;
  }
  return { bytes: w.finish(), expected: { events: count, dataChars, lines: count * 4 } };
}

/** 1000000 -> "1M", 10000 -> "10k". */
function count(n) {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

/**
 * The workloads. `sizes` holds the full and the `--quick` parameters; `generate(size)` returns
 * `{ bytes, expected }`; `chunkSize` is how the bytes are cut before they reach a parser; `title(size)` names it.
 */
export const WORKLOADS = {
  W1: {
    title: (n) => `${count(n)} one-line events`,
    chunkSize: 64 * KiB,
    sizes: { full: 1_000_000, quick: 100_000 },
    generate: oneLineEvents,
  },
  W2: {
    title: (n) => `${count(n)} events: event, id, 3 data lines`,
    chunkSize: 64 * KiB,
    sizes: { full: 100_000, quick: 10_000 },
    generate: (count) => namedEvents({ count, newline: '\n' }),
  },
  W3: {
    title: (n) => `one ${n / MiB} MiB data line`,
    chunkSize: 64 * KiB,
    sizes: { full: 64 * MiB, quick: 4 * MiB },
    generate: hugeLine,
  },
  // Not a row of its own: W3 at a quarter of the size, timed for the scaling exponent.
  W3s: {
    title: (n) => `one ${n / MiB} MiB data line`,
    chunkSize: 64 * KiB,
    sizes: { full: 16 * MiB, quick: 1 * MiB },
    generate: hugeLine,
    helper: true,
  },
  W4: {
    title: () => 'W2 with CRLF line endings',
    chunkSize: 64 * KiB,
    sizes: { full: 100_000, quick: 10_000 },
    generate: (count) => namedEvents({ count, newline: '\r\n' }),
  },
  W5: {
    title: (n) => `W2-shaped, ${n >= MiB ? n / MiB + ' MiB' : n / KiB + ' KiB'} in 1-byte chunks`,
    chunkSize: 1,
    sizes: { full: 1 * MiB, quick: 128 * KiB },
    generate: (maxBytes) => namedEvents({ count: Infinity, newline: '\n', maxBytes }),
  },
  W6: {
    title: () => 'W1 in 1 MiB chunks',
    chunkSize: 1 * MiB,
    sizes: { full: 1_000_000, quick: 100_000 },
    generate: oneLineEvents,
  },
  W7: {
    title: (n) => `${count(n)} events, multi-byte UTF-8 (CJK, emoji, Latin-1)`,
    chunkSize: 64 * KiB,
    sizes: { full: 100_000, quick: 10_000 },
    generate: unicodeEvents,
  },
};

/** Generates a workload: `{ bytes, chunks, expected, chunkSize }`. The chunks are views, not copies. */
export function buildWorkload(name, quick) {
  const spec = WORKLOADS[name];
  if (!spec) throw new Error(`unknown workload ${name}; known: ${Object.keys(WORKLOADS).join(', ')}`);
  const size = quick ? spec.sizes.quick : spec.sizes.full;
  const { bytes, expected } = spec.generate(size);
  return { bytes, chunks: splitChunks(bytes, spec.chunkSize), expected, chunkSize: spec.chunkSize, title: spec.title(size) };
}

/**
 * Cuts bytes into fixed-size views. Made once, before timing, so the timed loop only feeds: creating a million
 * 1-byte views inside it (W5) would cost as much as the work being measured.
 */
export function splitChunks(bytes, size) {
  const chunks = new Array(Math.ceil(bytes.length / size));
  for (let i = 0; i < chunks.length; i++) chunks[i] = bytes.subarray(i * size, Math.min((i + 1) * size, bytes.length));
  return chunks;
}

/** Views of seeded, log-uniformly random sizes (1 B to 64 KiB): a second chunking to check a parser against. */
export function randomChunks(bytes, seed) {
  const rng = createRng(seed);
  const chunks = [];
  for (let at = 0; at < bytes.length; ) {
    const size = Math.max(1, Math.floor(Math.exp((rng() / 2 ** 32) * Math.log(64 * KiB))));
    chunks.push(bytes.subarray(at, Math.min(at + size, bytes.length)));
    at += size;
  }
  return chunks;
}

/** How many chunk boundaries fall inside a UTF-8 sequence (the next chunk starts with a continuation byte). */
export function splitCodePoints(chunks) {
  let n = 0;
  for (let i = 1; i < chunks.length; i++) if (chunks[i].length && (chunks[i][0] & 0xc0) === 0x80) n++;
  return n;
}
