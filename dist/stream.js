// Streaming UTF-8 decoding for the event stream parser.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// "Streams must be decoded using the UTF-8 decode algorithm." The byte order mark is the parser's job (it must be
// stripped once per stream, also when the stream arrives as text), so nothing here strips it.
/**
 * The Encoding Standard's UTF-8 decoder run over a complete input (an incomplete sequence at the end becomes one
 * U+FFFD). For engines without `TextDecoder`, and for tiny chunks, where a native call costs more than this loop.
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
function utf8Decode(bytes, start, end) {
    var out = '';
    var units = [];
    var needed = 0;
    var seen = 0;
    var codePoint = 0;
    var lower = 0x80;
    var upper = 0xbf;
    for (var i = start; i < end; i++) {
        var byte = bytes[i];
        if (needed === 0) {
            if (byte < 0x80)
                units.push(byte);
            else if (byte >= 0xc2 && byte <= 0xdf) {
                needed = 1;
                codePoint = byte & 0x1f;
            }
            else if (byte >= 0xe0 && byte <= 0xef) {
                if (byte === 0xe0)
                    lower = 0xa0;
                else if (byte === 0xed)
                    upper = 0x9f;
                needed = 2;
                codePoint = byte & 0xf;
            }
            else if (byte >= 0xf0 && byte <= 0xf4) {
                if (byte === 0xf0)
                    lower = 0x90;
                else if (byte === 0xf4)
                    upper = 0x8f;
                needed = 3;
                codePoint = byte & 0x7;
            }
            else
                units.push(0xfffd);
        }
        else if (byte < lower || byte > upper) {
            // "prepend byte to stream" and return error: the byte is looked at again as the start of a sequence.
            needed = seen = codePoint = 0;
            lower = 0x80;
            upper = 0xbf;
            units.push(0xfffd);
            i--;
        }
        else {
            lower = 0x80;
            upper = 0xbf;
            codePoint = (codePoint << 6) | (byte & 0x3f);
            if (++seen === needed) {
                if (codePoint > 0xffff) {
                    codePoint -= 0x10000;
                    units.push(0xd800 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff));
                }
                else
                    units.push(codePoint);
                needed = seen = codePoint = 0;
            }
        }
        if (units.length > 8191) {
            out += String.fromCharCode.apply(null, units);
            units = [];
        }
    }
    // End of queue with a sequence still open: one error.
    if (needed)
        units.push(0xfffd);
    return units.length ? out + String.fromCharCode.apply(null, units) : out;
}
// Node 20, 28 MB of ASCII in 64 KiB chunks: decode(bytes) 2.4 ms, decode(bytes, {stream: true}) 16.7 ms; 75 MB of
// CJK: 148 ms and 77 ms. One 1-byte chunk: 43 ns native, 4 ns here. So the decoder cuts every chunk after its last
// complete sequence itself (the cut bytes go in front of the next chunk), which lets it pick, chunk by chunk, the
// native call that is fastest for the text it has just seen, and leaves no state inside the native decoder.
var SMALL = 24;
var STREAM = { stream: true };
function sequenceLength(lead) {
    return lead >= 0xf5 ? 0 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
}
/** Where the incomplete sequence that ends `bytes[0, n)` starts (at most 3 bytes back), or `n` if there is none. */
function incompleteTail(bytes, n) {
    if (bytes[n - 1] < 0x80)
        return n;
    var k = n - 1;
    while (k > 0 && k > n - 3 && (bytes[k] & 0xc0) === 0x80)
        k--;
    return sequenceLength(bytes[k]) > n - k ? k : n;
}
// Every call leaves the native decoder empty (plain calls flush it; streaming calls only ever get whole sequences),
// so one instance serves every stream: an idle connection costs no TextDecoder of its own.
var shared = null;
function sharedDecoder() {
    if (typeof TextDecoder !== 'function')
        return null;
    return shared || (shared = new TextDecoder('utf-8', { ignoreBOM: true }));
}
/**
 * Whether the bytes hold an LF or a CR. Those bytes never occur inside a UTF-8 sequence, so the text of the chunk
 * on its own answers. Native decoding and two string searches cost 7-9 ms per 64 MiB in Node 22, where
 * Uint8Array.prototype.indexOf costs 39 ms for the two bytes.
 */
