'use strict';

// Node 22, per 64 KiB chunk: a TextDecoder never called with {stream: true} decodes ASCII through a fast path (W2:
// 1.9 ms in all, 11.8 ms otherwise) but multi-byte text through a slow one (W7: 186 ms, 78 ms otherwise), and one
// streaming call turns the fast path off for good. So the decoder cuts every chunk after its last complete
// sequence itself, calls `decode` without {stream: true} (leaving no state behind, so two instances serve every
// stream), and picks the instance by what the last chunk held: `forMultiByte` gets one streaming call, on no bytes,
// to leave the fast path.
var forAscii;
var forMultiByte;
var OPTIONS = { ignoreBOM: true };
/** A decoder for one stream, where TextDecoder exists. */
function createNativeDecoder() {
    // The bytes of a sequence the last chunk cut.
    var held;
    var ascii = true;
    return function (bytes) {
        if (held) {
            var joined = new Uint8Array(held.length + bytes.length);
            joined.set(held);
            joined.set(bytes, held.length);
            bytes = joined;
            held = undefined;
        }
        var n = bytes.length;
        // The last sequence starts at k, after at most 3 continuation bytes (10xxxxxx). With m = n - k of its bytes
        // present, it is cut short if its lead byte asks for more: 110xxxxx for m = 1, 1110xxxx for 2, 11110xxx for 3.
        // Holding back a broken sequence too does no harm, and held bytes are never CR or LF.
        var k = n - 1;
        while (k > n - 4 && k > 0 && (bytes[k] & 0xc0) == 0x80)
            k--;
        if (bytes[k] >= 256 - (128 >> (n - k))) {
            held = new Uint8Array(bytes.subarray(k));
            bytes = bytes.subarray(0, (n = k));
        }
        // W5 (1-byte chunks): a native call costs 70 ns per chunk, this a few.
        if (n == 1 && bytes[0] < 128)
            return String.fromCharCode(bytes[0]);
        if (!forAscii) {
            forAscii = new TextDecoder('utf-8', OPTIONS);
            forMultiByte = new TextDecoder('utf-8', OPTIONS);
            forMultiByte.decode(undefined, { stream: true });
        }
        var text = (ascii ? forAscii : forMultiByte).decode(bytes);
        ascii = text.length * 8 > n * 7;
        return text;
    };
}

// Streaming UTF-8 decoding for the event stream parser.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// "Streams must be decoded using the UTF-8 decode algorithm." The byte order mark is the parser's job (it must be
// stripped once per stream, also when the stream arrives as text), so nothing here strips it.
/**
 * A decoder for one stream: the fallback's where `TextDecoder` is missing (looked up now, not at import) and one is
 * plugged in, else TextDecoder's. Where neither exists, using it throws a ReferenceError that names TextDecoder;
 * text still goes to the parser without decoding.
 */
function createUtf8StreamDecoder() {
    return createNativeDecoder();
}

