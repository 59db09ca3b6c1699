// src/shared/connection.ts against the fixture server: what a holder's connection relays, read at the core's
// dispatch seam (every type, in the order and the task it was dispatched in), with the open and error details and
// the `retry:` it reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Relay } from '../../src/shared/connection';
import { startServer } from '../helpers/sse-server.mjs';
import { until } from '../helpers/wait.mjs';

let server: Awaited<ReturnType<typeof startServer>>;
const closers: Array<() => void> = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

function open(body: string, init: object) {
  const log: string[] = [];
  const relay: Relay = {
    open: (details) => void log.push('open:' + details.status + ':' + details.contentType),
    message: (type, data, origin, id) => void log.push(type + ':' + data + ':' + id),
    error: (readyState, details) => void log.push('error:' + readyState + ':' + details.reason),
    retry: (ms) => void log.push('retry:' + ms),
  };
  const connection = connect(server.url('/message?body=' + encodeURIComponent(body)), init, relay);
  closers.push(connection.close);
  return log;
}

const STREAM = 'id: 1\ndata: 1\n\ndata: 2\n\nevent: x\ndata: 3\n\n';

const OPEN = 'open:200:text/event-stream';

describe('connect', () => {
  it('every type, in the order dispatched, and the error of the end after the last message', async () => {
    const log = open(STREAM, { reconnectionTime: 60000 });
    await until(() => log.length === 5, 'the end');
    expect(log).toEqual([OPEN, 'message:1:1', 'message:2:1', 'x:3:1', 'error:0:end']);
  });

  it('a failure in the middle of a chunk comes after the events before it', async () => {
    const log = open('data: a\n\ndata: b\n\ndata: ' + 'c'.repeat(100) + '\n\n', { maxEventSize: 50 });
    await until(() => log.length === 4, 'the failure');
    expect(log).toEqual([OPEN, 'message:a:', 'message:b:', 'error:2:size']);
  });

  it('the reconnection time the stream sets (from the core\'s slot), and the initial last event ID on events until the stream sets one', async () => {
    const log = open('retry: 1234\ndata: 1\n\nid: 7\ndata: 2\n\nretry: 50\n\ndata: 3\n\n', { reconnectionTime: 60000, lastEventId: '5' });
    await until(() => log.length === 7, 'the end');
    expect(log).toEqual([OPEN, 'retry:1234', 'message:1:5', 'message:2:7', 'retry:50', 'message:3:7', 'error:0:end']);
  });

  it('message events the stream names open or error are relayed as messages only', async () => {
    const log = open('event: error\ndata: e\n\nevent: open\ndata: o\n\n', { reconnectionTime: 60000 });
    await until(() => log.length === 4, 'the end');
    expect(log).toEqual([OPEN, 'error:e:', 'open:o:', 'error:0:end']);
  });
});
