import { describe, expect, it, vi } from 'vitest';
import { createParser } from '../src/parse';
import { setUtf8Fallback } from '../src/utf8';
import { installUtf8Fallback } from '../src/utf8-fallback';
import { bytes, collect, events, random, utf8 } from './helpers/collect';
import { referenceParse, type Record } from './helpers/reference-parser';

const whole = (text: string) => collect([utf8(text)]);
const evs = (text: string) => events(whole(text));

// Each WPT eventsource/format-* file whose facts a parser can show, ported as the stream it serves and what it expects.
describe('WPT eventsource/format-*', () => {
  it('format-bom: one leading BOM is stripped', () => {
    expect(events(collect([bytes(0xef, 0xbb, 0xbf, 'data:1\n\ndata:2\n\n')]))).toEqual([
      ['message', '1', ''],
      ['message', '2', ''],
    ]);
  });

  it('format-bom-2: a second BOM is part of the first field name, so that line is ignored', () => {
    expect(events(collect([bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 'data:1\n\ndata:2\n\ndata:3\n\n')]))).toEqual([
      ['message', '2', ''],
      ['message', '3', ''],
    ]);
  });

  it('format-bom-utf-16: a UTF-16 BOM decodes to two U+FFFD, so the first field is ignored', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      expect(events(collect([bytes(...bom, 'data:1\n\ndata:2\n\n')]))).toEqual([['message', '2', '']]);
    }
  });

  it('format-comments: comment lines of any length, after any line ending, are ignored', () => {
    const long = 'x'.repeat(2 * 1024);
    const stream = 'data:1\r:\0\n:\r\ndata:2\n:' + long + '\rdata:3\n:data:fail\r:' + long + '\ndata:4\n\n';
    expect(events(whole(stream))).toEqual([['message', '1\n2\n3\n4', '']]);
  });

  it('format-data-before-final-empty-line: an event the stream ends inside is not dispatched', () => {
    const records = whole('retry:1000\ndata:test1\n\nid:test\ndata:test2');
    expect(records).toEqual([
      ['retry', 1000],
      ['id', ''],
      ['event', 'message', 'test1', ''],
    ]);
  });

  it('format-field-data: "data:", a colon-less "data", and two of them', () => {
    expect(evs('data:\n\ndata\ndata\n\ndata:test\n\n')).toEqual([
      ['message', '', ''],
      ['message', '\n', ''],
      ['message', 'test', ''],
    ]);
  });

  it('format-field-event: the event type buffer names the event', () => {
    expect(evs('event:test\ndata:x\n\ndata:x\n\n')).toEqual([
      ['test', 'x', ''],
      ['message', 'x', ''],
    ]);
  });

  it('format-field-event-empty: an empty event field means "message"', () => {
    expect(evs('event: \ndata:data\n\n')).toEqual([['message', 'data', '']]);
    expect(evs('event:test\nevent\ndata:data\n\n')).toEqual([['message', 'data', '']]);
  });

  it('format-field-id: the id sets lastEventId', () => {
    expect(evs('id: 1\ndata: 1\n\n')).toEqual([['message', '1', '1']]);
  });

  it('format-field-id-2: non-ASCII ids', () => {
    expect(evs('id: …\ndata: hello\n\nid:€1\ndata:x\n\nid: 日本\ndata:y\n\n')).toEqual([
      ['message', 'hello', '…'],
      ['message', 'x', '€1'],
      ['message', 'y', '日本'],
    ]);
  });

  it('format-field-id-3: the id persists, changes, and resets with an empty id', () => {
    expect(evs('id: 1\ndata: 1\n\ndata:2\n\n').map((e) => e[2])).toEqual(['1', '1']);
    expect(evs('id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n').map((e) => e[2])).toEqual(['1', '2', '2']);
    expect(evs('id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n').map((e) => e[2])).toEqual(['1', '', '']);
    expect(evs('id: 1\ndata: 1\n\nid\ndata:2\n\n').map((e) => e[2])).toEqual(['1', '']);
  });

  it('format-field-id-null: an id containing U+0000 is ignored', () => {
    expect(evs('id: 1\ndata: a\n\nid: a\0b\ndata: b\n\n')).toEqual([
      ['message', 'a', '1'],
      ['message', 'b', '1'],
    ]);
  });

  it('format-field-retry: digits only, applied when the line is read', () => {
    expect(whole('retry:03000\n')).toEqual([['retry', 3000]]);
    expect(whole('retry: 1000\n')).toEqual([['retry', 1000]]);
  });

  it('format-field-retry-bogus: anything but ASCII digits is ignored', () => {
    expect(whole('retry:2000\nretry:1000x\ndata:x\n\n')).toEqual([
      ['retry', 2000],
      ['id', ''],
      ['event', 'message', 'x', ''],
    ]);
    for (const bogus of ['retry:', 'retry', 'retry:-1', 'retry:1.5', 'retry: 1e3', 'retry:  100', 'retry:١٢', 'retry:+1']) {
      expect(whole(bogus + '\n')).toEqual([]);
    }
  });

  it('format-field-unknown: unknown fields are ignored, and names are compared literally', () => {
    expect(evs('data:1\nDATA:2\nData:3\ndata :4\nfoo:5\nevent :x\nEvent:y\n\n')).toEqual([['message', '1', '']]);
  });

  it('format-leading-space: one leading space is removed from a value, not two', () => {
    expect(evs('data:test\n\ndata: test\n\ndata:  test\n\n').map((e) => e[1])).toEqual(['test', 'test', ' test']);
  });

  it('format-newlines: CRLF, LF and CR all end lines, in any mix', () => {
    expect(evs('data:test\r\ndata\ndata:test\r\n\r')).toEqual([['message', 'test\n\ntest', '']]);
    expect(evs('data:a\r\rdata:b\n\ndata:c\r\n\r\n')).toEqual([
      ['message', 'a', ''],
      ['message', 'b', ''],
      ['message', 'c', ''],
    ]);
  });

  it('format-null-character: U+0000 in data is kept', () => {
    expect(evs('data:\0\n\n')).toEqual([['message', '\0', '']]);
  });

  it('format-utf-8: the stream is UTF-8 whatever the charset says', () => {
    expect(evs('data:ok→\n\n')).toEqual([['message', 'ok→', '']]);
  });
});

