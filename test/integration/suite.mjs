// The EventSource integration suite: every rule of WHATWG HTML §9.2.2-9.2.4 against a real node:http server.
// Runtime-neutral: vitest runs it on Node (test/event-source.test.ts), and test/integration/run.mjs runs the very
// same cases on Node 22, Deno and Bun against the built dist/. Case names follow the WPT file or the spec rule.
//
// Time: every case waits on what it expects to see (`until`), never on the machine being fast; the deadlines of
// `until` and of run.mjs only stop a case that would otherwise hang. Where a rule needs a duration (a retry time),
// the case checks the lower bound on real time (timers never fire early) and makes the wrong outcome a wait of
// minutes, which the deadline catches, instead of an upper bound that a loaded machine could overrun. The checks
// that nothing more happens (after close(), after a failure) look again after a short sleep: on a slow machine
// they see less, so they can miss a late event but never fail a correct implementation; fake time covers the same
// rules exactly under vitest (test/event-source.test.ts).
import assert from 'node:assert/strict';
import { startServer } from '../helpers/sse-server.mjs';
import { sleep, until } from '../helpers/wait.mjs';

/** Records what an EventSource dispatches, as short strings: "open", "error:0", "message:data:id:origin". */
function record(es, types = ['open', 'message', 'error']) {
  const log = [];
  for (const type of types) {
    es.addEventListener(type, (event) => {
      if (type === 'open') log.push('open');
      else if (type === 'error') log.push('error:' + es.readyState);
      else log.push(type + ':' + event.data + ':' + event.lastEventId);
    });
  }
  return log;
}

const body = (text) => encodeURIComponent(text);

