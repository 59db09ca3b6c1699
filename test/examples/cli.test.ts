// bin/whatwg-eventsource.js end to end: spawned with Node against the fixture server (and, with no URL, the demo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/sse-server.mjs';
import { killAll, root, run, start } from './processes';

const CLI = join(root, 'bin', 'whatwg-eventsource.js');
type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

// A server per test: the fixture counts connections per path, and some endpoints answer by that count.
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());
afterEach(killAll);

const cli = (...args: string[]) => run([CLI, ...args]);
const body = (text: string) => '/message?open&body=' + encodeURIComponent(text);
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('whatwg-eventsource <url>', () => {
  it('prints each event as an event stream on stdout, states on stderr, and exits 0 after --count', async () => {
    const result = await cli('-n', '3', server.url('/counter?n=5'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('event: message\nid: 1\ndata: 1\n\nevent: message\nid: 2\ndata: 2\n\nevent: message\nid: 3\ndata: 3\n\n');
    expect(result.stderr).toBe('* CONNECTING: ' + server.url('/counter?n=5') + '\n* OPEN: HTTP 200 OK (text/event-stream)\n');
  });

  it('prints named events and multi-line data, every type the stream uses', async () => {
    const stream = 'event: price\nid: 7\ndata: a\ndata: b\n\nevent: trade\ndata: c\n\n:comment\n\ndata: d\n\n';
    const result = await cli(server.url(body(stream)), '--count=3');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('event: price\nid: 7\ndata: a\ndata: b\n\nevent: trade\nid: 7\ndata: c\n\nevent: message\nid: 7\ndata: d\n\n');
  });

  it('events a server names "open" or "error" are printed as events, not taken for state changes', async () => {
    const result = await cli('-n', '2', server.url(body('event: error\ndata: e\n\nevent: open\ndata: o\n\n')));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('event: error\ndata: e\n\nevent: open\ndata: o\n\n');
    expect(result.stderr).not.toMatch(/CLOSED|reconnecting/);
  });

  it('--json: one object per event and per state change, all on stdout', async () => {
    const url = server.url('/counter?n=2');
    const result = await cli('--json', '-n', '2', url);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = jsonLines(result.stdout);
    for (const line of lines) expect(new Date(line.time).toISOString()).toBe(line.time);
    expect(lines.map(({ time, ...rest }) => rest)).toEqual([
      { kind: 'state', state: 'CONNECTING', readyState: 0, url },
      { kind: 'state', state: 'OPEN', readyState: 1, status: 200, contentType: 'text/event-stream', lastEventIdSent: null, reconnects: 0 },
      { kind: 'event', type: 'message', id: '1', data: '1', origin: server.origin },
      { kind: 'event', type: 'message', id: '2', data: '2', origin: server.origin },
    ]);
  });

  it('shows reconnections, with the Last-Event-ID each one sent', async () => {
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
    expect(reconnecting.map((l) => [l.reason, l.retry])).toEqual([
      ['the server ended the response', 10],
      ['the server ended the response', 10],
    ]);
  });

  it('the text output says the same on stderr', async () => {
    const text = await cli('-n', '2', server.url('/last-event-id?ids=a&retry=10'));
    // (The second connection's event carries the id the first stream ended with: the buffer outlives a connection.)
    expect(text.stdout).toBe('event: message\ndata: none\n\nevent: message\nid: a\ndata: a\n\n');
    expect(text.stderr).toMatch(/\* CONNECTING: the server ended the response; reconnecting in 10 ms\n\* OPEN: HTTP 200 OK \(text\/event-stream\), sent Last-Event-ID: a, reconnection 1\n/);
  });

  it('-H adds headers to every request, reconnections included', async () => {
    const before = server.requests.length;
    const result = await cli('-H', 'Authorization: Bearer abc', '--header=X-Demo:  yes ', '-HX-Utf8: é', '-n', '2', server.url('/last-event-id?ids=1&retry=10'));
    expect(result.code).toBe(0);
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.headers.authorization).toBe('Bearer abc');
      expect(request.headers['x-demo']).toBe('yes');
      // Sent as UTF-8 bytes; node:http reads header bytes as Latin-1.
      expect(Buffer.from(request.headers['x-utf8'], 'latin1').toString('utf8')).toBe('é');
      expect(request.headers.accept).toBe('text/event-stream');
    }
  });

  it('--last-event-id is sent until the server sends an id of its own', async () => {
    const before = server.requests.length;
    const result = await cli('--last-event-id', '€41', '-n', '2', '--json', server.url('/last-event-id?ids=x&retry=10'));
    expect(result.code).toBe(0);
    // The fixture answers with the Last-Event-ID it got: €41 (as UTF-8 bytes), then the x it sent itself.
    expect(jsonLines(result.stdout).filter((l) => l.kind === 'event').map((l) => l.data)).toEqual(['€41', 'x']);
    expect(server.requests.slice(before).map((r) => r.headers['last-event-id'])).toEqual([Buffer.from('€41').toString('latin1'), 'x']);
  });

  it('-H "Last-Event-ID: ..." is an initial id too, not one sent forever', async () => {
    const result = await cli('-H', 'Last-Event-ID: 5', '-n', '2', '--json', server.url('/last-event-id?ids=6&retry=10'));
    expect(jsonLines(result.stdout).filter((l) => l.kind === 'event').map((l) => l.data)).toEqual(['5', '6']);
  });

  for (const [what, path, pattern] of [
    ['a 404', '/message?status=404&type=none', /\* CLOSED: HTTP 404 Not Found \(no Content-Type\) is not a 200 text\/event-stream response/],
    ['a 200 that is not an event stream', '/message?type=text/plain', /\* CLOSED: HTTP 200 OK \(text\/plain\) is not a 200 text\/event-stream/],
  ]) {
    it('exits 1 when the connection fails: ' + what, async () => {
      const result = await cli(server.url(path as string));
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(pattern as RegExp);
    });
  }

  it('--json reports a failure as a CLOSED state with its status', async () => {
    const result = await cli('--json', server.url('/message?status=500'));
    expect(result.code).toBe(1);
    const last = jsonLines(result.stdout).pop();
    expect(last).toMatchObject({ kind: 'state', state: 'CLOSED', readyState: 2, status: 500, contentType: 'text/event-stream' });
  });

  it('a server that cannot be reached is retried, as EventSource does, with the reason shown', async () => {
    const down = await startServer();
    const url = down.url('/');
    await down.close();
    const child = start([CLI, url]);
    await child.waitFor(/could not connect: fetch failed \(ECONNREFUSED\); reconnecting in 3000 ms/, undefined, 'stderr');
    child.child.kill('SIGINT');
    expect((await child.exited()).code).toBe(0);
  });

  it('Ctrl-C closes the connection and exits 0', async () => {
    const child = start([CLI, server.url('/silent')]);
    await child.waitFor(/\* OPEN/, undefined, 'stderr');
    const open = server.openSockets();
    expect(open).toBeGreaterThan(0);
    child.child.kill('SIGINT');
    const result = await child.exited();
    expect(result.code).toBe(0);
  });

  it('exits 0 when stdout is closed (| head)', async () => {
    const child = start([CLI, server.url('/many?n=100000')]);
    child.child.stdout!.destroy();
    expect((await child.exited()).code).toBe(0);
  });
});

