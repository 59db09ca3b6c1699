'use strict';

var index = require('./shared.cjs');

// What the parts of the extended class share about one instance: a record kept beside the core's slots.
/** The record of an extended instance; undefined for a plain one. Throws on anything that is not an EventSource. */
function instanceOf(source) {
    return index.slots(source).extended;
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
    var ended = !instance || instance.state.readyState === index.CLOSED;
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
    var scope = index.globalObject();
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
        if (instance.state.readyState === index.CLOSED || !(mode === true ? stopped : silent && long))
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
    return index.utf8ByteString(toWellFormed(text));
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
    return new RangeError(index.FAILED + message);
}
/** A number option: undefined gives the default; Infinity only where allowed. */
function number(init, name, fallback, min, infinite) {
    var value = init[name];
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number')
        throw index.failedToConstruct(name + ' must be a number');
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
        throw index.failedToConstruct(name + ' must be true or false');
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
        headers = normalizeHeaders(headers, index.FAILED + 'headers');
    var method = init.method;
    if (method !== undefined) {
        if (typeof method !== 'string' || !TOKEN.test(method))
            throw index.failedToConstruct('method must be a method name such as POST');
        var upper = method.toUpperCase();
        if (/^(CONNECT|TRACE|TRACK)$/.test(upper))
            throw index.failedToConstruct('method ' + method + ' is forbidden');
        if (/^(DELETE|GET|HEAD|OPTIONS|POST|PUT)$/.test(upper))
            method = upper;
    }
    var body = init.body;
    if (body != null) {
        // (By class, not ArrayBuffer.isView, which IE 10 lacks: typed arrays and DataViews are views.)
        if (typeof body !== 'string' &&
            !/^\[object (Blob|File|FormData|URLSearchParams|ArrayBuffer|DataView|(Big)?(Ui|I)nt\d+(Clamped)?Array|Float\d+Array)\]$/.test(Object.prototype.toString.call(body))) {
            throw index.failedToConstruct('body must be a string, URLSearchParams, FormData, Blob, ArrayBuffer or typed array (JSON.stringify an object; ' +
                'a stream cannot be sent again when reconnecting)');
        }
        if (method === undefined || method === 'GET' || method === 'HEAD')
            throw index.failedToConstruct("a body needs a method such as 'POST'");
    }
    var lastEventId = init.lastEventId === undefined ? '' : init.lastEventId;
    if (typeof lastEventId !== 'string')
        throw index.failedToConstruct('lastEventId must be a string');
    if (/[\0\r\n]/.test(lastEventId))
        throw index.failedToConstruct('lastEventId cannot contain NUL, CR or LF');
    // (Sent as UTF-8: a lone surrogate becomes U+FFFD, as it would have in a stream.)
    var lastEventIdIn = init.lastEventIdIn === undefined ? 'header' : init.lastEventIdIn;
    if (lastEventIdIn !== 'header' && lastEventIdIn !== 'query' && lastEventIdIn !== 'both') {
        throw index.failedToConstruct("lastEventIdIn must be 'header', 'query' or 'both'");
    }
    var lastEventIdParam = init.lastEventIdParam === undefined ? 'lastEventId' : init.lastEventIdParam;
    if (typeof lastEventIdParam !== 'string' || !lastEventIdParam)
        throw index.failedToConstruct('lastEventIdParam must be a non-empty string');
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
        throw index.failedToConstruct('reconnectOnStatus must be an array of HTTP statuses');
    for (var i = 0; i < statuses.length; i++) {
        var status_1 = statuses[i];
        if (typeof status_1 !== 'number' || status_1 % 1 || status_1 < 100 || status_1 > 599 || status_1 === 200) {
            throw rangeError('reconnectOnStatus: ' + status_1 + ' is not an HTTP status other than 200');
        }
    }
    var signal = init.signal;
    if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
        throw index.failedToConstruct('signal must be an AbortSignal');
    }
    var inactivityTimeout = number(init, 'inactivityTimeout', 0, 0, true);
    var resume = init.reconnectOnResume === undefined ? 'auto' : init.reconnectOnResume;
    if (resume !== 'auto' && typeof resume !== 'boolean')
        throw index.failedToConstruct("reconnectOnResume must be true, false or 'auto'");
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
        inactivityTimeout: inactivityTimeout === Infinity ? 0 : Math.min(inactivityTimeout, index.MAX_DELAY),
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
    return Math.min(Math.round(delay), index.MAX_DELAY);
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
function noop$1() { }
/** Checks the argument of fromReadableStream(): a TypeError for what is not a stream, or a locked one. */
function checkStream(stream) {
    var s = stream;
    if (!s || typeof s.getReader !== 'function')
        throw new TypeError(index.FAILED + 'fromReadableStream() needs a ReadableStream');
    // WPT: "throws TypeError if the stream is locked".
    if (s.locked)
        throw new TypeError(index.FAILED + 'the stream is locked: another reader is reading it');
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
                    var error = new TypeError(index.FAILED + 'a chunk of the stream is not a Uint8Array');
                    reader.cancel(error).then(noop$1, noop$1);
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
            reader.cancel().then(noop$1, noop$1);
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
function noop() { }
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
            return noop;
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
            if (status === 200 && index.isEventStream(contentType)) {
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
                    data = (decode || (decode = index.createUtf8StreamDecoder()))(data);
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
                    if (state.readyState === index.CLOSED)
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
    return index.construct(this, arguments, policyFor(readOptions(init == null || typeof init !== 'object' ? {} : init)));
}
// The interface object and its prototype, set up in a function that bundlers may drop (with the whole class) when
// only the parser is imported. The prototype inherits the plain class's (WebIDL's attributes and operations stay
// there, once); the interface object inherits its constants, where Object.setPrototypeOf exists, and gets copies of
// them elsewhere (IE 10).
var ExtendedEventSourceClass = /*#__PURE__*/ (function () {
    var prototype = (ExtendedEventSourceImpl.prototype = Object.create(index.EventSource.prototype, {
        constructor: { value: ExtendedEventSourceImpl, writable: true, configurable: true },
    }));
    if (Object.setPrototypeOf)
        Object.setPrototypeOf(ExtendedEventSourceImpl, index.EventSource);
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
            return index.slots(this).lastEventIdString;
        },
        enumerable: true,
    });
    // whatwg/html#12272 (b8125939): readonly attribute reconnectionTime, the event source's reconnection time in ms:
    // the initial one (the reconnectionTime option, default 3000) until a `retry:` line sets it, at once.
    define('reconnectionTime', {
        get: function () {
            return index.slots(this).reconnectionTime;
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
            index.slots(this).reset();
        },
        enumerable: true,
        writable: true,
    });
    // close() also lets go of the signal's and the window's listeners, and ends the iterations.
    define('close', {
        value: function close() {
            index.EventSource.prototype.close.call(this);
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
            return index.construct(Object.create(prototype), [STREAM_URL], streamPolicyFor(s));
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

exports.DEFAULT_MAX_EVENT_SIZE = DEFAULT_MAX_EVENT_SIZE;
exports.ERROR_BODY_SIZE = ERROR_BODY_SIZE;
exports.ERROR_BODY_WAIT = ERROR_BODY_WAIT;
exports.EventSource = EventSource;
exports.ExtendedEventSource = ExtendedEventSource;
exports.assign = assign;
exports.attach = attach;
exports.instanceOf = instanceOf;
exports.readOptions = readOptions;
