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

    function noop$4() { }
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
                    body.cancel().then(noop$4, noop$4);
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
                reader.cancel().then(noop$4, noop$4);
            controller.abort();
        };
    };

    // The EventSource interface and its processing model, step by step.
    // https://html.spec.whatwg.org/multipage/server-sent-events.html
    //
    // Map: the types and the instance's slots; the seam of subclasses (Policy); construct(), which is the
    // constructor's steps, then the processing model's algorithms in spec order; then the interface object.
    var CONNECTING$1 = 0;
    var OPEN$2 = 1;
    var CLOSED$1 = 2;
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
        if (!policyFor) {
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
            readyState: CONNECTING$1,
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
        if (policyFor)
            state.skipWait = skipWait;
        Object.defineProperty(ev, SLOTS, { value: state });
        var dispatchEvent = dom.methods.dispatchEvent;
        // The origin of the event stream's final URL (i.e., the URL after redirects).
        var origin;
        var abortFetch = null;
        var timer;
        // The plain class has none. (So a bundle with the plain class alone drops every use of the policy when its
        // minifier inlines construct(): 125 B gzip of `import { EventSource }`.)
        var policy = policyFor ? policyFor(ev, state, transport) : null;
        if (policy && policy.transport)
            transport = policy.transport;
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
            maxSize: policy ? policy.maxSize : undefined,
            onError: policy
                ? function (error) {
                    lost('size', error);
                }
                : undefined,
        });
        if (policy)
            state.reset = parser$1.reset;
        var handlers = { response: processResponse, chunk: parser$1.feed, end: processEndOfBody };
        function dispatch(event, message) {
            if (policy && policy.dispatching)
                policy.dispatching(event, message);
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
            var delay = policy && policy.wait ? policy.wait(reason, spec, error) : spec;
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
            if (state.readyState === CONNECTING$1) {
                state.readyState = OPEN$2;
                dispatch(dom.createEvent('open'));
            }
        }
        // https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
        function reestablishTheConnection(delay) {
            // 1. If the readyState attribute is set to CLOSED, abort these steps.
            if (state.readyState === CLOSED$1)
                return;
            // 2. Queue a task to run the following steps: if the readyState attribute is set to CLOSED, abort these steps;
            //    set the readyState attribute to CONNECTING; fire an event named error at the EventSource object.
            state.readyState = CONNECTING$1;
            dispatch(dom.createEvent('error'));
            // 3. Wait a delay equal to the reconnection time of the event source. 4. Optionally, wait some more: `delay`,
            //    what the policy decided. (5. The task of step 2 has run.)
            if (state.readyState === CONNECTING$1) {
                timer = setTimeout(function () {
                    // 6. Queue a task: 6.1. If the EventSource object's readyState attribute is not set to CONNECTING, then
                    //    return. 6.2.-6.4. Let request be the EventSource object's request, set `Last-Event-ID`, fetch it.
                    if (state.readyState === CONNECTING$1)
                        connect();
                }, Math.min(delay, MAX_DELAY));
            }
        }
        // (Waiting: CONNECTING, with no fetch.)
        function skipWait() {
            if (state.readyState === CONNECTING$1 && !abortFetch) {
                clearTimeout(timer);
                connect();
            }
        }
        // https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
        function failTheConnection() {
            // "Queue a task which, if the readyState attribute is set to a value other than CLOSED, sets the readyState
            // attribute to CLOSED and fires an event named error at the EventSource object. Once the user agent has failed
            // the connection, it does not attempt to reconnect."
            if (state.readyState !== CLOSED$1) {
                state.readyState = CLOSED$1;
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
            if (state.readyState !== CLOSED$1) {
                dispatch(dom.createMessageEvent(message.type, message.data, origin, message.lastEventId), true);
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
            state.readyState = CLOSED$1;
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
    var EventSource$1 = /*#__PURE__*/ (function () {
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
        var prototype = EventSource$1.prototype;
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
            global.EventSource = EventSource$1;
    }

    // The script-tag build: the ponyfill with the legacy add-on, installed where EventSource is missing, and exposed
    // as WhatwgEventSource. Included twice, the second copy finds both globals in place and changes nothing.
    if (!global.WhatwgEventSource)
        global.WhatwgEventSource = { EventSource: EventSource$1, createParser: createParser };
    install();

    // What the parts of the extended class share about one instance: a record kept beside the core's slots.
    /** The record of an extended instance; undefined for a plain one. Throws on anything that is not an EventSource. */
    function instanceOf(source) {
        return slots(source).extended;
    }
    /** Makes the record of a new extended instance (or of a subclass's) and keeps it in the instance's slots. */
    function attach(state, options, close, release) {
        var instance = {
            options: options,
            state: state,
            attempts: 0,
            cause: null,
            pending: null,
            opened: null,
            failure: null,
            sinks: [],
            resume: null,
            chunks: 0,
            close: close,
            release: release,
        };
        state.extended = instance;
        return instance;
    }

    // `for await (const event of source)`: every message event the source dispatches from then on (the very objects
    // its listeners get), of any type, queued until read. It ends when the source closes, and throws when it failed.
    function describe(details) {
        var error = details.error;
        var cause = error && typeof error.message === 'string' ? ': ' + error.message : '';
        switch (details.reason) {
            case 'response':
                return details.status !== 200
                    ? 'HTTP ' + details.status + (details.statusText ? ' ' + details.statusText : '')
                    : 'the Content-Type ' + (details.contentType || '(none)') + ' is not text/event-stream';
            case 'network':
                return 'network error' + cause;
            case 'headers':
                return 'the headers option failed' + cause;
            case 'size':
                return 'an event was larger than maxEventSize';
            default:
                return details.reason + cause;
        }
    }
    /** Copies the details' own enumerable properties onto the target (an Error, an open or error event). */
    function assign(target, details) {
        for (var name_1 in details)
            target[name_1] = details[name_1];
    }
    function failureOf(details) {
        var error = new Error('EventSource failed: ' + describe(details));
        assign(error, details);
        error.cause = details.error;
        return error;
    }
    var asyncIteratorSymbol = typeof Symbol === 'function' ? Symbol.asyncIterator : undefined;
    /** The async iterator of a source. */
    function iterate(source) {
        var instance = instanceOf(source);
        var queue = [];
        var waiting = [];
        var ended = !instance || instance.state.readyState === CLOSED$1;
        var failure = ended && instance && instance.failure ? failureOf(instance.failure) : null;
        function settle() {
            while (waiting.length) {
                var next = waiting.shift();
                if (failure)
                    next[1](failure);
                else
                    next[0]({ value: undefined, done: true });
                failure = null;
            }
        }
        var sink = {
            push: function (event) {
                var next = waiting.shift();
                if (next)
                    next[0]({ value: event, done: false });
                else
                    queue.push(event);
            },
            end: function () {
                ended = true;
                failure = instance.failure ? failureOf(instance.failure) : null;
                settle();
            },
        };
        if (!ended)
            instance.sinks.push(sink);
        var iterator = {
            next: function () {
                if (queue.length)
                    return Promise.resolve({ value: queue.shift(), done: false });
                if (ended) {
                    var error = failure;
                    failure = null;
                    return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
                }
                return new Promise(function (resolve, reject) {
                    waiting.push([resolve, reject]);
                });
            },
            // `break` out of a for await loop closes the source.
            return: function () {
                ended = true;
                failure = null;
                queue.length = 0;
                if (instance) {
                    var index = instance.sinks.indexOf(sink);
                    if (index >= 0)
                        instance.sinks.splice(index, 1);
                }
                source.close();
                settle();
                return Promise.resolve({ value: undefined, done: true });
            },
        };
        iterator[asyncIteratorSymbol] = function () {
            return this;
        };
        return iterator;
    }

    // NON-SPEC: pages as they really live. Mobile browsers freeze background pages and may kill their connections without
    // telling the page: iOS Safari ends the fetch and XHR streams of a backgrounded page with no error, so a source
    // stays OPEN and never receives anything again; a network change or a proxy can leave a socket dead just as
    // silently, and then nothing tells any EventSource (Chromium's own stays OPEN: test/extended/lifecycle.test.ts).
    // So when the page
    // comes back (resume, pageshow from the back/forward cache, visibilitychange to visible, online) and its connection
    // shows signs of being dead, it is replaced at once: the spec's "reestablish the connection" (an `error` event
    // with reason 'resume', then a request with the last event ID), without the reconnection time's wait.
    //
    // Signs of being dead, in the default mode ('auto'): nothing arrived on the connection (not a byte, not even the
    // response's headers) while the page was away, and either the page's scripts were stopped meanwhile (`resume` after
    // `freeze`; `pageshow` with `persisted`: restored from the back/forward cache) or the network went away (`online`),
    // or the page was hidden for AWAY_LIMIT ms or more (iOS suspends a hidden page without `freeze`). A source waiting
    // to reconnect connects at once instead. That is safe: a reconnection is what the spec does after any network
    // error, and it carries the last event ID, so a server that resumes from it loses and repeats nothing; a connection
    // that was alive but quiet costs one request. Nothing is ever closed or paused because the page is hidden.
    //
    // The events are listened to on the global object (in a worker only `online` and `offline` come), where
    // `visibilitychange` bubbles from the document, and on the document for `freeze` and `resume`, which do not bubble
    // (Chromium 156, measured).
    /** The least time hidden (ms) after which a connection that received nothing meanwhile is taken for dead. */
    var AWAY_LIMIT = 10000;
    var TYPES = ['pagehide', 'pageshow', 'visibilitychange', 'offline', 'online'];
    var DOCUMENT_TYPES = ['freeze', 'resume'];
    function now() {
        return new Date().getTime();
    }
    /**
     * Watches the page for `instance` in the given mode (true: replace the connection at every resume, restore or
     * online, whatever it received; 'auto': only when it shows signs of being dead). Returns what stops watching, or
     * null where the global object has no events.
     */
    function watchPage(instance, mode) {
        var scope = globalObject();
        // (The methods as they are now: a page may replace them later.)
        var add = scope.addEventListener;
        var remove = scope.removeEventListener;
        if (!add || !remove)
            return null;
        var doc = typeof document != 'undefined' && document && document.addEventListener ? document : null;
        // The chunks the connection had received when the page last went away (-1: it never did), and when. One return
        // fires several events (visibilitychange, then pageshow; resume, later visibilitychange): each is judged against
        // the same mark, so that one that finds data arrived does not make the next one see no mark at all.
        var away = false;
        var mark = -1;
        var since = 0;
        function goAway() {
            if (!away) {
                away = true;
                mark = instance.chunks;
                since = now();
            }
        }
        // The page is back; `stopped`: its scripts or its network were, meanwhile (or may have been: a `resume` or
        // `online` with no `freeze` or `offline` heard before it).
        function back(stopped) {
            away = false;
            var silent = mark < 0 || instance.chunks === mark;
            var long = stopped || (mark >= 0 && now() - since >= AWAY_LIMIT);
            if (instance.state.readyState === CLOSED$1 || !(mode === true ? stopped : silent && long))
                return;
            // Acted on: the next event of this return is judged from here.
            mark = instance.chunks;
            since = now();
            // A request in progress is replaced; a wait for the next one ends.
            if (instance.resume)
                instance.resume();
            else
                instance.state.skipWait();
        }
        function listener(event) {
            var type = event.type;
            var persisted = event.persisted;
            if (type === 'visibilitychange') {
                if (doc && doc.visibilityState === 'hidden')
                    goAway();
                else
                    back(false);
            }
            else if (type === 'freeze' || type === 'offline' || (type === 'pagehide' && persisted))
                goAway();
            else if (type === 'resume' || type === 'online' || (type === 'pageshow' && persisted))
                back(true);
        }
        function listen(on) {
            for (var i = 0; i < TYPES.length; i++)
                (on ? add : remove).call(scope, TYPES[i], listener);
            if (doc)
                for (var i = 0; i < DOCUMENT_TYPES.length; i++)
                    doc[on ? 'addEventListener' : 'removeEventListener'](DOCUMENT_TYPES[i], listener);
        }
        listen(true);
        return function () {
            listen(false);
        };
    }

    // The HTTP details of the extended class: `Retry-After`, and the last event ID as a query parameter.
    /** The text with each lone surrogate (which encodeURIComponent refuses) replaced by U+FFFD. */
    function toWellFormed(text) {
        return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd').replace(/(^|[^\ud800-\udbff])[\udc00-\udfff]/g, '$1\ufffd');
    }
    /** Any text as UTF-8 bytes in a byte string: a lone surrogate becomes U+FFFD. */
    function wellFormedByteString(text) {
        return utf8ByteString(toWellFormed(text));
    }
    var DAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
    var MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
    var TIME = ' (\\d\\d):(\\d\\d):(\\d\\d)';
    // https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7: the IMF-fixdate, and the two obsolete formats that
    // recipients must also accept. Groups: day, month, year, hour, minute, second.
    var IMF_FIXDATE = new RegExp('^(?:' + DAYS + '), (\\d\\d) (' + MONTHS + ') (\\d{4})' + TIME + ' GMT$');
    var RFC850_DATE = new RegExp('^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d\\d)-(' + MONTHS + ')-(\\d\\d)' + TIME + ' GMT$');
    // asctime-date: month, day (space-padded), hour, minute, second, year.
    var ASCTIME_DATE = new RegExp('^(?:' + DAYS + ') (' + MONTHS + ') ( \\d|\\d\\d)' + TIME + ' (\\d{4})$');
    /**
     * The wait a `Retry-After` header value asks for, in ms from `now`: delay-seconds, or an HTTP-date (0 when it is
     * past). Anything else (empty, negative, fractional, a date in another format) is malformed: undefined.
     * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
     */
    function parseRetryAfter(value, now) {
        if (value == null)
            return undefined;
        value = value.replace(/^[\t ]+|[\t ]+$/g, '');
        if (/^\d+$/.test(value))
            return Number(value) * 1000;
        var year;
        var month;
        var day;
        var time;
        var match = IMF_FIXDATE.exec(value);
        if (match) {
            year = Number(match[3]);
            month = match[2];
            day = match[1];
            time = match.slice(4);
        }
        else if ((match = RFC850_DATE.exec(value))) {
            // "a timestamp that appears to be more than 50 years in the future" is in the most recent past year with the
            // same last two digits.
            var thisYear = new Date(now).getUTCFullYear();
            year = thisYear - (thisYear % 100) + Number(match[3]);
            if (year > thisYear + 50)
                year -= 100;
            month = match[2];
            day = match[1];
            time = match.slice(4);
        }
        else if ((match = ASCTIME_DATE.exec(value))) {
            year = Number(match[6]);
            month = match[1];
            day = match[2];
            time = match.slice(3, 6);
        }
        else {
            return undefined;
        }
        var hours = Number(time[0]);
        var minutes = Number(time[1]);
        var seconds = Number(time[2]);
        var date = new Date(Date.UTC(year, MONTHS.indexOf(month) / 4, Number(day), hours, minutes, seconds));
        // Date.UTC carries out-of-range fields over (Feb 30, 25:00): such a date is malformed. Second 60 is a leap second.
        if (date.getUTCDate() !== Number(day) || hours > 23 || minutes > 59 || seconds > 60)
            return undefined;
        return Math.max(0, date.getTime() - now);
    }
    /**
     * `url` with the query parameter `name` set to `value` (percent-encoded UTF-8; a lone surrogate as U+FFFD would
     * be): any parameter of that name already there is replaced, and the fragment stays last.
     */
    function setQueryParameter(url, name, value) {
        var hash = url.indexOf('#');
        var fragment = hash < 0 ? '' : url.slice(hash);
        var rest = hash < 0 ? url : url.slice(0, hash);
        var question = rest.indexOf('?');
        var key = encodeURIComponent(name);
        var pairs = question < 0 ? [] : rest.slice(question + 1).split('&');
        if (question >= 0)
            rest = rest.slice(0, question);
        var kept = [];
        for (var i = 0; i < pairs.length; i++)
            if (pairs[i] && pairs[i].split('=')[0] !== key)
                kept.push(pairs[i]);
        kept.push(key + '=' + encodeURIComponent(toWellFormed(value)));
        return rest + '?' + kept.join('&') + fragment;
    }

    // The options of the extended class: read once, in the constructor, checked, with their defaults. Pure.
    /** The default of maxEventSize, in characters. */
    var DEFAULT_MAX_EVENT_SIZE = 8388608;
    // https://fetch.spec.whatwg.org/#concept-method and #concept-header-name: tokens.
    var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    function rangeError(message) {
        return new RangeError(FAILED + message);
    }
    /** A number option: undefined gives the default; Infinity only where allowed. */
    function number(init, name, fallback, min, infinite) {
        var value = init[name];
        if (value === undefined)
            return fallback;
        if (typeof value !== 'number')
            throw failedToConstruct(name + ' must be a number');
        if (!(value >= min) || (value === Infinity && !infinite)) {
            throw rangeError(name + ' must be a ' + (infinite ? '' : 'finite ') + 'number at least ' + min + ', not ' + value);
        }
        return value;
    }
    function boolean(init, name, fallback) {
        var value = init[name];
        if (value === undefined)
            return fallback;
        if (typeof value !== 'boolean')
            throw failedToConstruct(name + ' must be true or false');
        return value;
    }
    /** Header names and values, checked, with the values as byte strings. `what` names the culprit in errors. */
    function normalizeHeaders(value, what) {
        var headers = {};
        if (value == null)
            return headers;
        if (typeof value !== 'object')
            throw new TypeError(what + ' must be an object of header names to values, or a Headers object');
        function add(text, name) {
            if (!TOKEN.test(name))
                throw new TypeError(what + ": '" + name + "' is not a valid header name");
            if (typeof text !== 'string')
                throw new TypeError(what + ': the value of ' + name + ' must be a string, not ' + typeof text);
            if (/[\0\r\n]/.test(text))
                throw new TypeError(what + ': the value of ' + name + ' contains NUL, CR or LF');
            headers[name] = wellFormedByteString(text);
        }
        var list = value;
        if (typeof list.forEach === 'function' && typeof list.get === 'function') {
            list.forEach(add);
        }
        else {
            for (var name_1 in list)
                if (Object.prototype.hasOwnProperty.call(list, name_1))
                    add(list[name_1], name_1);
        }
        return headers;
    }
    /** Reads and checks the options of the extended class: a TypeError or RangeError says what is wrong. */
    function readOptions(init) {
        var headers = init.headers;
        if (typeof headers !== 'function')
            headers = normalizeHeaders(headers, FAILED + 'headers');
        var method = init.method;
        if (method !== undefined) {
            if (typeof method !== 'string' || !TOKEN.test(method))
                throw failedToConstruct('method must be a method name such as POST');
            var upper = method.toUpperCase();
            if (/^(CONNECT|TRACE|TRACK)$/.test(upper))
                throw failedToConstruct('method ' + method + ' is forbidden');
            if (/^(DELETE|GET|HEAD|OPTIONS|POST|PUT)$/.test(upper))
                method = upper;
        }
        var body = init.body;
        if (body != null) {
            // (By class, not ArrayBuffer.isView, which IE 10 lacks: typed arrays and DataViews are views.)
            if (typeof body !== 'string' &&
                !/^\[object (Blob|File|FormData|URLSearchParams|ArrayBuffer|DataView|(Big)?(Ui|I)nt\d+(Clamped)?Array|Float\d+Array)\]$/.test(Object.prototype.toString.call(body))) {
                throw failedToConstruct('body must be a string, URLSearchParams, FormData, Blob, ArrayBuffer or typed array (JSON.stringify an object; ' +
                    'a stream cannot be sent again when reconnecting)');
            }
            if (method === undefined || method === 'GET' || method === 'HEAD')
                throw failedToConstruct("a body needs a method such as 'POST'");
        }
        var lastEventId = init.lastEventId === undefined ? '' : init.lastEventId;
        if (typeof lastEventId !== 'string')
            throw failedToConstruct('lastEventId must be a string');
        if (/[\0\r\n]/.test(lastEventId))
            throw failedToConstruct('lastEventId cannot contain NUL, CR or LF');
        // (Sent as UTF-8: a lone surrogate becomes U+FFFD, as it would have in a stream.)
        var lastEventIdIn = init.lastEventIdIn === undefined ? 'header' : init.lastEventIdIn;
        if (lastEventIdIn !== 'header' && lastEventIdIn !== 'query' && lastEventIdIn !== 'both') {
            throw failedToConstruct("lastEventIdIn must be 'header', 'query' or 'both'");
        }
        var lastEventIdParam = init.lastEventIdParam === undefined ? 'lastEventId' : init.lastEventIdParam;
        if (typeof lastEventIdParam !== 'string' || !lastEventIdParam)
            throw failedToConstruct('lastEventIdParam must be a non-empty string');
        var backoff = null;
        var backoffOption = init.backoff;
        if (backoffOption && typeof backoffOption === 'object') {
            var b = backoffOption;
            backoff = { multiplier: number(b, 'multiplier', 2, 1), max: number(b, 'max', 30000, 0, true), jitter: number(b, 'jitter', 0.5, 0) };
            if (backoff.jitter > 1)
                throw rangeError('backoff.jitter must be between 0 and 1');
        }
        else if (boolean(init, 'backoff', false)) {
            backoff = { multiplier: 2, max: 30000, jitter: 0.5 };
        }
        var maxRetries = number(init, 'maxRetries', Infinity, 0, true);
        if (maxRetries !== Infinity && maxRetries % 1)
            throw rangeError('maxRetries must be a whole number');
        var statuses = init.reconnectOnStatus === undefined ? [] : init.reconnectOnStatus;
        if (!Array.isArray(statuses))
            throw failedToConstruct('reconnectOnStatus must be an array of HTTP statuses');
        for (var i = 0; i < statuses.length; i++) {
            var status_1 = statuses[i];
            if (typeof status_1 !== 'number' || status_1 % 1 || status_1 < 100 || status_1 > 599 || status_1 === 200) {
                throw rangeError('reconnectOnStatus: ' + status_1 + ' is not an HTTP status other than 200');
            }
        }
        var signal = init.signal;
        if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
            throw failedToConstruct('signal must be an AbortSignal');
        }
        var inactivityTimeout = number(init, 'inactivityTimeout', 0, 0, true);
        var resume = init.reconnectOnResume === undefined ? 'auto' : init.reconnectOnResume;
        if (resume !== 'auto' && typeof resume !== 'boolean')
            throw failedToConstruct("reconnectOnResume must be true, false or 'auto'");
        // (The event source reads it; the checks here say more.)
        number(init, 'reconnectionTime', 3000, 0);
        return {
            headers: headers,
            method: method,
            body: body,
            lastEventId: toWellFormed(lastEventId),
            lastEventIdIn: lastEventIdIn,
            lastEventIdParam: lastEventIdParam,
            backoff: backoff,
            maxRetries: maxRetries,
            reconnectOnStatus: statuses.slice(),
            reconnectOnEnd: boolean(init, 'reconnectOnEnd', true),
            // 0 and Infinity: off.
            inactivityTimeout: inactivityTimeout === Infinity ? 0 : Math.min(inactivityTimeout, MAX_DELAY),
            reconnectOnResume: resume,
            signal: signal,
            maxEventSize: number(init, 'maxEventSize', DEFAULT_MAX_EVENT_SIZE, 1, true),
        };
    }

    // The reconnection policy of the extended class: how long to wait before the next request, or whether to fail the
    // connection instead. Pure: the core asks it, through the instance's wait(), at the spec's "Optionally, wait some
    // more" step.
    /** The wait before reconnection number `attempt` (1 for the first in a row), with the backoff, if any. */
    function backoffDelay(backoff, attempt, reconnectionTime) {
        if (!backoff)
            return reconnectionTime;
        var grown = reconnectionTime * Math.pow(backoff.multiplier, attempt - 1);
        return Math.min(grown * (1 + backoff.jitter * Math.random()), Math.max(backoff.max, reconnectionTime));
    }
    /**
     * The ms to wait before the next request after a connection was lost for `cause`, or -1: fail the connection.
     * `attempts` counts the reconnections in a row before this one; `reconnectionTime` is the event source's.
     */
    function nextDelay(options, cause, attempts, reconnectionTime) {
        if (cause.now)
            return 0;
        var details = cause.details;
        var reason = details.reason;
        if (cause.fail ||
            reason === 'size' ||
            (reason === 'response' && options.reconnectOnStatus.indexOf(details.status) < 0) ||
            (reason === 'end' && !options.reconnectOnEnd) ||
            attempts + 1 > options.maxRetries) {
            return -1;
        }
        var delay = backoffDelay(options.backoff, attempts + 1, reconnectionTime);
        if (cause.retryAfter !== undefined && cause.retryAfter > delay)
            delay = cause.retryAfter;
        return Math.min(Math.round(delay), MAX_DELAY);
    }

    // `EventSource.fromReadableStream(stream)`: an event source that reads a byte stream the application already holds
    // (a fetch() body made with any headers, say), as whatwg/html#12272 proposes (open; followed at its head commit
    // b8125939f24bfdb53e1395c5c6e575e47991f9e9, "Add reset() method to EventSource", over
    // 3e74d905e78817ab4a8f91cecf1d8aaa810f2e31, and its tests, web-platform-tests#58550). The PR's spec text was not
    // reachable: what follows comes from its description and commit messages, and where they are silent from the tests.
    //
    // It is not a second processing model: the stream is one more transport under the core's construct(), announced
    // once and read to its end, and the policy fails the connection when it ends ("Since there can't be any automatic
    // reconnection and streams can't be reopened", the PR's author: error, CLOSED, no reconnection).
    /** The URL of an event source made from a stream (#12272 defines it). Its origin is opaque: events say "null". */
    var STREAM_URL = 'about:event-stream';
    function noop$3() { }
    /** Checks the argument of fromReadableStream(): a TypeError for what is not a stream, or a locked one. */
    function checkStream(stream) {
        var s = stream;
        if (!s || typeof s.getReader !== 'function')
            throw new TypeError(FAILED + 'fromReadableStream() needs a ReadableStream');
        // WPT: "throws TypeError if the stream is locked".
        if (s.locked)
            throw new TypeError(FAILED + 'the stream is locked: another reader is reading it');
        return s;
    }
    /**
     * The transport of a stream-made source. The core calls it once, in construct(); it gets the stream's reader there
     * (so the stream is locked from then on), announces the connection in a microtask, and hands over each chunk.
     */
    function streamTransport(stream) {
        return function (_request, handlers) {
            var reader = stream.getReader();
            var done = false;
            function end(error) {
                if (!done) {
                    done = true;
                    handlers.end(error);
                }
            }
            // As the fetch transport reads a body: the next read is asked for as a promise reaction, so that a chunk is
            // parsed as soon as the stream gives it (WPT's TransformStream tests read lastEventId once pipeTo() resolves).
            function read(result) {
                if (done)
                    return;
                if (result) {
                    if (result.done)
                        return end();
                    var chunk = result.value;
                    // Bytes only, as fetch reads a body: a chunk that is not a Uint8Array fails the connection, and the rest of
                    // the stream is cancelled. (#12272's text on this was not reachable; this is Fetch's rule for bodies.)
                    if (Object.prototype.toString.call(chunk) !== '[object Uint8Array]') {
                        var error = new TypeError(FAILED + 'a chunk of the stream is not a Uint8Array');
                        reader.cancel(error).then(noop$3, noop$3);
                        return end(error);
                    }
                    try {
                        handlers.chunk(chunk);
                    }
                    catch (error) {
                        return end(error);
                    }
                    if (done)
                        return;
                }
                reader.read().then(read, end);
            }
            // The connection is announced once the constructor has returned (WPT: CONNECTING right after it, then `open`
            // with OPEN), even for a stream that is already closed or errored: `open`, then `error`.
            Promise.resolve().then(function () {
                if (done)
                    return;
                handlers.response(200, 'text/event-stream', STREAM_URL);
                read();
            });
            // close(): the stream is cancelled, so that its source (a fetch, a pipe) stops too.
            return function abort() {
                if (done)
                    return;
                done = true;
                reader.cancel().then(noop$3, noop$3);
            };
        };
    }

    // The request decorator of the extended class: it wraps the transport the event source chose, and for each
    // connection sends the request the options ask for (headers, method and body, the last event ID in the query),
    // bounds a silent connection (inactivityTimeout), and reads the start of a failed response's body for the error
    // event. It keeps no reconnection timer, last event ID or origin: the event source's are the only ones. When it
    // ends a connection itself it says why in the instance's `cause`, then ends the body as a transport would.
    /** How much of a failed response's body an error event carries (characters), and how long it is waited for (ms). */
    var ERROR_BODY_SIZE = 4096;
    var ERROR_BODY_WAIT = 1000;
    function noop$2() { }
    function header(details, name) {
        try {
            if (details && details.headers)
                return details.headers.get(name);
            if (details && details.getResponseHeader)
                return details.getResponseHeader(name);
        }
        catch (error) {
            // An XMLHttpRequest may refuse to show a header.
        }
        return null;
    }
    function because(reason, error) {
        return { reason: reason, error: error, willReconnect: false, attempt: 0 };
    }
    function decorate(instance, inner) {
        var o = instance.options;
        return function (request, handlers) {
            // An AbortSignal that was aborted before the constructor: closed before any request.
            if (o.signal && o.signal.aborted) {
                instance.close();
                return noop$2;
            }
            var finished = false;
            var abortRequest = null;
            // The wait for a headers function's turn, then for the body of a failed response.
            var timer;
            var stall;
            // A failed response whose body is being read for the error event, and its status etc.
            var failure = null;
            var failed;
            var text = '';
            var decode;
            function stop() {
                finished = true;
                clearTimeout(timer);
                clearTimeout(stall);
                if (instance.resume === resume)
                    instance.resume = null;
                var abortNow = abortRequest;
                abortRequest = null;
                if (abortNow)
                    abortNow();
            }
            // Ends the connection for `cause`, as a transport ends a body: the event source then asks the policy.
            function lose(cause) {
                stop();
                instance.cause = cause;
                handlers.end(cause.details.error);
            }
            // Connecting or open: the connection predates the network change, so it is replaced.
            function resume() {
                if (!failure)
                    lose({ details: because('resume'), now: true });
            }
            instance.resume = resume;
            function armStall() {
                var timeout = o.inactivityTimeout;
                if (!timeout)
                    return;
                clearTimeout(stall);
                stall = setTimeout(function () {
                    if (failure)
                        return finishBody();
                    var error = new Error('no data received for ' + timeout + ' ms');
                    error.name = 'TimeoutError';
                    lose({ details: because('timeout', error) });
                }, timeout);
            }
            function start() {
                armStall();
                var headers = o.headers;
                if (typeof headers !== 'function')
                    return send(headers);
                var value;
                try {
                    value = headers();
                }
                catch (error) {
                    return lose({ details: because('headers', error) });
                }
                if (value && typeof value.then === 'function') {
                    value.then(function (result) {
                        if (!finished)
                            send(result, true);
                    }, function (error) {
                        if (!finished)
                            lose({ details: because('headers', error) });
                    });
                }
                else
                    send(value, true);
            }
            function send(given, dynamic) {
                // The headers function may have closed the source.
                if (finished)
                    return;
                var own;
                try {
                    own = dynamic ? normalizeHeaders(given, 'the headers function returned a value that') : given;
                }
                catch (error) {
                    return lose({ details: because('headers', error), fail: true });
                }
                abortRequest = inner({
                    // Read at each HTTP request, as `headers()` is called: the last event ID as of then.
                    get url() {
                        var id = instance.state.lastEventIdString;
                        return id && o.lastEventIdIn !== 'header' ? setQueryParameter(request.url, o.lastEventIdParam, id) : request.url;
                    },
                    withCredentials: request.withCredentials,
                    fetch: request.fetch,
                    method: o.method,
                    body: o.body,
                    headers: function () {
                        var headers = request.headers();
                        if (o.lastEventIdIn === 'query')
                            delete headers['Last-Event-ID'];
                        for (var name_1 in own) {
                            var lower = name_1.toLowerCase();
                            for (var existing in headers)
                                if (existing.toLowerCase() === lower)
                                    delete headers[existing];
                            headers[name_1] = own[name_1];
                        }
                        return headers;
                    },
                }, { response: response, chunk: chunk, end: end });
            }
            function response(status, contentType, url, details) {
                if (finished)
                    return;
                instance.chunks++;
                armStall();
                if (status === 200 && isEventStream(contentType)) {
                    instance.opened = { status: status, statusText: (details && details.statusText) || '', contentType: contentType };
                    return handlers.response(status, contentType, url);
                }
                // A failed response: its body is read, up to ERROR_BODY_SIZE characters or ERROR_BODY_WAIT ms, before the
                // event source hears of it.
                failed = [status, contentType, url];
                failure = {
                    details: {
                        reason: 'response',
                        status: status,
                        statusText: (details && details.statusText) || '',
                        contentType: contentType,
                        body: '',
                        willReconnect: false,
                        attempt: 0,
                    },
                };
                // (reconnectOnStatus never holds 200: readOptions refuses it.)
                if (o.reconnectOnStatus.indexOf(status) >= 0)
                    failure.retryAfter = parseRetryAfter(header(details, 'Retry-After'), new Date().getTime());
                timer = setTimeout(finishBody, ERROR_BODY_WAIT);
            }
            function chunk(data) {
                if (finished)
                    return;
                instance.chunks++;
                armStall();
                if (!failure)
                    return handlers.chunk(data);
                if (typeof data !== 'string') {
                    try {
                        data = (decode || (decode = createUtf8StreamDecoder()))(data);
                    }
                    catch (error) {
                        data = '';
                    }
                }
                text += data;
                if (text.length >= ERROR_BODY_SIZE)
                    finishBody();
            }
            // The failed response, with its body, goes to the event source, which asks the policy (and then aborts this).
            function finishBody() {
                var cause = failure;
                // The body as text, one leading BOM stripped as UTF-8 decode does (and Response.text()): on the XHR path the
                // transport gives back the one that XHR's decoder stripped, for the event stream parser.
                var body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
                cause.details.body = body.length > ERROR_BODY_SIZE ? body.slice(0, ERROR_BODY_SIZE) : body;
                instance.cause = cause;
                handlers.response(failed[0], failed[1], failed[2]);
            }
            function end(error, polled) {
                if (finished)
                    return;
                if (failure)
                    return finishBody();
                stop();
                handlers.end(error, polled);
            }
            // A headers function is called in a task of its own, never inside the constructor (where it could not yet
            // see the variable that the new instance will be assigned to).
            if (typeof o.headers === 'function')
                timer = setTimeout(start, 0);
            else
                start();
            return stop;
        };
    }

    // `import { EventSource } from 'whatwg-eventsource/extended'`: a subclass of the package's EventSource with opt-in
    // options beyond the spec. Importing it changes nothing else: the plain class, and a global the polyfill installed,
    // keep exactly the spec's behaviour. Without options an instance behaves as the spec says (the integration suite
    // runs against it too), apart from the memory bound of maxEventSize, an implementation-defined limit of the kind
    // HTML allows ("User agents may impose implementation-specific limits on otherwise unconstrained inputs").
    //
    // It has no processing model of its own: the core's construct() runs it with a policy (the core's Policy seam):
    //   transport    request.ts wraps the chosen transport (headers, method and body, inactivity, failed bodies);
    //   wait         policy.ts decides, when a connection is lost, how long to wait or whether to fail;
    //   dispatching  the details of each `open` and `error` event are set on it, message events go to the iterators;
    //   maxSize      maxEventSize.
    // The policy of one instance, made by construct() once the instance's slots exist.
    function policyFor(options) {
        return function (ev, state, transport) {
            var instance = attach(state, options, function () {
                ev.close();
            }, release);
            if (options.lastEventId)
                state.lastEventIdString = options.lastEventId;
            function onAbort() {
                ev.close();
            }
            // (Off: false. In 'auto', the default, only a connection that shows signs of being dead is replaced.)
            var unwatch = options.reconnectOnResume ? watchPage(instance, options.reconnectOnResume) : null;
            var signal = options.signal;
            if (signal && !signal.aborted)
                signal.addEventListener('abort', onAbort);
            function release() {
                if (signal)
                    signal.removeEventListener('abort', onAbort);
                if (unwatch)
                    unwatch();
                var sinks = instance.sinks.splice(0, instance.sinks.length);
                for (var i = 0; i < sinks.length; i++)
                    sinks[i].end();
            }
            return {
                transport: decorate(instance, transport),
                maxSize: options.maxEventSize === Infinity ? undefined : options.maxEventSize,
                // The connection was lost: the request decorator's cause if it ended it, else the event source's reason.
                wait: function (reason, spec, error) {
                    var cause = instance.cause || { details: { reason: reason, error: error, willReconnect: false, attempt: 0 } };
                    instance.cause = null;
                    // A network error the spec deems futile fails; a failed response is the options' to decide.
                    if (spec < 0 && reason !== 'response')
                        cause.fail = true;
                    var delay = nextDelay(options, cause, instance.attempts, spec < 0 ? state.reconnectionTime : spec);
                    var details = cause.details;
                    if (delay < 0) {
                        if (details.reason !== 'end')
                            instance.failure = details;
                    }
                    else {
                        if (!cause.now)
                            instance.attempts++;
                        details.willReconnect = true;
                        details.reconnectDelay = delay;
                    }
                    details.attempt = instance.attempts;
                    instance.pending = details;
                    return delay;
                },
                dispatching: function (event, message) {
                    if (message) {
                        // First the iterators, so that a listener that closes the source ends them after this message.
                        var sinks = instance.sinks;
                        for (var i = 0; i < sinks.length; i++)
                            sinks[i].push(event);
                    }
                    else if (event.type === 'open') {
                        instance.attempts = 0;
                        if (instance.opened)
                            assign(event, instance.opened);
                        instance.opened = null;
                    }
                    else {
                        var details = instance.pending;
                        instance.pending = null;
                        if (details)
                            assign(event, details);
                        if (state.readyState === CLOSED$1)
                            release();
                    }
                },
            };
        };
    }
    // fromReadableStream(): the extended class's policy with no options, whose transport is the stream and which fails
    // the connection whenever it is lost (the spec's answer of -1: error, CLOSED, never a reconnection).
    function streamPolicyFor(stream) {
        // (No page watching: a stream that dies is the application's to replace, and its end closes the source.)
        var base = policyFor(readOptions({ reconnectOnResume: false }));
        return function (ev, state, transport) {
            var policy = base(ev, state, transport);
            var wait = policy.wait;
            policy.transport = streamTransport(stream);
            policy.wait = function (reason, _spec, error) {
                return wait(reason, -1, error);
            };
            return policy;
        };
    }
    // The class: `function`, not `class`, since the output is ES5; construct() makes the instance (an EventTarget made
    // with this constructor's prototype, as `new.target` would).
    function ExtendedEventSourceImpl(_url) {
        var init = arguments[1];
        return construct(this, arguments, policyFor(readOptions(init == null || typeof init !== 'object' ? {} : init)));
    }
    // The interface object and its prototype, set up in a function that bundlers may drop (with the whole class) when
    // only the parser is imported. The prototype inherits the plain class's (WebIDL's attributes and operations stay
    // there, once); the interface object inherits its constants, where Object.setPrototypeOf exists, and gets copies of
    // them elsewhere (IE 10).
    var ExtendedEventSourceClass = /*#__PURE__*/ (function () {
        var prototype = (ExtendedEventSourceImpl.prototype = Object.create(EventSource$1.prototype, {
            constructor: { value: ExtendedEventSourceImpl, writable: true, configurable: true },
        }));
        if (Object.setPrototypeOf)
            Object.setPrototypeOf(ExtendedEventSourceImpl, EventSource$1);
        else
            for (var i = 0; i < 3; i++)
                Object.defineProperty(ExtendedEventSourceImpl, ['CONNECTING', 'OPEN', 'CLOSED'][i], { value: i, enumerable: true });
        function define(name, descriptor) {
            descriptor.configurable = true;
            Object.defineProperty(prototype, name, descriptor);
        }
        // readonly attribute DOMString lastEventId (as an IDL attribute would be: on the prototype, enumerable).
        define('lastEventId', {
            get: function () {
                return slots(this).lastEventIdString;
            },
            enumerable: true,
        });
        // whatwg/html#12272 (b8125939): readonly attribute reconnectionTime, the event source's reconnection time in ms:
        // the initial one (the reconnectionTime option, default 3000) until a `retry:` line sets it, at once.
        define('reconnectionTime', {
            get: function () {
                return slots(this).reconnectionTime;
            },
            enumerable: true,
        });
        // whatwg/html#12272 (b8125939): reset() "discards" the data in the buffer that has not been dispatched, so that a
        // fresh stream can be piped in (a new stream into the TransformStream a stream-made source reads). The data and
        // event type buffers and the line being read are emptied and a BOM is expected again; the last event ID string
        // and the reconnection time stay (WPT's "persists across reconnections" tests). On a URL-made source it does the
        // same to the stream being read. Called from a listener, it also drops the rest of the chunk being parsed.
        define('reset', {
            value: function reset() {
                slots(this).reset();
            },
            enumerable: true,
            writable: true,
        });
        // close() also lets go of the signal's and the window's listeners, and ends the iterations.
        define('close', {
            value: function close() {
                EventSource$1.prototype.close.call(this);
                var instance = instanceOf(this);
                if (instance)
                    instance.release();
            },
            enumerable: true,
            writable: true,
        });
        // whatwg/html#12272: static EventSource fromReadableStream(ReadableStream stream). A TypeError for a locked stream
        // (WPT), else a source whose url is about:event-stream, withCredentials false, and events' origin "null".
        Object.defineProperty(ExtendedEventSourceImpl, 'fromReadableStream', {
            value: function fromReadableStream(stream) {
                var s = checkStream(stream);
                return construct(Object.create(prototype), [STREAM_URL], streamPolicyFor(s));
            },
            enumerable: true,
            configurable: true,
            writable: true,
        });
        if (asyncIteratorSymbol) {
            define(asyncIteratorSymbol, {
                value: function () {
                    return iterate(this);
                },
                writable: true,
            });
        }
        return ExtendedEventSourceImpl;
    })();
    /** The extended `EventSource` class: a subclass of the package's `EventSource`. */
    var EventSource = ExtendedEventSourceClass;
    /** The same class, under a name that tells it from the plain one. */
    var ExtendedEventSource = EventSource;

    // The script tag with the extended class (dist/eventsource.extended.iife.min.js): the script tag, plus the
    // extended class as WhatwgEventSource.ExtendedEventSource. Use it instead of dist/eventsource.iife.min.js, not with
    // it. The global EventSource, where it is installed, is the plain class, as with the plain script tag.
    global.WhatwgEventSource.ExtendedEventSource = ExtendedEventSource;

    // The connection of the tab that holds a stream: an extended EventSource, the one processing model (request,
    // parser, last event ID, reconnection timer, policy). What it dispatches is read at the core's dispatch seam, in the
    // task and the order in which it dispatches it: every message event, of any type, through the extended instance's
    // sinks (the seam of async iteration: the core's `dispatching` hook calls them just before the event's listeners),
    // `open` and `error` through listeners. The reconnection time the stream set (`retry:`) is read from the instance's
    // slot, so that the tab that takes over reconnects with it.
    function noop$1() { }
    /** Runs `run` in a task of its own (a message to itself: unlike timers, not throttled in background tabs). */
    function nextTask(run) {
        if (typeof MessageChannel !== 'function') {
            setTimeout(run, 0);
            return;
        }
        var channel = new MessageChannel();
        channel.port1.onmessage = function () {
            channel.port1.close();
            run();
        };
        channel.port2.postMessage(0);
    }
    // The extended details (README "Error details"), wherever the event keeps them.
    var DETAILS = ['reason', 'status', 'statusText', 'contentType', 'body', 'error', 'willReconnect', 'reconnectDelay', 'attempt'];
    /** The details an event carries: the known fields, and any other property that a plain Event does not have. */
    function detailsOf(event) {
        var plain = platform.dom.createEvent(event.type);
        var fields = event;
        var details = {};
        for (var name_1 in event)
            if (!(name_1 in plain))
                details[name_1] = fields[name_1];
        for (var i = 0; i < DETAILS.length; i++) {
            var name_2 = DETAILS[i];
            if (name_2 in event)
                details[name_2] = fields[name_2];
        }
        return details;
    }
    var connect = function (url, init, relay) {
        var source = new EventSource(url, init);
        var state = slots(source);
        var reconnectionTime = state.reconnectionTime;
        // The last event ID this connection started from (the `lastEventId` option) carries over to its events until the
        // stream sets one, as it would in an EventSource that reconnected: the core's last event ID buffer, which events
        // take their ID from, starts empty in a new instance.
        var inherited = init.lastEventId || '';
        // Before each relayed event: the reconnection time, if a `retry:` field changed it.
        function retry() {
            if (state.reconnectionTime !== reconnectionTime)
                relay.retry((reconnectionTime = state.reconnectionTime));
        }
        // The message event being dispatched: one of type `open` or `error` (the stream may name events so) is no news
        // of the connection for those listeners.
        var dispatching = null;
        instanceOf(source).sinks.push({
            push: function (event) {
                dispatching = event;
                retry();
                var id = event.lastEventId;
                if (id)
                    inherited = '';
                else
                    id = inherited;
                relay.message(event.type, event.data, event.origin, id);
            },
            end: noop$1,
        });
        source.addEventListener('open', function (event) {
            if (event === dispatching)
                return;
            retry();
            relay.open(detailsOf(event));
        });
        source.addEventListener('error', function (event) {
            if (event === dispatching)
                return;
            retry();
            relay.error(source.readyState, detailsOf(event));
        });
        return {
            close: function () {
                source.close();
            },
        };
    };

    // Which instances may share a connection: those whose request and policy are the same. The key is a string made of
    // the URL, the credentials mode and every option that shapes what a tab sees, or, where an option cannot be compared
    // (a function, a Blob, a FormData), of the explicit `name` the caller gives instead of the options.
    /** Options left out of the options' part: withCredentials has its own part; the others belong to one instance. */
    var OWN = /^(withCredentials|signal|name)$/;
    /** A canonical text for a value, or null when two such values cannot be told equal (functions, Blobs...). */
    function canonical(value) {
        if (value == null || typeof value !== 'object') {
            return typeof value === 'function' ? null : JSON.stringify(value === undefined ? null : value);
        }
        var pairs = [];
        var tag = Object.prototype.toString.call(value);
        var out;
        if (tag === '[object Array]') {
            for (var i = 0; i < value.length; i++) {
                if ((out = canonical(value[i])) === null)
                    return null;
                pairs.push(out);
            }
            return '[' + pairs.join() + ']';
        }
        // URLSearchParams: its serialization is its body.
        if (tag === '[object URLSearchParams]')
            return JSON.stringify('?' + value);
        var headers = value;
        if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
            // A Headers object (its names are lowercase already).
            value.forEach(function (text, name) {
                pairs.push(JSON.stringify(name) + ':' + JSON.stringify(text));
            });
        }
        else if (tag === '[object Object]') {
            for (var name_1 in value) {
                if (!Object.prototype.hasOwnProperty.call(value, name_1))
                    continue;
                if ((out = canonical(value[name_1])) === null)
                    return null;
                pairs.push(JSON.stringify(name_1) + ':' + out);
            }
        }
        else {
            return null;
        }
        return '{' + pairs.sort().join() + '}';
    }
    /**
     * The key of the stream that an instance with these arguments reads (the name of its lock and of its channel), or
     * null when it cannot be shared: an option cannot be compared and no `name` is given.
     */
    function streamKey(url, withCredentials, init) {
        var name = init.name;
        var options = '';
        if (name !== undefined) {
            options = 'name ' + JSON.stringify(name);
        }
        else {
            var pairs = [];
            for (var option in init) {
                if (OWN.test(option) || init[option] == null || !Object.prototype.hasOwnProperty.call(init, option))
                    continue;
                var text = canonical(init[option]);
                if (text === null)
                    return null;
                pairs.push(option + '=' + text);
            }
            options = pairs.sort().join('&');
        }
        return 'whatwg-eventsource ' + (withCredentials ? 'credentials ' : 'anonymous ') + url + ' ' + options;
    }

    function noop() { }
    /**
     * `granted`: this tab holds the lock; `lost`: another tab took it (this one did not answer); `refused`: the browser
     * will not give locks here (an opaque origin, a sandboxed frame).
     */
    function createElection(locks, name, granted, lost, refused) {
        var controller = null;
        var release = null;
        var holding = false;
        // Bumped by stop() and by each request, so that a lock granted to an earlier one is given back at once.
        var generation = 0;
        function request(steal) {
            var mine = ++generation;
            if (controller)
                controller.abort();
            // (A steal cannot have a signal: it is granted at once.)
            controller = steal ? null : new AbortController();
            locks
                .request(name, steal ? { steal: true } : { signal: controller.signal }, function () {
                if (mine !== generation)
                    return;
                holding = true;
                granted();
                return new Promise(function (resolve) {
                    release = resolve;
                });
            })
                .then(noop, function () {
                if (mine !== generation)
                    return;
                if (!holding)
                    return refused();
                holding = false;
                release = null;
                lost();
            });
        }
        return {
            request: request,
            stop: function () {
                generation++;
                if (controller)
                    controller.abort();
                if (release)
                    release();
                controller = release = null;
                holding = false;
            },
        };
    }

    // One stream as one tab sees it: the channel protocol by which the tab that holds the connection (election.ts)
    // relays what the connection dispatches to the other tabs (a BroadcastChannel), and the watchdog for a holder
    // that stops answering.
    //
    // Why these mechanisms. Web Locks never elect two holders, and the browser hands a lock to the next waiting tab as
    // soon as its holder lets go or its page goes away (closed, navigated, crashed); with BroadcastChannel they are in
    // every browser since 2022. A SharedWorker holding the stream was not chosen: Chrome on Android has had it only
    // since 148, it cannot see a tab's freeze or back/forward cache, and bundles that touch `window` fail in it; a
    // service worker is stopped when idle. `storage` events on localStorage leases are lossy and racy, and elected
    // several leaders in the libraries that used them. What Web Locks do not cover: a holder frozen or hung without a
    // `freeze` event keeps its lock, so waiting tabs ask it and take the lock if it does not answer (watchdog()).
    //
    // The protocol. Every message carries `e`, the epoch: the number of holders so far, as far as the sender knows.
    //   {k:'j'}                      a tab joins; the holder answers with its state
    //   {k:'s', s, q, i, r, n, d}    state: the last sequence number s, the one where the last event ID i was set q,
    //                                readyState r (and d the open details); n: the sender had no count of its own, so
    //                                everyone takes this one
    //   {k:'o', d}                   the connection is open: d the extended open details
    //   {k:'m', s, t, d, o, i}       message event number s: type, data, origin, lastEventId
    //   {k:'x', r, d}                error: readyState r (CONNECTING or CLOSED), d the extended error details
    //   {k:'t', v}                   the stream set its reconnection time to v ms (also `v` in state messages)
    //   {k:'p'}, {k:'a'}             "are you there?" from a waiting tab, and the holder's answer (see watchdog())
    // Message events are numbered in the order the server sent them, across holders: a tab that takes over numbers the
    // events of its new connection on from the event that set the last event ID it knows (where a server that resumes
    // from `Last-Event-ID` goes on), so a tab that had already received some of them (an old holder's last messages
    // still on their way) drops them by number, and no tab gets an event twice or misses one.
    // `open` and reconnecting `error`s of an older epoch are stale (their connection is gone) and ignored; a failure
    // (error with CLOSED) counts from any epoch, so that every tab closes alike.
    var CONNECTING = 0;
    var OPEN$1 = 1;
    var CLOSED = 2;
    /** How long a tab waiting for the lock waits for a sign of life from the holder before it asks, and then takes. */
    var WATCH = 4000;
    /**
     * The hub of one stream in this tab. `key` names the lock and the channel; `sharing` null: this hub holds its own
     * connection, alone. `ended` is called when the last member leaves.
     */
    function createHub(key, url, init, sharing, connect, ended) {
        var members = [];
        var readyState = CONNECTING;
        // The details of the open connection's `open` event.
        var opened = {};
        var epoch = 0;
        // The number of the last message event delivered here (-1: none yet, no count), and of the one that set the
        // last event ID.
        var lastSeq = -1;
        var idSeq = 0;
        var lastEventId = typeof init.lastEventId === 'string' ? init.lastEventId : '';
        // The reconnection time the stream set, if it did.
        var retry;
        // As the holder: the number of the last message event of the connection, and the connection.
        var counter = 0;
        var connection = null;
        var channel = null;
        var election = null;
        // The watchdog: whether anything came from another tab since its last look, and whether it asked the holder.
        var watch;
        var heard = false;
        var asked = false;
        var suspended = false;
        function post(message) {
            if (!channel)
                return;
            try {
                channel.postMessage(message);
            }
            catch (error) {
                // Error details that cannot be cloned (an error object of the page's making) travel as text.
                var details = message.d;
                var copy = {};
                for (var name_1 in details)
                    copy[name_1] = details[name_1] && typeof details[name_1] === 'object' ? String(details[name_1]) : details[name_1];
                message.d = copy;
                try {
                    channel.postMessage(message);
                }
                catch (error) {
                    // Nothing can be sent: the other tabs take over when this one leaves.
                }
            }
        }
        function state(seq, own) {
            // (A tab that takes over has not opened its connection yet: only the answer to a join tells the readyState.)
            return { k: 's', e: epoch, s: seq, q: own ? idSeq : seq, i: lastEventId, r: own ? readyState : CONNECTING, n: lastSeq < 0, v: retry, d: opened };
        }
        function announce(list) {
            if (readyState !== CONNECTING)
                return;
            readyState = OPEN$1;
            for (var i = 0; i < list.length; i++)
                list[i].open(opened);
        }
        function apply(m) {
            if (m.k === 'j' || m.k === 'p') {
                if (connection)
                    post(m.k === 'p' ? { k: 'a', e: epoch } : state(lastSeq, true));
                return;
            }
            var current = m.e >= epoch;
            if (m.e > epoch)
                epoch = m.e;
            else if (!current && m.k !== 'm' && !(m.k === 'x' && m.r === CLOSED))
                return;
            var list = members.slice();
            if (m.v !== undefined)
                retry = m.v;
            if (m.k === 's') {
                if (lastSeq < 0 || m.n) {
                    lastSeq = m.s;
                    idSeq = m.q;
                    lastEventId = m.i;
                }
                if (m.r === OPEN$1) {
                    opened = m.d;
                    announce(list);
                }
            }
            else if (m.k === 'o') {
                opened = m.d;
                announce(list);
            }
            else if (m.k === 'm') {
                if (m.s <= lastSeq)
                    return;
                // A message means the connection is open (this tab may have joined after its `open`).
                if (current)
                    announce(list);
                lastSeq = m.s;
                if (m.i !== lastEventId) {
                    lastEventId = m.i;
                    idSeq = m.s;
                }
                for (var i = 0; i < list.length; i++)
                    list[i].message(m.t, m.d, m.o, m.i);
            }
            else if (m.k === 'x' && readyState !== CLOSED) {
                readyState = m.r;
                for (var i = 0; i < list.length; i++)
                    list[i].error(m.r, m.d);
            }
        }
        // As the holder: what the connection dispatches goes to the other tabs and to this tab's members alike.
        function emit(message) {
            post(message);
            apply(message);
        }
        var relay = {
            open: function (details) {
                emit({ k: 'o', e: epoch, d: details });
            },
            message: function (type, data, origin, id) {
                emit({ k: 'm', e: epoch, s: ++counter, t: type, d: data, o: origin, i: id });
            },
            error: function (r, details) {
                emit({ k: 'x', e: epoch, r: r, d: details });
            },
            retry: function (ms) {
                emit({ k: 't', e: epoch, v: ms });
            },
        };
        function takeOver() {
            epoch++;
            // Where a server that resumes from Last-Event-ID goes on; with no ID it cannot resume: new events follow.
            counter = lastSeq < 0 ? 0 : lastEventId ? idSeq : lastSeq;
            post(state(counter, false));
            var options = {};
            for (var name_2 in init)
                if (name_2 !== 'signal' && name_2 !== 'name')
                    options[name_2] = init[name_2];
            if (lastEventId)
                options.lastEventId = lastEventId;
            if (retry !== undefined)
                options.reconnectionTime = retry;
            connection = connect(url, options, relay);
        }
        function stop() {
            clearTimeout(watch);
            if (election)
                election.stop();
            if (connection)
                connection.close();
            if (channel) {
                channel.onmessage = null;
                channel.close();
            }
            election = connection = channel = null;
        }
        // The browser may refuse the lock or the channel (an opaque origin, a sandboxed or storage-partitioned frame):
        // then this hub holds a connection of its own.
        function alone() {
            stop();
            takeOver();
        }
        // A tab can be frozen without a `freeze` event, with the lock held. So a tab that waits for the lock and hears
        // nothing from the holder for WATCH ms asks (`p`), and if nothing comes in the next WATCH ms either, it takes
        // the lock from it: the holder answers at once unless it cannot run at all. (Background tabs' timers may be
        // throttled to a minute: that only delays this.)
        function watchdog() {
            clearTimeout(watch);
            watch = setTimeout(function () {
                if (connection || !channel)
                    return;
                if (heard) {
                    heard = asked = false;
                }
                else if (!asked) {
                    asked = true;
                    post({ k: 'p', e: epoch });
                }
                else {
                    return election.request(true);
                }
                watchdog();
            }, WATCH);
        }
        function start() {
            if (!sharing)
                return takeOver();
            try {
                channel = new sharing.Channel(key);
                channel.onmessage = function (event) {
                    var message = event.data;
                    // (Anything else on this channel is not ours.)
                    if (!message || typeof message.e !== 'number')
                        return;
                    // (Only the holder's messages are signs of its life: not other tabs' joins and questions.)
                    if (message.k !== 'j' && message.k !== 'p')
                        heard = true;
                    apply(message);
                };
                election = createElection(sharing.locks, key, function () {
                    clearTimeout(watch);
                    // In a task of its own: the old holder's last messages, if they are already here, come first (a failure
                    // then ends this hub before it connects). Nothing orders them with the lock for sure, so a failure that
                    // comes later still counts (see apply()).
                    var mine = election;
                    nextTask(function () {
                        if (election === mine)
                            takeOver();
                    });
                }, function () {
                    // Taken while this tab did not answer (it was frozen): the tab that took it holds the connection now.
                    if (connection)
                        connection.close();
                    connection = null;
                    election.request();
                    watchdog();
                }, alone);
                election.request();
                post({ k: 'j', e: epoch });
                watchdog();
            }
            catch (error) {
                alone();
            }
        }
        return {
            readyState: function () {
                return readyState;
            },
            lastEventId: function () {
                return lastEventId;
            },
            add: function (member) {
                if (members.push(member) === 1)
                    start();
            },
            remove: function (member) {
                for (var i = 0; i < members.length; i++)
                    if (members[i] === member)
                        members.splice(i, 1);
                if (!members.length) {
                    stop();
                    ended();
                }
            },
            suspend: function () {
                if (suspended)
                    return;
                suspended = true;
                stop();
            },
            resume: function () {
                if (!suspended)
                    return;
                suspended = false;
                // What happened meanwhile is unknown: the next holder's count is taken as it is.
                epoch = 0;
                lastSeq = -1;
                start();
            },
        };
    }

    // The hubs of this tab, one per shared stream, and the page lifecycle that suspends them all. A page that keeps a
    // Web Lock, a BroadcastChannel or a fetch cannot enter the back/forward cache, and a frozen tab that held the
    // connection would starve the others: so on `pagehide` and `freeze` every hub lets go (another tab takes over at
    // once), and on `pageshow` from the cache or `resume` it joins again. The listeners are added with the first hub,
    // not when the module is imported.
    var shared = {};
    var all = [];
    var listening = false;
    /** Web Locks and BroadcastChannel, where the browser has both (read at each construction). */
    function sharing() {
        var scope = globalObject();
        var locks = scope.navigator && scope.navigator.locks;
        var Channel = scope.BroadcastChannel;
        return locks && typeof locks.request === 'function' && typeof Channel === 'function' && typeof AbortController === 'function'
            ? { locks: locks, Channel: Channel }
            : null;
    }
    function each(method) {
        var list = all.slice();
        for (var i = 0; i < list.length; i++)
            list[i][method]();
    }
    function listen() {
        var scope = globalObject();
        var document = scope.document;
        if (listening || !scope.addEventListener)
            return;
        listening = true;
        function suspend() {
            each('suspend');
        }
        function resume(event) {
            // (`pageshow` also fires at the first load: only a page restored from the cache has something to resume.)
            if (event.type === 'resume' || event.persisted)
                each('resume');
        }
        scope.addEventListener('pagehide', suspend);
        scope.addEventListener('pageshow', resume);
        if (document && document.addEventListener) {
            document.addEventListener('freeze', suspend);
            document.addEventListener('resume', resume);
        }
    }
    /** The tab's hub for the stream `key`, made with the first instance that reads it. (Called where sharing() is not
     *  null: an instance that cannot share is an extended EventSource, with no hub.) */
    function hubFor(key, url, init) {
        var hub = shared[key];
        // A hub whose connection failed is done, even while its last members are still being told.
        if (hub && hub.readyState() !== 2)
            return hub;
        hub = createHub(key, url, init, sharing(), connect, function () {
            if (shared[key] === hub)
                delete shared[key];
            for (var i = 0; i < all.length; i++)
                if (all[i] === hub)
                    all.splice(i, 1);
        });
        shared[key] = hub;
        all.push(hub);
        listen();
        return hub;
    }

    // The SharedEventSource class: a subclass of the extended EventSource whose instances in every tab of the origin
    // read one connection per stream. It has no processing model of its own. An instance is made by the core's
    // construct(), with a policy (the core's Policy seam) whose transport is the stream's hub (hub.ts) instead of a
    // request: the hub's relay becomes a response, the text of the events it relays and the end of a body, which the
    // core parses and dispatches as it would a connection's. So the instance's readyState, last event ID, origin,
    // events and timers are the core's; the attributes, close() and async iteration are the classes' above it.
    // Where the browser cannot share (no Web Locks or BroadcastChannel) or the options cannot be compared and have no
    // `name`, an instance is an extended EventSource of this class, with its own connection.
    var OPEN = 1;
    var EVENT_STREAM = 'text/event-stream';
    /** An event as the stream would have sent it: the core's parser reads it back, whole, with its ID. */
    function serialize(type, data, lastEventId) {
        // (A type or an ID cannot hold a line break, and data only LF: the parser that read them split lines on CR too.)
        return 'event: ' + type + '\ndata: ' + data.split('\n').join('\ndata: ') + '\nid: ' + lastEventId + '\n\n';
    }
    // The policy of an instance that reads the stream `key` through its hub.
    function sharedPolicy(key, init, options) {
        return function (ev, state) {
            var hub = hubFor(key, state.url, init);
            var signal = options.signal;
            // The core's handlers while it has a request out (to the hub), and whether that request has had its response.
            var handlers = null;
            var answered = false;
            // The request of an instance that joins a stream already open: answered in a task of its own, and nothing
            // (but a failure) before that.
            var joining = false;
            // The request made from member.open(): answered there.
            var waking = false;
            // The origin the core was last given (as the final URL of a response).
            var origin = platform.originOf(state.url);
            // The holder's connection failed: so does this instance's.
            var failing = false;
            var released = false;
            var instance = attach(state, options, onAbort, function () {
                if (released)
                    return;
                released = true;
                hub.remove(member);
                if (signal)
                    signal.removeEventListener('abort', onAbort);
                var sinks = instance.sinks.splice(0, instance.sinks.length);
                for (var i = 0; i < sinks.length; i++)
                    sinks[i].end();
            });
            // (A tab that joins knows the stream's last event ID: the one its next holder would reconnect with.)
            state.lastEventIdString = hub.lastEventId();
            function onAbort() {
                ev.close();
            }
            function respond() {
                answered = true;
                joining = false;
                handlers.response(200, EVENT_STREAM, origin);
            }
            // The core's request needs to be out for the hub's news to reach it: one that waits for its reconnection
            // time is made now (the shared connection's holder decides when to reconnect; this instance follows it).
            function request() {
                if (!handlers)
                    state.skipWait();
            }
            var member = {
                open: function (details) {
                    if (state.readyState === CLOSED$1)
                        return;
                    waking = true;
                    request();
                    waking = false;
                    if (handlers && !answered) {
                        instance.opened = details;
                        respond();
                    }
                },
                message: function (type, data, from, lastEventId) {
                    if (!handlers || !answered)
                        return;
                    // (A redirect took the new connection to another origin: the core is told, as by a replaced request.)
                    if (from !== origin)
                        handlers.response(200, EVENT_STREAM, (origin = from));
                    handlers.chunk(serialize(type, data, lastEventId));
                },
                error: function (readyState, details) {
                    if (state.readyState === CLOSED$1 || (joining && readyState !== CLOSED$1))
                        return;
                    instance.pending = details;
                    // A failure: the core fails the connection (wait() says so); else it waits, until the hub's next news.
                    failing = readyState === CLOSED$1;
                    instance.failure = failing && details.reason !== 'end' ? instance.pending : null;
                    request();
                    var ended = handlers;
                    handlers = null;
                    if (ended)
                        ended.end();
                },
            };
            if (!signal || !signal.aborted) {
                hub.add(member);
                if (signal)
                    signal.addEventListener('abort', onAbort);
            }
            return {
                transport: function (_request, given) {
                    // An AbortSignal that was aborted before the constructor: closed before any request.
                    if (signal && signal.aborted) {
                        ev.close();
                        return function () { };
                    }
                    handlers = given;
                    answered = false;
                    if (!waking && hub.readyState() === OPEN) {
                        joining = true;
                        nextTask(function () {
                            if (handlers === given && !answered)
                                respond();
                        });
                    }
                    return function () {
                        if (handlers === given)
                            handlers = null;
                    };
                },
                // The holder's connection decided: fail (-1), or wait for the hub's next news.
                wait: function () {
                    return failing ? -1 : MAX_DELAY;
                },
                dispatching: function (event, message) {
                    if (message) {
                        // First the iterators, so that a listener that closes the source ends them after this message.
                        var sinks = instance.sinks;
                        for (var i = 0; i < sinks.length; i++)
                            sinks[i].push(event);
                    }
                    else {
                        var details = event.type === 'open' ? instance.opened : instance.pending;
                        instance.opened = instance.pending = null;
                        if (details)
                            assign(event, details);
                        if (state.readyState === CLOSED$1)
                            instance.release();
                    }
                },
            };
        };
    }
    // The class: `function`, not `class`, since the output is ES5.
    function SharedEventSourceImpl(url) {
        var init = arguments[1];
        var given = (init != null && typeof init === 'object' ? init : {});
        if (given.name !== undefined && typeof given.name !== 'string')
            throw failedToConstruct('name must be a string');
        // (A URL that does not parse, like any other mistake, is the constructor's to report.)
        var absolute = arguments.length && sharing() ? platform.parseURL(''.concat(url), baseURL()) : null;
        var key = absolute && streamKey(absolute, !!given.withCredentials, given);
        if (!key)
            return EventSource.apply(this, arguments);
        return construct(this, arguments, sharedPolicy(key, given, readOptions(given)));
    }
    // The interface object and its prototype, set up in a function that bundlers may drop. The prototype inherits the
    // extended class's (its attributes, close() and async iteration stay there, once); the interface object inherits
    // its constants, where Object.setPrototypeOf exists, and gets copies of them elsewhere (IE 10).
    var SharedEventSource = /*#__PURE__*/ (function () {
        SharedEventSourceImpl.prototype = Object.create(EventSource.prototype, {
            constructor: { value: SharedEventSourceImpl, writable: true, configurable: true },
        });
        if (Object.setPrototypeOf)
            Object.setPrototypeOf(SharedEventSourceImpl, EventSource);
        else
            for (var i = 0; i < 3; i++)
                Object.defineProperty(SharedEventSourceImpl, ['CONNECTING', 'OPEN', 'CLOSED'][i], { value: i, enumerable: true });
        return SharedEventSourceImpl;
    })();

    // The script tag with SharedEventSource (dist/eventsource.shared.iife.min.js): the extended script tag, plus
    // WhatwgEventSource.SharedEventSource. Use it instead of the other script tags, not with them. As they do, it
    // installs the global EventSource only where the browser has none.
    global.WhatwgEventSource.SharedEventSource = SharedEventSource;

})();
