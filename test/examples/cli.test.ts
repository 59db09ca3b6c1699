// bin/whatwg-eventsource.js end to end: spawned with Node against the fixture server (and, with no URL, the demo).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { describe, it as base } from 'vitest';
import { startServer } from '../helpers/sse-server.mjs';
import { root, start as startNode, type Finished, type Started } from './processes';

const CLI = join(root, 'bin', 'whatwg-eventsource.js');
type Server = Awaited<ReturnType<typeof startServer>>;
type Received = Array<{ method: string; type: string | undefined; body: string }>;

// Each case spawns the real CLI against a real node:http server. The cases are independent and spend their time
// waiting on those processes, so every describe runs its cases concurrently (maxConcurrency in vitest.config.ts):
// each case gets its own server (the fixture counts connections per path, and some endpoints answer by that count)
// and its own processes, which end with it, through these fixtures, set up only for the cases that use them.
const it = base.extend<{ server: Server; start: (args: string[]) => Started; cli: (...args: string[]) => Promise<Finished>; received: Received }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.close();
  },
  start: async ({}, use) => {
    const started: Started[] = [];
    await use((args) => {
      const node = startNode(args);
      started.push(node);
      return node;
    });
    // What a failed case left running (killing one that has exited does nothing).
    for (const node of started) node.child.kill('SIGKILL');
    await Promise.all(started.map((node) => node.exited()));
  },
  cli: async ({ start }, use) => use((...args) => start([CLI, ...args]).exited()),
  // An LLM-style endpoint: the request's JSON in, the answer as a stream of events, then [DONE] and the end.
  received: async ({ server }, use) => {
    const received: Received = [];
    server.handle('/chat', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        received.push({ method: req.method!, type: req.headers['content-type'], body });
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        if (req.url!.endsWith('?retry')) res.write('retry: 10\n');
        res.end('data: {"echo":' + JSON.stringify(body) + '}\n\ndata: [DONE]\n\n');
      });
    });
    await use(received);
  },
});

