(function () {
    'use strict';

    // The HTTP facts the processing model needs: is a response an event stream, and how an id travels in a header.
    // https://mimesniff.spec.whatwg.org/#parse-a-mime-type: type "/" subtype, both tokens (\w, and !#$%&'*+-.^`|~),
    // then parameters or nothing. (Header values hold no CR or LF; the tabs and spaces that Fetch's split strips from a
    // value are skipped here.)
    var MIME_TYPE = /^[\t ]*([\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+)[\t ]*(;|$)/;
    // https://fetch.spec.whatwg.org/#header-value-get-decode-and-split: values split at commas outside quoted strings.
    var VALUE = /(?:[^,"]|"(?:\\.|[^"\\])*"?)+/g;
    /**
     * Whether a `Content-Type` header value names `text/event-stream`: the essence of the MIME type that Fetch's
     * "extract a MIME type" finds (the last valid one of comma-separated values, skipping * / *), compared ASCII
     * case-insensitively. Parameters, `charset` among them, do not matter: event streams are always UTF-8.
     * https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
     */
    function isEventStream(contentType) {
        var essence = '';
        ('' + contentType).replace(VALUE, function (value) {
            var match = MIME_TYPE.exec(value);
            if (match && match[1] !== '*/*')
                essence = match[1];
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
    function utf8ByteString(text) {
        return unescape(encodeURIComponent(text));
    }

    /** A decoder for one stream, where TextDecoder exists. */
    function createNativeDecoder() {
        var decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        return function (bytes) {
            return decoder.decode(bytes, { stream: true });
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
            var lf = find$1(text, '\n', pos);
            var cr = find$1(text, '\r', pos);
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
                    lf = find$1(text, '\n', pos);
                if (cr < pos)
                    cr = find$1(text, '\r', pos);
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
    function find$1(text, c, from) {
        var i = text.indexOf(c, from);
        return i < 0 ? text.length : i;
    }
    /** The field value of a line whose colon is at `colon` and whose terminator is at `end`. */
    function valueAfter(text, colon, end) {
        // "If value starts with a U+0020 SPACE character, remove it from value." (The character at `end` is a line
        // terminator or past the text, never a space; for a line with no colon, colon = end and the value is empty.)
        return text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1, end);
    }

    function messageEventFactory() {
        return function (type, data, origin, lastEventId) {
            return new MessageEvent(type, { data: data, origin: origin, lastEventId: lastEventId });
        };
    }

    // The DOM pieces the event source is built from, taken from the platform where it can construct them all. Engines
    // that cannot get the shims of dom/shim.ts instead, through platform.ts.
    /** The platform's own EventTarget, Event and MessageEvent, where all three can be constructed; else null. */
    function nativeDom() {
        try {
            // Old engines have some of these as interface objects that cannot be constructed; the core needs Reflect too.
            new EventTarget();
            new Event('x');
            new MessageEvent('x');
            if (typeof Reflect != 'object')
                return null;
        }
        catch (error) {
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
            return typeof document != 'undefined' ? document.baseURI : location.href;
        }
        catch (error) {
            // No document and no `location` (Node), or a `location` that throws on any use (Deno without --location).
            return undefined;
        }
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
    var platform = { dom: /*#__PURE__*/ nativeDom(), parseURL: parseURL, originOf: originOf };
    /**
     * The global object, found by typeof checks alone (a CSP without unsafe-eval forbids evaluating code for it):
     * globalThis, or in engines older than it (old browsers, workers) self; where neither exists, an object of our own.
     */
    function globalObject() {
        return (typeof globalThis != 'undefined' ? globalThis : typeof self != 'undefined' ? self : {});
    }

    function noop() { }
    // Few closures per request, none per read: an idle connection holds one pending read and the functions below.
    var fetchTransport = function (request, handlers) {
        var done = false;
        var reader = null;
        // Every engine that gets here has AbortController: fetchCanStream() asks for it, and the `fetch` option is for
        // runtimes that all have it (an engine without it throws a ReferenceError from the constructor).
        var controller = new AbortController();
        // The end of the body (no error), or a failure of the request or of the body.
        function end(error) {
            if (!done) {
                done = true;
                handlers.end(error);
            }
        }
        // Reads the next chunk; given a read's result, first hands it over. A chunk handler that throws ends the body as
        // a read error would.
        function read(result) {
            if (done)
                return;
            if (result) {
                if (result.done)
                    return end();
                try {
                    handlers.chunk(result.value);
                }
                catch (error) {
                    return end(error);
                }
                if (done)
                    return;
            }
            reader.read().then(read, end);
        }
        // A fetch that throws instead of rejecting still fails asynchronously, like a network error.
        var pending = new Promise(function (resolve) {
            resolve((request.fetch || fetch)(request.url, {
                method: request.method,
                headers: request.headers(),
                body: request.body,
                // "create a potential-CORS request" with the Anonymous or Use Credentials state: mode "cors" (fetch's default
                // for a URL), and credentials "same-origin" (the default) or "include".
                credentials: request.withCredentials ? 'include' : undefined,
                // 11. Set request's cache mode to "no-store". (Redirects are followed: fetch's default.)
                cache: 'no-store',
                signal: controller.signal,
            }));
        });
        pending
            .then(function (response) {
            if (!done)
                handlers.response(response.status, response.headers.get('content-type'), response.url, response);
            var body = response.body;
            // Failed or closed while the headers were handled: the body is cancelled, never awaited.
            if (done) {
                if (body)
                    body.cancel().then(noop, noop);
            }
            else if (body) {
                reader = body.getReader();
                read();
            }
            else
                end();
        })
            .then(undefined, end);
        return function abort() {
            if (done)
                return;
            done = true;
            // Never await reader.cancel(): a body that does not answer must not hold anything up.
            if (reader)
                reader.cancel().then(noop, noop);
            controller.abort();
        };
    };

    // The EventSource interface and its processing model, step by step.
    // https://html.spec.whatwg.org/multipage/server-sent-events.html
    //
    // Map: the types and the instance's slots; the seam of subclasses (Policy); construct(), which is the
    // constructor's steps, then the processing model's algorithms in spec order; then the interface object.
    var CONNECTING = 0;
    var OPEN = 1;
    var CLOSED = 2;
    // setTimeout() takes a signed 32-bit delay; a longer `retry:` would fire at once instead of almost never.
    var MAX_DELAY = 2147483647;
    var SLOTS = '__eventSource';
    /**
     * An instance's slots. Called on another object, it returns undefined, and reading from that throws the TypeError
     * that WebIDL asks of an EventSource getter, setter or method called on the wrong object.
     */
    function slots(target) {
        return target[SLOTS];
    }
    /** The start of every message the constructor throws (the extended class's too). */
    var FAILED = 'EventSource: ';
    function failedToConstruct(message) {
        return new TypeError(FAILED + message);
    }
    // The transport, chosen at each construction (cheap, and a fetch polyfilled later is seen): fetch where it can
    // stream a body (a `body` on responses: a ReadableStream), decode it and be aborted, else XMLHttpRequest, which the
    // legacy module brings.
    function fetchCanStream() {
        return (typeof fetch == 'function' &&
            typeof Response == 'function' &&
            'body' in Response.prototype &&
            typeof TextDecoder == 'function' &&
            typeof AbortController == 'function');
    }
    // Options the extended class understands and this one would ignore: a different request (unauthenticated, a GET
    // for a POST) or a source meant to stop that retries forever.
    var EXTENDED_OPTIONS = /^(headers|method|body|lastEventId(In|Param)?|backoff|maxRetries|reconnectOn(Status|End|Resume)|inactivityTimeout|signal|maxEventSize)$/;
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
    // (One named parameter: WebIDL's `length` of the interface object is the number of required arguments.)
    function EventSourceImpl(_url) {
        return construct(this, arguments);
    }
    /**
     * The constructor's steps, on `self` (what `new` made), with the constructor's `args`. A subclass's constructor
     * calls it with a `policyFor`; without one, options only a subclass understands are refused.
     */
    function construct(self, args, policyFor) {
        if (!(self instanceof EventSourceImpl))
            throw failedToConstruct("use the 'new' operator");
        if (!args.length)
            throw failedToConstruct('a URL is required');
        // WebIDL: url is a USVString, converted with ToString: concat() does that (String() would accept a Symbol).
        var input = ''.concat(args[0]);
        // WebIDL: the dictionary may be undefined or null; anything else that is not an object is a TypeError.
        var init = args[1] == null ? {} : args[1];
        if (typeof init !== 'object' && typeof init !== 'function')
            throw failedToConstruct('options must be an object');
        var fetchOption = init.fetch;
        // (null, like undefined, means the global fetch.)
        if (fetchOption && typeof fetchOption !== 'function')
            throw failedToConstruct('fetch must be a function');
        // NON-SPEC, opt-in: the initial reconnection time. (Infinity, like any wait too long for setTimeout, waits the
        // longest it can.)
        var time = init.reconnectionTime === undefined ? 3000 : init.reconnectionTime;
        if (typeof time != 'number' || !(time >= 0))
            throw failedToConstruct('reconnectionTime must be a number >= 0');
        // NON-SPEC: WebIDL ignores members a dictionary does not know; these are refused (see EXTENDED_OPTIONS).
        {
            for (var name_1 in init) {
                if (EXTENDED_OPTIONS.test(name_1) && init[name_1] != null) {
                    throw failedToConstruct(name_1 + ' needs whatwg-eventsource/extended');
                }
            }
        }
        var dom = platform.dom;
        var transport = fetchOption || fetchCanStream() ? fetchTransport : platform.xhr;
        if (!dom || !transport) {
            // (No EventTarget, or no fetch that can stream.)
            throw failedToConstruct('needs whatwg-eventsource/polyfill here');
        }
        // 1. Let ev be a new EventSource object. (An EventTarget made with this constructor's prototype, so that
        //    subclasses work and `instanceof EventTarget` holds; with the shims, the object `new` made.)
        var ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], self.constructor) : self);
        // 3.-4. Let urlRecord be the result of encoding-parsing a URL given url, relative to settings. If urlRecord is
        //    failure, then throw a "SyntaxError" DOMException.
        var urlRecord = platform.parseURL(input, baseURL());
        if (!urlRecord) {
            var message = FAILED + "invalid URL '" + input + "'";
            throw typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
        }
        var state = {
            readyState: CONNECTING,
            // 5. Set ev's url to urlRecord.
            url: urlRecord,
            // 6.-7. If withCredentials is true, set corsAttributeState to Use Credentials and ev's withCredentials to true.
            withCredentials: !!init.withCredentials,
            lastEventIdString: '',
            // "This must initially be an implementation-defined value, probably in the region of a few seconds."
            reconnectionTime: time,
            handlers: {},
            close: close,
        };
        Object.defineProperty(ev, SLOTS, { value: state });
        var dispatchEvent = dom.methods.dispatchEvent;
        // The origin of the event stream's final URL (i.e., the URL after redirects).
        var origin;
        var abortFetch = null;
        var timer;
        var parser$1 = parser({
            onEvent: dispatchTheEvent,
            // NON-SPEC, for subclasses: an initial last event ID (the extended lastEventId option) is the buffer's start.
            lastEventId: state.lastEventIdString,
            // Dispatch step 1: "Set the last event ID string of the event source to the value of the last event ID buffer."
            onId: function (id) {
                state.lastEventIdString = id;
            },
            // "set the event stream's reconnection time to that integer"
            onRetry: function (ms) {
                state.reconnectionTime = ms;
            },
            maxSize: undefined,
            onError: undefined,
        });
        var handlers = { response: processResponse, chunk: parser$1.feed, end: processEndOfBody };
        function dispatch(event, message) {
            dispatchEvent.call(ev, event);
        }
        // 8.-15. The request, and the fetch. Also step 6 of "reestablish the connection", which refetches the request.
        function connect() {
            parser$1.reset();
            abortFetch = transport({
                url: state.url,
                withCredentials: state.withCredentials,
                fetch: fetchOption,
                headers: function () {
                    // 10. User agents may set (`Accept`, `text/event-stream`) in request's header list. No other header: a
                    //     non-safelisted one (Cache-Control, say) would cost a CORS preflight that native EventSource never
                    //     makes.
                    var headers = { Accept: 'text/event-stream' };
                    // Reestablish step 6.3: "If the EventSource object's last event ID string is not the empty string, then
                    // set (`Last-Event-ID`, last event ID string, encoded as UTF-8) in request's header list."
                    if (state.lastEventIdString)
                        headers['Last-Event-ID'] = utf8ByteString(state.lastEventIdString);
                    return headers;
                },
            }, handlers);
        }
        // 15. processResponse, given response res.
        function processResponse(status, contentType, finalUrl) {
            origin = platform.originOf(finalUrl || state.url);
            // 15.3. If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
            //       connection. (15.1-15.2, network errors, arrive through processEndOfBody.)
            if (status !== 200 || !isEventStream(contentType))
                lost('response');
            // 15.4. Otherwise, announce the connection and interpret res's body line by line.
            else
                announceTheConnection();
        }
        // 14. processEventSourceEndOfBody: "if res is not a network error, then reestablish the connection". 15.2: a
        //     network error, too, reestablishes the connection. So does a body that errors in the middle.
        function processEndOfBody(error, polled) {
            abortFetch = null;
            // "Once the end of the file is reached, any pending data must be discarded."
            parser$1.end();
            lost(error ? 'network' : 'end', error, polled);
        }
        // NON-SPEC: the one place where a connection ends, for the three reasons the spec gives (a response that fails the
        // connection, the end or error of a body) and for an event past the policy's maxSize. The spec reestablishes the
        // connection after the first two and fails it after the third; a policy may decide otherwise.
        function lost(reason, error, polled) {
            // The rest of a failed response's body (or of a body cut by maxSize) is not read: cancel it.
            abort();
            // The spec's answer. 15.2 lets a user agent that "knows that to be futile" fail the connection after a network
            // error: for a URL that is not http(s) (ftp:, about:, mailto:, javascript:; a data: or blob: URL that failed)
            // it would fail again each time. Browsers do so, and WPT's eventsource-constructor-non-same-origin expects
            // CLOSED. A transport that can only long-poll asks for the next request at once.
            var spec = reason === 'response' || (error && !/^https?:/.test(state.url)) ? -1 : polled ? 0 : state.reconnectionTime;
            var delay = spec;
            if (delay < 0)
                failTheConnection();
            else
                reestablishTheConnection(delay);
        }
        // https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection
        function announceTheConnection() {
            // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
            // attribute to OPEN and fires an event named open at the EventSource object." (It is CONNECTING then, unless a
            // transport replaced its request in the middle of a stream: that response announces nothing.)
            if (state.readyState === CONNECTING) {
                state.readyState = OPEN;
                dispatch(dom.createEvent('open'));
            }
        }
        // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
        function reestablishTheConnection(delay) {
            // 1. If the readyState attribute is set to CLOSED, abort these steps.
            if (state.readyState === CLOSED)
                return;
            // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
            //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
            state.readyState = CONNECTING;
            dispatch(dom.createEvent('error'));
            // 3. Wait a delay equal to the reconnection time of the event source. 4. Optionally, wait some more: `delay`,
            //    what the policy decided. (5. The task of step 2 has run.)
            if (state.readyState === CONNECTING) {
                timer = setTimeout(function () {
                    // 6. Queue a task: 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then
                    //    return. 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it.
                    if (state.readyState === CONNECTING)
                        connect();
                }, Math.min(delay, MAX_DELAY));
            }
        }
        // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
        function failTheConnection() {
            // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
            // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
            // the connection, it does not attempt to reconnect."
            if (state.readyState !== CLOSED) {
                state.readyState = CLOSED;
                dispatch(dom.createEvent('error'));
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
                dispatch(dom.createMessageEvent(message.type, message.data, origin, message.lastEventId));
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
            parser$1.reset();
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
        // The function's own prototype object is kept: its `constructor` already has WebIDL's descriptor (writable and
        // configurable, not enumerable). (An engine that can construct EventTarget has Object.setPrototypeOf.)
        var Base = platform.dom && platform.dom.EventTarget;
        var prototype = EventSourceImpl.prototype;
        if (Base) {
            Object.setPrototypeOf(prototype, Base.prototype);
            Object.setPrototypeOf(EventSourceImpl, Base);
        }
        // WebIDL: attributes and operations are enumerable and configurable; constants enumerable only, and also on the
        // interface object; @@toStringTag neither enumerable nor writable.
        function define(name, descriptor, constant) {
            descriptor.enumerable = typeof name === 'string';
            descriptor.configurable = !constant;
            Object.defineProperty(prototype, name, descriptor);
            if (constant)
                Object.defineProperty(EventSourceImpl, name, descriptor);
        }
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
        // The first non-null value adds the type's listener, which calls whatever the handler is then, so the handler
        // keeps the place of its first assignment among the listeners; null removes it. The listener is one function per
        // type, shared by all instances: listener lists belong to each target.
        function defineEventHandler(type) {
            function listener(event) {
                var handler = slots(this).handlers[type];
                // WebIDL "invoke a callback function": a non-callable object (kept by [LegacyTreatNonObjectAsNull]) returns
                // undefined. "If return value is false, then cancel the event."
                if (typeof handler == 'function' && handler.call(this, event) === false)
                    event.preventDefault();
            }
            define('on' + type, {
                get: function () {
                    return slots(this).handlers[type] || null;
                },
                set: function (value) {
                    var handlers = slots(this).handlers;
                    var methods = platform.dom.methods;
                    // HTML's EventHandler is [LegacyTreatNonObjectAsNull]: any object is kept, callable or not; the rest is null.
                    var handler = Object(value) === value ? value : null;
                    if (!handler)
                        methods.removeEventListener.call(this, type, listener);
                    else if (!handlers[type])
                        methods.addEventListener.call(this, type, listener);
                    handlers[type] = handler;
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

    // Listeners live in one non-enumerable property of the target, keyed by '$' + type, so that types named
    // __proto__, constructor or toString are types like any other.
    var LISTENERS = '__listeners';
    function listenersOf(target, type) {
        var all = target[LISTENERS];
        if (!all)
            Object.defineProperty(target, LISTENERS, { value: (all = {}) });
        return all['$' + type] || (all['$' + type] = []);
    }
    /** The index of (callback, capture) in the list, or -1. `options` is a boolean (capture) or a dictionary. */
    function find(list, callback, options) {
        var capture = !!(options && typeof options === 'object' ? options.capture : options);
        for (var i = 0; i < list.length; i++)
            if (list[i][0] === callback && list[i][1] === capture)
                return i;
        return capture ? -2 : -1;
    }
    // https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception: in a task of its own, where the page's
    // error handlers see it, and never back into the dispatcher. A host without timers (a bare script engine) has no
    // task to throw it in: its console gets it.
    function reportException(error) {
        if (typeof setTimeout == 'function') {
            setTimeout(function () {
                throw error;
            }, 0);
        }
        else if (typeof console == 'object')
            console.error(error);
    }
    /** The EventTarget methods, for an object whose prototype cannot be the platform's EventTarget.prototype. */
    var eventTargetMethods = {
        addEventListener: function (type, callback, options) {
            // https://dom.spec.whatwg.org/#add-an-event-listener: 2. If listener's callback is null, then return.
            if (callback == null)
                return;
            var list = listenersOf(this, type);
            var i = find(list, callback, options);
            // -1: not there, without capture; -2: not there, with capture.
            if (i < 0)
                list.push([callback, i < -1, !!(options && options.once)]);
        },
        removeEventListener: function (type, callback, options) {
            var list = listenersOf(this, type);
            var i = find(list, callback, options);
            if (i >= 0)
                list.splice(i, 1)[0][3] = true;
        },
        dispatchEvent: function (event) {
            // Native events have read-only target and currentTarget; the shim's are plain objects.
            event.target = event.currentTarget = this;
            event.eventPhase = 2;
            // A copy: listeners added during the dispatch wait for the next one; removed ones are flagged and skipped.
            var listeners = listenersOf(this, event.type).slice();
            // https://dom.spec.whatwg.org/#concept-event-dispatch: at the target, the capture listeners are invoked first
            // (phase "capturing"), then the others ("bubbling"), as Firefox and WebKit do.
            for (var pass = 0; pass < 2; pass++) {
                for (var i = 0; i < listeners.length && !event._stop; i++) {
                    var listener = listeners[i];
                    var callback = listener[0];
                    if (listener[3] || listener[1] === !!pass)
                        continue;
                    if (listener[2])
                        eventTargetMethods.removeEventListener.call(this, event.type, callback, listener[1]);
                    try {
                        // https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke: an object's handleEvent that is not
                        // callable throws a TypeError, reported as any other.
                        if (typeof callback === 'function')
                            callback.call(this, event);
                        else
                            callback.handleEvent(event);
                    }
                    catch (error) {
                        reportException(error);
                    }
                }
            }
            event.currentTarget = null;
            event.eventPhase = 0;
            return !event.defaultPrevented;
        },
    };
    function ShimEventImpl(type) {
        this.type = type;
        this.timeStamp = +new Date();
    }
    ShimEventImpl.prototype = {
        target: null,
        currentTarget: null,
        eventPhase: 0,
        bubbles: false,
        cancelable: false,
        defaultPrevented: false,
        isTrusted: false,
        // Events of an event source are not cancelable: preventDefault() changes nothing.
        preventDefault: function () { },
        stopPropagation: function () { },
        stopImmediatePropagation: function () {
            this._stop = true;
        },
    };
    /** DOM bindings built on the shims: instances are plain objects whose prototype carries eventTargetMethods. */
    function shimDom() {
        function createEvent(type) {
            return new ShimEventImpl(type);
        }
        return {
            EventTarget: null,
            methods: eventTargetMethods,
            createEvent: createEvent,
            createMessageEvent: function (type, data, origin, lastEventId) {
                var event = createEvent(type);
                event.data = data;
                event.origin = origin;
                event.lastEventId = lastEventId;
                event.source = null;
                event.ports = [];
                return event;
            },
        };
    }

    // URLs where the URL constructor is missing (IE): an <a> element resolves a URL against the document's base URL,
    // and its parts give the origin. A failure is what has no scheme, or is HTTP(S) without a host.
    function anchor(input) {
        var a = document.createElement('a');
        a.href = input;
        // IE fills in the parts of a relative href only once it is given the resolved one.
        a.href = a.href;
        // An invalid URL gives the scheme ':'.
        return /^[a-z][a-z\d+.-]*:$/i.test(a.protocol) && (a.host || !/^https?:$/.test(a.protocol)) ? a : null;
    }
    function anchorParseURL(input) {
        var a = anchor(input);
        return a && a.href;
    }
    function anchorOriginOf(url) {
        var a = anchor(url);
        if (!a || !/^https?:$/.test(a.protocol))
            return 'null';
        // IE reports the default port ("80", "443"), which an origin leaves out.
        var port = a.port && a.port !== (a.protocol === 'http:' ? '80' : '443') ? ':' + a.port : '';
        return a.protocol + '//' + a.hostname + port;
    }

    // NON-SPEC: responseText holds the whole response, so once a connection has read this many characters its request
    // is replaced at the next event boundary by a new one, sent with the request's headers as they are then (the
    // current Last-Event-ID). The event source sees one connection: the new response announces nothing (the source is
    // OPEN already), and the stream goes on. What followed the boundary in that piece of text is left to the new response (a server that resumes
    // from Last-Event-ID sends it again).
    var XHR_TEXT_LIMIT = 4194304;
    // A blank line: two line endings, a CRLF counting as one.
    var EVENT_BOUNDARY = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/g;
    var xhrTransport = function (request, handlers) {
        var xhr;
        // 0: waiting for the headers, 1: reading the body, 2: ended or aborted.
        var phase;
        var seen;
        // IE 9-era engines cannot read responseText before the response is complete: they long-poll (see change()).
        var buffered = false;
        // XHR's decoder strips a leading BOM, and so does the parser, once per connection: the response's text starts with
        // one given back, so that a second BOM is the first line's, as on the fetch path ("format-bom"). (Not for a
        // replacement request: its text continues the stream.)
        var bom = '\uFEFF';
        function read(done) {
            var text;
            try {
                text = xhr.responseText;
            }
            catch (error) {
                buffered = true;
                return;
            }
            // An engine that decodes all it has each time (jsdom, some old WebViews) ends the text with U+FFFD while a
            // character's bytes are still arriving: that one waits for the next read.
            var end = text.length;
            if (!done && text.charCodeAt(end - 1) === 0xfffd)
                end--;
            if (end > seen) {
                var piece = text.slice(seen, end);
                var boundary = -1;
                if (end > XHR_TEXT_LIMIT) {
                    EVENT_BOUNDARY.lastIndex = 0;
                    while (EVENT_BOUNDARY.exec(piece))
                        boundary = EVENT_BOUNDARY.lastIndex;
                    if (boundary >= 0)
                        piece = piece.slice(0, boundary);
                }
                seen = end;
                handlers.chunk(bom + piece);
                bom = '';
                // (The chunk's events may have aborted the request: phase 2.)
                if (boundary >= 0 && phase === 1) {
                    stop();
                    send();
                }
            }
        }
        function change() {
            var readyState = xhr.readyState;
            // HEADERS_RECEIVED, with a status: a network error (status 0) is only known when the request is DONE.
            if (phase === 0 && readyState > 1 && xhr.status) {
                phase = 1;
                handlers.response(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseURL, xhr);
            }
            if (phase === 1 && readyState > 2)
                read(readyState === 4);
            if (phase !== 2 && readyState === 4) {
                var ok = phase === 1;
                phase = 2;
                handlers.end(ok ? undefined : new Error('network error'), ok && buffered);
            }
        }
        function send() {
            var current = (xhr = new XMLHttpRequest());
            phase = seen = 0;
            xhr.open(request.method || 'GET', request.url, true);
            xhr.withCredentials = request.withCredentials;
            var headers = request.headers();
            for (var name_1 in headers)
                xhr.setRequestHeader(name_1, headers[name_1]);
            // Event streams are always UTF-8, whatever the Content-Type says.
            if (xhr.overrideMimeType)
                xhr.overrideMimeType('text/plain; charset=utf-8');
            // IE 9 has no progress events on XHR at all: such an engine can only long-poll.
            if (!('onprogress' in xhr))
                buffered = true;
            // A replaced request's late events are ignored.
            xhr.onreadystatechange = xhr.onprogress = function () {
                if (current === xhr)
                    change();
            };
            xhr.send(request.body);
        }
        // (What abort() fires finds phase 2, and is ignored.)
        function stop() {
            phase = 2;
            xhr.abort();
        }
        send();
        return function abort() {
            if (phase !== 2)
                stop();
        };
    };

    // The legacy add-on: what old engines lack, plugged into the ponyfill's seams. Imported by the polyfill entry and
    // the script-tag build only, so that `import { EventSource }` stays small for modern runtimes. It changes no
    // global; it completes the one EventSource class whichever order the modules were evaluated in.
    platform.xhr = xhrTransport;
    if (!platform.dom) {
        platform.dom = shimDom();
        // EventSource.prototype inherits no EventTarget.prototype here: it gets the shim's methods as its own.
        var prototype = EventSource.prototype;
        // (An assignment makes a property writable, enumerable and configurable, as WebIDL's operations are.)
        for (var name_1 in eventTargetMethods)
            prototype[name_1] = eventTargetMethods[name_1];
    }
    try {
        new URL('http://a/');
    }
    catch (error) {
        if (typeof document !== 'undefined') {
            platform.parseURL = anchorParseURL;
            platform.originOf = anchorOriginOf;
        }
    }

    // Installing the global: the only side effect in the package, shared by the polyfill entry and the script tag.
    var global = globalObject();
    /** Makes the ponyfill the global EventSource, only where there is none: a native one is never replaced. */
    function install() {
        if (!global.EventSource)
            global.EventSource = EventSource;
    }

    // The script-tag build: the ponyfill with the legacy add-on, installed where EventSource is missing, and exposed
    // as WhatwgEventSource. Included twice, the second copy finds both globals in place and changes nothing.
    if (!global.WhatwgEventSource)
        global.WhatwgEventSource = { EventSource: EventSource, createParser: createParser };
    install();

})();
