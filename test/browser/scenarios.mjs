// The stream scenarios run in headless Chromium by test/browser/run.mjs, once per mode (native EventSource, the
// polyfill on fetch, the polyfill on XHR and DOM shims, the same under a strict CSP).
//
// This one file is loaded twice: by Node (run.mjs imports it for `setup` and `observe`, which act on the fixture
// servers) and by the test page as a same-origin module script (`run`, which acts in the page). So it imports
// nothing, and each part only touches its own side's globals.
//
// `run(t)` returns a plain object: the observation. Each key is compared on its own between native and every
// polyfill mode, so an intended difference (run.mjs INTENDED_DIFFERENCES) can name exactly one key. Origins are
// replaced by "A" (the page's and the main stream server's), "B" (a second server, cross-origin) and "X" (a port
// with nothing listening) before comparing.
//
// In the page, t = { EventSource, A, B, X, record, until, sleep, node }; in Node, s = { A, B, flags }.

const enc = encodeURIComponent;

/** The fixture's /message endpoint with `body` as the whole stream. */
const message = (origin, body, extra) => origin + '/message?body=' + enc(body) + (extra || '');

/** CORS response headers for the second origin's own endpoints. */
function cors(req, extra) {
  return Object.assign(
    {
      'Access-Control-Allow-Origin': req.headers.origin || '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Last-Event-ID',
    },
    extra,
  );
}

const SSE = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' };

/** What a server saw: one [method, path, Last-Event-ID] per request (static test files left out). */
function seen(server, paths) {
  return server.requests
    .filter((r) => !r.path.startsWith('/__') && r.path !== '/favicon.ico' && (!paths || paths.includes(r.path)))
    .map((r) => [r.method, r.path, lastEventId(r.headers)]);
}

/** The Last-Event-ID header as the text it encodes (UTF-8 bytes arrive as latin1 characters), or null. */
function lastEventId(headers) {
  const value = headers['last-event-id'];
  if (value === undefined) return null;
  return new TextDecoder().decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));
}

/**
 * Opens a source on `path` (a stream that ends once, then one event) and waits until it has reconnected. Resolves
 * to its open/message/error log and which reconnection time was in effect, from the wait between the error and the
 * second open. Timers never fire early, so the lower bounds hold on any machine; 150 ms and 2.5 s are told apart
 * with a margin of more than 2 s, which no load here comes near. (Firefox and WebKit give times in whole ms.)
 */
async function reconnectionWait(t, path) {
  const es = new t.EventSource(t.A + path);
  const times = [];
  const log = t.record(es, ['open', 'message', 'error'], (e, log) => log.length === 5);
  es.addEventListener('open', () => times.push(performance.now()));
  es.addEventListener('error', () => times.push(performance.now()));
  await t.until(() => es.readyState === 2, 'reconnected');
  // times: open, error, open.
  const waited = times[2] - times[1];
  return { log, wait: waited < 140 ? 'under 140 ms' : waited < 2500 ? 'about 150 ms' : '2.5 s or more' };
}