describe('§9.2.5-9.2.6 rules not covered above', () => {
  it('a blank line with an empty data buffer dispatches nothing but resets the event type buffer', () => {
    expect(evs('event:a\n\ndata:x\n\n')).toEqual([['message', 'x', '']]);
  });

  it('only the last LF of the data buffer is removed', () => {
    expect(evs('data:\ndata:\n\n')).toEqual([['message', '\n', '']]);
    expect(evs('data:a\ndata:\n\n')).toEqual([['message', 'a\n', '']]);
  });

  it('the field and value split at the first colon only', () => {
    expect(evs('data:a:b: c\n\n')).toEqual([['message', 'a:b: c', '']]);
    expect(evs('data::\n\n')).toEqual([['message', ':', '']]);
  });

  it('a BOM is stripped once per stream, also when the stream is text', () => {
    expect(events(collect(['\uFEFFdata:1\n\n', '\uFEFFdata:2\n\n']))).toEqual([['message', '1', '']]);
  });

  it('a BOM split across chunks, byte by byte, is still stripped exactly once', () => {
    const stream = bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 'data:1\n\ndata:2\n\n');
    const oneByOne = Array.from(stream, (b) => new Uint8Array([b]));
    expect(events(collect(oneByOne))).toEqual([['message', '2', '']]);
  });

  it('a BOM is expected again after reset()', () => {
    const seen: string[] = [];
    const parser = createParser({ onEvent: (m) => seen.push(m.data) });
    parser.feed(bytes(0xef, 0xbb, 0xbf, 'data:1\n\n'));
    parser.reset();
    parser.feed(bytes(0xef, 0xbb, 0xbf, 'data:2\n\n'));
    expect(seen).toEqual(['1', '2']);
  });

  it('invalid UTF-8 becomes U+FFFD; sequences split across chunks decode whole', () => {
    expect(evs('data:\u00e9\n\n')).toEqual([['message', 'é', '']]);
    expect(events(collect([bytes('data:', 0xff, 0xc3, 0x28, 0xe2, 0x82, '\n\n')]))).toEqual([
      ['message', '\ufffd\ufffd(\ufffd', ''],
    ]);
    const emoji = utf8('data:😀\n\n');
    expect(events(collect([emoji.subarray(0, 6), emoji.subarray(6, 7), emoji.subarray(7)]))).toEqual([
      ['message', '😀', ''],
    ]);
  });

  it('a CR at the very end of a chunk ends the line at once; an LF starting the next chunk is skipped', () => {
    const seen: string[] = [];
    const parser = createParser({ onEvent: (m) => seen.push(m.data) });
    parser.feed('data:a\r\r');
    expect(seen).toEqual(['a']);
    parser.feed('\ndata:b\r');
    parser.feed('\n');
    expect(seen).toEqual(['a']);
    parser.feed('\n');
    expect(seen).toEqual(['a', 'b']);
  });

  it('an incomplete event at the end of the stream is discarded, and end() readies a new stream', () => {
    const seen: string[] = [];
    const parser = createParser({ onEvent: (m) => seen.push(m.data) });
    parser.feed('data:lost\ndata:');
    parser.end();
    parser.feed('data:kept\n\n');
    expect(seen).toEqual(['kept']);
  });

  it('reset() keeps the last event ID buffer: a heartbeat at the start of a new connection keeps the id', () => {
    const records: Record[] = [];
    const parser = createParser({
      onEvent: (m) => records.push(['event', m.type, m.data, m.lastEventId]),
      onId: (id) => records.push(['id', id]),
    });
    parser.feed('id:7\ndata:a\n\n');
    parser.reset();
    parser.feed(':keepalive\n\nretry: 10\n\ndata:b\n\nid\n\n');
    expect(records).toEqual([
      ['id', '7'],
      ['event', 'message', 'a', '7'],
      ['event', 'message', 'b', '7'],
      ['id', ''],
    ]);
  });

  it('reset() discards the pending event, its type and an id it set', () => {
    const seen: string[] = [];
    const parser = createParser({ onEvent: (m) => seen.push(m.type + ':' + m.data + ':' + m.lastEventId) });
    parser.feed('id: 1\ndata: a\n\nevent: x\nid: 2\ndata: half');
    parser.reset();
    parser.feed('\n\ndata: whole\n\n');
    expect(seen).toEqual(['message:a:1', 'message:whole:1']);
  });

  it('onId reports each new last event ID string, also for id-only blocks, and only when it changes', () => {
    expect(whole('id:1\n\ndata:a\n\nid:1\ndata:b\n\nid:2\n\n:c\n\n')).toEqual([
      ['id', '1'],
      ['event', 'message', 'a', '1'],
      ['event', 'message', 'b', '1'],
      ['id', '2'],
      ['comment', 'c'],
    ]);
    // An id whose block never ends was never dispatched.
    expect(whole('id:1\n')).toEqual([]);
  });

  it('onRetry is called when the retry line is read, before the block is dispatched or even ended', () => {
    const calls: number[] = [];
    const parser = createParser({ onRetry: (ms) => calls.push(ms) });
    parser.feed('retry: 250\ndata: x');
    expect(calls).toEqual([250]);
  });

  it('onComment gets the text after the colon with one leading space removed', () => {
    expect(whole(': hello\n:  two\n:\n\n')).toEqual([
      ['comment', 'hello'],
      ['comment', ' two'],
      ['comment', ''],
      ['id', ''],
    ]);
  });

  it('bytes and text give the same result', () => {
    const stream = 'event:e\r\nid:日本\rdata:€\n\n:x\ndata\n\n';
    expect(collect([stream])).toEqual(collect([utf8(stream)]));
  });
});