describe('usage', () => {
  for (const [args, message] of [
    [['--bogus', 'http://x/'], 'unknown option --bogus'],
    [['-n', 'abc', 'http://x/'], '-n needs a whole number above 0, not "abc"'],
    [['--count', '0', 'http://x/'], '--count needs a whole number above 0'],
    [['-n'], '-n needs a value'],
    [['-H', 'no colon', 'http://x/'], 'a header is "Name: value", not "no colon"'],
    [['-H', 'Bad Name: x', 'http://x/'], 'a header is "Name: value"'],
    [['not a url'], 'not a URL: "not a url"'],
    [['ftp://example.com/'], 'only http: and https: URLs, not ftp:'],
    [['http://a/', 'http://b/'], 'one url only'],
    [['--json=yes', 'http://x/'], '--json takes no value'],
  ] as Array<[string[], string]>) {
    it(args.join(' ') + ': exit 2, ' + message, async () => {
      const result = await cli(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('whatwg-eventsource: ' + message);
      expect(result.stderr).toContain('Try whatwg-eventsource --help');
    });
  }

  it('--help prints the usage and exits 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: whatwg-eventsource \[options\] \[url\]/);
    for (const option of ['--header', '--last-event-id', '--count', '--json', '--help', '--version']) expect(result.stdout).toContain(option);
  });

  it('--version prints the version of package.json', async () => {
    const result = await cli('--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version + '\n');
  });

  it('with no url, starts the demo server in-process and follows its ticker', async () => {
    const result = await cli('-n', '2');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\* no url given: started the demo server at http:\/\/127\.0\.0\.1:\d+\/ /);
    expect(result.stdout).toMatch(/^event: snapshot\ndata: \{"prices":\{.*\n\nevent: price\nid: 1\ndata: \{"symbol":"[A-Z]+","price":[\d.]+,"change":-?[\d.]+\}\n\n$/);
  });
});