export const scenarios = [
  // --- Order and shape of events ---------------------------------------------------------------------------------
  {
    name: 'eventsource-onmessage: open first, messages in order, error at the end, all asynchronous',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: 1\n\ndata: 2\n\n'));
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error');
      const sync = { entries: log.length, readyState: es.readyState, url: es.url, withCredentials: es.withCredentials };
      await t.until(() => es.readyState === 2, 'closed at the error');
      return { sync, log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'format-fields: every field rule, comments, unknown fields, case, NUL in id and data, event type, id reset',
    async run(t) {
      const body =
        'retry: 10000\n' +
        ': a comment\n' +
        'data\n\n' + // a field without colon: empty value
        'data:\n\n' + // empty data still dispatches
        'data:no-space\n\n' +
        'data:  two spaces\n\n' + // only one leading space is removed
        'data: a\ndata: b\ndata\n\n' + // lines joined by LF, the last LF removed
        'event: only-event\n\n' + // no data: nothing
        'id: 7\ndata: with-id\n\n' +
        'id\n' + // id with empty value resets it
        'data: reset\n\n' +
        'id: \u00e9 \u65e5\ndata: unicode-id\n\n' +
        'unknown: x\ndata: unknown-field\n\n' +
        'data: colon: in value\n\n' +
        'Data: case\n\n' + // field names are case-sensitive: ignored
        ' data: leading-space\n\n' + // field name " data": ignored
        'event: custom\ndata: c\n\n' +
        'event:\ndata: empty-event-type\n\n' +
        'event: message\ndata: m\n\n' +
        'event: a\nevent: b\ndata: last-type-wins\n\n' +
        'data: x\nevent: t\n\ndata: then-message\n\n' + // the type buffer is reset after each dispatch
        'retry: 12x\nretry: -1\nretry\ndata: retry-bogus\n\n' +
        'data: tail-without-blank-line';
      const types = ['open', 'message', 'error', 'only-event', 'custom', 'a', 'b', 't', ''];
      const read = async (body) => {
        const es = new t.EventSource(message(t.A, body));
        const log = t.record(es, types, (e) => e[0] === 'error');
        await t.until(() => es.readyState === 2, 'the end of the stream');
        return log;
      };
      // Three rules in streams of their own, so that an engine that breaks one differs in one key.
      const [log, idOnly, nulInId, nulInData] = await Promise.all([
        read(body),
        // An id alone in its block sets the last event ID string.
        read('retry: 10000\nid: 7\n\ndata: after-id\n\n'),
        // An id with NUL is ignored; the event is dispatched with the earlier id.
        read('retry: 10000\nid: 1\ndata: before\n\nid: a\u0000b\ndata: nul\n\ndata: after\n\n'),
        // NUL is data like any other character.
        read('retry: 10000\ndata: nul\u0000in data\n\n'),
      ]);
      return { log, idOnly, nulInId, nulInData };
    },
  },

  {
    name: 'event objects: MessageEvent attributes, target, phase, this, and the error and open Events',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\nid: 1\ndata: shape\n\n'));
      const shapes = {};
      const describe = (e, that) => {
        const d = {
          type: e.type,
          bubbles: e.bubbles,
          cancelable: e.cancelable,
          defaultPrevented: e.defaultPrevented,
          eventPhase: e.eventPhase,
          targetIsSource: e.target === es,
          currentTargetIsSource: e.currentTarget === es,
          thisIsSource: that === es,
        };
        if (e.type === 'message') {
          Object.assign(d, {
            data: e.data,
            origin: e.origin,
            lastEventId: e.lastEventId,
            source: e.source,
            ports: Array.isArray(e.ports) || (typeof e.ports === 'object' && e.ports !== null && 'length' in e.ports),
            portsLength: e.ports && e.ports.length,
          });
        }
        Object.defineProperty(d, 'event', { value: e, enumerable: false, configurable: true });
        return d;
      };
      es.onopen = function (e) {
        shapes.open = describe(e, this);
      };
      es.onmessage = function (e) {
        shapes.message = describe(e, this);
      };
      es.addEventListener('error', function (e) {
        shapes.error = describe(e, this);
        es.close();
      });
      await t.until(() => shapes.error, 'the error at the end');
      // What may differ by design, each under a key of its own.
      const isTrusted = {};
      const instanceOf = {};
      for (const type in shapes) {
        const e = shapes[type].event;
        isTrusted[type] = e.isTrusted;
        instanceOf[type] = [
          typeof Event === 'function' ? e instanceof Event : 'no Event global',
          typeof MessageEvent === 'function' ? e instanceof MessageEvent : 'no MessageEvent global',
        ];
      }
      return Object.assign(shapes, { isTrusted, instanceOf, messageOwnKeys: Object.keys(shapes.message.event) });
    },
  },

  {
    name: 'event handler attributes: order of first assignment, null removes, non-callable is null, false return',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: x\n\n'));
      const order = [];
      es.onmessage = () => order.push('first handler');
      es.addEventListener('message', () => order.push('listener'));
      es.onmessage = (e) => {
        order.push('second handler');
        return false;
      };
      es.addEventListener('message', (e) => order.push('defaultPrevented ' + e.defaultPrevented));
      const attributes = { onmessage: typeof es.onmessage };
      es.onopen = 'not a function';
      attributes.onopen = es.onopen;
      es.onerror = () => order.push('removed handler');
      es.onerror = null;
      attributes.onerror = es.onerror;
      es.addEventListener('error', () => es.close());
      await t.until(() => es.readyState === 2, 'the error at the end');
      return { order, attributes };
    },
  },

  {
    name: 'interface: constants, prototype attributes, instanceof, toString tag, no own properties',
    async run(t) {
      const ES = t.EventSource;
      const es = new ES(message(t.A, 'data: x\n\n'));
      const out = {
        constants: ['CONNECTING', 'OPEN', 'CLOSED'].map((n) => [ES[n], ES.prototype[n], es[n]]),
        // An accessor on the prototype chain (a subclass, such as the extended class, inherits them).
        getters: ['url', 'withCredentials', 'readyState', 'onopen', 'onmessage', 'onerror'].map((n) => {
          for (let p = ES.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
            const d = Object.getOwnPropertyDescriptor(p, n);
            if (d) return typeof d.get;
          }
          return 'missing';
        }),
        close: typeof ES.prototype.close,
        ownKeys: Object.keys(es),
        isEventTarget: typeof EventTarget === 'function' ? es instanceof EventTarget : 'no EventTarget global',
        isInstance: es instanceof ES,
        tag: Object.prototype.toString.call(es),
        methods: [typeof es.addEventListener, typeof es.removeEventListener, typeof es.dispatchEvent],
      };
      es.close();
      return out;
    },
  },

  {
    name: 'eventsource-constructor: errors, relative URL against the document, ToString, url attribute',
    async run(t) {
      const ES = t.EventSource;
      const outcome = (f) => {
        try {
          const es = f();
          const url = es.url;
          es.close();
          return ['ok', url];
        } catch (e) {
          return ['throws', e.name, e instanceof TypeError, typeof DOMException === 'function' && e instanceof DOMException, e.code];
        }
      };
      return {
        noArgument: outcome(() => new ES()),
        noNew: outcome(() => ES(t.A + '/message')),
        badURL: outcome(() => new ES('http://[bad')),
        badHost: outcome(() => new ES('http://this is invalid/')),
        symbol: outcome(() => new ES(Symbol('x'))),
        relative: outcome(() => new ES('/message?relative')),
        dotSegments: outcome(() => new ES(t.A.toUpperCase().replace('HTTP', 'http') + '/a/../message#frag')),
        stringify: outcome(() => new ES({ toString: () => t.A + '/message?x=1' })),
        nonASCII: outcome(() => new ES(t.A + '/\u00fc/message?q=\u65e5\u672c x&r=%41#\u00e9')),
        schemeRelative: outcome(() => new ES(t.A.replace('http:', '') + '/message?scheme-relative')),
        queryOnly: outcome(() => new ES('?query-only')),
        upperCaseScheme: outcome(() => new ES(t.A.replace('http', 'HTTP') + '/message')),
        nullInit: outcome(() => new ES(t.A + '/message', null)),
        badInit: outcome(() => new ES(t.A + '/message', 5)),
        withCredentials: (() => {
          const es = new ES(t.A + '/message', { withCredentials: 1 });
          es.close();
          return es.withCredentials;
        })(),
      };
    },
  },

  // --- The request ------------------------------------------------------------------------------------------------
  {
    name: 'request headers: Accept, cache headers, no Last-Event-ID on the first request, no Origin same-origin',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: x\n\n'));
      t.record(es, ['error'], () => true);
      await t.until(() => es.readyState === 2, 'the end');
      return {};
    },
    observe(s) {
      const h = s.A.requests.find((r) => r.path === '/message').headers;
      return {
        accept: h.accept,
        lastEventId: h['last-event-id'] === undefined ? 'absent' : h['last-event-id'],
        origin: h.origin === undefined ? 'absent' : h.origin,
        cacheControl: h['cache-control'],
        pragma: h.pragma,
        secFetchMode: h['sec-fetch-mode'],
      };
    },
  },

  {
    name: 'format-field-id and Last-Event-ID: round trips with non-ASCII ids, and an id reset',
    async run(t) {
      const es = new t.EventSource(t.A + '/last-event-id?ids=' + enc('\u20ac1,\u65e5\u672c,,x') + '&connections=5');
      const log = t.record(es, ['message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204 after five connections');
      return { messages: log.filter((e) => e[0] === 'message'), errors: log.filter((e) => e[0] === 'error') };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'Last-Event-ID from ids that came with events: ASCII, Latin-1, beyond Latin-1, astral',
    setup(s) {
      // Connection n sends one event whose data is the Last-Event-ID it got, and ids[n] as its id (in the same block,
      // since Firefox and WebKit drop an id that ends a stream in a block of its own).
      const ids = ['abc', '\u00e91', '\u20ac1', '\ud83d\ude00'];
      s.A.handle('/id-with-event', (req, res, { n }) => {
        if (n > ids.length) return void res.writeHead(204).end();
        res.writeHead(200, SSE);
        res.end('retry: 10\ndata: ' + (lastEventId(req.headers) || 'none') + '\n' + (n < ids.length ? 'id: ' + ids[n] + '\n' : '') + '\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/id-with-event');
      const log = t.record(es, ['message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204');
      return { messages: log.filter((e) => e[0] === 'message') };
    },
    // The header's bytes as sent, in hex: what a server that reads UTF-8 would get.
    observe: (s) => ({
      headers: s.A.requests
        .filter((r) => r.path === '/id-with-event')
        .map((r) => (r.headers['last-event-id'] === undefined ? null : Buffer.from(r.headers['last-event-id'], 'latin1').toString('hex'))),
    }),
  },

  {
    name: 'last event ID buffer: it outlives a connection (an id sent, then no id in the new stream)',
    async run(t) {
      // Connection 1 ends with `id: a`; connection 2 sends it and gets one message with no id; connection 3 shows
      // what the last event ID string was after that message.
      const es = new t.EventSource(t.A + '/last-event-id?ids=a&connections=3');
      const log = t.record(es, ['message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204 after three connections');
      return { messages: log.filter((e) => e[0] === 'message') };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'format-data-before-final-empty-line: an id whose block never ended is not sent',
    setup(s) {
      s.A.handle('/unterminated-id', (req, res, { n }) => {
        if (n === 2) return void res.writeHead(204).end();
        res.writeHead(200, SSE);
        if (n === 0) res.end('retry:10\ndata:test1\n\nid:test\ndata:test2');
        else res.end('data:' + (lastEventId(req.headers) || 'none') + '\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/unterminated-id');
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204');
      return { log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  // --- Reconnection -----------------------------------------------------------------------------------------------
  {
    name: 'eventsource-reconnect: the end of the body reconnects after retry, sending Last-Event-ID',
    async run(t) {
      const es = new t.EventSource(t.A + '/counter?n=2&retry=20');
      const log = t.record(es, ['open', 'message', 'error'], (e, log) => log.length === 7);
      await t.until(() => es.readyState === 2, 'two connections');
      return { log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'format-field-retry: retry as the last line before the end sets the delay',
    setup(s) {
      s.A.handle('/retry-last', (req, res, { n }) => {
        res.writeHead(200, SSE);
        res.end(n === 0 ? 'data: a\n\nretry: 150\n' : 'data: b\n\n');
      });
    },
    run: (t) => reconnectionWait(t, '/retry-last'),
  },

  {
    name: 'format-field-retry-bogus: bogus retry values are ignored and the previous one stays',
    setup(s) {
      s.A.handle('/retry-bogus', (req, res, { query }) => {
        res.writeHead(200, SSE);
        res.end('retry: 150\n' + query.get('line') + '\ndata: x\n\n');
      });
    },
    async run(t) {
      // Each bogus line after `retry: 150`, in a source of its own (all at once): what any prefix or lenient
      // reading of the value would give is either under 140 ms or at least 5 s.
      const lines = ['retry: 5000x', 'retry: -5', 'retry: 1e4', 'retry: 0x10', 'retry: 1 0', 'retry:  20', 'retry: +5000', 'retry: 5000 ', 'retry: 5000\t'];
      const out = {};
      await Promise.all(lines.map(async (line) => (out[line] = await reconnectionWait(t, '/retry-bogus?line=' + enc(line)))));
      return out;
    },
  },

  {
    name: 'format-field-retry-empty: an empty retry value is not all digits: ignored',
    setup(s) {
      s.A.handle('/retry-empty', (req, res) => {
        res.writeHead(200, SSE);
        res.end('retry: 150\nretry:\ndata: x\n\n');
      });
    },
    run: (t) => reconnectionWait(t, '/retry-empty'),
  },

  {
    name: 'reconnect after a reset in the middle of an event: the cut event is never dispatched',
    setup(s) {
      s.A.handle('/reset-once', (req, res, { n }) => {
        res.writeHead(200, SSE);
        res.socket.setNoDelay(true);
        // The reset comes once the page has the event before the cut (so with the cut block too: same write). Were
        // it to come earlier, a fetch() body stream would drop what the page had not read yet (an errored stream
        // empties its queue), which a native EventSource would have parsed.
        if (n === 0) {
          res.write('retry: 10\nid: 1\ndata: one\n\ndata: cut in the mid');
          s.when('got one').then(() => res.destroy());
        } else res.end('id: 2\ndata: again\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/reset-once');
      es.addEventListener('message', (e) => e.data === 'one' && t.node('set', 'got one'));
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[2] === 'again');
      await t.until(() => es.readyState === 2, 'reconnected');
      return { log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'a refused connection reestablishes: error while CONNECTING, then still CONNECTING',
    async run(t) {
      const es = new t.EventSource(t.X + '/refused');
      const log = t.record(es);
      await t.until(() => log.length === 1, 'the error');
      await t.sleep(200);
      const readyState = es.readyState;
      es.close();
      return { log, readyState };
    },
  },

  // --- Failing the connection -------------------------------------------------------------------------------------
  {
    name: 'request-status-error: any status but 200 fails the connection, once, without reconnecting',
    async run(t) {
      const statuses = [201, 202, 204, 206, 300, 304, 400, 401, 403, 404, 410, 500, 502, 503];
      const out = {};
      await Promise.all(
        statuses.map(async (status) => {
          const es = new t.EventSource(message(t.A, 'retry: 10\ndata: no\n\n', '&status=' + status));
          const log = t.record(es);
          await t.until(() => log.length > 0, 'a verdict on ' + status);
          await t.sleep(100);
          es.close();
          out[status] = log;
        }),
      );
      return out;
    },
    observe: (s) => ({ requestCount: s.A.count('/message') }),
  },

  {
    name: 'format-mime-valid-bogus: the Content-Type decides; parameters and case do not',
    async run(t) {
      const types = [
        'text/event-stream',
        'TEXT/Event-Stream',
        'text/event-stream; charset=utf-8',
        'text/event-stream;charset=UTF-8',
        'text/event-stream ; foo=bar',
        'text/event-stream;charset=windows-1252',
        'text/event-stream; charset=iso-8859-1',
        'text/html, text/event-stream',
        'text/event-stream, text/html',
        'text/plain',
        'none',
        'text/event-streamx',
        'text/',
        'event-stream',
        'application/octet-stream',
      ];
      const out = {};
      await Promise.all(
        types.map(async (type) => {
          // Non-ASCII data: a charset parameter must not change how the stream is decoded.
          const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: ok \u00e9\u20ac\n\n', '&type=' + enc(type)));
          const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] !== 'open');
          await t.until(() => es.readyState === 2, 'a verdict on ' + type);
          out[type] = log;
        }),
      );
      return out;
    },
  },

  // --- Redirects and CORS -----------------------------------------------------------------------------------------
  {
    name: "request-redirect: 301, 302, 303, 307 and 308 are followed; origin is the final URL's",
    async run(t) {
      const out = {};
      const cases = [301, 302, 303, 307, 308].map((status) => [status + ' cross-origin', status, t.B + '/cors?body=' + enc('data: moved\n\n')]);
      cases.push(['302 same-origin', 302, message(t.A, 'retry: 10000\ndata: here\n\n')]);
      for (const [name, status, target] of cases) {
        const url = t.A + '/redirect?status=' + status + '&to=' + enc(target);
        const es = new t.EventSource(url);
        const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] !== 'open');
        await t.until(() => es.readyState === 2, 'a message after ' + name);
        out[name] = { log, urlIsRequestURL: es.url === url };
      }
      return out;
    },
    observe: (s) => ({
      requestsA: seen(s.A),
      requestsB: s.B.requests.filter((r) => r.path === '/cors').map((r) => [r.method, r.headers.origin]),
    }),
  },

  {
    name: 'a redirect without Location is a 3xx response: fail the connection',
    setup(s) {
      s.A.handle('/redirect-nowhere', (req, res) => res.writeHead(302, SSE).end('data: x\n\n'));
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/redirect-nowhere');
      const log = t.record(es);
      await t.until(() => log.length > 0, 'the error');
      await t.sleep(100);
      es.close();
      return { log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'CORS: cross-origin streams with and without withCredentials; cookies only with credentials',
    setup(s) {
      s.B.handle('/cors-star', (req, res) => {
        res.writeHead(200, Object.assign({ 'Access-Control-Allow-Origin': '*' }, SSE));
        res.end('retry: 10000\ndata: star\n\n');
      });
    },
    async run(t) {
      const out = {};
      const run = async (name, url, init) => {
        const es = new t.EventSource(url, init);
        const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] !== 'open');
        await t.until(() => es.readyState === 2, name);
        out[name] = { log, withCredentials: es.withCredentials };
      };
      await run('anonymous', t.B + '/cors?body=' + enc('retry: 10000\ndata: anonymous\n\n'));
      await run('credentials', t.B + '/cors?body=' + enc('retry: 10000\ndata: credentials\n\n'), { withCredentials: true });
      await run('wildcard anonymous', t.B + '/cors-star');
      await run('same-origin anonymous', message(t.A, 'retry: 10000\ndata: same\n\n'));
      return out;
    },
    observe: (s) => ({
      requestsB: s.B.requests
        .filter((r) => !r.path.startsWith('/__'))
        .map((r) => [r.method, r.path, r.headers.origin, r.headers.cookie || 'no cookie']),
      // Same-origin requests carry cookies whatever withCredentials says.
      sameOriginCookie: s.A.requests.filter((r) => r.path === '/message').map((r) => r.headers.cookie || 'no cookie'),
    }),
  },

  {
    name: 'CORS failures: no Access-Control-Allow-Origin, and a wildcard with credentials',
    setup(s) {
      s.B.handle('/cors-star', (req, res) => {
        res.writeHead(200, Object.assign({ 'Access-Control-Allow-Origin': '*' }, SSE));
        res.end('retry: 10000\ndata: star\n\n');
      });
    },
    async run(t) {
      const out = {};
      const run = async (name, url, init) => {
        const es = new t.EventSource(url, init);
        const log = t.record(es);
        await t.until(() => log.length > 0, name);
        await t.sleep(150);
        out[name] = { log, readyState: es.readyState };
        es.close();
      };
      await Promise.all([
        run('no allow-origin', message(t.B, 'retry: 10000\ndata: secret\n\n')),
        run('wildcard with credentials', t.B + '/cors-star', { withCredentials: true }),
      ]);
      return out;
    },
    observe: (s) => ({
      requestsB: s.B.requests.filter((r) => !r.path.startsWith('/__')).map((r) => [r.method, r.path]).sort(),
    }),
  },

  {
    name: 'CORS and Last-Event-ID: a cross-origin reconnection with an id, and the preflight it needs',
    setup(s) {
      s.B.handle('/cors-last-event-id', (req, res, { n }) => {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors(req)).end();
        const gets = s.B.requests.filter((r) => r.path === '/cors-last-event-id' && r.method === 'GET').length;
        if (gets > 2) return void res.writeHead(204, cors(req)).end();
        res.writeHead(200, cors(req, SSE));
        res.end('retry: 10\nid: \u00e9' + gets + '\ndata: ' + (lastEventId(req.headers) || 'none') + '\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.B + '/cors-last-event-id');
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204');
      return { log };
    },
    observe: (s) => {
      const requests = s.B.requests.filter((r) => r.path === '/cors-last-event-id');
      return {
        gets: requests.filter((r) => r.method === 'GET').map((r) => [lastEventId(r.headers), r.headers.origin]),
        // How many preflights varies with Chromium's preflight cache; whether there was one does not.
        preflighted: requests.some((r) => r.method === 'OPTIONS'),
      };
    },
  },

  // --- close() ----------------------------------------------------------------------------------------------------
  {
    name: 'eventsource-close: close() from onopen: CLOSED, nothing more, no error',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'data: x\n\n'));
      const log = t.record(es);
      es.onopen = () => es.close();
      await t.until(() => log.length > 0, 'open');
      await t.sleep(100);
      return { log, readyState: es.readyState };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'eventsource-close: close() from onmessage stops the rest of the same chunk',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'data: 1\n\ndata: 2\n\ndata: 3\n\n'));
      const log = t.record(es);
      es.onmessage = () => es.close();
      await t.until(() => log.length >= 2, 'a message');
      await t.sleep(100);
      return { log };
    },
  },

  {
    name: 'eventsource-close: close() from onerror stops the reconnection',
    async run(t) {
      const es = new t.EventSource(t.A + '/counter?n=1&retry=5');
      const log = t.record(es);
      es.onerror = () => es.close();
      await t.until(() => log.some((e) => e[0] === 'error'), 'the error');
      await t.sleep(100);
      return { log };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'eventsource-close: close() during the reconnection wait cancels it',
    async run(t) {
      const es = new t.EventSource(t.A + '/counter?n=1&retry=80');
      const log = t.record(es);
      // In a task of its own right after the error: the reconnection wait (80 ms) has begun and cannot be over.
      es.addEventListener('error', () => setTimeout(() => es.close(), 0));
      await t.until(() => es.readyState === 2, 'close()');
      // Long enough for the wait to end, were it still running.
      await t.sleep(300);
      return { log, readyState: es.readyState };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },

  {
    name: 'eventsource-request-cancellation: close() before the response aborts the request; no event',
    setup(s) {
      s.A.handle('/hang', (req, res) => {
        s.flags.requested = true;
        res.on('close', () => (s.flags.aborted = true));
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/hang');
      const log = t.record(es);
      await t.node('wait', 'requested');
      es.close();
      // The server sees the request go; the scenario fails (hang guard) if it never does.
      await t.node('wait', 'aborted');
      await t.sleep(50);
      return { log, readyState: es.readyState };
    },
  },

  {
    name: 'eventsource-request-cancellation: close() on an open, silent stream closes the connection',
    setup(s) {
      s.A.handle('/silent-tracked', (req, res) => {
        res.writeHead(200, SSE);
        res.write(':\n');
        res.on('close', () => (s.flags.closed = true));
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/silent-tracked');
      const log = t.record(es);
      await t.until(() => log.length === 1, 'open');
      es.close();
      // The server sees the connection close; the scenario fails (hang guard) if it never does.
      await t.node('wait', 'closed');
      return { log, readyState: es.readyState };
    },
  },

  {
    name: "close() in the constructor's turn: no event at all",
    async run(t) {
      const es = new t.EventSource(message(t.A, 'data: x\n\n'));
      const log = t.record(es);
      es.close();
      await t.sleep(100);
      return { log, readyState: es.readyState };
    },
  },

  {
    name: 'listener exceptions: reported to the window, later listeners and events still run',
    async run(t) {
      const errors = [];
      const onError = (e) => {
        if (String(e.message).indexOf('intended-listener-error') !== -1) {
          errors.push('reported');
          e.preventDefault();
        }
      };
      window.addEventListener('error', onError);
      const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: 1\n\ndata: 2\n\n'));
      es.addEventListener('message', () => {
        throw new Error('intended-listener-error');
      });
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'the end');
      await t.sleep(50);
      window.removeEventListener('error', onError);
      return { log, errors };
    },
  },

  {
    name: 'EventTarget: handleEvent objects, duplicates, once, capture flag, changes during a dispatch, stopImmediatePropagation',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\ndata: 1\n\ndata: 2\n\n'));
      const calls = [];
      const object = {
        handleEvent(e) {
          calls.push('handleEvent ' + e.data + ' ' + (this === object));
        },
      };
      es.addEventListener('message', object);
      es.addEventListener('message', object);
      es.addEventListener('message', (e) => calls.push('once ' + e.data), { once: true });
      const removed = () => calls.push('removed');
      es.addEventListener('message', removed);
      es.removeEventListener('message', removed);
      const captured = (e) => calls.push('capture ' + e.data);
      es.addEventListener('message', captured, true);
      es.removeEventListener('message', captured);
      const later = (e) => calls.push('later ' + e.data);
      es.addEventListener('message', (e) => {
        calls.push('first ' + e.data);
        if (e.data === '1') {
          es.addEventListener('message', (e2) => calls.push('added during 1, called with ' + e2.data));
          es.removeEventListener('message', later);
        }
      });
      es.addEventListener('message', later);
      es.addEventListener('message', (e) => {
        if (e.data === '2') {
          e.stopImmediatePropagation();
          calls.push('stopped ' + e.data);
        }
      });
      es.addEventListener('message', (e) => calls.push('after stop ' + e.data));
      es.addEventListener('error', () => es.close());
      es.addEventListener('message', null);
      await t.until(() => es.readyState === 2, 'the end');
      return { calls };
    },
  },

  {
    name: 'streaming: each event is dispatched before the server writes the next one',
    setup(s) {
      // Writes event i+1 only once the page has acknowledged event i: a transport that buffered the response would
      // wait for the end of a response that never ends (and the scenario fails at the page's hang guard).
      s.A.handle('/acknowledged', (req, res) => {
        res.writeHead(200, SSE);
        res.socket.setNoDelay(true);
        res.write('retry: 10000\n');
        const acknowledged = (s.acknowledged = []);
        let i = 0;
        const next = () => {
          if (res.destroyed) return;
          if (++i > 3) return void res.end();
          res.write('data: ' + i + '\n\n');
          s.when('ack ' + i).then(() => {
            acknowledged.push(i);
            next();
          });
        };
        next();
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/acknowledged');
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error');
      es.addEventListener('message', (e) => t.node('set', 'ack ' + e.data));
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
    observe: (s) => ({ acknowledged: s.acknowledged }),
  },

  {
    name: 'a stream with no events: open, and a silent open stream raises no error',
    setup(s) {
      s.A.handle('/comments-only', (req, res, { n }) => {
        if (n === 1) return void res.writeHead(204).end();
        res.writeHead(200, SSE);
        res.end(': nothing\nretry: 10\n\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/comments-only');
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error' && e[1] === 2);
      await t.until(() => es.readyState === 2, 'the 204');
      const silent = new t.EventSource(t.A + '/silent');
      const silentLog = t.record(silent);
      // Open first (however long that takes on a loaded machine), then the time for an error that must not come.
      await t.until(() => silentLog.length > 0, 'the silent stream to open');
      await t.sleep(300);
      silent.close();
      return { log, silentLog };
    },
  },

  {
    name: 'event types error and open sent by the server are MessageEvents on those listeners',
    async run(t) {
      const es = new t.EventSource(message(t.A, 'retry: 10000\nevent: error\ndata: from-server\n\nevent: open\ndata: o\n\n'));
      const log = [];
      for (const type of ['open', 'error', 'message']) {
        es.addEventListener(type, (e) => {
          log.push([type, es.readyState, 'data' in e ? e.data : 'no data', 'data' in e ? e.lastEventId : 'no id']);
          if (type === 'error' && !('data' in e)) es.close();
        });
      }
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
  },

  {
    name: 'data: URLs: a stream from a data URL, with the opaque origin "null"',
    async run(t) {
      const es = new t.EventSource('data:text/event-stream,' + enc('retry: 10000\ndata: from data\n\n'));
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'a verdict');
      return { log, url: es.url.slice(0, 22) };
    },
  },

  // --- Streams of every shape -------------------------------------------------------------------------------------
  {
    name: 'a stream written one byte at a time: CR, LF, CRLF, multi-byte characters split',
    async run(t) {
      const text = 'retry: 10000\r\nid: \u00e91\r\nevent: e\r\ndata: \u65e5\u672c\r\ndata: \ud83d\ude00\r\n\r\n:c\rdata: two\r\r' + 'data: lf\n\n';
      const es = new t.EventSource(t.A + '/trickle?interval=1&body=' + enc(text));
      const log = t.record(es, ['open', 'e', 'message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
  },

  {
    name: 'line endings in one chunk, and a CRLF split across two chunks',
    setup(s) {
      s.A.handle('/crlf-split', (req, res) => {
        res.writeHead(200, SSE);
        res.socket.setNoDelay(true);
        res.write('retry: 10000\rdata: cr\r\rdata: lf\n\ndata: crlf\r\n\r\ndata: mixed\r\ndata: 2\n\r\ndata: split\r');
        // CR at the end of one chunk, LF at the start of the next: one line ending, not two.
        setTimeout(() => res.write('\ndata: x\r\n\r\ndata: y\r'), 40);
        // CR at the end of one chunk, CR at the start of the next: two line endings, so an empty line.
        setTimeout(() => res.end('\rdata: z\n\n'), 80);
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/crlf-split');
      const log = t.record(es, ['open', 'message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
  },

  {
    name: 'format-bom: a stream that starts with two BOMs: the second is part of the first line, which is lost',
    setup(s) {
      s.A.handle('/two-boms', (req, res) => {
        res.writeHead(200, SSE);
        res.end(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode('data: lost\n\nretry: 10000\ndata: kept\n\n')]));
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/two-boms');
      const log = t.record(es, ['message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
  },

  {
    name: 'format-bom and format-utf-8: one BOM stripped, a second is data, invalid bytes become U+FFFD',
    setup(s) {
      s.A.handle('/bytes', (req, res) => {
        res.writeHead(200, SSE);
        const utf8 = (text) => [...new TextEncoder().encode(text)];
        const bom = [0xef, 0xbb, 0xbf];
        res.end(
          new Uint8Array([
            ...bom,
            ...utf8('retry: 10000\ndata: \u00e9\u20ac'),
            0xff,
            ...utf8('\n\n'),
            ...bom,
            ...utf8('data: second-bom\n\n'),
            ...utf8('data: '),
            ...bom,
            ...utf8('bom-in-data\n\n'),
            ...utf8('data: truncated '),
            0xe2,
            0x82,
            ...utf8('\n\ndata: overlong '),
            0xc0,
            0xaf,
            ...utf8(' surrogate '),
            0xed,
            0xa0,
            0x80,
            ...utf8('\n\n'),
          ]),
        );
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/bytes');
      const log = t.record(es, ['message', 'error'], (e) => e[0] === 'error');
      await t.until(() => es.readyState === 2, 'the end');
      return { log };
    },
  },

  {
    name: 'many events and a large one arrive whole and in order',
    setup(s) {
      s.A.handle('/big', (req, res) => {
        res.writeHead(200, SSE);
        res.end('retry: 10000\ndata: ' + 'y'.repeat(1 << 20) + '\ndata: end\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/many?n=20000&size=20');
      let count = 0;
      let wrong = 0;
      const payload = 'x'.repeat(20);
      es.onmessage = (e) => (e.data === payload ? count++ : wrong++);
      const errors = [];
      es.onerror = () => (errors.push(es.readyState), es.close());
      await t.until(() => es.readyState === 2, 'all events and the end');
      const es2 = new t.EventSource(t.A + '/big');
      let big = null;
      es2.onmessage = (e) => {
        big = [e.data.length, e.data.slice(0, 3), e.data.slice(-5)];
        es2.close();
      };
      await t.until(() => big, 'the large event');
      return { count, wrong, errors, big };
    },
  },

  {
    name: 'a long line of multi-byte characters in odd-sized chunks arrives whole',
    setup(s) {
      s.A.handle('/long-line', (req, res) => {
        res.writeHead(200, SSE);
        res.socket.setNoDelay(true);
        const line = '\u00e9\u65e5\ud83d\ude00x'.repeat(40000);
        const bytes = new TextEncoder().encode('retry: 10000\ndata: ' + line + '\ndata: ' + line + '\n\ndata: end\n\n');
        // 4099-byte pieces: every few pieces split a character, and no piece is aligned with anything.
        let i = 0;
        const next = () => {
          if (res.destroyed) return;
          if (i >= bytes.length) return void res.end();
          res.write(bytes.subarray(i, (i += 4099)));
          setTimeout(next, 1);
        };
        next();
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/long-line');
      const got = [];
      es.onmessage = (e) => {
        let hash = 0;
        for (let i = 0; i < e.data.length; i++) hash = (hash * 31 + e.data.charCodeAt(i)) | 0;
        got.push([e.data.length, hash, e.data.slice(0, 6), e.data.slice(-6)]);
      };
      es.onerror = () => es.close();
      await t.until(() => es.readyState === 2, 'the end');
      return { got };
    },
  },

  {
    name: 'readyState sequence: CONNECTING, OPEN, CONNECTING on reconnection, CLOSED on failure and close()',
    setup(s) {
      s.A.handle('/sequence', (req, res, { n }) => {
        if (n === 2) return void res.writeHead(500).end();
        res.writeHead(200, SSE);
        res.end('retry: 10\ndata: ' + n + '\n\n');
      });
    },
    async run(t) {
      const es = new t.EventSource(t.A + '/sequence');
      const states = ['constructed ' + es.readyState];
      es.onopen = () => states.push('open ' + es.readyState);
      es.onmessage = (e) => states.push('message ' + e.data + ' ' + es.readyState);
      es.onerror = () => states.push('error ' + es.readyState);
      await t.until(() => es.readyState === 2, 'the 500');
      await t.sleep(50);
      es.close();
      states.push('closed ' + es.readyState);
      return { states };
    },
    observe: (s) => ({ requests: seen(s.A) }),
  },
];

// --- The page side ------------------------------------------------------------------------------------------------
if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // Hang guards of the waits below. The slowest wait here, 20,000 events through XMLHttpRequest in WebKit (which
  // fires a readystatechange for each of the stream's 20,000 HTTP chunks, listened to or not), takes 5-6 s alone and
  // took 24 s with the three engines and vitest side by side on two cores: 60 s leaves room for a machine twice as
  // loaded.
  const WAIT_GUARD = 60000;

  /**
   * Resolves when check() (maybe async) is truthy, checking every few ms. The 60 s limit is a hang guard only, far
   * beyond any wait here on a loaded machine: it turns a hang into a failure that says what was awaited.
   */
  const until = async (check, what) => {
    const start = Date.now();
    for (;;) {
      if (await check()) return;
      if (Date.now() - start > WAIT_GUARD) throw new Error('timed out waiting for ' + what);
      await sleep(5);
    }
  };

  /**
   * Logs each event as [type, readyState] (open, error) or [type, readyState, data, lastEventId, origin]. When
   * stop(entry, log) is true, closes the EventSource right there, inside the listener.
   */
  const record = (es, types = ['open', 'message', 'error'], stop) => {
    const log = [];
    for (const type of types) {
      es.addEventListener(type, (e) => {
        const entry =
          type === 'open' || type === 'error' ? [type, es.readyState] : [type, es.readyState, e.data, e.lastEventId, e.origin];
        if (e.type !== type) entry.push('wrong type ' + e.type);
        log.push(entry);
        if (stop && stop(entry, log)) es.close();
      });
    }
    return log;
  };

  /**
   * The line to Node, through XMLHttpRequest (present in every mode) to /__node on the page's server: `set` a flag,
   * read a `flag`, or `wait` for one (the answer comes when a handler or the page sets it).
   */
  const node = (op, name) => {
    const answer = new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', '/__node?op=' + op + '&name=' + enc(name));
      xhr.onload = () => (xhr.status === 200 ? resolve(JSON.parse(xhr.responseText)) : reject(new Error('/__node: ' + xhr.responseText)));
      xhr.onerror = () => reject(new Error('/__node ' + op + ' ' + name + ' failed'));
      xhr.send();
    });
    if (op !== 'wait') return answer;
    let timer;
    const guard = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out waiting for ' + name)), WAIT_GUARD)));
    return Promise.race([answer, guard]).finally(() => clearTimeout(timer));
  };

  /** What is wrong with the mode on this page: the globals that should be gone, the EventSource in place. */
  const checkMode = ({ remove, restore, global, iife, use }) => {
    const problems = [];
    const still = remove.filter((name) => name !== 'EventSource' && name in window && !(restore || []).includes(name));
    if (still.length) problems.push('could not remove ' + still.join(', '));
    const used = resolvePath(use);
    if (typeof used !== 'function') problems.push(use + ' is not a constructor');
    if (iife) {
      const lib = window.WhatwgEventSource;
      if (!lib || typeof lib.createParser !== 'function') problems.push('window.WhatwgEventSource.createParser missing');
      if (global === 'installed' && window.EventSource !== lib.EventSource) problems.push('window.EventSource is not WhatwgEventSource.EventSource');
      if (global === 'native' && lib && window.EventSource === lib.EventSource) problems.push('the polyfill replaced a native EventSource');
    }
    if (global === 'native' && !/\[native code\]/.test(String(window.EventSource))) problems.push('no native EventSource');
    return problems;
  };
  const resolvePath = (path) => path.split('.').reduce((object, key) => (object == null ? undefined : object[key]), window);

  // The page serves one scenario after another (run.mjs). Each scenario's EventSource is a transparent Proxy of the
  // mode's constructor that keeps every instance made (`new` on it or on a subclass of it), for __cleanup.
  let made = [];
  let errorsBefore = 0;
  let violationsBefore = 0;
  const tracked = (C) =>
    new Proxy(C, {
      construct(target, args, newTarget) {
        const instance = Reflect.construct(target, args, newTarget);
        made.push(instance);
        return instance;
      },
    });

  /** Checks the mode, then runs one scenario: resolves to the JSON of { problems } or { observation }. */
  window.__run = async ({ name, config }) => {
    errorsBefore = window.__errors().length;
    violationsBefore = window.__violations().length;
    const problems = checkMode(config.check);
    if (problems.length) return JSON.stringify({ problems });
    const scenario = scenarios.find((s) => s.name === name);
    const t = { EventSource: tracked(resolvePath(config.use)), A: config.A, B: config.B, X: config.X, sleep, until, record, node };
    // As JSON text: what the page saw, whatever each driver's own serialization does with odd strings (NUL).
    return JSON.stringify({ observation: await scenario.run(t) });
  };

  /** Uncaught errors and CSP violations since the last __run began (after one task, for violation reports queued). */
  window.__report = () =>
    sleep(0).then(() => ({ errors: window.__errors().slice(errorsBefore), violations: window.__violations().slice(violationsBefore) }));

  /** Closes every EventSource the last scenario made, so that none reconnects to the next scenario's server. */
  window.__cleanup = () => {
    for (const es of made) es.close();
    made = [];
    return true;
  };

  // The page runs in a frame of run.mjs's harness page, which asks for __run and __report by postMessage; answers go
  // back the same way. `ready` tells the harness that this script runs.
  if (window.parent !== window) {
    const answer = (message) => window.parent.postMessage(Object.assign({ harness: 'answer' }, message), '*');
    window.addEventListener('message', (e) => {
      if (e.source !== window.parent || !e.data || e.data.harness !== 'call') return;
      const { id, name, arg } = e.data;
      Promise.resolve()
        .then(() => window[name](arg))
        .then(
          (value) => answer({ id, value }),
          (error) => answer({ id, error: String((error && error.message) || error) }),
        );
    });
    answer({ id: 'ready' });
  }
}