describe('lastEventId: the buffer\'s initial value', () => {
  it('an event without an id carries it; onId reports it at the first dispatch, then each change', () => {
    const ids: string[] = [];
    const seen: string[] = [];
    const parser = createParser({ lastEventId: 'seed', onId: (id) => ids.push(id), onEvent: (m) => seen.push(m.data + ':' + m.lastEventId) });
    parser.feed('data: a\n\n');
    parser.reset();
    parser.feed('data: b\n\nid: 2\ndata: c\n\n');
    expect(seen).toEqual(['a:seed', 'b:seed', 'c:2']);
    expect(ids).toEqual(['seed', '2']);
  });
});

describe('bounded memory (maxSize)', () => {
  it('an event over the bound is reported through onError, dropped, and parsing resumes after it', () => {
    const records = collect(['data:' + 'x'.repeat(50) + '\ndata:y\n\n', 'data:ok\n\n'], { maxSize: 20 });
    expect(records).toEqual([['error'], ['id', ''], ['event', 'message', 'ok', '']]);
  });

  it('a data buffer that grows line by line past the bound is dropped', () => {
    const stream = 'data:0123456789\n'.repeat(5) + '\ndata:after\n\n';
    expect(collect([stream], { maxSize: 40 })).toEqual([['error'], ['id', ''], ['event', 'message', 'after', '']]);
  });

  it('a line too long, cut across many chunks, is never buffered past the bound and never throws', () => {
    const records: Record[] = [];
    let buffered = 0;
    const parser = createParser({
      maxSize: 1000,
      onError: () => records.push(['error']),
      onEvent: (m) => {
        buffered = Math.max(buffered, m.data.length);
        records.push(['event', m.type, m.data, m.lastEventId]);
      },
    });
    parser.feed('data: ');
    const piece = 'z'.repeat(4096);
    for (let i = 0; i < 256; i++) parser.feed(piece);
    parser.feed('\n\ndata: next\n\n');
    expect(records).toEqual([['error'], ['event', 'message', 'next', '']]);
    expect(buffered).toBeLessThanOrEqual(1000);
  });

  it('an event exactly at the bound is kept', () => {
    expect(events(collect(['data:' + 'x'.repeat(20) + '\n\n'], { maxSize: 20 }))).toEqual([
      ['message', 'x'.repeat(20), ''],
    ]);
  });

  it('without onError the oversized event is dropped silently', () => {
    const seen: string[] = [];
    const parser = createParser({ maxSize: 5, onEvent: (m) => seen.push(m.data) });
    expect(() => parser.feed('data:123456\n\ndata:1\n\n')).not.toThrow();
    expect(seen).toEqual(['1']);
  });
});