export const cases = [
  // --- The interface (§9.2.2) ---------------------------------------------------------------------------------
  ['eventsource-constructor: a missing url is a TypeError; a bogus one a SyntaxError DOMException', async (t) => {
    assert.throws(() => new t.EventSource(), TypeError);
    assert.throws(() => new t.EventSource('http://this is invalid/'), (e) => e.name === 'SyntaxError');
    if (typeof DOMException === 'function') {
      assert.throws(() => new t.EventSource('http://[bad'), (e) => e instanceof DOMException && e.code === 12);
    }
    // No document here, so a relative URL has no base.
    assert.throws(() => new t.EventSource('/relative'), (e) => e.name === 'SyntaxError');
    assert.throws(() => t.EventSource(t.server.url('/message')), TypeError);
  }],

  ['eventsource-constructor-stringify: url is converted with ToString', async (t) => {
    const es = t.track(new t.EventSource({ toString: () => t.server.url('/message?x=1') }));
    assert.equal(es.url, t.server.url('/message?x=1'));
    assert.throws(() => new t.EventSource(Symbol('x')), TypeError);
  }],

  ['eventsource-url: url is the serialized absolute URL', async (t) => {
    const es = t.track(new t.EventSource(t.server.origin.toUpperCase() + '/a/../message'));
    assert.equal(es.url, t.server.url('/message'));
  }],

  ['eventsource-prototype: constants on the constructor and the prototype, attributes on the prototype', async (t) => {
    // A subclass (the extended class) inherits the interface: its members are checked where they are defined.
    const { EventSource } = t;
    let Interface = EventSource;
    while (!Object.getOwnPropertyDescriptor(Interface.prototype, 'url')) Interface = Object.getPrototypeOf(Interface);
    for (const [name, value] of [['CONNECTING', 0], ['OPEN', 1], ['CLOSED', 2]]) {
      assert.equal(Interface[name], value);
      assert.equal(Interface.prototype[name], value);
      assert.equal(Object.getOwnPropertyDescriptor(Interface, name).writable, false);
    }
    for (const name of ['url', 'withCredentials', 'readyState', 'onopen', 'onmessage', 'onerror']) {
      assert.equal(typeof Object.getOwnPropertyDescriptor(Interface.prototype, name).get, 'function', name);
    }
    assert.equal(typeof Interface.prototype.close, 'function');
    assert.deepEqual(Object.getOwnPropertyDescriptor(Interface.prototype, 'constructor'), {
      value: Interface,
      writable: true,
      enumerable: false,
      configurable: true,
    });
    if (typeof EventTarget === 'function') {
      assert.equal(Object.getPrototypeOf(Interface.prototype), EventTarget.prototype);
      assert.equal(Object.getPrototypeOf(Interface), EventTarget);
    }
    const es = t.track(new EventSource(t.server.url('/message')));
    assert.equal(es.readyState, EventSource.CONNECTING);
    assert.equal(es.withCredentials, false);
    assert.equal(Object.keys(es).length, 0, 'no own enumerable properties');
    assert.ok(es instanceof EventSource);
    if (typeof EventTarget === 'function') assert.ok(es instanceof EventTarget);
    assert.equal(Object.prototype.toString.call(es), '[object EventSource]');
    // WebIDL: the getters, setters and operations throw a TypeError on any object that is not an EventSource.
    const proto = Interface.prototype;
    for (const name of ['url', 'withCredentials', 'readyState', 'onopen', 'onmessage', 'onerror']) {
      const { get, set } = Object.getOwnPropertyDescriptor(proto, name);
      for (const other of [proto, {}, null, undefined, 'x']) {
        assert.throws(() => get.call(other), TypeError, name + ' getter');
        if (set) assert.throws(() => set.call(other, () => {}), TypeError, name + ' setter');
      }
    }
    assert.throws(() => proto.close.call({}), TypeError, 'close()');
  }],

  ['eventsource-eventtarget and eventsource-onmessage: MessageEvents through listeners and handlers', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: hi\n\n'))));
    const got = [];
    let shape;
    es.addEventListener('message', (e) => {
      got.push(['listener', e.data, e.type, e instanceof MessageEvent]);
      // The MessageEvent attributes, and no own enumerable property beyond what any Event has (isTrusted in Bun).
      shape = [e.constructor === MessageEvent, e.source, Array.isArray(e.ports), e.ports.length, Object.keys(e).join(), e.target === es];
    });
    es.onmessage = function (e) {
      got.push(['handler', e.data, this === es, e.origin]);
    };
    await until(() => got.length === 2, 'two deliveries');
    assert.deepEqual(got, [
      ['listener', 'hi', 'message', true],
      ['handler', 'hi', true, t.server.origin],
    ]);
    assert.deepEqual(shape, [true, null, true, 0, Object.keys(new Event('x')).join(), true]);
  }],

  ['event handler attributes: a handler keeps the place of its first assignment; null removes it', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: x\n\n'))));
    const order = [];
    es.onmessage = () => order.push('first handler');
    es.addEventListener('message', () => order.push('listener'));
    es.onmessage = () => order.push('second handler');
    assert.equal(typeof es.onmessage, 'function');
    es.onopen = 'not a function';
    assert.equal(es.onopen, null);
    es.onerror = () => order.push('error');
    es.onerror = null;
    assert.equal(es.onerror, null);
    await until(() => order.length === 2, 'message delivered');
    assert.deepEqual(order, ['second handler', 'listener']);
  }],

  ['event handler attributes are [LegacyTreatNonObjectAsNull]: any object is kept, callable or not', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: x\n\n'))));
    const order = [];
    const notCallable = { handleEvent: () => order.push('handleEvent is never called for a handler') };
    es.onmessage = notCallable;
    assert.equal(es.onmessage, notCallable);
    es.addEventListener('message', () => order.push('listener'));
    // The handler's place is the one its first (object) value took, before the listener.
    es.onmessage = () => order.push('handler');
    es.onopen = notCallable;
    assert.equal(es.onopen, notCallable);
    for (const value of [5, 'x', true, undefined]) {
      es.onerror = notCallable;
      es.onerror = value;
      assert.equal(es.onerror, null, typeof value);
    }
    await until(() => order.length === 2, 'message delivered');
    assert.deepEqual(order, ['handler', 'listener']);
  }],

  ['events are dispatched asynchronously, open before any message', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: 1\n\ndata: 2\n\n'))));
    const log = record(es);
    assert.deepEqual(log, []);
    await until(() => log.length >= 3, 'open and two messages');
    assert.deepEqual(log.slice(0, 3), ['open', 'message:1:', 'message:2:']);
  }],

  // --- The request (§9.2.2 steps 8-15, §9.2.4) -------------------------------------------------------------------
  ['request-accept: Accept: text/event-stream, and no header added that would cost a CORS preflight', async (t) => {
    const inits = [];
    const spy = (url, init) => (inits.push(init), fetch(url, init));
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: x\n\n')), { fetch: spy }));
    const log = record(es);
    await until(() => log.includes('message:x:'), 'message');
    assert.deepEqual(inits[0].headers, { Accept: 'text/event-stream' });
    const headers = t.server.requests.find((r) => r.path === '/message').headers;
    assert.equal(headers.accept, 'text/event-stream');
    assert.equal(headers['last-event-id'], undefined);
  }],

  ['request-cache-control: the cache mode is no-store, so fetch itself marks the request no-cache', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: x\n\n'))));
    const log = record(es);
    await until(() => log.includes('message:x:'), 'message');
    // Fetch's HTTP-network-or-cache fetch adds `Cache-Control: no-cache` for the no-store cache mode, below CORS:
    // the runtimes that implement that step show it here.
    const headers = t.server.requests.find((r) => r.path === '/message').headers;
    assert.ok(headers['cache-control'] === undefined || headers['cache-control'] === 'no-cache', headers['cache-control']);
  }],

  ['request: fetch is called with mode cors, credentials by withCredentials, cache no-store, redirect follow', async (t) => {
    const inits = [];
    const spy = (url, init) => {
      inits.push(init);
      return fetch(url, init);
    };
    t.track(new t.EventSource(t.server.url('/message'), { fetch: spy }));
    const es = t.track(new t.EventSource(t.server.url('/message'), { fetch: spy, withCredentials: true }));
    assert.equal(es.withCredentials, true);
    // An absent method, mode, credentials or redirect member is fetch's default for a URL: GET, cors, same-origin,
    // follow.
    assert.deepEqual(
      inits.map((i) => [i.method || 'GET', i.mode || 'cors', i.credentials || 'same-origin', i.cache, i.redirect || 'follow']),
      [
        ['GET', 'cors', 'same-origin', 'no-store', 'follow'],
        ['GET', 'cors', 'include', 'no-store', 'follow'],
      ],
    );
    assert.throws(() => new t.EventSource(t.server.url('/message'), { fetch: 'nope' }), TypeError);
  }],

  ['format-field-id and request Last-Event-ID: round trips, non-ASCII ids as UTF-8, and an id reset', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/last-event-id?ids=' + body('€1,日本,,x') + '&connections=5')));
    const log = record(es, ['message']);
    await until(() => log.length === 5, 'five connections');
    // Each connection's data is the header it sent; its lastEventId is the id the stream before it ended with:
    // the last event ID buffer outlives a connection (as in browsers), until the empty id resets it.
    assert.deepEqual(log, ['message:none:', 'message:€1:€1', 'message:日本:日本', 'message:none:', 'message:x:x']);
    await until(() => es.readyState === 2, 'the 204 fails the connection');
  }],

  ['format-data-before-final-empty-line: an id whose block never ended is not sent', async (t) => {
    t.server.handle('/unterminated-id', (req, res, { n }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(n === 0 ? 'retry:10\ndata:test1\n\nid:test\ndata:test2' : 'data:' + (req.headers['last-event-id'] ?? 'none') + '\n\n');
    });
    const es = t.track(new t.EventSource(t.server.url('/unterminated-id')));
    const log = record(es, ['message']);
    await until(() => log.length === 2, 'reconnected');
    assert.deepEqual(log, ['message:test1:', 'message:none:']);
  }],

  // --- The response (§9.2.3) -------------------------------------------------------------------------------------
  ['request-status-error: any status but 200 fails the connection: CLOSED, one error, no reconnection', async (t) => {
    for (const status of [204, 201, 206, 300, 304, 400, 401, 404, 500, 502, 503]) {
      const path = '/message?status=' + status + '&body=' + body('data: no\n\n');
      const es = t.track(new t.EventSource(t.server.url(path)));
      const log = record(es);
      await until(() => log.length > 0, 'error for ' + status);
      await sleep(30);
      assert.deepEqual(log, ['error:2'], 'status ' + status);
      assert.equal(es.readyState, 2);
    }
    assert.equal(t.server.count('/message'), 11, 'one request each: no reconnection');
  }],

  ['eventsource-constructor-non-same-origin: a URL fetch cannot load fails the connection: CLOSED, one error', async (t) => {
    for (const url of ['ftp://example.not/', 'about:blank', 'mailto:whatwg@awesome.example', "javascript:alert('FAIL')"]) {
      const es = t.track(new t.EventSource(url));
      const log = [];
      es.onerror = (e) => log.push([es.readyState, 'data' in e]);
      await until(() => log.length > 0, 'error for ' + url);
      assert.deepEqual(log, [[2, false]], url);
      assert.equal(es.readyState, 2, url);
    }
  }],

  ['format-mime-valid-bogus: the MIME type essence decides, parameters and case do not', async (t) => {
    const accepted = ['text/event-stream', 'Text/Event-Stream; charset=utf-8', 'text/event-stream;charset=windows-1252', 'text/event-stream ; foo=bar', 'text/html, text/event-stream'];
    const rejected = ['text/plain', 'none', 'text/event-streamx', 'text/event-stream, text/html', 'text/', 'event-stream'];
    for (const type of [...accepted, ...rejected]) {
      const es = t.track(new t.EventSource(t.server.url('/message?type=' + body(type) + '&body=' + body('data: ok\n\n'))));
      const log = record(es);
      await until(() => log.length > 0, 'a verdict on ' + type);
      await until(() => log.length > 1 || log[0] === 'error:2', 'message for ' + type);
      if (accepted.includes(type)) assert.deepEqual(log.slice(0, 2), ['open', 'message:ok:'], type);
      else assert.deepEqual(log, ['error:2'], type);
      es.close();
    }
  }],

  ['request-redirect: 301, 302, 303, 307 and 308 are followed; origin is the final URL\'s', async (t) => {
    for (const status of [301, 302, 303, 307, 308]) {
      const target = t.other.url('/message?body=' + body('data: moved\n\n'));
      const es = t.track(new t.EventSource(t.server.url('/redirect?status=' + status + '&to=' + body(target))));
      const got = [];
      es.onmessage = (e) => got.push([e.data, e.origin]);
      await until(() => got.length === 1, 'message after ' + status);
      assert.deepEqual(got[0], ['moved', t.other.origin], 'status ' + status);
      assert.equal(es.url, t.server.url('/redirect?status=' + status + '&to=' + body(target)), 'url stays the request URL');
      es.close();
    }
  }],

  ['a redirect without Location is a 3xx left unresolved: fail the connection', async (t) => {
    t.server.handle('/redirect-nowhere', (req, res) => res.writeHead(302).end());
    const es = t.track(new t.EventSource(t.server.url('/redirect-nowhere')));
    const log = record(es);
    await until(() => log.length > 0, 'error');
    assert.deepEqual(log, ['error:2']);
  }],

  // --- Reestablishing the connection ------------------------------------------------------------------------------
  ['eventsource-reconnect: the end of the body reestablishes the connection after the retry time', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/counter?n=2&retry=20')));
    const log = record(es);
    await until(() => log.length >= 7, 'two connections');
    assert.deepEqual(log.slice(0, 7), ['open', 'message:1:1', 'message:2:2', 'error:0', 'open', 'message:1:1', 'message:2:2']);
    const lastIds = t.server.requests.filter((r) => r.path === '/counter').map((r) => r.headers['last-event-id']);
    assert.deepEqual(lastIds.slice(0, 2), [undefined, '2']);
  }],

  ['format-field-retry: retry: sets the reconnection time, also when it is the last line before the end', async (t) => {
    // A first retry of 10 minutes: were the last line ignored, the reconnection would never come in time.
    t.server.handle('/retry-last', (req, res, { n }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(n === 0 ? 'retry: 600000\ndata: a\n\nretry: 40\n' : 'data: b\n\n');
    });
    const es = t.track(new t.EventSource(t.server.url('/retry-last')));
    const times = [];
    es.onopen = () => times.push(Date.now());
    await until(() => times.length === 2, 'reconnected after 40 ms, not 10 minutes');
    const waited = times[1] - times[0];
    assert.ok(waited >= 35, 'waited ' + waited + ' ms');
  }],

  ['format-field-retry-bogus: a bogus retry is ignored and the previous value stays', async (t) => {
    // Were `600000x` read as a number (parseInt), the reconnection would take 10 minutes; `retry:` and `-5` read as
    // 0 would reconnect at once, which the lower bound sees.
    t.server.handle('/retry-bogus', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('retry: 30\nretry: 600000x\nretry:\nretry: -5\ndata: x\n\n');
    });
    const es = t.track(new t.EventSource(t.server.url('/retry-bogus')));
    const times = [];
    es.onopen = () => times.push(Date.now());
    await until(() => times.length === 2, 'reconnected after 30 ms, not 10 minutes');
    const waited = times[1] - times[0];
    assert.ok(waited >= 25, 'waited ' + waited + ' ms');
  }],

  ['reconnect after a reset in the middle of an event: the cut event is never dispatched', async (t) => {
    let first;
    t.server.handle('/reset-once', (req, res, { n }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.socket.setNoDelay(true);
      if (n === 0) {
        res.write('retry: 10\nid: 1\ndata: one\n\ndata: cut in the mid');
        first = res;
      } else res.end('data: again\n\n');
    });
    const es = t.track(new t.EventSource(t.server.url('/reset-once')));
    const log = record(es);
    // The reset comes once the client has the first event (and with it the start of the cut one), not after a
    // fixed delay that a loaded machine could outrun.
    await until(() => log.includes('message:one:1'), 'the first event');
    first.destroy();
    await until(() => log.includes('message:again:1'), 'reconnected');
    // The new stream's event carries the id the last one dispatched (the cut event's id, had it one, would not).
    assert.deepEqual(log.slice(0, 5), ['open', 'message:one:1', 'error:0', 'open', 'message:again:1']);
    assert.equal(t.server.requests[1].headers['last-event-id'], '1');
  }],

  ['a network error before any response reestablishes the connection (CONNECTING, error, retry)', async (t) => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new TypeError('network down'));
    };
    const es = t.track(new t.EventSource('http://127.0.0.1:1/', { fetch: failing }));
    const log = record(es);
    await until(() => log.length === 1, 'error');
    assert.deepEqual(log, ['error:0']);
    assert.equal(es.readyState, 0);
    es.close();
    assert.equal(calls, 1);
  }],

  ['a fetch that throws instead of rejecting is a network error too, reported asynchronously', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/x'), { fetch: () => { throw new Error('sync'); } }));
    const log = record(es);
    assert.deepEqual(log, []);
    await until(() => log.length === 1, 'error');
    assert.deepEqual(log, ['error:0']);
  }],

  ['a refused connection on a real socket reestablishes: CONNECTING after its error', async (t) => {
    const es = t.track(new t.EventSource('http://127.0.0.1:9/'));
    const log = record(es);
    await until(() => log.length === 1, 'error');
    assert.deepEqual(log, ['error:0']);
  }],

  // --- close() ----------------------------------------------------------------------------------------------------
  ['eventsource-close: close() from onopen: CLOSED, nothing more, no error', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: x\n\n'))));
    const log = record(es);
    es.onopen = () => es.close();
    await until(() => log.length > 0, 'open');
    await sleep(50);
    assert.deepEqual(log, ['open']);
    assert.equal(es.readyState, 2);
  }],

  ['eventsource-close: close() from onmessage stops the rest of the same chunk', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/message?body=' + body('data: 1\n\ndata: 2\n\ndata: 3\n\n'))));
    const log = record(es);
    es.onmessage = () => es.close();
    await until(() => log.length >= 2, 'a message');
    await sleep(50);
    assert.deepEqual(log, ['open', 'message:1:']);
  }],

  ['eventsource-close: close() from onerror stops the reconnection', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/counter?n=1&retry=5')));
    const log = record(es);
    es.onerror = () => es.close();
    await until(() => log.includes('error:0'), 'error');
    await sleep(60);
    assert.deepEqual(log, ['open', 'message:1:1', 'error:0']);
    assert.equal(t.server.count('/counter'), 1);
  }],

  ['eventsource-close: close() during the reconnection wait cancels it', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/counter?n=1&retry=40')));
    const log = record(es);
    await until(() => log.includes('error:0'), 'error');
    es.close();
    await sleep(100);
    assert.equal(t.server.count('/counter'), 1);
    assert.equal(es.readyState, 2);
  }],

  ['eventsource-request-cancellation: close() before the response aborts the request; no event at all', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/no-response')));
    const log = record(es);
    await until(() => t.server.count('/no-response') === 1, 'request arrived');
    es.close();
    await sleep(50);
    assert.deepEqual(log, []);
    assert.equal(es.readyState, 2);
    // The socket itself is the runtime's to release (undici drops it lazily, holding no reference on the process:
    // see the process-exit test).
  }],

  ['eventsource-request-cancellation: close() on an open, silent stream aborts the fetch and closes the socket', async (t) => {
    const signals = [];
    const fetchSpy = (url, init) => {
      signals.push(init.signal);
      return fetch(url, init);
    };
    const es = t.track(new t.EventSource(t.server.url('/silent'), { fetch: fetchSpy }));
    const log = record(es);
    await until(() => log.length === 1, 'open');
    assert.equal(signals.length, 1);
    assert.equal(signals[0].aborted, false);
    es.close();
    assert.equal(signals[0].aborted, true, 'close() aborts the fetch');
    // The socket that carried the stream closes at once. (Node's fetch then opens a spare connection, which carries
    // no request and lingers for some 3 s: servedSockets() leaves it out.)
    await until(() => t.server.servedSockets() === 0, 'the socket is closed');
    assert.deepEqual(log, ['open']);
  }],

  ['close() in the constructor\'s turn: no request is left and no event fires', async (t) => {
    const es = new t.EventSource(t.server.url('/silent'));
    const log = record(es);
    es.close();
    await sleep(50);
    assert.deepEqual(log, []);
    assert.equal(es.readyState, 2);
    await until(() => t.server.openSockets() === 0, 'no socket left');
  }],

  // --- Streams of every shape -------------------------------------------------------------------------------------
  ['a stream written one byte at a time', async (t) => {
    const text = 'retry: 10000\r\nid: é1\r\nevent: e\r\ndata: 日本\r\ndata: 😀\r\n\r\n:c\rdata: two\r\r';
    const es = t.track(new t.EventSource(t.server.url('/trickle?interval=1&body=' + body(text))));
    const log = record(es, ['open', 'e', 'message', 'error']);
    await until(() => log.length >= 3, 'two events');
    assert.deepEqual(log.slice(0, 3), ['open', 'e:日本\n😀:é1', 'message:two:é1']);
  }],

  ['many events and a large one arrive whole and in order', async (t) => {
    const es = t.track(new t.EventSource(t.server.url('/many?n=20000&size=20')));
    let count = 0;
    es.onmessage = (e) => {
      if (e.data.length === 20) count++;
    };
    await until(() => count === 20000, 'all events');
    es.close();
    const big = 'y'.repeat(1 << 20);
    t.server.handle('/big', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end('data: ' + big + '\ndata: end\n\n');
    });
    const es2 = t.track(new t.EventSource(t.server.url('/big')));
    let data = null;
    es2.onmessage = (e) => (data = e.data);
    await until(() => data !== null, 'the large event');
    assert.equal(data, big + '\nend');
  }],

  ['format-bom and format-utf-8: BOM stripped, UTF-8 whatever the charset, invalid bytes as U+FFFD', async (t) => {
    t.server.handle('/bytes', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=iso-8859-1' });
      const utf8 = (text) => [...new TextEncoder().encode(text)];
      res.end(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('data: é€'), 0xff, ...utf8('\n\n')]));
    });
    const es = t.track(new t.EventSource(t.server.url('/bytes')));
    const log = record(es, ['message']);
    await until(() => log.length === 1, 'message');
    assert.deepEqual(log, ['message:é€\ufffd:']);
  }],
];

/** Runs one case with two fresh servers (two origins), closing every EventSource it tracked afterwards. */
export async function runCase(fn, EventSource) {
  const server = await startServer();
  const other = await startServer();
  const sources = [];
  const t = { EventSource, server, other, track: (es) => (sources.push(es), es) };
  try {
    await fn(t);
  } finally {
    for (const es of sources) es.close();
    await Promise.all([server.close(), other.close()]);
  }
}
