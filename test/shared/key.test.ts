// src/shared/key.ts: which instances share a connection.
import { describe, expect, it } from 'vitest';
import { streamKey } from '../../src/shared/key';

const url = 'https://example.test/stream';

describe('streamKey', () => {
  it('is the same for the same URL, credentials mode and options, whatever their order', () => {
    const a = streamKey(url, false, { headers: { A: '1', B: '2' }, backoff: { max: 5, jitter: 0 }, maxRetries: 3 });
    const b = streamKey(url, false, { maxRetries: 3, backoff: { jitter: 0, max: 5 }, headers: { B: '2', A: '1' } });
    expect(a).not.toBeNull();
    expect(a).toBe(b);
  });

  it('differs with the URL, the credentials mode, or any option', () => {
    const base = streamKey(url, false, {});
    expect(streamKey(url + '?x', false, {})).not.toBe(base);
    expect(streamKey(url, true, {})).not.toBe(base);
    expect(streamKey(url, true, {})).toBe(streamKey(url, true, { withCredentials: true }));
    expect(streamKey(url, false, { method: 'POST', body: 'a' })).not.toBe(streamKey(url, false, { method: 'POST', body: 'b' }));
    expect(streamKey(url, false, { lastEventId: '5' })).not.toBe(base);
    expect(streamKey(url, false, { reconnectOnStatus: [503] })).not.toBe(streamKey(url, false, { reconnectOnStatus: [502] }));
  });

  it('leaves out what belongs to one instance (signal) and options left undefined or null', () => {
    const base = streamKey(url, false, {});
    expect(streamKey(url, false, { signal: new AbortController().signal, headers: undefined, fetch: null })).toBe(base);
  });

  it('compares Headers objects and URLSearchParams by their contents', () => {
    expect(streamKey(url, false, { headers: new Headers({ A: '1' }) })).toBe(streamKey(url, false, { headers: { a: '1' } }));
    const body = (text: string) => streamKey(url, false, { method: 'POST', body: new URLSearchParams(text) });
    expect(body('a=1')).toBe(body('a=1'));
    expect(body('a=1')).not.toBe(body('a=2'));
  });

  it('is null for options that cannot be compared (functions, Blobs), unless a name is given', () => {
    expect(streamKey(url, false, { headers: () => ({}) })).toBeNull();
    expect(streamKey(url, false, { fetch: fetch })).toBeNull();
    expect(streamKey(url, false, { method: 'POST', body: new Blob(['x']) })).toBeNull();
    const named = streamKey(url, false, { headers: () => ({}), name: 'prices' });
    expect(named).not.toBeNull();
    expect(named).toBe(streamKey(url, false, { fetch: fetch, name: 'prices' }));
    expect(named).not.toBe(streamKey(url, false, { name: 'other' }));
    expect(named).not.toBe(streamKey(url, true, { name: 'prices' }));
  });
});