describe('long lines', () => {
  it('a value of megabytes cut into chunks of every size, split code points included, comes out whole', () => {
    const next = random(99);
    const value = Array.from({ length: 200000 }, (_, i) => (i % 7 === 0 ? '日本😀' : 'value ')).join('');
    const stream = utf8('id: long\ndata: ' + value + '\ndata: ' + value.slice(0, 1000) + '\r\nevent: e\n\ndata: after\n\n');
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < stream.length; ) {
      const size = next() < 0.2 ? 1 + Math.floor(next() * 5) : 1 + Math.floor(next() * 90000);
      chunks.push(stream.subarray(i, i + size));
      i += size;
    }
    expect(collect(chunks)).toEqual(referenceParse(stream));
  });

  it('maxSize also bounds a long value gathered across chunks', () => {
    const parser = createParser({ maxSize: 300000, onError: () => errors++, onEvent: (m) => seen.push(m.data.length) });
    let errors = 0;
    const seen: number[] = [];
    parser.feed('data: ');
    const piece = new Uint8Array(50000).fill(0x61);
    for (let i = 0; i < 20; i++) parser.feed(piece);
    parser.feed('\n\ndata: ' + 'b'.repeat(250000) + '\n\n');
    expect([errors, seen]).toEqual([1, [250000]]);
  });
});

