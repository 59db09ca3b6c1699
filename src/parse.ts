// The event stream parser: bytes or text in, callbacks out. It knows nothing of time, I/O, globals or events.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
import { createUtf8StreamDecoder, hasLineBreak } from './utf8';

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

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;
const LONG_LINE = 65536;
const STASH = 262144;

/** Creates a parser for one event stream at a time. */
export function createParser(callbacks: ParserCallbacks): EventStreamParser {
  if (!callbacks || typeof callbacks !== 'object') {
    throw new TypeError('createParser(callbacks): callbacks must be an object such as { onEvent(message) {} }');
  }
  const onEvent = callbacks.onEvent;
  const onId = callbacks.onId;
  const onRetry = callbacks.onRetry;
  const onComment = callbacks.onComment;
  const onError = callbacks.onError;
  const maxSize = callbacks.maxSize === undefined ? Infinity : callbacks.maxSize;
  if (!(maxSize > 0)) throw new RangeError('createParser: maxSize must be a positive number of characters');

  let decode = createUtf8StreamDecoder();
  // Bumped by reset() and end(): a callback that calls them stops the chunk being parsed.
  let generation = 0;
  let expectBom: boolean;
  let skipLF: boolean;
  // "a data buffer, an event type buffer, and a last event ID buffer [...] must be initialized to the empty
  // string." The data buffer is kept without its final LF; `hasData` says whether any `data` field was seen.
  let data: string;
  let hasData: boolean;
  let type: string;
  let id: string;
  let reportedId: string | null;
  // The line not yet ended by the last chunk. Once its first colon has been read, `lineField` holds the field name
  // and `line` only the value, so a long value is appended to, never scanned or copied again.
  let inLine: boolean;
  let line: string;
  let lineField: string | null;
  let lineSpace: boolean;
  let skipLine: boolean;
  let discarding: boolean;
  let stash: Uint8Array | null = null;
  let stashed = 0;

  function reset(): void {
    generation++;
    decode = createUtf8StreamDecoder();
    expectBom = true;
    skipLF = false;
    data = type = id = '';
    hasData = false;
    reportedId = null;
    clearLine();
    discarding = false;
    stashed = 0;
  }
  reset();

  function clearLine(): void {
    inLine = lineSpace = skipLine = false;
    line = '';
    lineField = null;
  }

  function feed(chunk: Uint8Array | string): void {
    let text: string;
    if (typeof chunk === 'string') {
      if (stashed) flushStash();
      text = chunk;
    } else if (chunk && typeof chunk.byteLength === 'number') {
      if (stashBytes(chunk)) return;
      if (stashed) flushStash();
      text = decode(chunk);
    } else throw new TypeError('parser.feed(chunk): chunk must be a Uint8Array or a string');
    if (text === '') return;
    let pos = 0;
    if (expectBom) {
      expectBom = false;
      // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."
      if (text.charCodeAt(0) === 0xfeff) pos = 1;
    }
    if (skipLF) {
      skipLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    parse(text, pos);
  }

  // Inside a long field value, chunks with no line terminator are gathered as bytes and decoded STASH at a time.
  // Strings that large are allocated outside V8's young generation, so the garbage collector never copies the
  // value while it grows: one 64 MiB line measured 1.26 as its 16 -> 64 MiB time-scaling exponent, decoded chunk by
  // chunk, and 1.03 this way. The stash is counted against maxSize like the line it belongs to.
  function stashBytes(chunk: Uint8Array): boolean {
    const n = chunk.length;
    if (
      lineField === null ||
      skipLine ||
      line.length < LONG_LINE ||
      stashed + n > STASH ||
      line.length + data.length + stashed + n > maxSize ||
      hasLineBreak(chunk)
    ) {
      return false;
    }
    if (!stash) stash = new Uint8Array(STASH);
    stash.set(chunk, stashed);
    stashed += n;
    if (stashed > STASH - n) flushStash();
    return true;
  }

  function flushStash(): void {
    const bytes = stash!.subarray(0, stashed);
    stashed = 0;
    appendToLine(decode(bytes));
  }

  // Lines end at CRLF, LF or CR. Streams almost never contain a CR, so a chunk without one takes a loop that only
  // looks for LF.
  function parse(text: string, pos: number): void {
    const g = generation;
    const length = text.length;
    if (inLine) {
      let end = lineEnd(text, pos);
      if (end === -1) return appendToLine(pos ? text.slice(pos) : text);
      appendToLine(text.slice(pos, end));
      endLine();
      if (g !== generation) return;
      pos = afterLineEnd(text, end);
      if (pos === -1) return;
    }
    if (text.indexOf('\r', pos) === -1) {
      let lf = text.indexOf('\n', pos);
      while (lf !== -1) {
        if (lf === pos) dispatch();
        else if (
          text.charCodeAt(pos) === 100 &&
          text.charCodeAt(pos + 1) === 97 &&
          text.charCodeAt(pos + 2) === 116 &&
          text.charCodeAt(pos + 3) === 97 &&
          text.charCodeAt(pos + 4) === COLON
        ) {
          // data:
          const value = text.slice(text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5, lf);
          if (!hasData && text.charCodeAt(lf + 1) === LF && !discarding && value.length <= maxSize) {
            // A one-line event, the commonest shape of all: dispatched (as dispatch() would) without touching the
            // data buffer.
            lf++;
            reportId();
            const message: EventStreamMessage = { type: type || 'message', data: value, lastEventId: id };
            type = '';
            if (onEvent) onEvent(message);
          } else appendData(value);
        } else processLine(text, pos, lf);
        if (g !== generation) return;
        pos = lf + 1;
        lf = text.indexOf('\n', pos);
      }
    } else {
      let cr = text.indexOf('\r', pos);
      let lf = text.indexOf('\n', pos);
      while (cr !== -1 || lf !== -1) {
        const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
        if (end === pos) dispatch();
        else processLine(text, pos, end);
        if (g !== generation) return;
        pos = afterLineEnd(text, end);
        if (pos === -1) return;
        if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
        if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      }
    }
    if (pos < length) appendToLine(pos ? text.slice(pos) : text);
  }

  function lineEnd(text: string, pos: number): number {
    const lf = text.indexOf('\n', pos);
    const cr = text.indexOf('\r', pos);
    return cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
  }

  // The position after the line terminator at `end`, or -1 when that was the end of the text. A CR that ends the
  // text ends its line at once (an event ended by CR CR is dispatched without waiting for more bytes); an LF that
  // starts the next chunk is then the second half of a CRLF and is skipped.
  function afterLineEnd(text: string, end: number): number {
    let pos = end + 1;
    if (text.charCodeAt(end) === CR) {
      if (pos === text.length) {
        skipLF = true;
        return -1;
      }
      if (text.charCodeAt(pos) === LF) pos++;
    }
    return pos === text.length ? -1 : pos;
  }

  // A piece of a line that a chunk boundary cut. Only the new piece is ever searched.
  function appendToLine(piece: string): void {
    inLine = true;
    if (skipLine) return;
    if (discarding) {
      skipLine = true;
      return;
    }
    if (lineField === null) {
      const colon = piece.indexOf(':');
      if (colon === -1) {
        line += piece;
        checkSize(0);
        return;
      }
      const field = line + piece.slice(0, colon);
      if (field === '' ? !onComment : field !== 'data' && field !== 'event' && field !== 'id' && field !== 'retry') {
        // A comment nobody listens to or a field the spec ignores: nothing to keep, however long it grows.
        skipLine = true;
        line = '';
        return;
      }
      lineField = field;
      line = '';
      lineSpace = true;
      piece = piece.slice(colon + 1);
    }
    if (lineSpace && piece !== '') {
      lineSpace = false;
      // "If value starts with a U+0020 SPACE character, remove it from value."
      if (piece.charCodeAt(0) === SPACE) piece = piece.slice(1);
    }
    if (checkSize(piece.length)) line += piece;
  }

  function endLine(): void {
    const field = lineField;
    const value = line;
    const skip = skipLine;
    clearLine();
    if (skip) return;
    if (field === null) {
      if (value === '') dispatch();
      else processLine(value, 0, value.length);
    } else if (field === '') {
      if (!discarding && onComment) onComment(value);
    } else processField(field, value);
  }

  function processLine(text: string, start: number, end: number): void {
    if (discarding) return;
    const first = text.charCodeAt(start);
    // The three fields of nearly every stream, recognised without slicing out their names: `data:`, `event:`, `id:`.
    // (A name followed by anything but a colon goes the long way below.)
    if (first === 100) {
      if (
        text.charCodeAt(start + 1) === 97 &&
        text.charCodeAt(start + 2) === 116 &&
        text.charCodeAt(start + 3) === 97 &&
        text.charCodeAt(start + 4) === COLON
      ) {
        return appendData(text.slice(valueStart(text, start + 5, end), end));
      }
    } else if (first === 101) {
      if (
        text.charCodeAt(start + 1) === 118 &&
        text.charCodeAt(start + 2) === 101 &&
        text.charCodeAt(start + 3) === 110 &&
        text.charCodeAt(start + 4) === 116 &&
        text.charCodeAt(start + 5) === COLON
      ) {
        type = text.slice(valueStart(text, start + 6, end), end);
        return;
      }
    } else if (first === 105) {
      if (text.charCodeAt(start + 1) === 100 && text.charCodeAt(start + 2) === COLON) {
        const value = text.slice(valueStart(text, start + 3, end), end);
        // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
        if (value.indexOf('\0') === -1) id = value;
        return;
      }
    } else if (first === COLON) {
      // "If the line starts with a U+003A COLON character (:)": ignore the line.
      if (onComment) onComment(text.slice(valueStart(text, start + 1, end), end));
      return;
    }
    let colon = -1;
    for (let i = start + 1; i < end; i++) {
      if (text.charCodeAt(i) === COLON) {
        colon = i;
        break;
      }
    }
    // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:)": the whole line is
    // the field name, and the field value is the empty string.
    if (colon === -1) return processField(text.slice(start, end), '');
    processField(text.slice(start, colon), text.slice(valueStart(text, colon + 1, end), end));
  }

  // "If value starts with a U+0020 SPACE character, remove it from value."
  function valueStart(text: string, afterColon: number, end: number): number {
    return afterColon < end && text.charCodeAt(afterColon) === SPACE ? afterColon + 1 : afterColon;
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#processField
  // "Field names must be compared literally, with no case folding performed."
  function processField(field: string, value: string): void {
    if (discarding) return;
    if (field === 'data') {
      appendData(value);
    } else if (field === 'event') {
      type = value;
    } else if (field === 'id') {
      // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
      if (value.indexOf('\0') === -1) id = value;
    } else if (field === 'retry') {
      // "If the field value consists of only ASCII digits": an empty value is no integer, so it is ignored too.
      if (onRetry && /^[0-9]+$/.test(value)) onRetry(parseInt(value, 10));
    }
  }

  // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character."
  function appendData(value: string): void {
    if (discarding) return;
    if (!hasData) {
      if (value.length > maxSize) return overflow();
      data = value;
      hasData = true;
    } else {
      if (data.length + value.length + 1 > maxSize) return overflow();
      data += '\n' + value;
    }
  }

  function checkSize(adding: number): boolean {
    if (line.length + adding + data.length <= maxSize) return true;
    overflow();
    return false;
  }

  function overflow(): void {
    if (inLine) {
      skipLine = true;
      line = '';
      lineField = null;
    }
    discarding = true;
    data = type = '';
    hasData = false;
    if (onError) onError(new Error('Event stream: an event exceeded the maximum size of ' + maxSize + ' characters'));
  }

  function reportId(): void {
    if (id !== reportedId) {
      reportedId = id;
      if (onId) onId(id);
    }
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
  function dispatch(): void {
    if (discarding) {
      // The blank line that ends an event too large to keep: it is dropped, and parsing resumes after it.
      discarding = false;
      return;
    }
    // 1. Set the last event ID string of the event source to the value of the last event ID buffer.
    reportId();
    // 2. If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string
    //    and return.
    if (!hasData) {
      type = '';
      return;
    }
    // 3. The data buffer's last LF was never appended. 4.-6. The event: its type is "message" unless the event type
    //    buffer says otherwise.
    const message: EventStreamMessage = { type: type || 'message', data: data, lastEventId: id };
    // 7. Set the data buffer and the event type buffer to the empty string.
    data = type = '';
    hasData = false;
    // 8. The event source queues the task.
    if (onEvent) onEvent(message);
  }

  return {
    feed: feed,
    // "Once the end of the file is reached, any pending data must be discarded."
    end: reset,
    reset: reset,
  };
}