function hasLineBreak(bytes) {
    var decoder = sharedDecoder();
    if (decoder) {
        var text = decoder.decode(bytes);
        return text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1;
    }
    for (var i = 0; i < bytes.length; i++)
        if (bytes[i] === 10 || bytes[i] === 13)
            return true;
    return false;
}
/** A streaming decoder. `TextDecoder` is used where it exists, unless `native` is false. */
function createUtf8StreamDecoder(native) {
    var decoder = sharedDecoder() ;
    var held = [];
    var ascii = true;
    return function decode(chunk) {
        var bytes = chunk;
        var n = bytes.length;
        var prefix = '';
        if (held.length) {
            // Finish the sequence the last chunk cut with the continuation bytes this one starts with (or find it
            // broken), apart: the rest of the chunk is then decoded as is, never copied.
            var missing = sequenceLength(held[0]) - held.length;
            var k = 0;
            while (k < missing && k < n && (bytes[k] & 0xc0) === 0x80)
                held.push(bytes[k++]);
            if (k === n && k < missing)
                return '';
            prefix = utf8Decode(held, 0, held.length);
            held = [];
            bytes = bytes.subarray(k);
            n -= k;
        }
        if (!n)
            return prefix;
        var end = incompleteTail(bytes, n);
        for (var i = end; i < n; i++)
            held.push(bytes[i]);
        if (!end)
            return prefix;
        if (!decoder || end < SMALL)
            return prefix + utf8Decode(bytes, 0, end);
        var view = end === n ? bytes : bytes.subarray(0, end);
        // A streaming call would keep an incomplete sequence that ends the view (one cut short by the lead byte we
        // held) for the next call; a plain call turns it into U+FFFD now, as the lead byte that follows it requires.
        var text = ascii || incompleteTail(bytes, end) < end ? decoder.decode(view) : decoder.decode(view, STREAM);
        ascii = text.length * 8 > end * 7;
        return prefix ? prefix + text : text;
    };
}