describe('the parser as an API', () => {
  it('throws a clear TypeError for a missing callbacks object or a bad chunk, and a RangeError for a bad maxSize', () => {
    expect(() => createParser(undefined as never)).toThrow(TypeError);
    expect(() => createParser({}).feed(42 as never)).toThrow(/Uint8Array or a string/);
    expect(() => createParser({ maxSize: 0 })).toThrow(RangeError);
    expect(() => createParser({ maxSize: NaN })).toThrow(RangeError);
  });

  it('a callback that calls reset() stops the rest of the chunk', () => {
    const seen: string[] = [];
    const parser = createParser({
      onEvent: (m) => {
        seen.push(m.data);
        if (m.data === 'stop') parser.reset();
      },
    });
    parser.feed('data:a\n\ndata:stop\n\ndata:never\n\n');
    parser.feed('data:next\n\n');
    expect(seen).toEqual(['a', 'stop', 'next']);
  });

  it('an onError that calls reset() while a line cut across chunks overflows leaves nothing of that line behind', () => {
    const records: Record[] = [];
    const parser = createParser({
      maxSize: 5,
      onError: () => {
        records.push(['error']);
        parser.reset();
      },
      onComment: (text) => records.push(['comment', text]),
      onEvent: (m) => records.push(['event', m.type, m.data, m.lastEventId]),
    });
    parser.feed('data: 1234');
    parser.feed('5678\ndata: lost\n\n');
    parser.feed('data: next\n\n');
    expect(records).toEqual([['error'], ['event', 'message', 'next', '']]);
  });

  it('events are plain objects with exactly type, data and lastEventId', () => {
    let message: unknown;
    createParser({ onEvent: (m) => (message = m) }).feed('data:x\n\n');
    expect(Object.keys(message as object).sort()).toEqual(['data', 'lastEventId', 'type']);
  });
});

// Fixture streams for chunk-split invariance: every rule above, and every boundary that could go wrong.
const fixtures: Array<[string, Uint8Array]> = [
  ['spec example', utf8(': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n')],
  ['mixed line endings', utf8('data:a\r\ndata:b\rdata:c\n\r\n\rdata:d\r\r\nevent:e\rdata:f\n\n')],
  ['CR CR and CRLF CRLF', utf8('data:1\r\rdata:2\r\n\r\ndata:3\n\n')],
  ['BOM then fields', bytes(0xef, 0xbb, 0xbf, 'id:1\ndata:x\n\n')],
  ['two BOMs', bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 'data:1\n\ndata:2\n\n')],
  ['multi-byte everywhere', utf8('event:日本\nid:€1\ndata:😀é\ndata:ß\n\n:コメント\n\n')],
  ['invalid UTF-8', bytes('data:', 0xff, 0x80, 0xe2, 0x82, 'x', 0xf0, 0x9f, '\n', 0xed, 0xa0, 0x80, '\n\n')],
  ['retry and ids', utf8('retry:10\nid:a\n\nretry:x\nid:b\0\ndata:1\n\nid\ndata:2\n\nretry: 20\n')],
  ['colon-less and unknown', utf8('data\ndata\n\nfoo\nfoo:bar\nevent\ndata:z\n\n')],
  ['incomplete tail', utf8('data:1\n\ndata:2\nid:3')],
  ['NUL', utf8('data:\0\nid:\0\n\n')],
];

function everySplit(name: string, stream: Uint8Array, expected: Record[]): void {
  for (let i = 0; i <= stream.length; i++) {
    const got = collect([stream.subarray(0, i), stream.subarray(i)]);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      expect(got, name + ': split at ' + i).toEqual(expected);
    }
  }
}

describe('chunk-split invariance', () => {
  for (const [name, stream] of fixtures) {
    it(name + ': the oracle agrees with the whole-stream parse', () => {
      expect(collect([stream])).toEqual(referenceParse(stream));
    });

    it(name + ': every single split point, as bytes and as text', () => {
      const expected = collect([stream]);
      everySplit(name, stream, expected);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(stream);
      for (let i = 0; i <= text.length; i++) {
        const got = collect([text.slice(0, i), text.slice(i)]);
        if (JSON.stringify(got) !== JSON.stringify(expected)) expect(got, name + ': text split at ' + i).toEqual(expected);
      }
    });

    it(name + ': every two-way split (three chunks) and 1-byte chunks', () => {
      const expected = collect([stream]);
      for (let i = 0; i <= stream.length; i++) {
        for (let j = i; j <= stream.length; j++) {
          const got = collect([stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)]);
          if (JSON.stringify(got) !== JSON.stringify(expected)) {
            expect(got, name + ': splits at ' + i + ', ' + j).toEqual(expected);
          }
        }
      }
      expect(collect(Array.from(stream, (b) => new Uint8Array([b])))).toEqual(expected);
    });
  }
});

