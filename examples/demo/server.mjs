// The demo: an event-stream server on loopback, a page to watch its streams in (native EventSource or the
// polyfill, switchable), and a Node client printing some of the same streams with this package's ponyfill.
//
//   npm start                      (or: node examples/demo/server.mjs)
//   PORT=9000 HOST=0.0.0.0 npm start
//
// Nothing but node: built-ins and this package's dist/. Other scripts start it in-process with startDemoServer().
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventSource } from '../../dist/index.js';

const here = new URL('./', import.meta.url);
const root = new URL('../../', import.meta.url);

// The bearer token /sse/private accepts (examples/node-auth.mjs sends it).
export const DEMO_TOKEN = 'demo-token';

const STATIC = {
  '/': [new URL('index.html', here), 'text/html; charset=utf-8'],
  '/demo.js': [new URL('demo.js', here), 'text/javascript; charset=utf-8'],
  '/demo.css': [new URL('demo.css', here), 'text/css; charset=utf-8'],
  '/examples/browser/': [new URL('examples/browser/index.html', root), 'text/html; charset=utf-8'],
};
STATIC['/index.html'] = STATIC['/'];
STATIC['/examples/browser/index.html'] = STATIC['/examples/browser/'];

// A comment line only, with no blank line after it: a blank line would dispatch, and at the start of a
// reconnected stream that sets the client's last event ID string to '' (HTML §9.2.6, dispatch step 1).
const HEARTBEAT = ':\n';
const HEARTBEAT_MS = 15000;

/**
 * Starts the demo server. Options: `port` (0, the default, for a free one; with `fallback`, a busy port falls
 * back to a free one), `host` ('127.0.0.1').
 * Returns { server, origin, url(path), close() }; close() ends every stream and connection.
 */
