// Streaming UTF-8 decoding for the event stream parser.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// "Streams must be decoded using the UTF-8 decode algorithm." The byte order mark is the parser's job (it must be
// stripped once per stream, also when the stream arrives as text), so nothing here strips it.

import { createNativeDecoder } from './utf8-native';

/** Turns chunks of a byte stream into text, as one UTF-8 decode over their concatenation would. */
export type Utf8StreamDecoder = (chunk: Uint8Array) => string;

let fallback: (() => Utf8StreamDecoder) | undefined;

/**
 * Plugs in the decoder for engines without `TextDecoder` (`createFallbackDecoder` from src/utf8-fallback.ts, which
 * `installUtf8Fallback()` passes here). Without one, such engines can only feed the parser text.
 */
export function setUtf8Fallback(create: (() => Utf8StreamDecoder) | undefined): void {
  fallback = create;
}

/**
 * A decoder for one stream: the fallback's where `TextDecoder` is missing (looked up now, not at import) and one is
 * plugged in, else TextDecoder's. Where neither exists, using it throws a ReferenceError that names TextDecoder;
 * text still goes to the parser without decoding.
 */
export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  return typeof TextDecoder != 'function' && fallback ? fallback() : createNativeDecoder();
}
