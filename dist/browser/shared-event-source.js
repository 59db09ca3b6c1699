import { p as platform, g as globalObject, f as failedToConstruct, b as baseURL, F as FAILED } from './shared.js';
import { EventSource } from './extended.js';

// The reconnection time a stream sets (`retry:`), seen on the bytes of the holder's connection, so that the tab that
// takes over reconnects with it: the extended EventSource keeps it to itself. Only lines that start with `retry:`
// matter, so this is a byte scan for those, not a second parse.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#concept-event-stream-reconnection-time
var BOM = [0xef, 0xbb, 0xbf];
/** Feeds the bytes of one response; calls onRetry(ms) for each valid `retry:` field. */
function retryScanner(onRetry) {
    // The current line's first characters, or null once it is longer than any retry field worth reading.
    var line = '';
    // How much of a BOM (EF BB BF) starts the stream: it is not part of the first line.
    var bom = 0;
    return function (bytes) {
        for (var i = 0; i < bytes.length; i++) {
            var byte = bytes[i];
            if (bom < 3) {
                if (byte === BOM[bom]) {
                    bom++;
                    continue;
                }
                bom = 3;
            }
            if (byte === 10 || byte === 13) {
                // "If the field value consists of only ASCII digits, ... set the reconnection time to that integer."
                var match = line && /^retry: ?(\d+)$/.exec(line);
                if (match)
                    onRetry(+match[1]);
                line = '';
            }
            else if (line !== null) {
                line = line.length < 32 ? line + String.fromCharCode(byte) : null;
            }
        }
    };
}
/**
 * A fetch whose responses' bodies pass through the scanner on their way to the reader. (The body is replaced on
 * the response itself, so that its status, headers and URL stay the response's own.)
 */
function scanningFetch(given, onRetry) {
    return function (input, init) {
        return (given || fetch)(input, init).then(function (response) {
            var body = response.body;
            if (!body || typeof ReadableStream !== 'function')
                return response;
            var reader = body.getReader();
            var scan = retryScanner(onRetry);
            var stream = new ReadableStream({
                pull: function (controller) {
                    return reader.read().then(function (result) {
                        if (result.done)
                            return controller.close();
                        scan(result.value);
                        controller.enqueue(result.value);
                    });
                },
                cancel: function (reason) {
                    return reader.cancel(reason);
                },
            });
            Object.defineProperty(response, 'body', { value: stream });
            return response;
        });
    };
}

