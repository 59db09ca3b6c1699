import { p as platform, E as EventSource, g as globalObject, a as setUtf8Fallback } from './shared.js';

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

// UTF-8 decoding for engines without TextDecoder (old browsers). Kept out of createParser's import graph: a build
// for such engines imports this module and calls installUtf8Fallback() once.
/**
 * The Encoding Standard's UTF-8 decoder, streaming: a sequence cut by the end of one chunk is finished by the next.
 * There is no end-of-stream flush: the parser discards an unfinished line at the end of a stream anyway.
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
function createFallbackDecoder() {
    var needed = 0;
    var seen = 0;
    var codePoint = 0;
    var lower = 0x80;
    var upper = 0xbf;
    return function (bytes) {
        var out = '';
        var units = [];
        for (var i = 0; i < bytes.length; i++) {
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
            // String.fromCharCode.apply takes a bounded number of arguments.
            if (units.length > 8191) {
                out += String.fromCharCode.apply(null, units);
                units = [];
            }
        }
        return out + String.fromCharCode.apply(null, units);
    };
}
/** Lets parsers created from now on decode bytes where `TextDecoder` is missing. */
function installUtf8Fallback() {
    setUtf8Fallback(createFallbackDecoder);
}

// `import 'whatwg-eventsource/polyfill'`: the legacy add-on, then the global EventSource where it is missing. The
// global and the ponyfill's named export are one class.
// Engines without TextDecoder (legacy Edge) can still feed bytes to createParser. Not in the script tag, for its
// size: there, such engines feed text (the XMLHttpRequest transport only gives text anyway).
installUtf8Fallback();
install();
