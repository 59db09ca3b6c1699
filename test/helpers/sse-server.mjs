// One fixture server for every transport and runtime test: a real node:http server on loopback, with named
// endpoints for each scenario. Plain JavaScript with explicit imports, so Node, Deno and Bun all load it as is.
// Every endpoint takes its parameters from the query string; each connection to a path is counted and logged.
import { createServer } from 'node:http';

const latin1ToUtf8 = (value) => new TextDecoder().decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));

/** Named endpoints: (request, response, context) => void. `context.n` is the 0-based connection count for the path. */
const endpoints = {
  // The stream given as ?body= (URL-encoded), with ?status= (200), ?type= (text/event-stream; "none" for no
  // header), then the response ends unless ?open is set.
  '/message'(req, res, { query }) {
    const headers = { 'Cache-Control': 'no-store' };
    const type = query.get('type') ?? 'text/event-stream';
    if (type !== 'none') headers['Content-Type'] = type;
    res.writeHead(Number(query.get('status') ?? 200), headers);
    if (query.has('body')) res.write(query.get('body'));
    if (!query.has('open')) res.end();
  },

  // ?n= events with ids 1..n, one per ?interval= ms (0: all at once), then the end of the response.
  '/counter'(req, res, { query }) {
    stream(res);
    const n = Number(query.get('n') ?? 3);
    const interval = Number(query.get('interval') ?? 0);
    if (query.has('retry')) res.write('retry: ' + query.get('retry') + '\n\n');
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      if (++i > n) return void res.end();
      res.write('id: ' + i + '\ndata: ' + i + '\n\n');
      if (interval) setTimeout(next, interval);
      else next();
    };
    next();
  },

  // Each connection gets one event whose data is the Last-Event-ID header it sent (decoded as UTF-8, "none" when
  // absent), and then, if ?ids= (comma-separated) has one for this connection, that id in a block of its own.
  // ?retry= (default 10) keeps reconnections quick; ?connections= ends with a 204 after that many.
  '/last-event-id'(req, res, { query, n }) {
    if (query.has('connections') && n >= Number(query.get('connections'))) return void res.writeHead(204).end();
    stream(res);
    const header = req.headers['last-event-id'];
    res.write('retry: ' + (query.get('retry') ?? 10) + '\n');
    res.write('data: ' + (header === undefined ? 'none' : latin1ToUtf8(header)) + '\n\n');
    const ids = query.has('ids') ? query.get('ids').split(',') : [];
    if (n < ids.length) res.write('id: ' + ids[n] + '\n\n');
    res.end();
  },

  // A redirect: ?status= (302) to ?to= (a path on this server, or a full URL).
  '/redirect'(req, res, { query }) {
    res.writeHead(Number(query.get('status') ?? 302), { Location: query.get('to') });
    res.end();
  },

  // Headers, then nothing, ever (until the client goes away).
  '/silent'(req, res) {
    stream(res);
    res.write(':\n');
  },

  // No response at all: the request hangs before its headers.
  '/no-response'() {},

  // The body of ?body=, written one byte per ?interval= ms (default 2).
  '/trickle'(req, res, { query }) {
    stream(res);
    const bytes = new TextEncoder().encode(query.get('body') ?? 'data: trickle\n\n');
    const interval = Number(query.get('interval') ?? 2);
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      if (i >= bytes.length) return void res.end();
      res.write(bytes.subarray(i, ++i));
      setTimeout(next, interval);
    };
    next();
  },

  // ?body= is written, then the connection is destroyed (a reset in the middle of the stream).
  '/reset'(req, res, { query }) {
    stream(res);
    res.write(query.get('body') ?? 'data: one\n\ndata: cut in the mid');
    setTimeout(() => res.destroy(), 5);
  },

  // ?n= events of ?size= bytes of data each, written as fast as the socket takes them.
  '/many'(req, res, { query }) {
    stream(res);
    const n = Number(query.get('n') ?? 1000);
    const payload = 'x'.repeat(Number(query.get('size') ?? 16));
    const block = 'data: ' + payload + '\n\n';
    let i = 0;
    const write = () => {
      while (i < n) {
        i++;
        if (!res.write(block)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  },

  // Cross-origin requests: CORS headers for any origin, credentials allowed.
  '/cors'(req, res, { query }) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Last-Event-ID',
    });
    res.end(query.get('body') ?? 'data: cors\n\n');
  },
};

function stream(res) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.socket?.setNoDelay?.(true);
}

/**
 * An endpoint for handle(): events `id: <n>` with `payload` as data, from the request's Last-Event-ID + 1 up to
 * `last`, 200 per millisecond tick (the XMLHttpRequest text bound's tests read megabytes of them).
 */
export function numberedEvents(last, payload) {
  return (req, res) => {
    let id = Number(req.headers['last-event-id'] || 0);
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    const write = () => {
      if (res.destroyed) return;
      for (let i = 0; i < 200 && id < last; i++) res.write('id: ' + ++id + '\ndata: ' + payload + '\n\n');
      if (id < last) setTimeout(write, 1);
    };
    write();
  };
}

/**
 * Starts a server on 127.0.0.1 with a free port.
 * Returns { url(path), origin, requests, count(path), handle(path, fn), close() }.
 */
export async function startServer() {
  const counts = new Map();
  const custom = new Map();
  const requests = [];
  const sockets = new Set();
  // Sockets that have carried a request. After an aborted response Node's fetch (undici) opens a spare connection
  // at once, which carries no request and closes some 3 s later: not a connection anybody left behind.
  const served = new Set();
  const server = createServer((req, res) => {
    served.add(req.socket);
    const parsed = new URL(req.url, 'http://localhost');
    const n = counts.get(parsed.pathname) ?? 0;
    counts.set(parsed.pathname, n + 1);
    requests.push({ path: parsed.pathname, url: req.url, method: req.method, headers: req.headers });
    const endpoint = custom.get(parsed.pathname) ?? endpoints[parsed.pathname];
    if (!endpoint) return void res.writeHead(404).end();
    endpoint(req, res, { query: parsed.searchParams, n });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => (sockets.delete(socket), served.delete(socket)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = 'http://127.0.0.1:' + server.address().port;
  return {
    origin,
    requests,
    url: (path) => origin + path,
    count: (path) => counts.get(path) ?? 0,
    /** Adds or replaces an endpoint for one test. */
    handle: (path, fn) => custom.set(path, fn),
    /** Open sockets (to check that a closed EventSource let go of its connection). */
    openSockets: () => sockets.size,
    /** Open sockets that have carried a request (Node's spare connections left out). */
    servedSockets: () => served.size,
    /**
     * Back to a fresh server on the same port: no added endpoint, count or request. (Idle keep-alive sockets stay:
     * closing them just as a client reuses one would only make that client retry.)
     */
    reset() {
      counts.clear();
      custom.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
