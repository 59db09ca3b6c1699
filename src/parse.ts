// The event stream parser: bytes or text in, callbacks out. It knows nothing of time, I/O, globals or events.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
import { createUtf8StreamDecoder, type Utf8StreamDecoder } from './utf8';

/** One dispatched event: what the spec puts into a `MessageEvent`, less what the event source adds (`origin`). */
export interface EventStreamMessage {
  /** The event type buffer, or `"message"` when it was empty. */
  type: string;
  /** The data buffer, its last LF removed. */
  data: string;
  /** The last event ID buffer at dispatch time, which becomes the event source's last event ID string. */
  lastEventId: string;
}

export interface ParserCallbacks {
  /** Called for each dispatched event (a blank line after a block that had at least one `data` field). */
  onEvent?: (message: EventStreamMessage) => void;
  /**
   * Called when a dispatch (any blank line, so also for blocks with no data, such as id-only blocks) sets the last
   * event ID string to a new value: at the first dispatch of a stream, and after any `id` field that changed the
   * last event ID buffer. Called before `onEvent` for the same block.
   */
  onId?: (id: string) => void;
  /**
   * The last event ID buffer's value before the first stream (default ''), such as an id kept from an earlier
   * session: an event without an `id` field carries it (`onId` reports it at the first dispatch, as any value).
   */
  lastEventId?: string;
  /** Called with the new reconnection time (ms) as soon as a valid `retry` line is read, not at dispatch. */
  onRetry?: (ms: number) => void;
  /** Called for each comment line with the text after the colon (one leading space removed). */
  onComment?: (comment: string) => void;
  /** Called when `maxSize` is exceeded; the event being buffered is dropped and parsing goes on after it. */
  onError?: (error: Error) => void;
  /**
   * The most characters the parser buffers for one event (its data buffer plus the line being read). Unbounded by
   * default. Past it, `onError` is called, and the rest of that event (up to its blank line) is discarded unread.
   */
  maxSize?: number;
}

export interface EventStreamParser {
  /** Parses the next chunk of the stream: UTF-8 bytes or already decoded text. */
  feed(chunk: Uint8Array | string): void;
  /** Ends the stream: an event not yet dispatched is discarded. The parser is then ready for a new stream. */
  end(): void;
  /** Starts a new stream (a new connection): every buffer back to the empty string, a BOM expected again. */
  reset(): void;
}

/** Creates a parser for one event stream at a time. */
export function createParser(callbacks: ParserCallbacks): EventStreamParser {
  if (!callbacks || typeof callbacks != 'object') {
    throw new TypeError('createParser: callbacks must be an object');
  }
  if (!(callbacks.maxSize === undefined || callbacks.maxSize > 0)) throw new RangeError('createParser: maxSize must be > 0');
  return parser(callbacks);
}

