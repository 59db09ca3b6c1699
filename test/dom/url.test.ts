// @vitest-environment jsdom
// src/dom/url.ts: URLs through an <a> element, where the URL constructor is missing (IE).
import { describe, expect, it } from 'vitest';
import { anchorOriginOf, anchorParseURL } from '../../src/dom/url';

describe('URLs through <a> (engines without URL)', () => {
  it('resolves against the document base URL, <base> included', () => {
    expect(anchorParseURL('/stream?x=1')).toBe(new URL('/stream?x=1', document.baseURI).href);
    const base = document.createElement('base');
    base.href = 'http://example.test/app/';
    document.head.appendChild(base);
    try {
      expect(anchorParseURL('events')).toBe('http://example.test/app/events');
    } finally {
      base.remove();
    }
  });

  it('fails for HTTP(S) without a host; URLs of other schemes need none', () => {
    expect(anchorParseURL('http://')).toBe(null);
    expect(anchorParseURL('data:text/event-stream,data: x')).toBe('data:text/event-stream,data: x');
  });

  it('an origin leaves out default ports and keeps others; non-HTTP(S) URLs have an opaque origin', () => {
    expect(anchorOriginOf('http://Example.test:80/a')).toBe('http://example.test');
    expect(anchorOriginOf('https://example.test:443/a')).toBe('https://example.test');
    expect(anchorOriginOf('http://example.test:8080/a')).toBe('http://example.test:8080');
    expect(anchorOriginOf('data:text/plain,x')).toBe('null');
  });
});
