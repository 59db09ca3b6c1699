// src/http.ts: which Content-Type values are event streams (Fetch "extract a MIME type"), and the Last-Event-ID
// header's byte string.
import { describe, expect, it } from 'vitest';
import { wellFormedByteString } from '../src/extended/http';
import { isEventStream, utf8ByteString } from '../src/http';

describe('isEventStream (Fetch: extract a MIME type, essence text/event-stream)', () => {
  it.each([
    'text/event-stream',
    'TEXT/Event-Stream',
    'text/event-stream; charset=utf-8',
    'text/event-stream;charset=windows-1252',
    ' \ttext/event-stream \t; foo=bar',
    'text/html, text/event-stream',
    'text/event-stream, */*',
    'text/html, text/event-stream; a="x, y"',
    'text/plain, text/event-stream, bogus',
    ',text/event-stream',
    'text/event-stream,,',
  ])('accepts %j', (value) => expect(isEventStream(value)).toBe(true));

  it.each([
    null,
    '',
    'text/plain',
    'text/event-stream-x',
    'text/event-streamx;',
    'text/ event-stream',
    'text /event-stream',
    'text/event-stream, text/html',
    'text/html; a="text/event-stream, x"',
    '"text/event-stream"',
    'text/event-stream x',
  ])('rejects %j', (value) => expect(isEventStream(value)).toBe(false));
});

describe('utf8ByteString (the last event ID string, encoded as UTF-8, one character per byte)', () => {
  const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  it('keeps ASCII as it is', () => expect(utf8ByteString('abc 123')).toBe('abc 123'));
  it('encodes 2-, 3- and 4-byte characters', () => {
    expect(bytes(utf8ByteString('é€😀日本'))).toEqual([...new TextEncoder().encode('é€😀日本')]);
  });
});

describe('wellFormedByteString (the extensions: header values and ids given by the caller)', () => {
  const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  it('encodes a lone surrogate as U+FFFD, leaving valid pairs alone', () => {
    expect(bytes(wellFormedByteString('a\ud800b😀\udc00'))).toEqual([...new TextEncoder().encode('a\ufffdb😀\ufffd')]);
  });
  it('encodes well-formed text as utf8ByteString does', () => expect(wellFormedByteString('é€😀')).toBe(utf8ByteString('é€😀')));
});
