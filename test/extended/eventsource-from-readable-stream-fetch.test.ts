// fromReadableStream() over a real fetch() response body from the fixture server (node:http): a port of
// web-platform-tests#58550's eventsource/eventsource-from-readable-stream-fetch.window.js, plus the use the proposal
// is for (whatwg/html#12272, "Fixes #2177"): a request with headers of the application's own, and its own
// reconnection with the last event ID, through a TransformStream and reset().
import { describe, expect, it } from 'vitest';
import { EventSource } from '../../src/extended/index';
import { until, useServer } from './helpers';

const context = useServer();
const url = (path: string) => context.server.url(path);

function next(source: EventTarget, type: string): Promise<MessageEvent> {
  return new Promise((resolve) => source.addEventListener(type, (e) => resolve(e as MessageEvent), { once: true }));
}

describe('eventsource-from-readable-stream-fetch.window.js', () => {
  it('works with a fetch() response body', async () => {
    const response = await fetch(url('/message?body=' + encodeURIComponent('data: data\n\n')));
    const source = EventSource.fromReadableStream(response.body!);
    expect((await next(source, 'message')).data).toBe('data');
    source.close();
  });

  it('lastEventId and reconnectionTime work with fetch() response', async () => {
    const response = await fetch(url('/message?body=' + encodeURIComponent('id: 42\nretry: 5000\ndata: hello\n\n')));
    const source = EventSource.fromReadableStream(response.body!);
    const e = await next(source, 'message');
    expect([e.data, source.lastEventId, source.reconnectionTime]).toEqual(['hello', '42', 5000]);
    source.close();
  });
});

describe('beyond eventsource-from-readable-stream-fetch.window.js', () => {
  it('custom headers, and reconnection by the application with the last event ID, through one TransformStream', async () => {
    const ts = new TransformStream<Uint8Array, Uint8Array>();
    const source = EventSource.fromReadableStream(ts.readable);
    const data: string[] = [];
    source.onmessage = (e) => data.push(e.data + ':' + e.lastEventId);
    // /last-event-id answers with the Last-Event-ID it got, then an id of its own, then ends.
    const connect = async () => {
      const headers: Record<string, string> = { Authorization: 'Bearer x' };
      if (source.lastEventId) headers['Last-Event-ID'] = source.lastEventId;
      const response = await fetch(url('/last-event-id?ids=a,b'), { headers });
      source.reset();
      await response.body!.pipeTo(ts.writable, { preventClose: true });
    };
    await connect();
    await connect();
    await until(() => data.length === 2, 'two messages');
    expect(data).toEqual(['none:', 'a:a']);
    expect(source.lastEventId).toBe('b');
    const requests = context.server.requests.filter((r: { path: string }) => r.path === '/last-event-id');
    expect(requests.map((r: { headers: Record<string, string> }) => r.headers.authorization)).toEqual(['Bearer x', 'Bearer x']);
    source.close();
  });

  it('close() cancels the fetch body: the server sees the connection go', async () => {
    let gone = false;
    context.server.handle('/held', (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(':\n');
      res.on('close', () => (gone = true));
    });
    const response = await fetch(url('/held'));
    const source = EventSource.fromReadableStream(response.body!);
    await next(source, 'open');
    source.close();
    await until(() => gone, 'the server to see the connection close');
  });
});
