// The end-to-end benchmark's event stream server: a plain node:http server on loopback, in a process of its own
// so that a client process measures only the client. Started by bench/e2e.mjs as
//   node bench/e2e-server.mjs <events> <warmupEvents>
// and prints one line of JSON on stdout once it listens: { port, streams: { <n>: { events, dataChars, bytes } } }.
// It runs until its parent kills it (or its stdin closes: the parent went away).
//
// Endpoints (every response: 200, text/event-stream, no-store, `Connection: close` so no socket is ever reused):
//   /stream?n=<n>  n one-line events `data: <16-24 chars>\n\n` (the parser benchmark's W1 generator, so the same
//                  seeded bytes), written as fast as the socket takes them, then the end of the response.
//                  n is one of the two sizes given on the command line (pre-encoded once, at startup).
//   /first         `data: hello\n\n` at once (in the same write as the headers), then nothing: the stream stays open.
//   /silent        headers and one comment line (`: ok\n\n`), then nothing: the stream stays open.
import { createServer } from 'node:http';
import { WORKLOADS } from './workloads.mjs';

const [events, warmupEvents] = process.argv.slice(2).map(Number);
if (!(events > 0) || !(warmupEvents > 0)) {
  console.error('usage: node bench/e2e-server.mjs <events> <warmupEvents>');
  process.exit(2);
}

// Large pre-encoded writes: the stream is cut into 256 KiB views (no copies), each one res.write(), and the next
// only after 'drain' when the socket buffer is full. So the server spends its time in the kernel, not in JS.
const WRITE_SIZE = 256 * 1024;
const HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-store',
};

const streams = new Map();
for (const n of new Set([events, warmupEvents])) {
  const { bytes, expected } = WORKLOADS.W1.generate(n);
  streams.set(n, { bytes, events: expected.events, dataChars: expected.dataChars });
}

const server = createServer({ noDelay: true, keepAlive: false }, (req, res) => {
  const socket = req.socket;
  socket.setNoDelay(true);
  // keepAlive off: one response per connection, then the server closes the socket.
  res.shouldKeepAlive = false;
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/stream') {
    const stream = streams.get(Number(url.searchParams.get('n')));
    if (!stream) return void res.writeHead(404).end();
    res.writeHead(200, HEADERS);
    return writeAll(res, stream.bytes);
  }
  if (url.pathname === '/first') {
    res.writeHead(200, HEADERS);
    res.write('data: hello\n\n');
    return;
  }
  if (url.pathname === '/silent') {
    res.writeHead(200, HEADERS);
    res.write(': ok\n\n');
    return;
  }
  res.writeHead(404).end();
});

function writeAll(res, bytes) {
  let at = 0;
  let gone = false;
  res.on('close', () => {
    gone = true;
  });
  const next = () => {
    while (!gone && at < bytes.length) {
      const end = Math.min(at + WRITE_SIZE, bytes.length);
      const ok = res.write(bytes.subarray(at, end));
      at = end;
      if (!ok) return void res.once('drain', next);
    }
    if (!gone) res.end();
  };
  next();
}

// 1,000+ idle connections at once: no connection cap, a deep accept queue (the kernel caps it at somaxconn), and no
// timeouts that would close an idle stream.
server.maxConnections = Infinity;
server.timeout = 0;
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.on('clientError', (error, socket) => socket.destroy());
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  const info = { port: server.address().port, pid: process.pid, streams: {} };
  for (const [n, s] of streams) info.streams[n] = { events: s.events, dataChars: s.dataChars, bytes: s.bytes.length };
  process.stdout.write(JSON.stringify(info) + '\n');
});

// The parent holds our stdin: when it goes away, so do we.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
