// The runnable examples of examples/: each is spawned as a user would run it, and its output checked.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/sse-server.mjs';
import { startMockServer, streamChatCompletion } from '../../examples/llm-post-stream.mjs';
import { killAll, start } from './processes';

afterEach(killAll);

describe('examples/node-auth.mjs', () => {
  it('with no argument: refused without the token, events with it, against the demo server', async () => {
    const result = await start(['examples/node-auth.mjs']).exited();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/127\.0\.0\.1:\d+/g, 'HOST')).toBe(
      [
        'demo server at http://HOST, reading http://HOST/sse/private?interval=200',
        'without a token: error, readyState CLOSED: refused, and not retried',
        'with a token: open',
        'with a token: welcome: {"user":"demo","scopes":["read:secrets"]}',
        'with a token: message #1: secret #1',
        'with a token: message #2: secret #2',
        'closed after 3 events',
        '',
      ].join('\n'),
    );
  });

  it('with a URL and a token: sends Authorization on every request, reconnections too; Ctrl-C stops it', async () => {
    const server = await startServer();
    try {
      const child = start(['examples/node-auth.mjs', server.url('/counter?n=1&retry=10'), 's3cret']);
      await child.waitFor(/private: message #1: 1\n[\s\S]*private: message #1: 1\n/);
      child.child.kill('SIGINT');
      const result = await child.exited();
      expect(result.code).toBe(0);
      const counters = server.requests.filter((r) => r.path === '/counter');
      expect(counters.length).toBeGreaterThanOrEqual(2);
      for (const request of counters) expect(request.headers.authorization).toBe('Bearer s3cret');
      expect(counters[1].headers['last-event-id']).toBe('1');
    } finally {
      await server.close();
    }
  });
});

describe('examples/llm-post-stream.mjs', () => {
  it('streams a mock completion, cut at odd byte offsets, back into the whole answer', async () => {
    const result = await start(['examples/llm-post-stream.mjs', 'is this streamed?']).exited();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^mock server http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\n> is this streamed\?\n\n/);
    const answer =
      'You asked: "is this streamed?". This answer is streamed as one event per word, and the bytes are cut at odd ' +
      'places on purpose (even inside "naïve", "—" and "日本語"): the parser puts them back together.';
    // One event per word, one with the finish reason, and [DONE]; the leading comment is not an event.
    const events = answer.split(' ').length + 2;
    expect(result.stdout).toContain(answer + '\n\n[' + events + ' events, finish_reason: stop]\n');
  });

  it('exits 1 with the reason when the server cannot be reached', async () => {
    const down = await startServer();
    const url = down.url('/v1/chat/completions');
    await down.close();
    const result = await start(['examples/llm-post-stream.mjs', url, 'hi']).exited();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fetch failed \(ECONNREFUSED\)/);
  });

  it('streamChatCompletion: deltas in order, an HTTP error rejects', async () => {
    const mock = await startMockServer();
    try {
      const deltas: string[] = [];
      const result = await streamChatCompletion(mock.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { onDelta: (d: string) => deltas.push(d) });
      expect(deltas.join('')).toBe(result.text);
      expect(result.text.startsWith('You asked: "x".')).toBe(true);
      expect(result.finishReason).toBe('stop');
    } finally {
      await mock.close();
    }
    const server = await startServer();
    try {
      await expect(streamChatCompletion(server.url('/message?status=500'), { messages: [] })).rejects.toThrow(/^HTTP 500/);
    } finally {
      await server.close();
    }
  });
});
