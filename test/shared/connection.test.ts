// src/shared/connection.ts against the fixture server: the order of what a holder's connection relays (async
// iteration for every type, `open` and `error` in order with it), the types a connection for one instance relays,
// and the `retry:` it reports.
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

function open(body: string, init: object, all: boolean, types: string[] = []) {
  const log: string[] = [];
  const relay: Relay = {
    open: () => void log.push('open'),
    message: (type, data, origin, id) => void log.push(type + ':' + data + ':' + id),
    error: (readyState, details) => void log.push('error:' + readyState + ':' + details.reason),
    retry: (ms) => void log.push('retry:' + ms),
  };
  const connection = connect(server.url('/message?body=' + encodeURIComponent(body)), init, relay, all);
  for (const type of types) connection.listen(type);
  closers.push(connection.close);
  return log;
}

const STREAM = 'id: 1\ndata: 1\n\ndata: 2\n\nevent: x\ndata: 3\n\n';

describe('connect', () => {
  it('shared: every type, in the order dispatched, and the error of the end after the last message', async () => {
    const log = open(STREAM, { reconnectionTime: 60000 }, true);
    await until(() => log.length === 5, 'the end');
    expect(log).toEqual(['open', 'message:1:1', 'message:2:1', 'x:3:1', 'error:0:end']);
  });

  it('shared: a failure in the middle of a chunk comes after the events before it', async () => {
    const log = open('data: a\n\ndata: b\n\ndata: ' + 'c'.repeat(100) + '\n\n', { maxEventSize: 50 }, true);
    await until(() => log.length === 4, 'the failure');
    expect(log).toEqual(['open', 'message:a:', 'message:b:', 'error:2:size']);
  });

  it('shared: the retry: fields the stream sends, and the initial last event ID on events until the stream sets one', async () => {
    const log = open('retry: 1234\ndata: 1\n\nid: 7\ndata: 2\n\ndata: 3\n\n', { reconnectionTime: 60000, lastEventId: '5' }, true);
    await until(() => log.length === 6, 'the end');
    expect(log).toEqual(['open', 'retry:1234', 'message:1:5', 'message:2:7', 'message:3:7', 'error:0:end']);
  });

  it('for one instance: the types it listens to, in the task that dispatched them', async () => {
    const log = open(STREAM, { reconnectionTime: 60000 }, false, ['message']);
    await until(() => log.length === 4, 'the end');
    expect(log).toEqual(['open', 'message:1:1', 'message:2:1', 'error:0:end']);
    const typed = open(STREAM, { reconnectionTime: 60000 }, false, ['message', 'x', 'open', 'error']);
    await until(() => typed.length === 5, 'the end');
    expect(typed).toEqual(['open', 'message:1:1', 'message:2:1', 'x:3:1', 'error:0:end']);
  });
});