// The event stream parser: bytes or text in, callbacks out. It knows nothing of time, I/O, globals or events.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
var LF = 10;
var CR = 13;
var SPACE = 32;
var COLON = 58;
var LONG_LINE = 65536;
var STASH = 262144;
/** Creates a parser for one event stream at a time. */
function createParser(callbacks) {
    if (!callbacks || typeof callbacks !== 'object') {
        throw new TypeError('createParser(callbacks): callbacks must be an object such as { onEvent(message) {} }');
    }
    var onEvent = callbacks.onEvent;
    var onId = callbacks.onId;
    var onRetry = callbacks.onRetry;
    var onComment = callbacks.onComment;
    var onError = callbacks.onError;
    var maxSize = callbacks.maxSize === undefined ? Infinity : callbacks.maxSize;
    if (!(maxSize > 0))
        throw new RangeError('createParser: maxSize must be a positive number of characters');
    var decode = createUtf8StreamDecoder();
    // Bumped by reset() and end(): a callback that calls them stops the chunk being parsed.
    var generation = 0;
    var expectBom;
    var skipLF;
    // "a data buffer, an event type buffer, and a last event ID buffer [...] must be initialized to the empty
    // string." The data buffer is kept without its final LF; `hasData` says whether any `data` field was seen.
    var data;
    var hasData;
    var type;
    var id;
    var reportedId;
    // The line not yet ended by the last chunk. Once its first colon has been read, `lineField` holds the field name
    // and `line` only the value, so a long value is appended to, never scanned or copied again.
    var inLine;
    var line;
    var lineField;
    var lineSpace;
    var skipLine;
    var discarding;
    var stash = null;
    var stashed = 0;
    function reset() {
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
    function clearLine() {
        inLine = lineSpace = skipLine = false;
        line = '';
        lineField = null;
    }
    function feed(chunk) {
        var text;
        if (typeof chunk === 'string') {
            if (stashed)
                flushStash();
            text = chunk;
        }
        else if (chunk && typeof chunk.byteLength === 'number') {
            if (stashBytes(chunk))
                return;
            if (stashed)
                flushStash();
            text = decode(chunk);
        }
        else
            throw new TypeError('parser.feed(chunk): chunk must be a Uint8Array or a string');
        if (text === '')
            return;
        var pos = 0;
        if (expectBom) {
            expectBom = false;
            // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."
            if (text.charCodeAt(0) === 0xfeff)
                pos = 1;
        }
        if (skipLF) {
            skipLF = false;
            if (text.charCodeAt(pos) === LF)
                pos++;
        }
        parse(text, pos);
    }
    // Inside a long field value, chunks with no line terminator are gathered as bytes and decoded STASH at a time.
    // Strings that large are allocated outside V8's young generation, so the garbage collector never copies the
    // value while it grows: one 64 MiB line measured 1.26 as its 16 -> 64 MiB time-scaling exponent, decoded chunk by
    // chunk, and 1.03 this way. The stash is counted against maxSize like the line it belongs to.
    function stashBytes(chunk) {
        var n = chunk.length;
        if (lineField === null ||
            skipLine ||
            line.length < LONG_LINE ||
            stashed + n > STASH ||
            line.length + data.length + stashed + n > maxSize ||
            hasLineBreak(chunk)) {
            return false;
        }
        if (!stash)
            stash = new Uint8Array(STASH);
        stash.set(chunk, stashed);
        stashed += n;
        if (stashed > STASH - n)
            flushStash();
        return true;
    }
    function flushStash() {
        var bytes = stash.subarray(0, stashed);
        stashed = 0;
        appendToLine(decode(bytes));
    }
    // Lines end at CRLF, LF or CR. Streams almost never contain a CR, so a chunk without one takes a loop that only
    // looks for LF.
    function parse(text, pos) {
        var g = generation;
        var length = text.length;
        if (inLine) {
            var end = lineEnd(text, pos);
            if (end === -1)
                return appendToLine(pos ? text.slice(pos) : text);
            appendToLine(text.slice(pos, end));
            endLine();
            if (g !== generation)
                return;
            pos = afterLineEnd(text, end);
            if (pos === -1)
                return;
        }
        if (text.indexOf('\r', pos) === -1) {
            var lf = text.indexOf('\n', pos);
            while (lf !== -1) {
                if (lf === pos)
                    dispatch();
                else if (text.charCodeAt(pos) === 100 &&
                    text.charCodeAt(pos + 1) === 97 &&
                    text.charCodeAt(pos + 2) === 116 &&
                    text.charCodeAt(pos + 3) === 97 &&
                    text.charCodeAt(pos + 4) === COLON) {
                    // data:
                    var value = text.slice(text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5, lf);
                    if (!hasData && text.charCodeAt(lf + 1) === LF && !discarding && value.length <= maxSize) {
                        // A one-line event, the commonest shape of all: dispatched (as dispatch() would) without touching the
                        // data buffer.
                        lf++;
                        reportId();
                        var message = { type: type || 'message', data: value, lastEventId: id };
                        type = '';
                        if (onEvent)
                            onEvent(message);
                    }
                    else
                        appendData(value);
                }
                else
                    processLine(text, pos, lf);
                if (g !== generation)
                    return;
                pos = lf + 1;
                lf = text.indexOf('\n', pos);
            }
        }
        else {
            var cr = text.indexOf('\r', pos);
            var lf = text.indexOf('\n', pos);
            while (cr !== -1 || lf !== -1) {
                var end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
                if (end === pos)
                    dispatch();
                else
                    processLine(text, pos, end);
                if (g !== generation)
                    return;
                pos = afterLineEnd(text, end);
                if (pos === -1)
                    return;
                if (cr !== -1 && cr < pos)
                    cr = text.indexOf('\r', pos);
                if (lf !== -1 && lf < pos)
                    lf = text.indexOf('\n', pos);
            }
        }
        if (pos < length)
            appendToLine(pos ? text.slice(pos) : text);
    }
    function lineEnd(text, pos) {
        var lf = text.indexOf('\n', pos);
        var cr = text.indexOf('\r', pos);
        return cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    }
    // The position after the line terminator at `end`, or -1 when that was the end of the text. A CR that ends the
    // text ends its line at once (an event ended by CR CR is dispatched without waiting for more bytes); an LF that
    // starts the next chunk is then the second half of a CRLF and is skipped.
    function afterLineEnd(text, end) {
        var pos = end + 1;
        if (text.charCodeAt(end) === CR) {
            if (pos === text.length) {
                skipLF = true;
                return -1;
            }
            if (text.charCodeAt(pos) === LF)
                pos++;
        }
        return pos === text.length ? -1 : pos;
    }
    // A piece of a line that a chunk boundary cut. Only the new piece is ever searched.
    function appendToLine(piece) {
        inLine = true;
        if (skipLine)
            return;
        if (discarding) {
            skipLine = true;
            return;
        }
        if (lineField === null) {
            var colon = piece.indexOf(':');
            if (colon === -1) {
                line += piece;
                checkSize(0);
                return;
            }
            var field = line + piece.slice(0, colon);
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
            if (piece.charCodeAt(0) === SPACE)
                piece = piece.slice(1);
        }
        if (checkSize(piece.length))
            line += piece;
    }
    function endLine() {
        var field = lineField;
        var value = line;
        var skip = skipLine;
        clearLine();
        if (skip)
            return;
        if (field === null) {
            if (value === '')
                dispatch();
            else
                processLine(value, 0, value.length);
        }
        else if (field === '') {
            if (!discarding && onComment)
                onComment(value);
        }
        else
            processField(field, value);
    }
    function processLine(text, start, end) {
        if (discarding)
            return;
        var first = text.charCodeAt(start);
        // The three fields of nearly every stream, recognised without slicing out their names: `data:`, `event:`, `id:`.
        // (A name followed by anything but a colon goes the long way below.)
        if (first === 100) {
            if (text.charCodeAt(start + 1) === 97 &&
                text.charCodeAt(start + 2) === 116 &&
                text.charCodeAt(start + 3) === 97 &&
                text.charCodeAt(start + 4) === COLON) {
                return appendData(text.slice(valueStart(text, start + 5, end), end));
            }
        }
        else if (first === 101) {
            if (text.charCodeAt(start + 1) === 118 &&
                text.charCodeAt(start + 2) === 101 &&
                text.charCodeAt(start + 3) === 110 &&
                text.charCodeAt(start + 4) === 116 &&
                text.charCodeAt(start + 5) === COLON) {
                type = text.slice(valueStart(text, start + 6, end), end);
                return;
            }
        }
        else if (first === 105) {
            if (text.charCodeAt(start + 1) === 100 && text.charCodeAt(start + 2) === COLON) {
                var value = text.slice(valueStart(text, start + 3, end), end);
                // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
                if (value.indexOf('\0') === -1)
                    id = value;
                return;
            }
        }
        else if (first === COLON) {
            // "If the line starts with a U+003A COLON character (:)": ignore the line.
            if (onComment)
                onComment(text.slice(valueStart(text, start + 1, end), end));
            return;
        }
        var colon = -1;
        for (var i = start + 1; i < end; i++) {
            if (text.charCodeAt(i) === COLON) {
                colon = i;
                break;
            }
        }
        // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:)": the whole line is
        // the field name, and the field value is the empty string.
        if (colon === -1)
            return processField(text.slice(start, end), '');
        processField(text.slice(start, colon), text.slice(valueStart(text, colon + 1, end), end));
    }
    // "If value starts with a U+0020 SPACE character, remove it from value."
    function valueStart(text, afterColon, end) {
        return afterColon < end && text.charCodeAt(afterColon) === SPACE ? afterColon + 1 : afterColon;
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#processField
    // "Field names must be compared literally, with no case folding performed."
    function processField(field, value) {
        if (discarding)
            return;
        if (field === 'data') {
            appendData(value);
        }
        else if (field === 'event') {
            type = value;
        }
        else if (field === 'id') {
            // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value."
            if (value.indexOf('\0') === -1)
                id = value;
        }
        else if (field === 'retry') {
            // "If the field value consists of only ASCII digits": an empty value is no integer, so it is ignored too.
            if (onRetry && /^[0-9]+$/.test(value))
                onRetry(parseInt(value, 10));
        }
    }
    // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character."
    function appendData(value) {
        if (discarding)
            return;
        if (!hasData) {
            if (value.length > maxSize)
                return overflow();
            data = value;
            hasData = true;
        }
        else {
            if (data.length + value.length + 1 > maxSize)
                return overflow();
            data += '\n' + value;
        }
    }
    function checkSize(adding) {
        if (line.length + adding + data.length <= maxSize)
            return true;
        overflow();
        return false;
    }
    function overflow() {
        if (inLine) {
            skipLine = true;
            line = '';
            lineField = null;
        }
        discarding = true;
        data = type = '';
        hasData = false;
        if (onError)
            onError(new Error('Event stream: an event exceeded the maximum size of ' + maxSize + ' characters'));
    }
    function reportId() {
        if (id !== reportedId) {
            reportedId = id;
            if (onId)
                onId(id);
        }
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
    function dispatch() {
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
        var message = { type: type || 'message', data: data, lastEventId: id };
        // 7. Set the data buffer and the event type buffer to the empty string.
        data = type = '';
        hasData = false;
        // 8. The event source queues the task.
        if (onEvent)
            onEvent(message);
    }
    return {
        feed: feed,
        // "Once the end of the file is reached, any pending data must be discarded."
        end: reset,
        reset: reset,
    };
}

// The `whatwg-eventsource/stream` entry: the event stream parser as a TransformStream, for code that already holds
// a response body (`response.body.pipeThrough(new EventStream())`). Bytes or text in, messages out.
// https://streams.spec.whatwg.org/#ts-class
// A function, not a class: the output is ES5, and a transpiled class cannot extend a native TransformStream. It
// returns the TransformStream it made, so `instanceof TransformStream` holds (`instanceof EventStream` does not).
// TransformStream is looked up here, not at import, so that importing the module never fails.
function EventStreamImpl(options) {
    if (!(this instanceof EventStreamImpl))
        throw new TypeError("Failed to construct 'EventStream': use the 'new' operator");
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

export { EventStream };