// The event stream parser: bytes or text in, callbacks out. It knows nothing of time, I/O, globals or events.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
/** Creates a parser for one event stream at a time. */
function createParser(callbacks) {
    if (!callbacks || typeof callbacks != 'object') {
        throw new TypeError('createParser: callbacks must be an object');
    }
    if (!(callbacks.maxSize === undefined || callbacks.maxSize > 0))
        throw new RangeError('createParser: maxSize must be > 0');
    return parser(callbacks);
}
/** createParser without the checks of its arguments: what the event source, which passes good ones, uses. */
function parser(callbacks) {
    var onEvent = callbacks.onEvent;
    var onId = callbacks.onId;
    var onRetry = callbacks.onRetry;
    var onComment = callbacks.onComment;
    var onError = callbacks.onError;
    // Undefined: unbounded. (The event source passes its maxSize in an object literal, undefined for the plain class:
    // a bundle's minifier that inlines the parser there drops the bound's code, 58 B gzip of `import { EventSource }`.)
    var maxSize = callbacks.maxSize;
    // Made at the first bytes of a stream: a parser fed only text needs no TextDecoder.
    var decode;
    // Bumped by reset() and end(): a callback that calls them stops the chunk being parsed.
    var generation = 0;
    var expectBom;
    var skipLF;
    // "a data buffer, an event type buffer, and a last event ID buffer [...] must be initialized to the empty
    // string." The data buffer is kept without its last LF, and is null while no `data` field has been seen.
    var data;
    var type;
    // After an event outgrew maxSize: everything up to its blank line is ignored.
    var discarding;
    // The line not yet ended by the last chunk. Once its first colon has been read, `field` holds the field name and
    // `line` only the value, so a long value is appended to, never scanned or copied again: W3 (one 64 MiB line in
    // 64 KiB chunks) peaks at 1.02 times its size and scales linearly.
    var inLine;
    var field;
    var line;
    var lineSpace;
    var skipLine;
    // The last event ID buffer is set once: it outlives a connection (see reset()).
    var id = callbacks.lastEventId || '';
    var reportedId = null;
    // A new connection's stream: pending data is discarded and a BOM is expected again. The last event ID buffer
    // starts as the last event ID string (what the last dispatch set; an `id:` of a block that never ended is
    // pending data, and goes). The spec calls the stream whose reconnection time `retry:` sets, the EventSource's
    // across connections, "the event stream", and browsers keep the id so; a buffer emptied instead would make a
    // heartbeat or `retry:` block at the start of a reconnected stream set the last event ID string to '', and the
    // next reconnection would lose its resume point.
    function reset() {
        if (reportedId !== null)
            id = reportedId;
        generation++;
        decode = null;
        expectBom = true;
        skipLF = discarding = false;
        data = null;
        type = '';
        clearLine();
    }
    reset();
    function clearLine() {
        inLine = lineSpace = skipLine = false;
        field = null;
        line = '';
    }
    // Lines end at CRLF, LF or CR. Each of the two searches runs again only once the parser has passed what it found,
    // so a stream without CR searches for LF alone. (A CRLF stream needs both for every line: W4 spends about 8 of
    // its 20 ms in String.prototype.indexOf.)
    function feed(chunk) {
        var text;
        if (typeof chunk == 'string')
            text = chunk;
        else if (chunk && chunk.byteLength >= 0)
            text = (decode || (decode = createUtf8StreamDecoder()))(chunk);
        else
            throw new TypeError('feed: chunk must be a Uint8Array or a string');
        if (text === '')
            return;
        // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."
        var pos = expectBom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
        expectBom = false;
        if (skipLF && text.charCodeAt(pos) === 10)
            pos++;
        // A CR that ends the text ends its line at once (an event ended by CR CR is dispatched without waiting for more
        // text); an LF that starts the next chunk is then the second half of a CRLF.
        skipLF = text.charCodeAt(text.length - 1) === 13;
        var g = generation;
        var length = text.length;
        var lf = find(text, '\n', pos);
        var cr = find(text, '\r', pos);
        var end;
        while ((end = lf < cr ? lf : cr) < length) {
            // CRLF is one line end.
            var next = (lf === cr + 1 ? lf : end) + 1;
            if (inLine) {
                appendToLine(text.slice(pos, end));
                // (inLine is false if a callback of appendToLine reset the parser.) A line with no colon in any of its
                // pieces is all field name.
                if (inLine && !skipLine) {
                    if (field === null)
                        processField(line, '');
                    else
                        processField(field, line);
                }
                clearLine();
            }
            else if (end === pos)
                dispatch();
            else {
                if (text.charCodeAt(pos) === 100 &&
                    text.charCodeAt(pos + 1) === 97 &&
                    text.charCodeAt(pos + 2) === 116 &&
                    text.charCodeAt(pos + 3) === 97 &&
                    text.charCodeAt(pos + 4) === 58) {
                    var value = valueAfter(text, pos + 4, end);
                    // A one-line event, the commonest shape of all, ended by LF: dispatched at once, without the data buffer
                    // or a search for the end of the blank line (W1: 26.5 ms instead of 29).
                    if (data === null && text.charCodeAt(next) === 10 && !discarding && !(maxSize && value.length > maxSize)) {
                        next++;
                        emit(value);
                    }
                    else
                        processField('data', value);
                }
                else
                    processLine(text, pos, end);
            }
            if (g !== generation)
                return;
            pos = next;
            if (lf < pos)
                lf = find(text, '\n', pos);
            if (cr < pos)
                cr = find(text, '\r', pos);
        }
        if (pos < length)
            appendToLine(text.slice(pos));
    }
    // A piece of a line that a chunk boundary cut. Only the new piece is ever searched.
    function appendToLine(piece) {
        inLine = true;
        if (discarding)
            skipLine = true;
        if (skipLine)
            return;
        var colon;
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
            if (piece.charCodeAt(0) === 32)
                piece = piece.slice(1);
        }
        if (maxSize && line.length + piece.length + (data ? data.length : 0) > maxSize)
            overflow();
        else
            line += piece;
    }
    // A whole line of the text, text[start, end), not empty.
    function processLine(text, start, end) {
        // `event:` and `id:` (and `data:`, in feed) are recognised without slicing out their names: W2 15 ms instead
        // of 17.
        var name = text.charCodeAt(start) === 101 &&
            text.charCodeAt(start + 1) === 118 &&
            text.charCodeAt(start + 2) === 101 &&
            text.charCodeAt(start + 3) === 110 &&
            text.charCodeAt(start + 4) === 116 &&
            text.charCodeAt(start + 5) === 58
            ? 'event'
            : text.charCodeAt(start) === 105 && text.charCodeAt(start + 1) === 100 && text.charCodeAt(start + 2) === 58
                ? 'id'
                : '';
        var colon = start + name.length;
        if (!name) {
            // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:)": the whole line is
            // the field name, and the field value is the empty string.
            while (colon < end && text.charCodeAt(colon) !== 58)
                colon++;
            name = text.slice(start, colon);
        }
        processField(name, valueAfter(text, colon, end));
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#processField
    // "Field names must be compared literally, with no case folding performed."
    function processField(name, value) {
        if (discarding)
            return;
        if (name === 'data') {
            // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character."
            var buffer = data === null ? value : data + '\n' + value;
            if (maxSize && buffer.length > maxSize)
                overflow();
            else
                data = buffer;
        }
        else if (name === 'event') {
            type = value;
        }
        else if (name === 'id') {
            // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
            if (value.indexOf('\0') < 0)
                id = value;
        }
        else if (name === 'retry') {
            // "If the field value consists of only ASCII digits": an empty value is no integer, so it is ignored too.
            if (onRetry && /^\d+$/.test(value))
                onRetry(+value);
        }
        else if (name === '') {
            // "If the line starts with a U+003A COLON character (:)": a comment.
            if (onComment)
                onComment(value);
        }
    }
    function overflow() {
        skipLine = inLine;
        line = '';
        discarding = true;
        data = null;
        type = '';
        if (onError)
            onError(new Error('An event exceeded maxSize (' + maxSize + ')'));
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
    function dispatch() {
        if (discarding) {
            // The blank line that ends an event too large to keep: it is dropped, and parsing resumes after it.
            discarding = false;
            return;
        }
        var value = data;
        data = null;
        emit(value);
    }
    function emit(value) {
        // 1. Set the last event ID string of the event source to the value of the last event ID buffer.
        if (id !== reportedId) {
            reportedId = id;
            if (onId)
                onId(id);
        }
        // 2. If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string
        //    and return. 3. Its last LF was never appended. 4.-6. The event: its type is "message" unless the event
        //    type buffer says otherwise.
        var eventType = type || 'message';
        // 7. Set the data buffer and the event type buffer to the empty string.
        type = '';
        // 8. The event source queues the task.
        if (value !== null && onEvent)
            onEvent({ type: eventType, data: value, lastEventId: id });
    }
    return {
        feed: feed,
        // "Once the end of the file is reached, any pending data must be discarded."
        end: reset,
        reset: reset,
    };
}
/** Where `c` next occurs in `text` from `from` on, or the length of the text if nowhere. */
function find(text, c, from) {
    var i = text.indexOf(c, from);
    return i < 0 ? text.length : i;
}
/** The field value of a line whose colon is at `colon` and whose terminator is at `end`. */
function valueAfter(text, colon, end) {
    // "If value starts with a U+0020 SPACE character, remove it from value." (The character at `end` is a line
    // terminator or past the text, never a space; for a line with no colon, colon = end and the value is empty.)
    return text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1, end);
}