const body = (text: string) => '/message?open&body=' + encodeURIComponent(text);
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe.concurrent('whatwg-eventsource <url>', () => {
  it('prints the lines of each event as received on stdout, and on stderr the states and what each event was dispatched as', async ({ server, cli, expect }) => {
    const result = await cli('-n', '3', server.url('/counter?n=5'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('id: 1\ndata: 1\n\nid: 2\ndata: 2\n\nid: 3\ndata: 3\n\n');
    expect(result.stderr).toBe(
      '* CONNECTING: ' +
        server.url('/counter?n=5') +
        '\n* OPEN: HTTP 200 OK (text/event-stream)\n' +
        '* dispatched: type "message", lastEventId "1"\n* dispatched: type "message", lastEventId "2"\n* dispatched: type "message", lastEventId "3"\n',
    );
  });

  it('an unnamed event gets no "event: message" line, an event without an id line no "id:": those are derived, on stderr', async ({ server, cli, expect }) => {
    const stream = 'event: price\nid: 7\ndata: a\ndata: b\n\nevent: trade\ndata: c\n\n:comment\n\ndata: d\n\n';
    const result = await cli(server.url(body(stream)), '--count=3');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('event: price\nid: 7\ndata: a\ndata: b\n\nevent: trade\ndata: c\n\ndata: d\n\n');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('* dispatched'))).toEqual([
      '* dispatched: type "price", lastEventId "7"',
      '* dispatched: type "trade", lastEventId "7"',
      '* dispatched: type "message", lastEventId "7"',
    ]);
  });

  it('prints lines as they came (no space after the colon stays so), with CRLF and CR line breaks as LF and the BOM dropped', async ({ server, cli, expect }) => {
    const result = await cli('-n', '2', server.url(body('\ufeffdata:x\r\nid:\r\n\r\nevent:\ttab\rdata: y\r\r')));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('data:x\nid:\n\nevent:\ttab\ndata: y\n\n');
    expect(result.stderr).toContain('* dispatched: type "message", lastEventId ""\n* dispatched: type "\\ttab", lastEventId ""\n');
  });

  it('--comments shows comment lines (heartbeats), in their place; without it they are left out', async ({ server, cli, expect }) => {
    const stream = ': hello\n\ndata: a\n: inside\ndata: b\n\n: ping\n\n:\n\ndata: c\n\n';
    const url = server.url(body(stream));
    const shown = await cli('--comments', '-n', '2', url);
    expect(shown.stdout).toBe(': hello\n\ndata: a\n: inside\ndata: b\n\n: ping\n\n:\n\ndata: c\n\n');
    const hidden = await cli('-n', '2', url);
    expect(hidden.stdout).toBe('data: a\ndata: b\n\ndata: c\n\n');
    // A comment is no event: it dispatches nothing, and says nothing on stderr either way.
    expect(shown.stderr).toBe(hidden.stderr);
  });

  it('--comments: a heartbeat shows when it comes, not with the next event', async ({ server, start, expect }) => {
    const child = start([CLI, '--comments', server.url(body('data: a\n\n: ping\n'))]);
    await child.waitFor(/^data: a\n\n: ping\n$/);
    child.child.kill('SIGINT');
    expect((await child.exited()).code).toBe(0);
  });

  it('blocks that dispatch nothing are printed as received, with what they did on stderr', async ({ server, cli, expect }) => {
    const stream = 'id: 8\n\nData: x\n\nretry: 10\n\nevent: nodata\n\ndata: last\n\ndata: cut off';
    const result = await cli('--max-retries', '0', server.url('/message?body=' + encodeURIComponent(stream)));
    expect(result.stdout).toBe('id: 8\n\nData: x\n\nretry: 10\n\nevent: nodata\n\ndata: last\n\ndata: cut off\n');
    expect(result.stderr).toContain(
      '* no data field: not dispatched; the last event ID is now "8"\n' +
        '* no data field: not dispatched; ignored "Data" (the fields are data, event, id and retry, in lower case)\n' +
        '* no data field: not dispatched; the reconnection time is now 10 ms\n' +
        '* no data field: not dispatched\n' +
        '* dispatched: type "message", lastEventId "8"\n' +
        '* the stream ended before the blank line that ends this event: not dispatched\n',
    );
  });

  it('events a server names "open" or "error" are printed as events, not taken for state changes', async ({ server, cli, expect }) => {
    const result = await cli('-n', '2', server.url(body('event: error\ndata: e\n\nevent: open\ndata: o\n\n')));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('event: error\ndata: e\n\nevent: open\ndata: o\n\n');
    expect(result.stderr).toContain('* dispatched: type "error", lastEventId ""\n* dispatched: type "open", lastEventId ""\n');
    expect(result.stderr).not.toMatch(/CLOSED|reconnecting/);
  });

  it('--json: one object per event (the lines received, and what the MessageEvent carries) and per state change', async ({ server, cli, expect }) => {
    const url = server.url(body(': hi\n\nid: 1\ndata: 1\n\nevent: e\ndata: 2\n\nid: 3\n\n'));
    const result = await cli('--json', '--comments', '-n', '2', url);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = jsonLines(result.stdout);
    for (const line of lines) expect(new Date(line.time).toISOString()).toBe(line.time);
    expect(lines.map(({ time, ...rest }) => rest)).toEqual([
      { kind: 'state', state: 'CONNECTING', readyState: 0, url },
      { kind: 'state', state: 'OPEN', readyState: 1, status: 200, contentType: 'text/event-stream', contentEncoding: null, lastEventIdSent: null, reconnects: 0 },
      { kind: 'lines', lines: [': hi'], note: 'comment' },
      { kind: 'event', lines: ['id: 1', 'data: 1'], type: 'message', lastEventId: '1', data: '1', origin: server.origin },
      { kind: 'event', lines: ['event: e', 'data: 2'], type: 'e', lastEventId: '1', data: '2', origin: server.origin },
    ]);
    const all = jsonLines((await cli('--json', '--max-retries', '0', url.replace('?open&', '?'))).stdout);
    expect(all.filter((l) => l.kind === 'lines')).toMatchObject([{ lines: ['id: 3'], note: 'no data field: not dispatched; the last event ID is now "3"' }]);
  });

  it('shows reconnections, with the Last-Event-ID each one sent', async ({ server, cli, expect }) => {
    const result = await cli('--json', '-n', '3', server.url('/last-event-id?ids=a,b&retry=10'));
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.filter((l) => l.kind === 'event').map((l) => l.data)).toEqual(['none', 'a', 'b']);
    expect(lines.filter((l) => l.state === 'OPEN').map((l) => [l.lastEventIdSent, l.reconnects])).toEqual([
      [null, 0],
      ['a', 1],
      ['b', 2],
    ]);
    const reconnecting = lines.filter((l) => l.kind === 'state' && l.reconnects > 0 && l.state === 'CONNECTING');
    expect(reconnecting.map((l) => [l.reason, l.retry, l.attempt])).toEqual([
      ['the server ended the response', 10, 1],
      ['the server ended the response', 10, 1],
    ]);
  });

  it('the text output says the same on stderr', async ({ server, cli, expect }) => {
    const text = await cli('-n', '2', server.url('/last-event-id?ids=a&retry=10'));
    expect(text.stdout).toBe('retry: 10\ndata: none\n\nid: a\n\nretry: 10\ndata: a\n\n');
    // (The second connection's event carries the id the first stream ended with: the buffer outlives a connection.)
    expect(text.stderr).toContain(
      '* dispatched: type "message", lastEventId ""; the reconnection time is now 10 ms\n' +
        '* no data field: not dispatched; the last event ID is now "a"\n' +
        '* CONNECTING: the server ended the response; reconnecting in 10 ms\n' +
        '* OPEN: HTTP 200 OK (text/event-stream), sent Last-Event-ID: a, reconnection 1\n' +
        '* dispatched: type "message", lastEventId "a"; the reconnection time is now 10 ms\n',
    );
  });

  it('-H adds headers to every request, reconnections included', async ({ server, cli, expect }) => {
    const before = server.requests.length;
    const result = await cli('-H', 'Authorization: Bearer abc', '--header=X-Demo:  yes ', '-HX-Utf8: é', '-n', '2', server.url('/last-event-id?ids=1&retry=10'));
    expect(result.code).toBe(0);
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe('Bearer abc');
      expect(request.headers['x-demo']).toBe('yes');
      // Sent as UTF-8 bytes; node:http reads header bytes as Latin-1.
      expect(Buffer.from(request.headers['x-utf8'], 'latin1').toString('utf8')).toBe('é');
      expect(request.headers.accept).toBe('text/event-stream');
    }
  });

  it('--last-event-id is sent until the server sends an id of its own', async ({ server, cli, expect }) => {
    const before = server.requests.length;
    const result = await cli('--last-event-id', '€41', '-n', '2', '--json', server.url('/last-event-id?ids=x&retry=10'));
    expect(result.code).toBe(0);
    // The fixture answers with the Last-Event-ID it got: €41 (as UTF-8 bytes), then the x it sent itself.
    expect(jsonLines(result.stdout).filter((l) => l.kind === 'event').map((l) => l.data)).toEqual(['€41', 'x']);
    expect(server.requests.slice(before).map((r) => r.headers['last-event-id'])).toEqual([Buffer.from('€41').toString('latin1'), 'x']);
  });

  it('-H "Last-Event-ID: ..." is an initial id too, not one sent forever', async ({ server, cli, expect }) => {
    const result = await cli('-H', 'Last-Event-ID: 5', '-n', '2', '--json', server.url('/last-event-id?ids=6&retry=10'));
    expect(jsonLines(result.stdout).filter((l) => l.kind === 'event').map((l) => l.data)).toEqual(['5', '6']);
  });

  it('a URL without a scheme is an http: one, as with curl', async ({ server, cli, expect }) => {
    const result = await cli('-n', '1', server.url('/counter').replace('http://', ''));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch('* CONNECTING: ' + server.url('/counter') + '\n');
    expect(result.stdout).toBe('id: 1\ndata: 1\n\n');
  });
});

