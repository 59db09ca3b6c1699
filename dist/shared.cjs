'use strict';

// The HTTP facts the processing model needs: is a response an event stream, and how an id travels in a header.
var TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
// https://mimesniff.spec.whatwg.org/#parse-a-mime-type: type "/" subtype, both tokens, HTTP whitespace around.
var MIME_TYPE = new RegExp('^[\\t\\n\\r ]*(' + TOKEN + '/' + TOKEN + ')[\\t\\n\\r ]*(;|$)');
// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split: values split at commas outside quoted strings.
var VALUE = /(?:[^,"]|"(?:[^"\\]|\\[\s\S])*"?)+/g;
/**
 * Whether a `Content-Type` header value names `text/event-stream`: the essence of the MIME type that Fetch's
 * "extract a MIME type" finds (the last valid one of comma-separated values, skipping * / *), compared ASCII
 * case-insensitively. Parameters, `charset` among them, do not matter: event streams are always UTF-8.
 * https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
 */
function isEventStream(contentType) {
    var values = (contentType && contentType.match(VALUE)) || [];
    var essence = '';
    for (var i = 0; i < values.length; i++) {
        var match = MIME_TYPE.exec(values[i]);
        if (match && match[1] !== '*/*')
            essence = match[1].toLowerCase();
    }
    return essence === 'text/event-stream';
}
/**
 * The last event ID string "encoded as UTF-8", as a byte string (one character per byte): header values in
 * fetch() and XMLHttpRequest are byte strings, and a character above U+00FF would make them throw. A lone
 * surrogate, which encodeURIComponent refuses, is encoded as U+FFFD would be.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#the-last-event-id-header
 */
function utf8ByteString(text) {
    try {
        return unescape(encodeURIComponent(text));
    }
    catch (error) {
        return utf8ByteString(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd').replace(/(^|[^\ud800-\udbff])[\udc00-\udfff]/g, '$1\ufffd'));
    }
}

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

// Node's MessageEvent constructor checks every member of its init dictionary (ports, source, ...) in JavaScript:
// 384 ns of the 475 ns that creating and dispatching one message cost, most of an EventSource's time per event.
// So a message is an Event made with Event's own constructor and a prototype that inherits MessageEvent.prototype
// and answers data, origin, lastEventId, source and ports itself: `instanceof MessageEvent` holds, `constructor`
// is MessageEvent, dispatchEvent takes it as the Event it is. Only calling MessageEvent.prototype's own getters on
// it, as a brand check, tells it apart.
function messageEventFactory() {
    function Message() { }
    var prototype = (Message.prototype = Object.create(MessageEvent.prototype));
    // A symbol-keyed field, where there are symbols: added as fast as any property, invisible to keys and JSON.
    var FIELDS = (typeof Symbol === 'function' ? Symbol() : '__message');
    var ports = Object.freeze([]);
    var names = ['data', 'origin', 'lastEventId', 'source', 'ports'];
    function field(i) {
        Object.defineProperty(prototype, names[i], {
            get: function () {
                return this[FIELDS][i];
            },
            enumerable: true,
            configurable: true,
        });
    }
    for (var i = 0; i < names.length; i++)
        field(i);
    return function (type, data, origin, lastEventId) {
        var event = Reflect.construct(Event, [type], Message);
        event[FIELDS] = [data, origin, lastEventId, null, ports];
        return event;
    };
}

// The DOM pieces the event source is built from, taken from the platform where it can construct them all. Engines
// that cannot get the shims of dom/shim.ts instead, through platform.ts.
function constructible(Ctor, args) {
    try {
        return typeof Ctor === 'function' && !!Reflect.construct(Ctor, args);
    }
    catch (error) {
        return false;
    }
}
/** The platform's own EventTarget, Event and MessageEvent, where all three can be constructed; else null. */
function nativeDom() {
    if (typeof Reflect !== 'object' ||
        !constructible(typeof EventTarget !== 'undefined' && EventTarget, []) ||
        !constructible(typeof Event !== 'undefined' && Event, ['x']) ||
        !constructible(typeof MessageEvent !== 'undefined' && MessageEvent, ['x'])) {
        return null;
    }
    return {
        EventTarget: EventTarget,
        methods: EventTarget.prototype,
        createEvent: function (type) {
            return new Event(type);
        },
        createMessageEvent: messageEventFactory(),
    };
}

// URLs: resolving the constructor's argument, and the origin that messages carry.
/** The base URL a relative URL resolves against: the document's, else the worker's location, else none. */
function baseURL() {
    try {
        if (typeof document !== 'undefined' && document && document.baseURI)
            return document.baseURI;
        if (typeof location !== 'undefined' && location && location.href)
            return location.href;
    }
    catch (error) {
        // Deno without --location throws on any use of `location`.
    }
    return undefined;
}
/** "Encoding-parse a URL": the serialized absolute URL, or null on failure. */
function parseURL(input, base) {
    try {
        return new URL(input, base).href;
    }
    catch (error) {
        return null;
    }
}
/** The serialization of the origin of an absolute URL ("null" for opaque origins). */
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch (error) {
        return 'null';
    }
}

// What differs between engines, in one place. The event source reads it at each construction, so the legacy module
// (legacy.ts) can fill in what an old engine lacks even when the ponyfill was evaluated before it.
var platform = { dom: /*#__PURE__*/ nativeDom(), parseURL: parseURL, originOf: originOf, xhr: null };

function noop() { }
function createFetchTransport(fetchImpl) {
    return function fetchTransport(request, handlers) {
        var done = false;
        var reader = null;
        var controller = typeof AbortController === 'function' ? new AbortController() : null;
        function fail(error) {
            if (done)
                return;
            done = true;
            handlers.end(error);
        }
        function read() {
            reader
                .read()
                .then(function (result) {
                if (done)
                    return;
                if (result.done) {
                    done = true;
                    handlers.end();
                }
                else {
                    handlers.chunk(result.value);
                    if (!done)
                        read();
                }
            })
                .then(undefined, fail);
        }
        var pending;
        try {
            pending = Promise.resolve(fetchImpl(request.url, {
                method: request.method || 'GET',
                headers: request.headers,
                body: request.body,
                // "create a potential-CORS request" with the Anonymous or Use Credentials state.
                mode: 'cors',
                credentials: request.withCredentials ? 'include' : 'same-origin',
                // 11. Set request's cache mode to "no-store".
                cache: 'no-store',
                redirect: 'follow',
                signal: controller ? controller.signal : undefined,
            }));
        }
        catch (error) {
            // A fetch that throws instead of rejecting still fails asynchronously, like a network error.
            pending = Promise.reject(error);
        }
        pending
            .then(function (response) {
            if (!done)
                handlers.response(response.status, response.headers.get('content-type'), response.url || '', response);
            var body = response.body;
            if (done) {
                // Failed or closed while the headers were handled: the body is cancelled, never awaited.
                if (body)
                    body.cancel().then(noop, noop);
                return;
            }
            if (!body) {
                done = true;
                handlers.end();
                return;
            }
            reader = body.getReader();
            read();
        })
            .then(undefined, fail);
        return function abort() {
            if (done)
                return;
            done = true;
            // Never await reader.cancel(): a body that does not answer must not hold anything up.
            if (reader)
                reader.cancel().then(noop, noop);
            if (controller)
                controller.abort();
        };
    };
}

// The EventSource interface and its processing model, step by step.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
var CONNECTING = 0;
var OPEN = 1;
var CLOSED = 2;
// setTimeout() takes a signed 32-bit delay; a longer `retry:` would fire at once instead of almost never.
var MAX_DELAY = 2147483647;
var SLOTS = '__eventSource';
function slots(target) {
    var state = target ? target[SLOTS] : undefined;
    if (!state)
        throw new TypeError('Illegal invocation: not an EventSource');
    return state;
}
function failedToConstruct(message) {
    return new TypeError("Failed to construct 'EventSource': " + message);
}
var extension;
/** Plugs the extensions in: a module-local variable, so that the ponyfill pays a letter for it once minified. */
function setExtension(extend) {
    extension = extend;
}
// The transport, chosen at each construction (cheap, and a fetch polyfilled later is seen): fetch where it can
// stream a body and be aborted, else XMLHttpRequest, which the legacy module brings.
function fetchCanStream() {
    return (typeof fetch === 'function' &&
        typeof Response === 'function' &&
        'body' in Response.prototype &&
        typeof ReadableStream === 'function' &&
        typeof TextDecoder === 'function' &&
        typeof AbortController === 'function');
}
// NON-SPEC, XMLHttpRequest only: responseText holds the whole response, so once a connection has read this many
// characters it is replaced at the next event boundary by a new request with the last event ID, with no event to
// mark it. What followed the boundary in that piece of text is left to the new response (a server that resumes
// from Last-Event-ID sends it again).
var XHR_TEXT_LIMIT = 4194304;
// A blank line: two line endings, a CRLF counting as one.
var EVENT_BOUNDARY = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/g;
// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
function EventSourceImpl(url, eventSourceInitDict) {
    if (!(this instanceof EventSourceImpl))
        throw failedToConstruct("use the 'new' operator");
    if (!arguments.length)
        throw failedToConstruct('1 argument required, but only 0 present');
    // WebIDL: url is a USVString, converted with ToString (a Symbol cannot be).
    if (typeof url === 'symbol')
        throw failedToConstruct('url cannot be a Symbol');
    var input = String(url);
    // WebIDL: the dictionary may be undefined or null; anything else that is not an object is a TypeError.
    var init = eventSourceInitDict == null ? {} : eventSourceInitDict;
    if (typeof init !== 'object' && typeof init !== 'function')
        throw failedToConstruct('options must be an object');
    var fetchOption = init.fetch;
    if (fetchOption !== undefined && typeof fetchOption !== 'function')
        throw failedToConstruct('fetch must be a function');
    // An extension's request options, ignored, would make a different request (unauthenticated, a GET for a POST).
    var options = init;
    if (!extension && (options.headers || options.method || options.body)) {
        throw failedToConstruct("headers, method and body need import 'whatwg-eventsource/extended'");
    }
    var dom = platform.dom;
    var transport = fetchOption || fetchCanStream() ? createFetchTransport(fetchOption || fetch) : platform.xhr;
    if (!dom || !transport) {
        throw failedToConstruct("this engine lacks EventTarget or streaming fetch; import 'whatwg-eventsource/polyfill'");
    }
    // 1. Let ev be a new EventSource object. (An EventTarget made with this constructor's prototype, so that
    //    subclasses work and `instanceof EventTarget` holds; with the shims, the object `new` made.)
    var ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], this.constructor) : this);
    // 3.-4. Let urlRecord be the result of encoding-parsing a URL given url, relative to settings. If urlRecord is
    //    failure, then throw a "SyntaxError" DOMException.
    var urlRecord = platform.parseURL(input, baseURL());
    if (urlRecord === null) {
        var message = "Failed to construct 'EventSource': the URL '" + input + "' is invalid";
        throw typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
    }
    var state = {
        readyState: CONNECTING,
        // 5. Set ev's url to urlRecord.
        url: urlRecord,
        // 6.-7. If withCredentials is true, set corsAttributeState to Use Credentials and ev's withCredentials to true.
        withCredentials: !!init.withCredentials,
        close: close,
        handlers: {},
    };
    Object.defineProperty(ev, SLOTS, { value: state });
    var dispatchEvent = dom.methods.dispatchEvent;
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time
    // "This must initially be an implementation-defined value, probably in the region of a few seconds."
    var reconnectionTime = 3000;
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-last-event-id
    var lastEventIdString = '';
    // The origin of the event stream's final URL (i.e., the URL after redirects).
    var origin;
    var abortFetch = null;
    var timer = null;
    // Characters of text read on this connection (XMLHttpRequest only), and whether it replaces a longer one.
    var textLength;
    var replacing = false;
    var callbacks = {
        onEvent: dispatchTheEvent,
        // Dispatch step 1: "Set the last event ID string of the event source to the value of the last event ID buffer."
        onId: function (id) {
            lastEventIdString = id;
        },
        // "set the event stream's reconnection time to that integer"
        onRetry: function (ms) {
            reconnectionTime = ms;
        },
    };
    // NON-SPEC, opt-in: the extensions module, where it is loaded, wraps the transport and the parser's callbacks.
    if (extension)
        transport = extension(ev, init, callbacks, transport);
    var parser = createParser(callbacks);
    function fire(type) {
        dispatchEvent.call(ev, dom.createEvent(type));
    }
    // 8.-15. The request, and the fetch. Also step 6 of "reestablish the connection", which refetches the request.
    function connect() {
        // 10. User agents may set (`Accept`, `text/event-stream`) in request's header list. No other header: a
        //     non-safelisted one (Cache-Control, say) would cost a CORS preflight that native EventSource never makes.
        var headers = { Accept: 'text/event-stream' };
        // Reestablish step 6.3: "If the EventSource object's last event ID string is not the empty string, then set
        // (`Last-Event-ID`, last event ID string, encoded as UTF-8) in request's header list."
        if (lastEventIdString)
            headers['Last-Event-ID'] = utf8ByteString(lastEventIdString);
        // A replacement connection goes on with the same stream: the parser, at an event boundary, keeps its state.
        if (!replacing)
            parser.reset();
        textLength = 0;
        abortFetch = transport({ url: state.url, withCredentials: state.withCredentials, headers: headers }, { response: processResponse, chunk: processChunk, end: processEndOfBody });
    }
    // 15. processResponse, given response res.
    function processResponse(status, contentType, finalUrl) {
        origin = platform.originOf(finalUrl || state.url);
        // 15.3. If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
        //       connection. (15.1-15.2, network errors, arrive through processEndOfBody.)
        if (status !== 200 || !isEventStream(contentType))
            failTheConnection();
        // 15.4. Otherwise, announce the connection and interpret res's body line by line.
        else if (replacing)
            replacing = false;
        else
            announceTheConnection();
    }
    function processChunk(chunk) {
        var boundary = -1;
        if (typeof chunk === 'string' && (textLength += chunk.length) > XHR_TEXT_LIMIT) {
            EVENT_BOUNDARY.lastIndex = 0;
            while (EVENT_BOUNDARY.exec(chunk))
                boundary = EVENT_BOUNDARY.lastIndex;
        }
        if (boundary < 0)
            return parser.feed(chunk);
        parser.feed(chunk.slice(0, boundary));
        if (state.readyState === OPEN) {
            abort();
            replacing = true;
            connect();
        }
    }
    // 14. processEventSourceEndOfBody: "if res is not a network error, then reestablish the connection". 15.2: a
    //     network error, too, reestablishes the connection. So does a body that errors in the middle.
    function processEndOfBody(_error, again) {
        abortFetch = null;
        replacing = false;
        // "Once the end of the file is reached, any pending data must be discarded."
        parser.end();
        reestablishTheConnection(again);
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection
    function announceTheConnection() {
        // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
        // attribute to OPEN and fires an event named open at the EventSource object."
        if (state.readyState !== CLOSED) {
            state.readyState = OPEN;
            fire('open');
        }
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
    // NON-SPEC: `now`, from a transport that can only long-poll, reconnects without waiting the reconnection time.
    function reestablishTheConnection(now) {
        // 1. If the readyState attribute is set to CLOSED, abort these steps.
        if (state.readyState === CLOSED)
            return;
        // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
        //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
        state.readyState = CONNECTING;
        fire('error');
        // 3. Wait a delay equal to the reconnection time of the event source. (5. The task of step 2 has run.)
        if (state.readyState === CONNECTING) {
            timer = setTimeout(function () {
                timer = null;
                // 6. Queue a task: 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then
                //    return. 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it.
                if (state.readyState === CONNECTING)
                    connect();
            }, now ? 0 : Math.min(reconnectionTime, MAX_DELAY));
        }
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
    function failTheConnection() {
        // The body of a failed response is not read: cancel it.
        abort();
        // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
        // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
        // the connection, it does not attempt to reconnect."
        if (state.readyState !== CLOSED) {
            state.readyState = CLOSED;
            fire('error');
        }
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
    // Steps 1-7 ran in the parser; this is step 8.
    // NON-SPEC (timing only): the events of one chunk are dispatched one after the other in the task that read the
    // chunk, not in a task each, as in every JavaScript implementation; Chromium does the same, though it also runs
    // microtasks between listeners. readyState is checked before each one, and close() stops the rest of the chunk.
    function dispatchTheEvent(message) {
        // 8. Queue a task which, if the readyState attribute is set to a value other than CLOSED, dispatches the newly
        //    created event at the EventSource object. 4.-6.: a MessageEvent of the event type, with the data, the
        //    origin of the final URL, and the last event ID string.
        if (state.readyState !== CLOSED) {
            dispatchEvent.call(ev, dom.createMessageEvent(message.type, message.data, origin, message.lastEventId));
        }
    }
    function abort() {
        var abortNow = abortFetch;
        abortFetch = null;
        if (abortNow)
            abortNow();
    }
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource-close
    function close() {
        // "abort any instances of the fetch algorithm started for this EventSource object, and set the readyState
        // attribute to CLOSED." Also: no reconnection pending, and nothing more from the chunk being parsed.
        state.readyState = CLOSED;
        abort();
        clearTimeout(timer);
        parser.reset();
    }
    // 15. Fetch request.
    connect();
    // 16. Return ev.
    return ev;
}
// The interface object and its prototype, set up in a function that bundlers may drop (with the whole class)
// when only the parser is imported.
var EventSource = /*#__PURE__*/ (function () {
    // Where the platform's EventTarget can be constructed it is the base, as in `class EventSource extends EventTarget`
    // (the interface object inherits from EventTarget's too: Node's EventTarget finds a static property through the
    // constructor). Elsewhere the legacy module gives the prototype the shim's methods.
    var Base = platform.dom && platform.dom.EventTarget;
    var prototype = (EventSourceImpl.prototype = Object.create(Base ? Base.prototype : Object.prototype));
    if (Base && Object.setPrototypeOf)
        Object.setPrototypeOf(EventSourceImpl, Base);
    // WebIDL: attributes and operations are enumerable and configurable; constants enumerable only, and also on the
    // interface object; the constructor and @@toStringTag neither enumerable nor writable.
    function define(name, descriptor, constant) {
        descriptor.enumerable = typeof name === 'string' && name !== 'constructor';
        descriptor.configurable = !constant;
        Object.defineProperty(prototype, name, descriptor);
        if (constant)
            Object.defineProperty(EventSourceImpl, name, descriptor);
    }
    define('constructor', { value: EventSourceImpl, writable: true });
    // const unsigned short CONNECTING = 0; OPEN = 1; CLOSED = 2; (on the interface object and on the prototype)
    var constants = ['CONNECTING', 'OPEN', 'CLOSED'];
    for (var i = 0; i < 3; i++)
        define(constants[i], { value: i }, true);
    // readonly attribute USVString url; readonly attribute boolean withCredentials; readonly attribute unsigned short
    // readyState;
    function defineAttribute(name) {
        define(name, {
            get: function () {
                return slots(this)[name];
            },
        });
    }
    defineAttribute('url');
    defineAttribute('withCredentials');
    defineAttribute('readyState');
    // Event handler IDL attributes: https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
    // The first non-null value adds a listener that calls whatever the handler is then, so the handler keeps the place
    // of its first assignment among the listeners; null removes that listener.
    function defineEventHandler(type) {
        define('on' + type, {
            get: function () {
                var handler = slots(this).handlers[type];
                return handler ? handler[0] : null;
            },
            set: function (value) {
                var handlers = slots(this).handlers;
                var methods = platform.dom.methods;
                var handler = handlers[type];
                if (typeof value !== 'function') {
                    if (handler)
                        methods.removeEventListener.call(this, type, handler[1]);
                    handlers[type] = undefined;
                }
                else if (handler) {
                    handler[0] = value;
                }
                else {
                    var created_1 = (handlers[type] = [
                        value,
                        function (event) {
                            // "If return value is false, then cancel the event."
                            if (created_1[0].call(this, event) === false)
                                event.preventDefault();
                        },
                    ]);
                    methods.addEventListener.call(this, type, created_1[1]);
                }
            },
        });
    }
    defineEventHandler('open');
    defineEventHandler('message');
    defineEventHandler('error');
    define('close', {
        value: function close() {
            slots(this).close();
        },
        writable: true,
    });
    if (typeof Symbol === 'function')
        define(Symbol.toStringTag, { value: 'EventSource' });
    return EventSourceImpl;
})();

exports.EventSource = EventSource;
exports.createParser = createParser;
exports.createUtf8StreamDecoder = createUtf8StreamDecoder;
exports.failedToConstruct = failedToConstruct;
exports.isEventStream = isEventStream;
exports.platform = platform;
exports.setExtension = setExtension;
exports.slots = slots;
exports.utf8ByteString = utf8ByteString;
