// src/shared/retry.ts: the `retry:` fields of a stream, seen on its bytes, however they are cut.
import { describe, expect, it } from 'vitest';
import { retryScanner } from '../../src/shared/retry';

const utf8 = (text: string) => new TextEncoder().encode(text);

function scan(chunks: Uint8Array[]): number[] {
  const seen: number[] = [];
  const feed = retryScanner((ms) => seen.push(ms));
  for (const chunk of chunks) feed(chunk);
  return seen;
}

describe('retryScanner', () => {
  const stream = utf8('\ufeffretry: 100\n\ndata: retry: 5\nretry:200\r\nretry: 3x\nretry\nretry: 300\rRetry: 9\n:retry: 8\nretry: 400');

  it('reports each valid retry field, in order, at the end of its line, whatever the chunking', () => {
    expect(scan([stream])).toEqual([100, 200, 300]);
    for (let cut = 0; cut <= stream.length; cut++) {
      expect(scan([stream.subarray(0, cut), stream.subarray(cut)]), 'cut at ' + cut).toEqual([100, 200, 300]);
    }
    expect(scan(Array.from(stream, (byte) => Uint8Array.of(byte)))).toEqual([100, 200, 300]);
  });

  it('ignores long lines, data that looks like a field, and a BOM anywhere but at the start', () => {
    expect(scan([utf8('data: ' + 'x'.repeat(100) + 'retry: 1\n')])).toEqual([]);
    expect(scan([utf8('\n\ufeffretry: 1\n')])).toEqual([]);
  });
});