// The connection of the tab that holds a stream: an extended EventSource, read through its public interface only
// (the constructor, listeners, async iteration, close()), and turned into one ordered series of relay calls.
//
// A connection for one instance alone (no sharing) listens to exactly the types that instance listens to, as they
// are added: every event is relayed in the task that dispatched it. A shared connection cannot know which types the
// other tabs listen to (a tab learns of a new type too late for events already dispatched), so it reads every
// message event through async iteration, which hands them over in microtasks, after the `open` and `error` listeners
// of the same task have run. So there an `error` (and whatever follows it) waits for the next task, by when every
// message dispatched before it has come out of the iterator: the relay keeps the order in which the source
// dispatched.
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
// The extended error details (README "Error details"), wherever the event keeps them.
var DETAILS = ['reason', 'status', 'statusText', 'contentType', 'body', 'error', 'willReconnect', 'reconnectDelay', 'attempt'];
/** The details an error event carries: the known fields, and any other property that a plain Event does not have. */
function detailsOf(event) {
    var plain = platform.dom.createEvent('error');
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
function pending() {
    return new Promise(noop$1);
}
/** Throws what the extended EventSource throws for these arguments, without making a request. */
function check(url, init) {
    var options = {};
    for (var name_3 in init)
        if (name_3 !== 'name')
            options[name_3] = init[name_3];
    // (A `fetch` that is not a function stays, for its error.)
    if (typeof options.fetch === 'function' || options.fetch == null)
        options.fetch = pending;
    new EventSource(url, options).close();
}
var connect = function (url, init, relay, all) {
    // A shared connection's reconnection time goes to the next holder: its bodies pass a scan for `retry:` fields.
    if (all)
        init.fetch = scanningFetch(init.fetch, relay.retry);
    var source = new EventSource(url, init);
    var listening = {};
    var closed = false;
    // What waits for the next task, in order; `after` is set once an `open` waits there too: then messages (of the
    // new connection) wait behind it.
    var waiting = null;
    var after = false;
    function later(run, open) {
        if (!all)
            return run();
        if (!waiting) {
            waiting = [];
            nextTask(function () {
                var list = waiting;
                waiting = null;
                after = false;
                for (var i = 0; i < list.length && !closed; i++)
                    list[i]();
            });
        }
        waiting.push(run);
        if (open)
            after = true;
    }
    // The last event ID this connection started from carries over to its events until the stream sets one, as it
    // would in an EventSource that reconnected (the extended class's events start from an empty last event ID
    // buffer: the `lastEventId` option only goes into the request).
    var inherited = init.lastEventId || '';
    function message(event) {
        var id = event.lastEventId;
        if (id)
            inherited = '';
        else
            id = inherited;
        var send = function () {
            relay.message(event.type, event.data, event.origin, id);
        };
        if (after)
            later(send);
        else
            send();
    }
    source.addEventListener('open', function () {
        if (waiting)
            later(relay.open, true);
        else
            relay.open();
    });
    source.addEventListener('error', function (event) {
        var readyState = source.readyState;
        var details = detailsOf(event);
        later(function () {
            relay.error(readyState, details);
        });
    });
    if (all) {
        var iterator_1 = source[Symbol.asyncIterator]();
        var read_1 = function (step) {
            if (closed || step.done)
                return;
            message(step.value);
            iterator_1.next().then(read_1, noop$1);
        };
        iterator_1.next().then(read_1, noop$1);
    }
    return {
        close: function () {
            closed = true;
            source.close();
        },
        listen: function (type) {
            if (all || listening[type] || type === 'open' || type === 'error')
                return;
            listening[type] = true;
            source.addEventListener(type, message);
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
//   {k:'s', s, q, i, r, n}       state: the last sequence number s, the one where the last event ID i was set q,
//                                readyState r; n: the sender had no count of its own, so everyone takes this one
//   {k:'o'}                      the connection is open
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
var CONNECTING$1 = 0;
var OPEN$1 = 1;
var CLOSED$1 = 2;
/** How long a tab waiting for the lock waits for a sign of life from the holder before it asks, and then takes. */
var WATCH = 4000;
/**
 * The hub of one stream in this tab. `key` names the lock and the channel; `sharing` null: this hub holds its own
 * connection, alone. `ended` is called when the last member leaves.
 */
function createHub(key, url, init, sharing, connect, ended) {
    var members = [];
    var types = {};
    var readyState = CONNECTING$1;
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
        return { k: 's', e: epoch, s: seq, q: own ? idSeq : seq, i: lastEventId, r: own ? readyState : CONNECTING$1, n: lastSeq < 0, v: retry };
    }
    function announce(list) {
        if (readyState !== CONNECTING$1)
            return;
        readyState = OPEN$1;
        for (var i = 0; i < list.length; i++)
            list[i].open();
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
        else if (!current && m.k !== 'm' && !(m.k === 'x' && m.r === CLOSED$1))
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
            if (m.r === OPEN$1)
                announce(list);
        }
        else if (m.k === 'o') {
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
        else if (m.k === 'x' && readyState !== CLOSED$1) {
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
        open: function () {
            emit({ k: 'o', e: epoch });
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
        connection = connect(url, options, relay, !!sharing);
        for (var type in types)
            connection.listen(type);
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
        listen: function (type) {
            types[type] = true;
            if (connection)
                connection.listen(type);
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

// The hubs of this tab: one per shared stream (one per instance where a stream cannot be shared), and the page
// lifecycle that suspends them all. A page that keeps a Web Lock, a BroadcastChannel or a fetch cannot enter the
// back/forward cache, and a frozen tab that held the connection would starve the others: so on `pagehide` and
// `freeze` every hub lets go (another tab takes over at once), and on `pageshow` from the cache or `resume` it joins
// again. The listeners are added with the first hub, not when the module is imported.
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
/** The hub for a stream: the tab's shared one for `key`, or (key null) a hub of its own. */
function hubFor(key, url, init) {
    var mechanisms = key === null ? null : sharing();
    var name = mechanisms ? key : '';
    var hub = mechanisms && shared[name];
    // A hub whose connection failed is done, even while its last members are still being told.
    if (hub && hub.readyState() !== 2)
        return hub;
    hub = createHub(name, url, init, mechanisms, connect, function () {
        if (shared[name] === hub)
            delete shared[name];
        for (var i = 0; i < all.length; i++)
            if (all[i] === hub)
                all.splice(i, 1);
    });
    if (mechanisms)
        shared[name] = hub;
    all.push(hub);
    listen();
    return hub;
}

// The SharedEventSource interface: an EventSource (the extended options included) whose instances in every tab of
// the origin read one connection per stream. The instance knows nothing of tabs: its hub (hub.ts) tells it what
// the shared connection dispatches, and it dispatches that as its own EventSource would.
var CONNECTING = 0;
var OPEN = 1;
var CLOSED = 2;
var SLOTS = '__sharedEventSource';
// On any other object this returns undefined, and reading from that throws WebIDL's TypeError.
function slots(target) {
    return target[SLOTS];
}
function failureOf(details) {
    var error = new Error(FAILED + 'failed (' + details.reason + ')');
    for (var name_1 in details)
        error[name_1] = details[name_1];
    error.cause = details.error;
    return error;
}
function SharedEventSourceImpl(url, eventSourceInitDict) {
    if (!(this instanceof SharedEventSourceImpl))
        throw failedToConstruct("use the 'new' operator");
    if (!arguments.length)
        throw failedToConstruct('a URL is required');
    var input = ''.concat(url);
    var init = (eventSourceInitDict == null ? {} : eventSourceInitDict);
    if (typeof init !== 'object' && typeof init !== 'function')
        throw failedToConstruct('options must be an object');
    if (init.name !== undefined && typeof init.name !== 'string')
        throw failedToConstruct('name must be a string');
    var dom = platform.dom;
    if (!dom)
        throw failedToConstruct('no EventTarget here: needs whatwg-eventsource/polyfill');
    // Where the shims stand in for EventTarget (the legacy module, maybe loaded after this one), the prototype gets
    // their methods as its own, as EventSource.prototype does.
    var prototype = SharedEventSourceImpl.prototype;
    if (!dom.EventTarget && prototype.dispatchEvent !== dom.methods.dispatchEvent) {
        prototype.removeEventListener = dom.methods.removeEventListener;
        prototype.dispatchEvent = dom.methods.dispatchEvent;
    }
    var ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], this.constructor) : this);
    var absolute = platform.parseURL(input, baseURL());
    if (!absolute) {
        var message = FAILED + "invalid URL '" + input + "'";
        throw typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
    }
    var withCredentials = !!init.withCredentials;
    // (Where the browser cannot share, every instance is alone: no key.)
    var key = sharing() ? streamKey(absolute, withCredentials, init) : null;
    // A hub that opens its connection at once (an instance alone) checks the options as it does; a shared one may
    // never open it in this tab, so they are checked here.
    if (key !== null)
        check(absolute, init);
    var hub = hubFor(key, absolute, init);
    var dispatchEvent = dom.methods.dispatchEvent;
    var signal = init.signal;
    // A member that joins a stream already open gets its `open` in a task of its own, and nothing before it.
    var joined = hub.readyState() !== OPEN;
    var timer;
    var state = {
        readyState: CONNECTING,
        url: absolute,
        withCredentials: withCredentials,
        lastEventId: hub.lastEventId(),
        handlers: {},
        hub: hub,
        sinks: typeof Symbol === 'function' && Symbol.asyncIterator ? [] : null,
        failure: null,
        close: function () {
            shut(null);
        },
    };
    Object.defineProperty(ev, SLOTS, { value: state });
    function fire(event) {
        dispatchEvent.call(ev, event);
    }
    // CLOSED, out of the stream, the iterators ended (with the failure, if any).
    function shut(failure) {
        if (state.readyState === CLOSED && !state.sinks)
            return;
        state.readyState = CLOSED;
        clearTimeout(timer);
        hub.remove(member);
        if (signal)
            signal.removeEventListener('abort', state.close);
        var sinks = state.sinks;
        state.sinks = null;
        state.failure = failure;
        if (sinks)
            for (var i = 0; i < sinks.length; i++)
                sinks[i].end(failure);
    }
    var member = {
        open: function () {
            if (joined && state.readyState === CONNECTING) {
                state.readyState = OPEN;
                fire(dom.createEvent('open'));
            }
        },
        message: function (type, data, origin, lastEventId) {
            if (!joined || state.readyState === CLOSED)
                return;
            state.lastEventId = lastEventId;
            var event = dom.createMessageEvent(type, data, origin, lastEventId);
            var sinks = state.sinks;
            if (sinks)
                for (var i = 0; i < sinks.length; i++)
                    sinks[i].push(event);
            fire(event);
        },
        error: function (readyState, details) {
            if (state.readyState === CLOSED || (!joined && readyState !== CLOSED))
                return;
            if (readyState === CLOSED)
                shut(failureOf(details));
            else
                state.readyState = CONNECTING;
            var event = dom.createEvent('error');
            for (var name_2 in details)
                event[name_2] = details[name_2];
            fire(event);
        },
    };
    if (!joined) {
        timer = setTimeout(function () {
            joined = true;
            if (hub.readyState() === OPEN)
                member.open();
        }, 0);
    }
    try {
        hub.add(member);
    }
    catch (error) {
        // An instance alone: its connection refused the options.
        shut(null);
        throw error;
    }
    hub.listen('message');
    if (signal) {
        if (signal.aborted)
            shut(null);
        else
            signal.addEventListener('abort', state.close);
    }
    return ev;
}
// The async iterator of an instance: every message event it dispatches from then on, queued until read.
function iterate(source) {
    var state = slots(source);
    var queue = [];
    var waiting = [];
    var ended = !state.sinks;
    var failure = ended ? state.failure : null;
    var done = { value: undefined, done: true };
    function settle() {
        while (waiting.length) {
            var next = waiting.shift();
            if (failure)
                next[1](failure);
            else
                next[0](done);
            failure = null;
        }
    }
    if (!ended) {
        state.sinks.push({
            push: function (event) {
                var next = waiting.shift();
                if (next)
                    next[0]({ value: event, done: false });
                else
                    queue.push(event);
            },
            end: function (error) {
                ended = true;
                failure = error;
                if (!queue.length)
                    settle();
            },
        });
    }
    var iterator = {
        next: function () {
            if (queue.length)
                return Promise.resolve({ value: queue.shift(), done: false });
            if (!ended) {
                return new Promise(function (resolve, reject) {
                    waiting.push([resolve, reject]);
                });
            }
            var error = failure;
            failure = null;
            return error ? Promise.reject(error) : Promise.resolve(done);
        },
        // `break` out of a for await loop closes the source.
        return: function () {
            queue.length = 0;
            failure = null;
            state.close();
            ended = true;
            settle();
            return Promise.resolve(done);
        },
    };
    iterator[asyncIterator] = function () {
        return this;
    };
    return iterator;
}
var asyncIterator = typeof Symbol === 'function' ? Symbol.asyncIterator : undefined;
var SharedEventSource = /*#__PURE__*/ (function () {
    var dom = platform.dom;
    var Base = dom && dom.EventTarget;
    var prototype = SharedEventSourceImpl.prototype;
    if (Base) {
        Object.setPrototypeOf(prototype, Base.prototype);
        Object.setPrototypeOf(SharedEventSourceImpl, Base);
    }
    // As WebIDL defines them: attributes and operations enumerable and configurable, constants enumerable only.
    function define(name, descriptor, constant) {
        descriptor.enumerable = typeof name === 'string';
        descriptor.configurable = !constant;
        Object.defineProperty(prototype, name, descriptor);
        if (constant)
            Object.defineProperty(SharedEventSourceImpl, name, descriptor);
    }
    var constants = ['CONNECTING', 'OPEN', 'CLOSED'];
    for (var i = 0; i < 3; i++)
        define(constants[i], { value: i }, true);
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
    defineAttribute('lastEventId');
    // Event handler attributes, as the core's: the first non-null value adds the type's listener, null removes it.
    function defineEventHandler(type) {
        function listener(event) {
            var handler = slots(this).handlers[type];
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
                // [LegacyTreatNonObjectAsNull]: any object is kept, callable or not; the rest is null.
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
    // A connection for one instance relays the event types its listeners ask for (src/shared/connection.ts).
    define('addEventListener', {
        value: function addEventListener(type, callback, options) {
            platform.dom.methods.addEventListener.call(this, type, callback, options);
            var state = slots(this);
            if (state)
                state.hub.listen('' + type);
        },
        writable: true,
    });
    if (asyncIterator) {
        define(asyncIterator, {
            value: function () {
                return iterate(this);
            },
            writable: true,
        });
    }
    if (typeof Symbol === 'function')
        define(Symbol.toStringTag, { value: 'EventSource' });
    return SharedEventSourceImpl;
})();

export { SharedEventSource };
