import { createParser, type ParserCallbacks } from '../../src/parse';
import type { Record } from './reference-parser';

/** Feeds the chunks to a fresh parser and returns everything it reported, in order. */
export function collect(chunks: Array<Uint8Array | string>, options: Partial<ParserCallbacks> = {}): Record[] {
  const records: Record[] = [];
  const parser = createParser({
    onEvent: (m) => records.push(['event', m.type, m.data, m.lastEventId]),
    onId: (id) => records.push(['id', id]),
    onRetry: (ms) => records.push(['retry', ms]),
    onComment: (text) => records.push(['comment', text]),
    onError: () => records.push(['error']),
    ...options,
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return records;
}

/** Only the events, as [type, data, lastEventId]. */
export function events(records: Record[]): Array<[string, string, string]> {
  return records.filter((r) => r[0] === 'event').map((r) => [r[1], r[2], r[3]] as [string, string, string]);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function bytes(...values: Array<number | string>): Uint8Array {
  const out: number[] = [];
  for (const v of values) {
    if (typeof v === 'number') out.push(v);
    else out.push(...utf8(v));
  }
  return new Uint8Array(out);
}

/** A small seeded generator (mulberry32), so property tests replay exactly. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