export async function startDemoServer(options = {}) {
  const host = options.host || '127.0.0.1';
  const streams = new Set();
  const sockets = new Set();
  const chat = createChat();
  let flakyConnections = 0;

  const routes = {
    '/sse/clock': clock,
    '/sse/ticker': ticker,
    '/sse/flaky': flaky,
    '/sse/metrics': metrics,
    '/sse/chat': (req, res, query) => chat.subscribe(openStream(req, res), query, lastEventId(req)),
    '/sse/private': privateStream,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://demo.invalid');
    const path = url.pathname;
    if (req.method === 'OPTIONS') return preflight(res);
    if (path === '/chat') {
      if (req.method !== 'POST') return reply(res, 405, { error: 'POST a message here' }, { Allow: 'POST' });
      return chat.post(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { error: 'GET only' }, { Allow: 'GET' });
    if (routes[path]) return void routes[path](req, res, url.searchParams);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (STATIC[path]) return void serveFile(res, STATIC[path][0], STATIC[path][1]);
    // The built files (the script-tag build among them), by plain file name only: nothing else of the repository.
    const dist = /^\/dist\/([\w-]+(?:\.[\w-]+)*\.(?:js|map))$/.exec(path);
    if (dist) return void serveFile(res, new URL('dist/' + dist[1], root), 'text/javascript; charset=utf-8');
    reply(res, 404, { error: 'not found', streams: Object.keys(routes) });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const port = await listen(server, options.port || 0, host, options.fallback);
  const origin = 'http://' + (host.indexOf(':') === -1 ? host : '[' + host + ']') + ':' + port;

  // Every open event stream: its response, its timers and what to undo when it goes.
  function openStream(req, res) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      // Tells nginx-like proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    if (res.socket) res.socket.setNoDelay(true);
    const timers = new Set();
    const cleanups = [];
    const stream = {
      open: true,
      /** Writes one event block from { retry, id, event, data } (data: a string, or anything JSON can write). */
      send(fields) {
        if (!stream.open) return;
        res.write(block(fields));
      },
      write(text) {
        if (stream.open) res.write(text);
      },
      every(ms, fn) {
        const timer = setInterval(fn, ms);
        timers.add(timer);
      },
      after(ms, fn) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms);
        timers.add(timer);
      },
      onClose(fn) {
        cleanups.push(fn);
      },
      /** Cuts the connection without ending the response: what a crash or a network drop looks like. */
      drop() {
        res.destroy();
      },
      end() {
        res.end();
      },
    };
    streams.add(stream);
    res.on('close', () => {
      stream.open = false;
      streams.delete(stream);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const fn of cleanups) fn();
    });
    stream.every(HEARTBEAT_MS, () => stream.write(HEARTBEAT));
    return stream;
  }

  // A plain `message` every second, on the second.
  function clock(req, res) {
    const stream = openStream(req, res);
    everySecond(Date.now, stream.after, (now) => stream.send({ data: new Date(now).toISOString() }));
  }

  // Named events with ids: a `snapshot` of every price at once, then a `price` event per trade. A reconnection
  // carries on the numbering from Last-Event-ID.
  function ticker(req, res, query) {
    const stream = openStream(req, res);
    const interval = clamp(query.get('interval'), 20, 60000, 1000);
    let seq = Number(lastEventId(req)) || 0;
    const prices = { ACME: 112.4, BOLT: 38.05, CIRRUS: 251.9, DELTA: 9.72 };
    const symbols = Object.keys(prices);
    stream.send({ id: seq || undefined, event: 'snapshot', data: { prices, at: new Date().toISOString() } });
    stream.every(interval, () => {
      const symbol = symbols[Math.floor(Math.random() * symbols.length)];
      const before = prices[symbol];
      prices[symbol] = Math.max(0.01, round(before * (1 + (Math.random() - 0.5) / 50)));
      stream.send({ id: ++seq, event: 'price', data: { symbol, price: prices[symbol], change: round(prices[symbol] - before) } });
    });
  }

  // Numbered messages; after ?every= (5) of them, the connection is cut in the middle of an event. The client
  // reconnects after ?retry= ms (2000) with Last-Event-ID, and the stream resumes after that id: the first event
  // of each connection, `resume`, says what the server was told.
  function flaky(req, res, query) {
    const stream = openStream(req, res);
    const every = clamp(query.get('every'), 1, 1000, 5);
    const interval = clamp(query.get('interval'), 10, 60000, 1000);
    const retry = clamp(query.get('retry'), 0, 60000, 2000);
    const header = lastEventId(req);
    const connection = ++flakyConnections;
    let seq = Number(header) || 0;
    // The resume event repeats the last id: a first block without one would reset the client's last event ID
    // string, and a drop right after it would then restart the count from 1.
    stream.send({ retry, id: seq || undefined, event: 'resume', data: { lastEventId: header === undefined ? null : header, connection } });
    let sent = 0;
    stream.every(interval, () => {
      if (sent++ === every) {
        stream.write('data: this event is cut off before its blank line, so it is never dispatched\n');
        return stream.drop();
      }
      stream.send({ id: ++seq, data: { seq, connection } });
    });
  }

  // Live figures, every ?interval= ms (1000). CPU use is measured over that interval (the first sample comes after
  // one), as a percent of the whole machine (all its cores): this process's, and every process's (the machine's
  // busy time). Memory in bytes, the load average as the OS gives it.
  function metrics(req, res, query) {
    const stream = openStream(req, res);
    const interval = clamp(query.get('interval'), 50, 60000, 1000);
    let before = cpuSnapshot();
    stream.every(interval, () => {
      const after = cpuSnapshot();
      const cpu = cpuPercent(before, after);
      before = after;
      const memory = process.memoryUsage();
      stream.send({
        event: 'metrics',
        data: {
          at: Date.now(),
          interval: round(cpu.interval),
          cpus: after.cores,
          processCpuPercent: cpu.process,
          machineCpuPercent: cpu.machine,
          loadavg: loadavg().map(round),
          rss: memory.rss,
          heapUsed: memory.heapUsed,
          heapTotal: memory.heapTotal,
          streams: streams.size,
          uptime: round(process.uptime()),
        },
      });
    });
  }

  // Only with `Authorization: Bearer demo-token`: a 401 otherwise, which an EventSource treats as fatal.
  function privateStream(req, res, query) {
    const auth = req.headers.authorization || '';
    if (auth !== 'Bearer ' + DEMO_TOKEN) {
      return reply(res, 401, { error: 'send Authorization: Bearer ' + DEMO_TOKEN }, { 'WWW-Authenticate': 'Bearer' });
    }
    const stream = openStream(req, res);
    const interval = clamp(query.get('interval'), 10, 60000, 1000);
    let seq = Number(lastEventId(req)) || 0;
    stream.send({ id: seq || undefined, event: 'welcome', data: { user: 'demo', scopes: ['read:secrets'] } });
    stream.every(interval, () => stream.send({ id: ++seq, data: 'secret #' + seq }));
  }

  return {
    server,
    origin,
    url: (path) => origin + (path || '/'),
    close() {
      for (const stream of streams) stream.drop();
      return new Promise((resolve) => {
        server.close(() => resolve());
        // Node 18.2+; the sockets are destroyed by hand too, for older versions and for upgraded connections.
        if (typeof server.closeAllConnections === 'function') server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

// The chat relay: POST /chat with a message, every subscriber of /sse/chat gets it as a `chat` event.
function createChat() {
  const HISTORY = 100;
  const history = [];
  const subscribers = new Set();
  let lastId = 0;

  function broadcast(fields) {
    for (const stream of subscribers) stream.send(fields);
  }

  function presence() {
    // Carries the id of the last chat message, so a connection's first block never resets the last event ID.
    broadcast({ id: lastId || undefined, event: 'presence', data: { online: subscribers.size } });
  }

  return {
    // A new subscriber: the messages it missed after Last-Event-ID, or else the last few as history.
    subscribe(stream, query, lastEventIdHeader) {
      const since = Number(lastEventIdHeader);
      const missed = lastEventIdHeader !== undefined && since >= 0 ? history.filter((m) => m.id > since) : null;
      const backlog = missed || history.slice(-clamp(query.get('history'), 0, HISTORY, 10));
      for (const message of backlog) stream.send({ id: message.id, event: 'chat', data: missed ? message : { ...message, history: true } });
      subscribers.add(stream);
      stream.onClose(() => {
        subscribers.delete(stream);
        presence();
      });
      presence();
    },

    // Accepts JSON {name, text}, a form (name=...&text=...) or plain text; answers 201 {id}.
    post(req, res) {
      readBody(req, 8192)
        .then((body) => {
          const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
          let fields;
          if (type === 'application/json') fields = JSON.parse(body || '{}');
          else if (type === 'application/x-www-form-urlencoded') fields = Object.fromEntries(new URLSearchParams(body));
          else fields = { text: body };
          const text = typeof fields.text === 'string' ? fields.text.trim() : '';
          const name = typeof fields.name === 'string' && fields.name.trim() ? fields.name.trim().slice(0, 40) : 'anonymous';
          if (!text || text.length > 500) return reply(res, 400, { error: 'text: 1 to 500 characters' });
          const message = { id: ++lastId, name, text, at: new Date().toISOString() };
          history.push(message);
          if (history.length > HISTORY) history.shift();
          broadcast({ id: message.id, event: 'chat', data: message });
          reply(res, 201, { id: message.id });
        })
        .catch((error) => reply(res, error.status || 400, { error: error.status ? error.message : 'unreadable body: ' + error.message }));
    },
  };
}

// One event block. Data that is not a string is written as JSON; a multi-line string becomes several data lines.
function block(fields) {
  let text = '';
  if (fields.retry !== undefined) text += 'retry: ' + fields.retry + '\n';
  if (fields.id !== undefined) text += 'id: ' + String(fields.id).replace(/[\r\n\0]/g, '') + '\n';
  if (fields.event !== undefined) text += 'event: ' + String(fields.event).replace(/[\r\n]/g, '') + '\n';
  const data = typeof fields.data === 'string' ? fields.data : JSON.stringify(fields.data);
  for (const line of data.split(/\r\n|\r|\n/)) text += 'data: ' + line + '\n';
  return text + '\n';
}

/**
 * Calls tick(now()) at once, then once at the start of each second of now(). A timer can fire a little before the
 * time it was set for, as the wall clock reads it (Node counts a timer from the event loop's cached time, and the
 * wall clock can be adjusted): one that wakes before the next second waits for the rest of it instead of ticking
 * twice. `after(ms, fn)` is setTimeout's shape.
 */
export function everySecond(now, after, tick) {
  let next = 0;
  const wake = () => {
    const time = now();
    if (time < next) return void after(next - time, wake);
    tick(time);
    next = (Math.floor(time / 1000) + 1) * 1000;
    after(next - time, wake);
  };
  wake();
}

/** What CPU use is measured from: this process's CPU time (µs), the machine's per-core counters (ms), a clock. */
export function cpuSnapshot() {
  let busy = 0;
  let total = 0;
  const cores = cpus();
  for (const { times } of cores) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  const usage = process.cpuUsage();
  return { time: performance.now(), process: usage.user + usage.system, busy, total, cores: cores.length || 1 };
}

/**
 * CPU use between two snapshots, in percent of the machine (all cores: 0 to 100): `process`, this process's CPU time
 * over the wall time times the cores; `machine`, the share of the cores' time that was not idle. The machine's
 * counters count from boot: only their difference says anything about the interval.
 */
export function cpuPercent(before, after) {
  const interval = after.time - before.time;
  const capacity = interval * 1000 * after.cores;
  const total = after.total - before.total;
  return {
    interval,
    process: capacity > 0 ? round(Math.min(100, Math.max(0, ((after.process - before.process) / capacity) * 100))) : 0,
    machine: total > 0 ? round(Math.min(100, Math.max(0, ((after.busy - before.busy) / total) * 100))) : 0,
  };
}

// Node gives header values as Latin-1 byte strings; Last-Event-ID is sent as UTF-8 bytes.
function lastEventId(req) {
  const header = req.headers['last-event-id'];
  return header === undefined ? undefined : Buffer.from(header, 'latin1').toString('utf8');
}

function clamp(value, min, max, fallback) {
  const n = value === null || value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

function round(n) {
  return Math.round(n * 100) / 100;
}

function reply(res, status, body, headers) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', ...headers });
  res.end(JSON.stringify(body) + '\n');
}

function preflight(res) {
  res.writeHead(204, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Last-Event-ID',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

// Past `limit`, the rest is read and dropped (so that the client gets its 413), up to 64 times that.
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    let body = '';
    let size = 0;
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) body += chunk;
      else if (size > limit * 64) req.destroy();
    });
    req.on('end', () => {
      if (size <= limit) resolve(body);
      else reject(Object.assign(new Error('a message is at most ' + limit + ' bytes'), { status: 413 }));
    });
    req.on('error', reject);
  });
}