// The `whatwg-eventsource/stream` entry: the event stream parser as a TransformStream, for code that already holds
// a response body (`response.body.pipeThrough(new EventStream())`). Bytes or text in, messages out.
// https://streams.spec.whatwg.org/#ts-class
// A function, not a class: the output is ES5, and a transpiled class cannot extend a native TransformStream. It
// returns the TransformStream it made, so `instanceof TransformStream` holds (`instanceof EventStream` does not).
// TransformStream is looked up here, not at import, so that importing the module never fails.
function EventStreamImpl(options) {
    if (!(this instanceof EventStreamImpl))
        throw new TypeError("EventStream: use the 'new' operator");
    if (typeof TransformStream !== 'function') {
        throw new TypeError('EventStream: this platform has no TransformStream (it needs the Streams API: Node 18+, Deno, Bun, modern browsers)');
    }
    var o = options || {};
    var onError = o.onError;
    var controller;
    var parser = createParser({
        onEvent: function (message) {
            controller.enqueue(message);
        },
        onRetry: o.onRetry,
        onComment: o.onComment,
        onError: function (error) {
            if (onError)
                return onError(error);
            controller.error(error);
            // Stops the rest of the chunk: nothing may be enqueued into an errored stream.
            parser.end();
        },
        maxSize: o.maxSize,
    });
    return new TransformStream({
        start: function (c) {
            controller = c;
        },
        // A chunk that is neither bytes nor text, or a callback that throws, errors the stream with that exception.
        transform: function (chunk) {
            parser.feed(chunk);
        },
        // "Once the end of the file is reached, any pending data must be discarded."
        flush: function () {
            parser.end();
        },
    });
}
var EventStream = EventStreamImpl;

exports.EventStream = EventStream;
