// src/stream.ts: EventStream, the parser as a TransformStream, piped from real Responses and a real node:http server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStream, type EventStreamMessage } from '../src/stream';
import { utf8 } from './helpers/collect';
import { startServer } from './helpers/sse-server.mjs';

type Chunk = Uint8Array | string;

/** A body that yields the chunks, then ends. */
function source(chunks: Chunk[]): ReadableStream<Chunk> {
  return new ReadableStream<Chunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The body of a real Response made of the byte chunks. */
function responseBody(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new Response(source(chunks) as ReadableStream<Uint8Array>).body!;
}

async function readAll<T>(readable: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

const msg = (data: string, type = 'message', lastEventId = ''): EventStreamMessage => ({ type, data, lastEventId });

describe('EventStream', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is constructed with new and is a real TransformStream', () => {
    const stream = new EventStream();
    expect(stream).toBeInstanceOf(TransformStream);
    expect(stream.readable).toBeInstanceOf(ReadableStream);
    expect(stream.writable).toBeInstanceOf(WritableStream);
    expect(() => (EventStream as unknown as () => void)()).toThrow(TypeError);
  });

  it('without a global TransformStream, construction throws a TypeError that says so', () => {
    vi.stubGlobal('TransformStream', undefined);
    expect(() => new EventStream()).toThrow(TypeError);
    expect(() => new EventStream()).toThrow(/no TransformStream/);
  });

  it('a bad maxSize throws at construction', () => {
    expect(() => new EventStream({ maxSize: 0 })).toThrow(RangeError);
  });

  it('pipes a Response body into messages, in order, with type "message" by default', async () => {
    const text = 'data: one\n\nevent: ping\ndata: two\ndata: lines\n\nid: 7\ndata: three\n\n';
    const messages = await readAll(responseBody([utf8(text)]).pipeThrough(new EventStream()));
    expect(messages).toEqual([msg('one'), msg('two\nlines', 'ping'), msg('three', 'message', '7')]);
  });

  // A BOM, 2-, 3- and 4-byte characters, CRLF, a lone CR and CR CR: every cut into three chunks gives the same.
  it('bytes cut anywhere (inside a UTF-8 character, between CR and LF) give the same messages', async () => {
    const bytes = utf8('\uFEFFdata: é€1\r\nid: 日本\r\n\r\n:x\r\nevent: 😀\rdata: 😀\r\rdata: end\n\n');
    const expected = [msg('é€1', 'message', '日本'), msg('😀', '😀', '日本'), msg('end', 'message', '日本')];
    const runs: Array<Promise<void>> = [];
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const chunks = [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)];
        runs.push(
          readAll(responseBody(chunks).pipeThrough(new EventStream())).then((messages) => {
            expect(messages, 'cut at ' + i + ', ' + j).toEqual(expected);
          }),
        );
      }
    }
    await Promise.all(runs);
    const oneByte = Array.from(bytes, (b) => new Uint8Array([b]));
    expect(await readAll(responseBody(oneByte).pipeThrough(new EventStream()))).toEqual(expected);
  });

  it('takes string chunks, cut anywhere', async () => {
    const text = 'data: 日本\r\n\r\nevent: e\r\ndata: b\r\n\r\n';
    for (let i = 0; i <= text.length; i++) {
      const messages = await readAll(source([text.slice(0, i), text.slice(i)]).pipeThrough(new EventStream()));
      expect(messages, 'cut at ' + i).toEqual([msg('日本'), msg('b', 'e')]);
    }
  });

  it('takes bytes and strings in the same stream', async () => {
    const messages = await readAll(source([utf8('data: a'), 'b\n', utf8('\n')]).pipeThrough(new EventStream()));
    expect(messages).toEqual([msg('ab')]);
  });

  it('discards an event the stream ended inside (flush)', async () => {
    const messages = await readAll(source(['data: kept\n\ndata: cut\n']).pipeThrough(new EventStream()));
    expect(messages).toEqual([msg('kept')]);
  });

  it('reports retry and comment lines to onRetry and onComment', async () => {
    const calls: Array<[string, unknown]> = [];
    const stream = new EventStream({
      onRetry: (ms) => calls.push(['retry', ms]),
      onComment: (text) => calls.push(['comment', text]),
    });
    const text = ': hello\nretry: 1500\nretry: x\ndata: a\n\n:\n';
    expect(await readAll(source([text]).pipeThrough(stream))).toEqual([msg('a')]);
    expect(calls).toEqual([
      ['comment', 'hello'],
      ['retry', 1500],
      ['comment', ''],
    ]);
  });

  it('errors the stream with a clear Error when an event exceeds maxSize, and reports nothing after it', async () => {
    const comments: string[] = [];
    const stream = new EventStream({ maxSize: 50, onComment: (text) => comments.push(text) });
    const chunks = [': before\ndata: ok\n\n', 'data: ' + 'x'.repeat(100) + '\n\n: after\ndata: after\n\n'];
    const reader = source(chunks).pipeThrough(stream).getReader();
    expect(await reader.read()).toEqual({ done: false, value: msg('ok') });
    const error = await reader.read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/exceeded maxSize \(50\)/);
    expect(comments).toEqual(['before']);
  });

  it('with onError, an event past maxSize is reported and dropped, and the stream goes on', async () => {
    const errors: Error[] = [];
    const stream = new EventStream({ maxSize: 50, onError: (e) => errors.push(e) });
    const chunks = ['data: ok\n\n', 'data: ' + 'x'.repeat(40), 'x'.repeat(40) + '\ndata: y\n\ndata: after\n\n'];
    expect(await readAll(source(chunks).pipeThrough(stream))).toEqual([msg('ok'), msg('after')]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/exceeded maxSize \(50\)/);
  });

  it('errors the stream when a chunk is neither bytes nor text', async () => {
    const readable = source([42 as unknown as string]).pipeThrough(new EventStream());
    await expect(readAll(readable)).rejects.toThrow(TypeError);
  });

  it('a callback that throws errors the stream with its exception', async () => {
    const boom = new Error('boom');
    const stream = new EventStream({
      onComment: () => {
        throw boom;
      },
    });
    await expect(readAll(source(['data: a\n\n: c\n']).pipeThrough(stream))).rejects.toBe(boom);
  });

  // Backpressure: the body is pulled only as fast as messages are read, and a slow reader still gets them all.
  it('a slow reader gets every message, and the body is not read far ahead of it', async () => {
    const total = 200;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls > total) controller.close();
        else controller.enqueue(utf8('id: ' + pulls + '\ndata: ' + pulls + '\n\n'));
      },
    });
    const reader = new Response(body).body!.pipeThrough(new EventStream()).getReader();
    const received: string[] = [];
    let ahead = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received.push(value.data);
      ahead = Math.max(ahead, pulls - received.length);
      if (received.length % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      else await Promise.resolve();
    }
    expect(received).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));
    expect(ahead).toBeLessThanOrEqual(4);
  });

  it('reader.cancel() cancels the response body with its reason', async () => {
    let cancelled: { reason: unknown } | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('data: first\n\n'));
      },
      cancel(reason) {
        cancelled = { reason };
      },
    });
    const reader = new Response(body).body!.pipeThrough(new EventStream()).getReader();
    expect((await reader.read()).value).toEqual(msg('first'));
    await reader.cancel('enough');
    await vi.waitFor(() => expect(cancelled).toEqual({ reason: 'enough' }));
  });

  describe('over a real node:http server', () => {
    it("fetch('/counter').body piped through EventStream", async () => {
      const server = await startServer();
      try {
        const retries: number[] = [];
        const response = await fetch(server.url('/counter?n=5&interval=2&retry=1234'));
        const messages = await readAll(response.body!.pipeThrough(new EventStream({ onRetry: (ms) => retries.push(ms) })));
        expect(messages).toEqual([1, 2, 3, 4, 5].map((i) => msg(String(i), 'message', String(i))));
        expect(retries).toEqual([1234]);
      } finally {
        await server.close();
      }
    });

    // (undici keeps the socket a few seconds more; the server sees the response closed at once.)
    it('cancelling the reader closes the response on the server', async () => {
      const server = await startServer();
      let closed = false;
      server.handle('/endless', (req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        let i = 0;
        const timer = setInterval(() => res.write('data: ' + ++i + '\n\n'), 5);
        res.on('close', () => {
          clearInterval(timer);
          closed = true;
        });
      });
      try {
        const response = await fetch(server.url('/endless'));
        const reader = response.body!.pipeThrough(new EventStream()).getReader();
        expect((await reader.read()).value).toEqual(msg('1'));
        reader.cancel().catch(() => {});
        await vi.waitFor(() => expect(closed).toBe(true), { timeout: 1000 });
      } finally {
        await server.close();
      }
    });
  });
});