async function serveFile(res, file, type) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    const hint = file.pathname.indexOf('/dist/') !== -1 ? ' (npm run build writes dist/)' : '';
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('not found' + hint + '\n');
  }
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Content-Length': body.length });
  res.end(body);
}

function listen(server, port, host, fallback) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      if (fallback && port !== 0 && error.code === 'EADDRINUSE') {
        port = 0;
        server.listen(0, host);
      } else {
        server.off('listening', onListening);
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.on('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

// npm start: the server, a Node client (this package's EventSource) following three of its streams, and then the
// addresses to open. After that the client prints a line per flaky connection, per chat message and per ticker
// snapshot, and the address again every few lines, so that it does not scroll away. Ctrl-C stops everything; so
// does the end of a pipe (`npm start | head`).
async function main() {
  const fixed = process.env.PORT !== undefined && process.env.PORT !== '';
  const port = fixed ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('PORT must be a port number (0 for any free port), not ' + JSON.stringify(process.env.PORT));
    process.exit(2);
  }
  let demo;
  try {
    demo = await startDemoServer({ port, host: process.env.HOST || '127.0.0.1', fallback: !fixed });
  } catch (error) {
    console.error('Could not listen on port ' + port + ': ' + error.message);
    process.exit(1);
  }
  const origin = demo.origin;
  const cli = relative(process.cwd(), fileURLToPath(new URL('../../bin/whatwg-eventsource.js', import.meta.url)));

  // Whoever reads stdout may stop (`| head`): the write then fails with EPIPE, which ends the demo as Ctrl-C does,
  // in silence.
  let readerGone = false;
  const write = (text) => {
    if (!readerGone) process.stdout.write(text);
  };
  let printed = 0;
  const print = (line) => {
    write(line + '\n');
    if (++printed % REMINDER_EVERY === 0) write('          (the demo: ' + origin + '/ in a browser; Ctrl-C stops)\n');
  };
  const follower = followDemo(origin, {
    print,
    ready() {
      write('\nwhatwg-eventsource demo: open ' + origin + '/ in a browser\n');
      if (!fixed && !origin.endsWith(':8080')) write('  (port 8080 is busy; PORT=... chooses another)\n');
      write('  streams   ' + origin + '/sse/{clock,ticker,flaky,metrics,chat}\n');
      write('  terminal  curl -N ' + origin + '/sse/ticker   or   node ' + cli + ' ' + origin + '/sse/ticker\n');
      write('  chat      curl -d "name=me&text=hello" ' + origin + '/chat\n');
      write('Above and below: a Node client of the flaky stream, the chat and the ticker. Ctrl-C stops everything.\n\n');
      printed = 0;
    },
  });

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    write('\nstopping\n');
    follower.close();
    demo.close().then(() => {
      write('stopped\n');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.on('error', () => {
    readerGone = true;
    if (!stopping) stop();
  });
}

const REMINDER_EVERY = 12;

/**
 * Follows the demo's flaky stream, chat and ticker with this package's EventSource and tells what happens in
 * short lines: `print(line)` gets each, `ready()` is called once each stream has printed its first event (or
 * failed). Options:
 * `flaky`, the flaky stream's path (default '/sse/flaky'). Returns { close() }.
 */
export function followDemo(origin, options) {
  const print = (name, text) => options.print(clockTime() + '  ' + name.padEnd(7) + ' ' + text);
  const waiting = new Set(['flaky', 'chat', 'ticker']);
  const settled = (name) => {
    if (waiting.delete(name) && waiting.size === 0 && options.ready) options.ready();
  };
  const sources = [];

  // Any stream: its first open (later ones are told by the stream's own lines) and its failure. It counts as
  // started (settled) once its first event is printed, or it failed.
  function follow(name, path) {
    const source = new EventSource(origin + path);
    sources.push(source);
    let opened = false;
    source.addEventListener('open', () => {
      if (!opened) print(name, 'OPEN  GET ' + path);
      opened = true;
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) print(name, 'error: readyState CLOSED, given up');
      settled(name);
    });
    return source;
  }

  // The flaky stream: one line per connection, when it is cut: what the client sent, the ids it got.
  const flaky = follow('flaky', options.flaky || '/sse/flaky');
  let connection = null;
  flaky.addEventListener('resume', (event) => {
    const data = JSON.parse(event.data);
    connection = { sent: data.lastEventId, server: data.connection, first: '', last: '' };
    settled('flaky');
  });
  flaky.addEventListener('message', (event) => {
    if (!connection) return;
    if (!connection.first) connection.first = event.lastEventId;
    connection.last = event.lastEventId;
  });
  let connections = 0;
  flaky.addEventListener('error', () => {
    if (flaky.readyState !== EventSource.CONNECTING) return;
    connections++;
    const c = connection;
    connection = null;
    if (!c) return void print('flaky', 'connection ' + connections + ': no stream; reconnecting');
    const sent = c.sent === null ? 'sent no Last-Event-ID' : 'sent Last-Event-ID: ' + c.sent;
    const got = c.first ? 'got ids ' + c.first + (c.last !== c.first ? '-' + c.last : '') : 'got no message';
    print('flaky', 'connection ' + connections + ' (the server\'s #' + c.server + '): ' + sent + ', ' + got + ', then lost; reconnecting');
  });

  // The chat: every message, and who is online when it changes.
  const chat = follow('chat', '/sse/chat');
  chat.addEventListener('chat', (event) => {
    const message = JSON.parse(event.data);
    print('chat', (message.history ? '(earlier) ' : '') + message.name + ': ' + message.text + '  [id ' + event.lastEventId + ']');
  });
  let online = -1;
  chat.addEventListener('presence', (event) => {
    const now = JSON.parse(event.data).online;
    if (now !== online) print('chat', now + ' online');
    online = now;
    settled('chat');
  });

  // The ticker: its snapshot, sent at each (re)connection; the price events are left to the browser.
  const ticker = follow('ticker', '/sse/ticker');
  ticker.addEventListener('snapshot', (event) => {
    const prices = JSON.parse(event.data).prices;
    print('ticker', 'snapshot ' + Object.keys(prices).map((symbol) => symbol + ' ' + prices[symbol].toFixed(2)).join(', '));
    settled('ticker');
  });

  return {
    close() {
      for (const source of sources) source.close();
    },
  };
}

function clockTime() {
  return new Date().toTimeString().slice(0, 8);
}

function isMain() {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) main();