/** createParser without the checks of its arguments: what the event source, which passes good ones, uses. */
export function parser(callbacks: ParserCallbacks): EventStreamParser {
  const onEvent = callbacks.onEvent;
  const onId = callbacks.onId;
  const onRetry = callbacks.onRetry;
  const onComment = callbacks.onComment;
  const onError = callbacks.onError;
  // Undefined: unbounded. (The event source passes its maxSize in an object literal, undefined for the plain class:
  // a bundle's minifier that inlines the parser there drops the bound's code, 58 B gzip of `import { EventSource }`.)
  const maxSize = callbacks.maxSize;

  // Made at the first bytes of a stream: a parser fed only text needs no TextDecoder.
  let decode: Utf8StreamDecoder | null;
  // Bumped by reset() and end(): a callback that calls them stops the chunk being parsed.
  let generation = 0;
  let expectBom: boolean;
  let skipLF: boolean;
  // "a data buffer, an event type buffer, and a last event ID buffer [...] must be initialized to the empty
  // string." The data buffer is kept without its last LF, and is null while no `data` field has been seen.
  let data: string | null;
  let type: string;
  // After an event outgrew maxSize: everything up to its blank line is ignored.
  let discarding: boolean;
  // The line not yet ended by the last chunk. Once its first colon has been read, `field` holds the field name and
  // `line` only the value, so a long value is appended to, never scanned or copied again: W3 (one 64 MiB line in
  // 64 KiB chunks) peaks at 1.02 times its size and scales linearly.
  let inLine: boolean;
  let field: string | null;
  let line: string;
  let lineSpace: boolean;
  let skipLine: boolean;

  // The last event ID buffer is set once: it outlives a connection (see reset()).
  let id = callbacks.lastEventId || '';
  let reportedId: string | null = null;

  // A new connection's stream: pending data is discarded and a BOM is expected again. The last event ID buffer
  // starts as the last event ID string (what the last dispatch set; an `id:` of a block that never ended is
  // pending data, and goes). The spec calls the stream whose reconnection time `retry:` sets, the EventSource's
  // across connections, "the event stream", and browsers keep the id so; a buffer emptied instead would make a
  // heartbeat or `retry:` block at the start of a reconnected stream set the last event ID string to '', and the
  // next reconnection would lose its resume point.
  function reset(): void {
    if (reportedId !== null) id = reportedId;
    generation++;
    decode = null;
    expectBom = true;
    skipLF = discarding = false;
    data = null;
    type = '';
    clearLine();
  }
  reset();

  function clearLine(): void {
    inLine = lineSpace = skipLine = false;
    field = null;
    line = '';
  }

  // Lines end at CRLF, LF or CR. Each of the two searches runs again only once the parser has passed what it found,
  // so a stream without CR searches for LF alone. (A CRLF stream needs both for every line: W4 spends about 8 of
  // its 20 ms in String.prototype.indexOf.)
  function feed(chunk: Uint8Array | string): void {
    let text: string;
    if (typeof chunk == 'string') text = chunk;
    else if (chunk && chunk.byteLength >= 0) text = (decode || (decode = createUtf8StreamDecoder()))(chunk);
    else throw new TypeError('feed: chunk must be a Uint8Array or a string');
    if (text === '') return;
    // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."
    let pos = expectBom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    expectBom = false;
    if (skipLF && text.charCodeAt(pos) === 10) pos++;
    // A CR that ends the text ends its line at once (an event ended by CR CR is dispatched without waiting for more
    // text); an LF that starts the next chunk is then the second half of a CRLF.
    skipLF = text.charCodeAt(text.length - 1) === 13;
    const g = generation;
    const length = text.length;
    let lf = find(text, '\n', pos);
    let cr = find(text, '\r', pos);
    let end: number;
    while ((end = lf < cr ? lf : cr) < length) {
      // CRLF is one line end.
      let next = (lf === cr + 1 ? lf : end) + 1;
      if (inLine) {
        appendToLine(text.slice(pos, end));
        // (inLine is false if a callback of appendToLine reset the parser.) A line with no colon in any of its
        // pieces is all field name.
        if (inLine && !skipLine) {
          if (field === null) processField(line, '');
          else processField(field, line);
        }
        clearLine();
      } else if (end === pos) dispatch();
      else {
        if (
          text.charCodeAt(pos) === 100 &&
          text.charCodeAt(pos + 1) === 97 &&
          text.charCodeAt(pos + 2) === 116 &&
          text.charCodeAt(pos + 3) === 97 &&
          text.charCodeAt(pos + 4) === 58
        ) {
          const value = valueAfter(text, pos + 4, end);
          // A one-line event, the commonest shape of all, ended by LF: dispatched at once, without the data buffer
          // or a search for the end of the blank line (W1: 26.5 ms instead of 29).
          if (data === null && text.charCodeAt(next) === 10 && !discarding && !(maxSize && value.length > maxSize)) {
            next++;
            emit(value);
          } else processField('data', value);
        } else processLine(text, pos, end);
      }
      if (g !== generation) return;
      pos = next;
      if (lf < pos) lf = find(text, '\n', pos);
      if (cr < pos) cr = find(text, '\r', pos);
    }
    if (pos < length) appendToLine(text.slice(pos));
  }

  // A piece of a line that a chunk boundary cut. Only the new piece is ever searched.
  function appendToLine(piece: string): void {
    inLine = true;
    if (discarding) skipLine = true;
    if (skipLine) return;
    let colon: number;
    if (field === null && (colon = piece.indexOf(':')) >= 0) {
      field = line + piece.slice(0, colon);
      line = '';
      // A comment nobody listens to: nothing to keep, however long it grows (padding, keep-alives). (A field the
      // spec ignores is kept to its end, as rare as it is.)
      if (!field && !onComment) {
        skipLine = true;
        return;
      }
      lineSpace = true;
      piece = piece.slice(colon + 1);
    }
    if (lineSpace && piece) {
      lineSpace = false;
      // "If value starts with a U+0020 SPACE character, remove it from value."
      if (piece.charCodeAt(0) === 32) piece = piece.slice(1);
    }
    if (maxSize && line.length + piece.length + (data ? data.length : 0) > maxSize) overflow();
    else line += piece;
  }

  // A whole line of the text, text[start, end), not empty.
  function processLine(text: string, start: number, end: number): void {
    // `event:` and `id:` (and `data:`, in feed) are recognised without slicing out their names: W2 15 ms instead
    // of 17.
    let name =
      text.charCodeAt(start) === 101 &&
      text.charCodeAt(start + 1) === 118 &&
      text.charCodeAt(start + 2) === 101 &&
      text.charCodeAt(start + 3) === 110 &&
      text.charCodeAt(start + 4) === 116 &&
      text.charCodeAt(start + 5) === 58
        ? 'event'
        : text.charCodeAt(start) === 105 && text.charCodeAt(start + 1) === 100 && text.charCodeAt(start + 2) === 58
          ? 'id'
          : '';
    let colon = start + name.length;
    if (!name) {
      // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:)": the whole line is
      // the field name, and the field value is the empty string.
      while (colon < end && text.charCodeAt(colon) !== 58) colon++;
      name = text.slice(start, colon);
    }
    processField(name, valueAfter(text, colon, end));
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#processField
  // "Field names must be compared literally, with no case folding performed."
  function processField(name: string, value: string): void {
    if (discarding) return;
    if (name === 'data') {
      // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character."
      const buffer = data === null ? value : data + '\n' + value;
      if (maxSize && buffer.length > maxSize) overflow();
      else data = buffer;
    } else if (name === 'event') {
      type = value;
    } else if (name === 'id') {
      // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
      if (value.indexOf('\0') < 0) id = value;
    } else if (name === 'retry') {
      // "If the field value consists of only ASCII digits": an empty value is no integer, so it is ignored too.
      if (onRetry && /^\d+$/.test(value)) onRetry(+value);
    } else if (name === '') {
      // "If the line starts with a U+003A COLON character (:)": a comment.
      if (onComment) onComment(value);
    }
  }

  function overflow(): void {
    skipLine = inLine;
    line = '';
    discarding = true;
    data = null;
    type = '';
    if (onError) onError(new Error('An event exceeded maxSize (' + maxSize + ')'));
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
  function dispatch(): void {
    if (discarding) {
      // The blank line that ends an event too large to keep: it is dropped, and parsing resumes after it.
      discarding = false;
      return;
    }
    const value = data;
    data = null;
    emit(value);
  }

  function emit(value: string | null): void {
    // 1. Set the last event ID string of the event source to the value of the last event ID buffer.
    if (id !== reportedId) {
      reportedId = id;
      if (onId) onId(id);
    }
    // 2. If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string
    //    and return. 3. Its last LF was never appended. 4.-6. The event: its type is "message" unless the event
    //    type buffer says otherwise.
    const eventType = type || 'message';
    // 7. Set the data buffer and the event type buffer to the empty string.
    type = '';
    // 8. The event source queues the task.
    if (value !== null && onEvent) onEvent({ type: eventType, data: value, lastEventId: id });
  }

  return {
    feed: feed,
    // "Once the end of the file is reached, any pending data must be discarded."
    end: reset,
    reset: reset,
  };
}

/** Where `c` next occurs in `text` from `from` on, or the length of the text if nowhere. */
function find(text: string, c: string, from: number): number {
  const i = text.indexOf(c, from);
  return i < 0 ? text.length : i;
}

/** The field value of a line whose colon is at `colon` and whose terminator is at `end`. */
function valueAfter(text: string, colon: number, end: number): string {
  // "If value starts with a U+0020 SPACE character, remove it from value." (The character at `end` is a line
  // terminator or past the text, never a space; for a line with no colon, colon = end and the value is empty.)
  return text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1, end);
}
