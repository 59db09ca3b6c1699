// src/extended-http.ts: Retry-After values and the last event ID as a query parameter.
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, setQueryParameter } from '../../src/extended/http';

const now = Date.UTC(1994, 10, 6, 8, 49, 0);

describe('parseRetryAfter', () => {
  it('delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120000);
    expect(parseRetryAfter(' 5 ', now)).toBe(5000);
  });

  it('the three HTTP-date formats, relative to now; a past date is 0', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(37000);
    expect(parseRetryAfter('Sat, 05 Nov 1994 08:49:37 GMT', now)).toBe(0);
  });

  it('an rfc850 year more than 50 years ahead is in the past century', () => {
    const in2030 = Date.UTC(2030, 0, 1);
    expect(parseRetryAfter('Tuesday, 01-Jan-30 00:00:10 GMT', in2030)).toBe(10000);
    // 2090 would be more than 50 years ahead of 2030: it is 1990, in the past.
    expect(parseRetryAfter('Monday, 01-Jan-90 00:00:10 GMT', in2030)).toBe(0);
  });

  it('malformed values are ignored (undefined)', () => {
    for (const value of [null, undefined, '', ' ', '-1', '1.5', '1e3', 'soon', '0x10', '5 s', 'Sun, 06 Nov 1994 08:49:37',
      'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:49:37 GMT', 'Sun, 06 Nov 1994 08:61:37 GMT', 'Sun, 6 Nov 1994 08:49:37 GMT',
      'sun, 06 nov 1994 08:49:37 gmt', 'Sun, 06 Foo 1994 08:49:37 GMT', 'Sunxday, 06-Nov-94 08:49:37 GMT']) {
      expect(parseRetryAfter(value, now), String(value)).toBeUndefined();
    }
  });
});

describe('setQueryParameter', () => {
  it('appends, replaces, keeps the fragment last, and encodes UTF-8', () => {
    expect(setQueryParameter('http://a/s', 'lastEventId', '7')).toBe('http://a/s?lastEventId=7');
    expect(setQueryParameter('http://a/s?x=1', 'lastEventId', '7')).toBe('http://a/s?x=1&lastEventId=7');
    expect(setQueryParameter('http://a/s?lastEventId=1&x=1', 'lastEventId', '7')).toBe('http://a/s?x=1&lastEventId=7');
    expect(setQueryParameter('http://a/s?x=1#top', 'id', '7')).toBe('http://a/s?x=1&id=7#top');
    expect(setQueryParameter('http://a/s?', 'id', '€ &=+')).toBe('http://a/s?id=%E2%82%AC%20%26%3D%2B');
    expect(setQueryParameter('http://a/s', 'last id', '\ud800x')).toBe('http://a/s?last%20id=%EF%BF%BDx');
  });
});