// Pieces that random streams are made of: every byte that matters to a rule, alone and in the combinations that
// make boundaries hard (CR before LF, BOM bytes, halves of multi-byte sequences, invalid bytes).
const pieces: Array<number[] | string> = [
  'data', 'data:', 'data: ', 'event:', 'event', 'id:', 'id', 'retry:', 'retry: ', ':', ': ', ' ', 'x', 'foo',
  '12', '0', '\r', '\n', '\r\n', '\n\n', '\r\r', '\0', 'é', '日本', '😀', '\uFEFF',
  [0xef, 0xbb, 0xbf], [0xef], [0xbb, 0xbf], [0xff], [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80],
];

function randomStream(next: () => number, length: number): Uint8Array {
  const out: number[] = [];
  if (next() < 0.3) out.push(0xef, 0xbb, 0xbf);
  while (out.length < length) {
    const piece = pieces[Math.floor(next() * pieces.length)];
    if (typeof piece === 'string') out.push(...utf8(piece));
    else out.push(...piece);
  }
  return new Uint8Array(out);
}

function randomSlices(next: () => number, stream: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let i = 0;
  while (i < stream.length) {
    const size = next() < 0.5 ? 1 + Math.floor(next() * 4) : 1 + Math.floor(next() * 64);
    chunks.push(stream.subarray(i, i + size));
    i += size;
  }
  return chunks;
}

describe('property: seeded random streams and random slicings', () => {
  it('2,000 random streams: the whole-stream parse equals the oracle, and every random slicing equals both', () => {
    const next = random(0x5eed);
    for (let round = 0; round < 2000; round++) {
      const stream = randomStream(next, 20 + Math.floor(next() * 200));
      const expected = referenceParse(stream);
      const got = collect([stream]);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect(got, 'stream ' + round).toEqual(expected);
      for (let k = 0; k < 5; k++) {
        const sliced = collect(randomSlices(next, stream));
        if (JSON.stringify(sliced) !== JSON.stringify(expected)) {
          expect(sliced, 'stream ' + round + ', slicing ' + k).toEqual(expected);
        }
      }
    }
  });

  it('the same holds without TextDecoder (the decoder of old engines)', () => {
    const saved = globalThis.TextDecoder;
    const next = random(0xdec0de);
    const streams: Uint8Array[] = [];
    const expected: Record[][] = [];
    for (let round = 0; round < 300; round++) {
      const stream = randomStream(next, 20 + Math.floor(next() * 200));
      streams.push(stream);
      expected.push(referenceParse(stream));
    }
    try {
      (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
      installUtf8Fallback();
      for (let round = 0; round < streams.length; round++) {
        const got = collect(randomSlices(next, streams[round]));
        if (JSON.stringify(got) !== JSON.stringify(expected[round])) expect(got, 'stream ' + round).toEqual(expected[round]);
      }
    } finally {
      globalThis.TextDecoder = saved;
      setUtf8Fallback(undefined);
    }
  });

  it('a parser fed only text never makes a TextDecoder (engines without one, and without the fallback decoder)', async () => {
    // The browsers' build, whose decoder makes its TextDecoder as it is created (rollup.config.mjs swaps it in).
    vi.resetModules();
    vi.doMock('../src/utf8-native', () => import('../src/utf8-native-plain'));
    const browsers = await import('../src/parse');
    vi.doUnmock('../src/utf8-native');
    const saved = globalThis.TextDecoder;
    const seen: string[] = [];
    try {
      (globalThis as { TextDecoder?: unknown }).TextDecoder = function () {
        throw new Error('TextDecoder made');
      };
      const parser = browsers.createParser({ onEvent: (m) => seen.push(m.data) });
      parser.feed('data: é\r\n\r\n');
      parser.reset();
      parser.feed('data: after\n\n');
    } finally {
      globalThis.TextDecoder = saved;
    }
    expect(seen).toEqual(['é', 'after']);
  });

  it('large chunks that mix ASCII and multi-byte text decode the same in whichever native mode is picked', () => {
    const next = random(7);
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      parts.push('data:' + (next() < 0.5 ? 'ascii only text ' : '日本語のテキスト😀é') + i + '\n\n');
    }
    const stream = utf8(parts.join(''));
    const expected = referenceParse(stream);
    for (const size of [4096, 65536, 777]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect(collect(chunks)).toEqual(expected);
    }
  });
});
