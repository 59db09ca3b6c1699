'use strict';

var index = require('./shared.cjs');

// The HTTP details of the opt-in extensions: `Retry-After`, and the last event ID as a query parameter.
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

// `import { EventSource } from 'whatwg-eventsource/extended'`: the opt-in extensions beyond the spec (issue #5),
// plugged into the ponyfill's one seam (setExtension). Importing this module extends the one EventSource class,
// so the ponyfill's export, the polyfilled global and this export stay the same class. Without options an instance
// behaves as the spec says (the integration suite runs against it too), apart from the memory bound of
// maxEventSize, an implementation-defined limit of the kind HTML allows ("User agents may impose
// implementation-specific limits on otherwise unconstrained inputs").
//
// The extension drives the spec's processing model only through the transport protocol: it wraps the transport
// that the event source chose, and
//   - reestablishes the connection by ending the body with `again` (the event source then reconnects at once, and
//     the wrapper waits the delay of the reconnect policy itself before the next request),
//   - fails the connection by closing the instance and firing the `error` event itself,
//   - hands over only responses that announce the connection (200, text/event-stream).
// The details of an `error` event are attached by a listener added in the constructor, so first of all.
/** The default of maxEventSize, in characters. */
var DEFAULT_MAX_EVENT_SIZE = 8388608;
/** How much of a failed response's body an error event carries (characters), and how long it is waited for (ms). */
var ERROR_BODY_SIZE = 4096;
var ERROR_BODY_WAIT = 1000;
// https://fetch.spec.whatwg.org/#concept-method and #concept-header-name: tokens.
var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
function noop() { }
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
        if (typeof body !== 'string' &&
            !/^\[object (Blob|File|FormData|URLSearchParams|ArrayBuffer)\]$/.test(Object.prototype.toString.call(body)) &&
            !(typeof ArrayBuffer === 'function' && ArrayBuffer.isView && ArrayBuffer.isView(body))) {
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
    return {
        headers: headers,
        method: method,
        body: body,
        lastEventId: lastEventId,
        lastEventIdIn: lastEventIdIn,
        lastEventIdParam: lastEventIdParam,
        reconnectionTime: number(init, 'reconnectionTime', 3000, 0),
        backoff: backoff,
        maxRetries: maxRetries,
        reconnectOnStatus: statuses.slice(),
        reconnectOnEnd: boolean(init, 'reconnectOnEnd', true),
        // 0 and Infinity: off.
        inactivityTimeout: inactivityTimeout === Infinity ? 0 : Math.min(inactivityTimeout, index.MAX_DELAY),
        reconnectOnResume: boolean(init, 'reconnectOnResume', false),
        signal: signal,
        maxEventSize: number(init, 'maxEventSize', DEFAULT_MAX_EVENT_SIZE, 1, true),
    };
}
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
/** Copies the details' own enumerable properties onto the target (an Error, an error event). */
function assign(target, details) {
    for (var name_2 in details)
        target[name_2] = details[name_2];
}
function failureOf(details) {
    var error = new Error('EventSource failed: ' + describe(details));
    assign(error, details);
    error.cause = details.error;
    return error;
}
// The seam's function: runs in the constructor, before the first request.
function extend(ev, init, callbacks, inner) {
    var o = readOptions(init);
    var state = index.slots(ev);
    var dom = index.platform.dom;
    var ext = (state.ext = { lastEventId: o.lastEventId, failure: null, sinks: [] });
    // The event source's reconnection time, as the parser reports `retry:` fields.
    var reconnectionTime = o.reconnectionTime;
    // Reconnections in a row since the last announced connection.
    var attempts = 0;
    // The wait before the next request, decided when the connection was lost.
    var nextDelay = 0;
    // The details for the error event being fired.
    var pending = null;
    // The current request's controls, for reconnectOnResume; null between requests.
    var active = null;
    var origin = '';
    // Listeners are called in the order they were added: this one, added before the constructor returns, is first.
    dom.methods.addEventListener.call(ev, 'error', function (event) {
        var details = pending;
        pending = null;
        if (details)
            assign(event, details);
    }, true);
    function fireError(details) {
        pending = details;
        dom.methods.dispatchEvent.call(ev, dom.createEvent('error'));
        pending = null;
    }
    // Fails the connection: CLOSED, and one error event with the details.
    function fail(details) {
        if (state.readyState === index.CLOSED)
            return;
        details.willReconnect = false;
        details.attempt = attempts;
        if (details.reason !== 'end')
            ext.failure = details;
        state.close();
        fireError(details);
    }
    function delayFor(attempt) {
        var backoff = o.backoff;
        if (!backoff)
            return reconnectionTime;
        var grown = reconnectionTime * Math.pow(backoff.multiplier, attempt - 1);
        return Math.min(grown * (1 + backoff.jitter * Math.random()), Math.max(backoff.max, reconnectionTime));
    }
    var onId = callbacks.onId;
    var onRetry = callbacks.onRetry;
    var onEvent = callbacks.onEvent;
    callbacks.onId = function (id) {
        ext.lastEventId = id;
        onId(id);
    };
    callbacks.onRetry = function (ms) {
        reconnectionTime = ms;
        onRetry(ms);
    };
    callbacks.onEvent = function (message) {
        // The event source dispatches the message unless it is CLOSED: so do the iterators, and first, so that a
        // listener that closes the source ends them after this message.
        var sinks = ext.sinks;
        if (sinks.length && state.readyState !== index.CLOSED) {
            var event_1 = dom.createMessageEvent(message.type, message.data, origin, message.lastEventId);
            for (var i = 0; i < sinks.length; i++)
                sinks[i].push(event_1);
        }
        onEvent(message);
    };
    if (o.maxEventSize !== Infinity) {
        callbacks.maxSize = o.maxEventSize;
        callbacks.onError = function (error) {
            fail({ reason: 'size', error: error, willReconnect: false, attempt: 0 });
        };
    }
    function onAbort() {
        state.close();
    }
    function onResume(event) {
        if (event.type === 'pageshow' && !event.persisted)
            return;
        if (active)
            active.resume();
        else
            nextDelay = 0;
    }
    // The window (or worker) global.
    var scope = index.globalObject();
    // The global's methods as they are now: a page may replace them later.
    var removeListener = o.reconnectOnResume && scope.addEventListener && scope.removeEventListener;
    if (removeListener) {
        scope.addEventListener('online', onResume);
        scope.addEventListener('pageshow', onResume);
    }
    if (o.signal)
        o.signal.addEventListener('abort', onAbort);
    var coreClose = state.close;
    state.close = function () {
        coreClose();
        if (o.signal)
            o.signal.removeEventListener('abort', onAbort);
        if (removeListener) {
            removeListener.call(scope, 'online', onResume);
            removeListener.call(scope, 'pageshow', onResume);
        }
        var sinks = ext.sinks.splice(0, ext.sinks.length);
        for (var i = 0; i < sinks.length; i++)
            sinks[i].end();
    };
    // One request: called by the event source at each connection, replacement and reconnection.
    return function extendedTransport(request, handlers) {
        // An AbortSignal that was aborted before the constructor: closed before any request.
        if (o.signal && o.signal.aborted) {
            state.close();
            return noop;
        }
        var delay = nextDelay;
        nextDelay = 0;
        var finished = false;
        var started = false;
        var abortRequest = null;
        // The reconnection wait, then the wait for the body of a failed response.
        var timer;
        var stall;
        // A failed response whose body is being read for the error event.
        var failure = null;
        var retryable = false;
        var retryAfter;
        var text = '';
        var decode;
        var controls = {
            resume: function () {
                if (!started) {
                    clearTimeout(timer);
                    start();
                }
                else if (abortRequest && !failure) {
                    // Connecting or open: the connection predates the network change, so it is replaced.
                    reconnect({ reason: 'resume', willReconnect: true, attempt: attempts }, 0, true);
                }
            },
        };
        active = controls;
        function stop() {
            finished = true;
            clearTimeout(timer);
            clearTimeout(stall);
            if (active === controls)
                active = null;
            var abortNow = abortRequest;
            abortRequest = null;
            if (abortNow)
                abortNow();
        }
        // Reestablishes the connection, unless maxRetries forbids it: then fails it. `immediate`: at once, and not
        // counted as a retry (a resume, a long-polling transport).
        function reconnect(details, minimum, immediate) {
            stop();
            if (!immediate && attempts + 1 > o.maxRetries)
                return fail(details);
            if (!immediate)
                attempts++;
            var wait = immediate ? 0 : delayFor(attempts);
            if (minimum !== undefined && minimum > wait)
                wait = minimum;
            wait = Math.min(Math.round(wait), index.MAX_DELAY);
            details.willReconnect = true;
            details.reconnectDelay = wait;
            details.attempt = attempts;
            nextDelay = wait;
            pending = details;
            handlers.end(details.error, index.RECONNECT_AT_ONCE);
            pending = null;
        }
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
                reconnect({ reason: 'timeout', error: error, willReconnect: true, attempt: attempts });
            }, timeout);
        }
        function start() {
            started = true;
            armStall();
            var headers = o.headers;
            if (typeof headers !== 'function')
                return send(headers);
            var value;
            var settled = false;
            try {
                value = headers();
                if (value && typeof value.then === 'function') {
                    value.then(function (result) {
                        if (!finished && !settled) {
                            settled = true;
                            send(result, true);
                        }
                    }, function (error) {
                        if (!finished && !settled) {
                            settled = true;
                            reconnect({ reason: 'headers', error: error, willReconnect: true, attempt: attempts });
                        }
                    });
                    return;
                }
            }
            catch (error) {
                if (!finished && !settled) {
                    settled = true;
                    reconnect({ reason: 'headers', error: error, willReconnect: true, attempt: attempts });
                }
                return;
            }
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
                stop();
                return fail({ reason: 'headers', error: error, willReconnect: false, attempt: 0 });
            }
            var headers = {};
            for (var name_3 in request.headers)
                if (name_3 !== 'Last-Event-ID')
                    headers[name_3] = request.headers[name_3];
            var url = request.url;
            var id = ext.lastEventId;
            if (id) {
                if (o.lastEventIdIn !== 'query')
                    headers['Last-Event-ID'] = wellFormedByteString(id);
                if (o.lastEventIdIn !== 'header')
                    url = setQueryParameter(url, o.lastEventIdParam, id);
            }
            for (var name_4 in own) {
                var lower = name_4.toLowerCase();
                for (var existing in headers)
                    if (existing.toLowerCase() === lower)
                        delete headers[existing];
                headers[name_4] = own[name_4];
            }
            abortRequest = inner({ url: url, withCredentials: request.withCredentials, headers: headers, method: o.method, body: o.body, fetch: request.fetch }, { response: response, chunk: chunk, end: end });
        }
        function response(status, contentType, url, details) {
            if (finished)
                return;
            armStall();
            if (status === 200 && index.isEventStream(contentType)) {
                attempts = 0;
                origin = index.platform.originOf(url || request.url);
                return handlers.response(status, contentType, url, details);
            }
            // A failed response: its body is read, up to ERROR_BODY_SIZE characters or ERROR_BODY_WAIT ms.
            failure = {
                reason: 'response',
                status: status,
                statusText: (details && details.statusText) || '',
                contentType: contentType,
                body: '',
                willReconnect: false,
                attempt: attempts,
            };
            // (reconnectOnStatus never holds 200: readOptions refuses it.)
            retryable = o.reconnectOnStatus.indexOf(status) >= 0;
            if (retryable)
                retryAfter = parseRetryAfter(header(details, 'Retry-After'), new Date().getTime());
            timer = setTimeout(finishBody, ERROR_BODY_WAIT);
        }
        function chunk(data) {
            if (finished)
                return;
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
        function finishBody() {
            var details = failure;
            details.body = text.length > ERROR_BODY_SIZE ? text.slice(0, ERROR_BODY_SIZE) : text;
            if (retryable)
                return reconnect(details, retryAfter);
            stop();
            fail(details);
        }
        function end(error, again) {
            if (finished)
                return;
            // The transport replaces the connection to bound its memory: the event source connects again at once.
            if (again === index.REPLACE) {
                stop();
                return handlers.end(error, again);
            }
            if (failure)
                return finishBody();
            if (error)
                return reconnect({ reason: 'network', error: error, willReconnect: true, attempt: attempts });
            if (!o.reconnectOnEnd) {
                stop();
                return fail({ reason: 'end', willReconnect: false, attempt: 0 });
            }
            // A transport that can only long-poll asks for the next request at once, as the event source would.
            reconnect({ reason: 'end', willReconnect: true, attempt: attempts }, undefined, again === index.RECONNECT_AT_ONCE);
        }
        // A header function is called in a task of its own, never inside the constructor (where it could not yet
        // see the variable that the new instance will be assigned to).
        if (delay > 0 || typeof o.headers === 'function')
            timer = setTimeout(start, delay);
        else
            start();
        return stop;
    };
}
// The async iterator of a source: every message event it dispatches from then on, of any type, queued until read.
function iterate(source) {
    var state = index.slots(source);
    var ext = state.ext;
    var queue = [];
    var waiting = [];
    var ended = !ext || state.readyState === index.CLOSED;
    var failure = ended && ext && ext.failure ? failureOf(ext.failure) : null;
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
            failure = ext.failure ? failureOf(ext.failure) : null;
            settle();
        },
    };
    if (!ended)
        ext.sinks.push(sink);
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
            if (ext) {
                var index = ext.sinks.indexOf(sink);
                if (index >= 0)
                    ext.sinks.splice(index, 1);
            }
            state.close();
            settle();
            return Promise.resolve({ value: undefined, done: true });
        },
    };
    iterator[asyncIteratorSymbol] = function () {
        return this;
    };
    return iterator;
}
var asyncIteratorSymbol = typeof Symbol === 'function' ? Symbol.asyncIterator : undefined;
function setup() {
    index.setExtension(extend);
    var prototype = index.EventSource.prototype;
    // readonly attribute DOMString lastEventId (as an IDL attribute would be: on the prototype, enumerable).
    Object.defineProperty(prototype, 'lastEventId', {
        get: function () {
            var ext = index.slots(this).ext;
            return ext ? ext.lastEventId : '';
        },
        enumerable: true,
        configurable: true,
    });
    if (asyncIteratorSymbol) {
        Object.defineProperty(prototype, asyncIteratorSymbol, {
            value: function () {
                return iterate(this);
            },
            writable: true,
            configurable: true,
        });
    }
    return index.EventSource;
}
/** The `EventSource` class, with the extensions plugged in: the same class as the ponyfill's. */
var EventSource = setup();

exports.createParser = index.createParser;
exports.DEFAULT_MAX_EVENT_SIZE = DEFAULT_MAX_EVENT_SIZE;
exports.ERROR_BODY_SIZE = ERROR_BODY_SIZE;
exports.ERROR_BODY_WAIT = ERROR_BODY_WAIT;
exports.EventSource = EventSource;