describe.concurrent('a POST endpoint: -X, -d, -H', () => {
  // /chat answers with what it received (the `received` fixture).
  it('-d sends a POST with the data, as curl does (form Content-Type unless -H gives one); --no-reconnect exits 0 at the end', async ({ server, cli, received, expect }) => {
    const result = await cli('--no-reconnect', '-d', 'a=1', '-d', 'b=2', server.url('/chat'));
    expect(result.code).toBe(0);
    expect(received).toEqual([{ method: 'POST', type: 'application/x-www-form-urlencoded', body: 'a=1&b=2' }]);
    expect(result.stdout).toBe('data: {"echo":"a=1&b=2"}\n\ndata: [DONE]\n\n');
    expect(result.stderr).toMatch(/\* CLOSED: the server ended the response \(--no-reconnect\)\n$/);
  });

  it('-d @file sends the file as it is; -X and -H choose the method and the Content-Type', async ({ server, cli, received, expect }) => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
    const file = join(dir, 'request.json');
    writeFileSync(file, '{\n  "model": "m",\n  "stream": true\n}\n');
    try {
      const result = await cli('--json', '-n', '2', '-X', 'PUT', '-H', 'Content-Type: application/json', '-d', '@' + file, server.url('/chat'));
      expect(result.code).toBe(0);
      expect(received).toEqual([{ method: 'PUT', type: 'application/json', body: '{\n  "model": "m",\n  "stream": true\n}\n' }]);
      expect(jsonLines(result.stdout).filter((l) => l.kind === 'event').map((l) => l.data)).toEqual([JSON.stringify({ echo: received[0].body }), '[DONE]']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('the body is sent again with each reconnection', async ({ server, cli, received, expect }) => {
    const result = await cli('-n', '3', '-d', 'q', server.url('/chat?retry'), '--json');
    expect(result.code).toBe(0);
    // (Three events: the second connection's first one is the third.)
    expect(received.map((r) => r.body)).toEqual(['q', 'q']);
  });
});

describe.concurrent('compression', () => {
  // A gzip-compressed stream, as the compression middleware sends it: flushed after each event, or (the trap) not.
  function gzipStream(flush: boolean) {
    return (req: IncomingMessage, res: ServerResponse) => {
      if (!/gzip/.test(String(req.headers['accept-encoding']))) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        return void res.write('data: plain\n\n');
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Content-Encoding': 'gzip' });
      res.flushHeaders();
      const gzip = createGzip();
      gzip.pipe(res);
      gzip.write('data: one\n\n');
      if (flush) gzip.flush();
      res.on('close', () => gzip.destroy());
    };
  }

  it('the OPEN line shows the Content-Encoding of a compressed stream, which is read as any other', async ({ server, cli, expect }) => {
    server.handle('/gzip', gzipStream(true));
    const result = await cli('-n', '1', server.url('/gzip'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('data: one\n\n');
    expect(result.stderr).toContain('* OPEN: HTTP 200 OK (text/event-stream), Content-Encoding: gzip\n');
    expect(result.stderr).not.toContain('warning');
    // Like a browser, the client asks for compression: fetch's own Accept-Encoding.
    expect(server.requests.at(-1)!.headers['accept-encoding']).toMatch(/gzip/);
    const json = jsonLines((await cli('--json', '-n', '1', server.url('/gzip'))).stdout);
    expect(json.find((l) => l.state === 'OPEN')).toMatchObject({ contentEncoding: 'gzip' });
  });

  it('a compressed stream that stays silent after OPEN gets a warning that explains the compressor and curl -N', async ({ server, start, expect }) => {
    server.handle('/gzip', gzipStream(false));
    const child = start([CLI, '--warn-silent', '0.05', server.url('/gzip')]);
    await child.waitFor(/\* warning: nothing received 0\.05 s after OPEN, and the stream is compressed \(Content-Encoding: gzip\)\.\n(\*  .*\n){3}/, undefined, 'stderr');
    const warning = child.stderr();
    expect(warning).toContain('compression middleware of Express');
    expect(warning).toContain('res.flush()');
    expect(warning).toContain('curl -N sends no\n*   Accept-Encoding');
    expect(warning).toContain('-H "Accept-Encoding: identity"');
    child.child.kill('SIGINT');
    expect(await child.exited()).toMatchObject({ code: 0, stdout: '' });
  });

  it('--json reports the warning as an object', async ({ server, start, expect }) => {
    server.handle('/gzip', gzipStream(false));
    const child = start([CLI, '--json', '--warn-silent', '0.05', server.url('/gzip')]);
    await child.waitFor(/"kind":"warning"/);
    child.child.kill('SIGINT');
    const warning = jsonLines((await child.exited()).stdout).find((l) => l.kind === 'warning');
    expect(warning).toMatchObject({ warning: 'compressed-silence', contentEncoding: 'gzip' });
    expect(warning.message).toMatch(/^nothing received 0\.05 s after OPEN, .* -H "Accept-Encoding: identity" does the same here\.$/);
  });

  it('-H "Accept-Encoding: identity" asks for the stream uncompressed, as curl -N gets it', async ({ server, cli, expect }) => {
    server.handle('/gzip', gzipStream(false));
    const result = await cli('-n', '1', '-H', 'Accept-Encoding: identity', server.url('/gzip'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('data: plain\n\n');
    expect(result.stderr).toContain('* OPEN: HTTP 200 OK (text/event-stream)\n');
  });
});

describe.concurrent('how it ends: exit status', () => {
  it('exits 1 on a 401, showing the start of the body, which says what is wrong', async ({ server, cli, expect }) => {
    server.handle('/private', (req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":"missing bearer token"}\n');
    });
    const result = await cli(server.url('/private'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /\* CLOSED: HTTP 401 Unauthorized \(application\/json\) is not a 200 text\/event-stream response; EventSource does not reconnect\n\* the response body begins:\n\* {3}\{"error":"missing bearer token"\}\n$/,
    );
    const json = jsonLines((await cli('--json', server.url('/private'))).stdout).pop();
    expect(json).toMatchObject({ state: 'CLOSED', outcome: 'failed', exitCode: 1, status: 401, contentType: 'application/json', body: '{"error":"missing bearer token"}\n' });
  });

  it('a long body (a 404 page) is cut after 20 lines', async ({ server, cli, expect }) => {
    const page = Array.from({ length: 30 }, (_, i) => '<p>line ' + (i + 1) + '</p>').join('\n');
    server.handle('/missing', (req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end(page);
    });
    const result = await cli(server.url('/missing'));
    expect(result.code).toBe(1);
    const shown = result.stderr.split('\n').filter((l) => l.startsWith('*   '));
    expect(shown).toHaveLength(21);
    expect(shown[0]).toBe('*   <p>line 1</p>');
    expect(shown[19]).toBe('*   <p>line 20</p>');
    expect(shown[20]).toBe('*   (cut here: --json shows up to 4096 characters)');
  });

  for (const [what, path, pattern] of [
    ['a 404 with no body', '/message?status=404&type=none', /\* CLOSED: HTTP 404 Not Found \(no Content-Type\) is not a 200 text\/event-stream response; EventSource does not reconnect\n$/],
    ['a 200 that is not an event stream', '/message?type=text/plain&body=hello', /\* CLOSED: HTTP 200 OK \(text\/plain\) is not a 200 text\/event-stream response; EventSource does not reconnect\n\* the response body begins:\n\* {3}hello\n$/],
  ]) {
    it('exits 1 when the connection fails: ' + what, async ({ server, cli, expect }) => {
      const result = await cli(server.url(path as string));
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(pattern as RegExp);
    });
  }

  it('--json reports a failure as a CLOSED state with its status', async ({ server, cli, expect }) => {
    const result = await cli('--json', server.url('/message?status=500'));
    expect(result.code).toBe(1);
    const last = jsonLines(result.stdout).pop();
    expect(last).toMatchObject({ kind: 'state', state: 'CLOSED', readyState: 2, status: 500, contentType: 'text/event-stream', outcome: 'failed', exitCode: 1 });
  });

  it('exits 0 on a 204: the server said stop, which is no error', async ({ server, cli, expect }) => {
    const result = await cli(server.url('/message?status=204&type=none'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\* CLOSED: the server said stop: HTTP 204 No Content; EventSource does not reconnect\n$/);
    const json = jsonLines((await cli('--json', server.url('/message?status=204&type=none'))).stdout).pop();
    expect(json).toMatchObject({ state: 'CLOSED', outcome: 'stopped', exitCode: 0, status: 204 });
  });

  it('--max-retries N: exits 3 (gave up) after N reconnections in a row that got no stream', async ({ server, cli, expect }) => {
    // The first connection says retry: 10 and ends; every one after it is cut before a response.
    server.handle('/gone', (req: IncomingMessage, res: ServerResponse) => {
      if (server.count('/gone') > 1) return void req.socket.destroy();
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'close' });
      res.end('retry: 10\n\n');
    });
    const result = await cli('--max-retries', '2', server.url('/gone'));
    expect(result.code).toBe(3);
    expect(server.count('/gone')).toBe(3);
    expect(result.stderr).toMatch(/\* CONNECTING: could not connect: .*; reconnecting in 10 ms \(2 of --max-retries 2\)\n/);
    expect(result.stderr).toMatch(/\* CLOSED: could not connect: .*; gave up after 2 reconnections in a row \(--max-retries 2\)\n$/);
    const json = jsonLines((await cli('--json', '--max-retries', '0', server.url('/message?body=data:%20x%0A%0A'))).stdout).pop();
    expect(json).toMatchObject({ state: 'CLOSED', outcome: 'gave up', exitCode: 3, reason: 'the server ended the response; gave up (--max-retries 0)' });
  });

  it('a server that cannot be reached is retried, as EventSource does, with the reason shown', async ({ start, expect }) => {
    const down = await startServer();
    const url = down.url('/');
    await down.close();
    const child = start([CLI, url]);
    await child.waitFor(/could not connect: fetch failed \(ECONNREFUSED\); reconnecting in 3000 ms/, undefined, 'stderr');
    child.child.kill('SIGINT');
    expect((await child.exited()).code).toBe(0);
  });

  it('Ctrl-C closes the connection and exits 0', async ({ server, start, expect }) => {
    const child = start([CLI, server.url('/silent')]);
    await child.waitFor(/\* OPEN/, undefined, 'stderr');
    const open = server.openSockets();
    expect(open).toBeGreaterThan(0);
    child.child.kill('SIGINT');
    const result = await child.exited();
    expect(result.code).toBe(0);
  });

  it('exits 0 when stdout is closed (| head)', async ({ server, start, expect }) => {
    const child = start([CLI, server.url('/many?n=100000')]);
    child.child.stdout!.destroy();
    expect((await child.exited()).code).toBe(0);
  });
});

describe.concurrent('usage', () => {
  for (const [args, message] of [
    [['--bogus', 'http://x/'], 'unknown option --bogus'],
    [['-n', 'abc', 'http://x/'], '-n needs a whole number above 0, not "abc"'],
    [['--count', '0', 'http://x/'], '--count needs a whole number above 0'],
    [['-n'], '-n needs a value'],
    [['-H', 'no colon', 'http://x/'], 'a header is "Name: value", not "no colon"'],
    [['-H', 'Bad Name: x', 'http://x/'], 'a header is "Name: value"'],
    [['not a url'], 'not a URL: "not a url" (like http://localhost:8080/events, or localhost:8080/events)'],
    [['--max-retries', '-1', 'http://x/'], '--max-retries needs a whole number (0 or more), not "-1"'],
    [['--warn-silent', 'soon', 'http://x/'], '--warn-silent needs a number (0 or more), not "soon"'],
    [['-X', 'NOT A METHOD', 'http://x/'], '-X needs a method name such as POST, not "NOT A METHOD"'],
    [['-X', 'CONNECT', 'http://x/'], 'method CONNECT is forbidden'],
    [['-X', 'GET', '-d', 'x', 'http://x/'], '-d sends a body, which GET cannot have: use -X POST (or leave -X out)'],
    [['-d', '@/nonexistent/file', 'http://x/'], '-d @/nonexistent/file: cannot read /nonexistent/file (ENOENT)'],
    [['ftp://example.com/'], 'only http: and https: URLs, not ftp:'],
    [['http://a/', 'http://b/'], 'one url only'],
    [['--json=yes', 'http://x/'], '--json takes no value'],
  ] as Array<[string[], string]>) {
    it(args.join(' ') + ': exit 2, ' + message, async ({ cli, expect }) => {
      const result = await cli(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('whatwg-eventsource: ' + message);
      expect(result.stderr).toContain('Try whatwg-eventsource --help');
    });
  }

  it('--help prints the usage and exits 0', async ({ cli, expect }) => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: whatwg-eventsource \[options\] \[url\]/);
    for (const option of ['--header', '--request', '--data', '--last-event-id', '--max-retries', '--no-reconnect', '--count', '--comments', '--warn-silent', '--json', '--help', '--version']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toMatch(/Exit status:\n {2}0 {2}done: .*HTTP 204 No Content.*\n(.*\n)* {2}1 {2}failed: .*\n {2}2 {2}usage error\n {2}3 {2}gave up: /);
  });

  it('--version prints the version of package.json', async ({ cli, expect }) => {
    const result = await cli('--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version + '\n');
  });

  it('with no url, starts the demo server in-process and follows its ticker', async ({ cli, expect }) => {
    const result = await cli('-n', '2');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\* no url given: started the demo server at http:\/\/127\.0\.0\.1:\d+\/ /);
    expect(result.stdout).toMatch(/^event: snapshot\ndata: \{"prices":\{.*\n\nid: 1\nevent: price\ndata: \{"symbol":"[A-Z]+","price":[\d.]+,"change":-?[\d.]+\}\n\n$/);
  });
});
