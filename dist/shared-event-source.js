import { s as slots, p as platform, g as globalObject, f as failedToConstruct, b as baseURL, c as construct, C as CLOSED$1, M as MAX_DELAY } from './shared.js';
import { E as EventSource, i as instanceOf, r as readOptions, a as attach, b as assign } from './shared2.js';

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

export { SharedEventSource };
