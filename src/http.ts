// The HTTP facts the processing model needs: is a response an event stream, and how an id travels in a header.

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Whether a `Content-Type` header value names `text/event-stream`: the essence of the MIME type that Fetch's
 * "extract a MIME type" finds (the last valid one of comma-separated values), compared ASCII case-insensitively.
 * Parameters, `charset` among them, do not matter: event streams are always UTF-8.
 * https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
 */
export function isEventStream(contentType: string | null): boolean {
  if (!contentType) return false;
  let essence = '';
  const values = splitOutsideQuotes(contentType);
  for (let i = 0; i < values.length; i++) {
    const value = values[i].replace(HTTP_WHITESPACE, '');
    const semicolon = value.indexOf(';');
    const mime = (semicolon === -1 ? value : value.slice(0, semicolon)).replace(HTTP_WHITESPACE, '');
    const slash = mime.indexOf('/');
    // https://mimesniff.spec.whatwg.org/#parse-a-mime-type: type and subtype are non-empty tokens.
    if (slash === -1 || !TOKEN.test(mime.slice(0, slash)) || !TOKEN.test(mime.slice(slash + 1))) continue;
    essence = mime.toLowerCase();
  }
  return essence === 'text/event-stream';
}

// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split (a quoted string may hold a comma)
function splitOutsideQuotes(value: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

/**
 * The last event ID string "encoded as UTF-8", as a byte string (one character per byte): header values in
 * fetch() and XMLHttpRequest are byte strings, and a character above U+00FF would make them throw.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#the-last-event-id-header
 */
export function utf8ByteString(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) out += text.charAt(i);
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
          continue;
        }
        c = 0xfffd;
      }
      out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return out;
}
