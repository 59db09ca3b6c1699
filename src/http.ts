// The HTTP facts the processing model needs: is a response an event stream, and how an id travels in a header.

// https://mimesniff.spec.whatwg.org/#parse-a-mime-type: type "/" subtype, both tokens (\w, and !#$%&'*+-.^`|~),
// then parameters or nothing. (Header values hold no CR or LF; the tabs and spaces that Fetch's split strips from a
// value are skipped here.)
const MIME_TYPE = /^[\t ]*([\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+)[\t ]*(;|$)/;
// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split: values split at commas outside quoted strings.
const VALUE = /(?:[^,"]|"(?:\\.|[^"\\])*"?)+/g;

/**
 * Whether a `Content-Type` header value names `text/event-stream`: the essence of the MIME type that Fetch's
 * "extract a MIME type" finds (the last valid one of comma-separated values, skipping * / *), compared ASCII
 * case-insensitively. Parameters, `charset` among them, do not matter: event streams are always UTF-8.
 * https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
 */
export function isEventStream(contentType: string | null): boolean {
  let essence = '';
  ('' + contentType).replace(VALUE, function (value) {
    const match = MIME_TYPE.exec(value);
    if (match && match[1] !== '*/*') essence = match[1];
    return '';
  });
  return /^text\/event-stream$/i.test(essence);
}

/**
 * The last event ID string "encoded as UTF-8", as a byte string (one character per byte): header values in
 * fetch() and XMLHttpRequest are byte strings, and a character above U+00FF would make them throw. The text is
 * well-formed (ids come from decoded UTF-8; the extensions make their own text so with wellFormedByteString).
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#the-last-event-id-header
 */
export function utf8ByteString(text: string): string {
  return unescape(encodeURIComponent(text));
}
