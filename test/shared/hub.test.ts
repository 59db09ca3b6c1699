// src/shared/hub.ts: the election and the channel protocol, with fakes: tabs are hubs in one process, the channel
// a bus whose deliveries the test makes (so messages can be held "in flight"), the connection a fake that the test
// drives, the locks a fake Web Locks manager (test/shared/fakes.ts). Time is faked where the watchdog waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connect, Relay } from '../../src/shared/connection';
import { createHub, WATCH, type Hub, type Member } from '../../src/shared/hub';
import { fakeLocks } from './fakes';

interface FakeConnection {
  init: { [name: string]: unknown };
  relay: Relay;
  closed: boolean;
}

interface Delivery {
  to: FakeChannel;
  data: unknown;
}

class FakeChannel {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  closed = false;
  constructor(
    readonly name: string,
    readonly bus: { channels: FakeChannel[]; queue: Delivery[] },
  ) {
    bus.channels.push(this);
  }
  postMessage(message: unknown): void {
    for (const other of this.bus.channels) {
      if (other !== this && other.name === this.name && !other.closed) this.bus.queue.push({ to: other, data: structuredClone(message) });
    }
  }
  close(): void {
    this.closed = true;
  }
}

function world() {
  const bus = { channels: [] as FakeChannel[], queue: [] as Delivery[] };
  const locks = fakeLocks();
  const connections: FakeConnection[] = [];
  const Channel = function (this: unknown, name: string) {
    return new FakeChannel(name, bus);
  } as unknown as new (name: string) => FakeChannel;
  const connect: Connect = (url, init, relay) => {
    const connection: FakeConnection = { init: init as FakeConnection['init'], relay, closed: false };
    connections.push(connection);
    return { close: () => void (connection.closed = true) };
  };
  /** Delivers what is in flight (to `only` that tab's channel, if given), in order. */
  function deliver(only?: Tab): void {
    const rest: Delivery[] = [];
    for (const d of bus.queue.splice(0)) {
      if (only && !only.owns(d.to)) rest.push(d);
      else if (!d.to.closed && d.to.onmessage) d.to.onmessage({ data: d.data });
    }
    bus.queue.push(...rest);
  }
  function tab(init: { [name: string]: unknown } = {}, sharing = true): Tab {
    const log: string[] = [];
    const mine = bus.channels.length;
    const hub = createHub('key', 'https://example.test/s', init, sharing ? { locks, Channel } : null, connect, () => log.push('ended'));
    const member: Member = {
      open: (details) => void log.push('open' + (details.status ? ':' + details.status : '')),
      message: (type, data, origin, id) => void log.push(type + ':' + data + ':' + id),
      error: (readyState, details) => {
        log.push('error:' + readyState + ':' + details.reason);
        // (As an instance does: a failure closes it, and it leaves.)
        if (readyState === 2) hub.remove(member);
      },
    };
    hub.add(member);
    const channel = bus.channels[mine];
    return { hub, member, log, owns: (c) => c === channel, leave: () => hub.remove(member) };
  }
  return { bus, locks, connections, deliver, tab };
}

interface Tab {
  hub: Hub;
  member: Member;
  log: string[];
  owns(channel: FakeChannel): boolean;
  leave(): void;
}

// Lock grants and releases take a few turns of the event loop (fakes.ts): enough of them.
const turn = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const events = (from: number, to: number, type = 'message') => Array.from({ length: to - from + 1 }, (_, i) => type + ':' + (from + i) + ':' + (from + i));
function send(relay: Relay, from: number, to: number): void {
  for (let n = from; n <= to; n++) relay.message('message', String(n), 'https://example.test', String(n));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the election', () => {
  it('one tab holds the connection (Web Lock); the others relay what it dispatches, every type, in order', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    await turn();
    expect(w.connections.length).toBe(1);
    const { relay } = w.connections[0];
    relay.open({ status: 200 });
    relay.message('message', 'one', 'https://example.test', '1');
    relay.message('price', 'two', 'https://example.test', '2');
    w.deliver();
    for (const tab of [a, b]) expect(tab.log).toEqual(['open:200', 'message:one:1', 'price:two:2']);
  });

  it('without the sharing mechanisms, a hub holds its own connection at once', () => {
    const w = world();
    const a = w.tab({}, false);
    expect(w.connections.length).toBe(1);
    w.connections[0].relay.open({ status: 200 });
    w.connections[0].relay.message('price', 'one', 'https://example.test', '');
    expect(a.log).toEqual(['open:200', 'price:one:']);
  });

  it('where the browser refuses the lock, the hub connects alone', async () => {
    const w = world();
    (w.locks as { request: unknown }).request = () => Promise.reject(new DOMException('no', 'SecurityError'));
    w.tab();
    await turn();
    expect(w.connections.length).toBe(1);
  });

  it('the last member leaving closes the connection and gives the lock to the next tab', async () => {
    const w = world();
    const a = w.tab();
    w.tab();
    await turn();
    a.leave();
    expect(a.log).toEqual(['ended']);
    expect(w.connections[0].closed).toBe(true);
    await turn();
    expect(w.connections.length).toBe(2);
  });
});

describe('the handover', () => {
  it('the next holder reconnects with its last event ID; messages still in flight from the old holder are not delivered twice', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    const c = w.tab();
    await turn();
    const first = w.connections[0].relay;
    first.open({});
    send(first, 1, 3);
    w.deliver();
    // 4 and 5 reach c, but are still on their way to b when a leaves.
    send(first, 4, 5);
    w.deliver(c);
    a.leave();
    await turn();
    expect(w.connections.length).toBe(2);
    const second = w.connections[1];
    expect(second.init.lastEventId).toBe('3');
    // A server that resumes from Last-Event-ID 3 sends 4, 5, 6.
    second.relay.open({});
    send(second.relay, 4, 6);
    w.deliver();
    for (const tab of [b, c]) expect(tab.log).toEqual(['open', ...events(1, 6)]);
  });

  it('the next holder reconnects with the reconnection time the stream set, which a tab that joins later learns', async () => {
    const w = world();
    const a = w.tab({ reconnectionTime: 1000 });
    await turn();
    w.connections[0].relay.retry(250);
    // A tab that joins after the retry: field learns it from the holder's answer to its join.
    w.tab({ reconnectionTime: 1000 });
    w.deliver();
    w.deliver();
    a.leave();
    await turn();
    expect(w.connections.length).toBe(2);
    expect(w.connections[1].init.reconnectionTime).toBe(250);
  });

  it('events without an id that followed the last id are numbered as the server sends them again', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    await turn();
    const first = w.connections[0].relay;
    first.open({});
    first.message('message', '1', 'o', '1');
    first.message('message', '2', 'o', '1');
    w.deliver();
    a.leave();
    await turn();
    const second = w.connections[1];
    expect(second.init.lastEventId).toBe('1');
    // Resuming after id 1, the server sends the id-less event 2 again, then 3.
    second.relay.message('message', '2', 'o', '1');
    second.relay.message('message', '3', 'o', '3');
    expect(b.log).toEqual(['open', 'message:1:1', 'message:2:1', 'message:3:3']);
  });

  it('an old holder\'s reconnecting error is stale once another tab holds; its failure (CLOSED) still counts', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    await turn();
    const first = w.connections[0].relay;
    first.open({});
    w.deliver();
    first.error(0, { reason: 'end' });
    first.error(2, { reason: 'response' });
    a.leave();
    await turn();
    // b holds (epoch 2) before the old holder's last messages arrive.
    expect(w.connections.length).toBe(2);
    w.deliver(b);
    expect(b.log).toEqual(['open', 'error:2:response', 'ended']);
    expect(w.connections[1].closed).toBe(true);
  });

  it('a tab that takes over opens the others only when its own connection opens', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    const c = w.tab();
    await turn();
    const first = w.connections[0].relay;
    first.open({});
    w.deliver();
    // The old holder's connection drops: c hears it; b takes over before it does (and then finds it stale).
    first.error(0, { reason: 'end' });
    w.deliver(c);
    a.leave();
    await turn();
    expect(w.connections.length).toBe(2);
    w.deliver();
    expect(b.log).toEqual(['open']);
    expect(c.log).toEqual(['open', 'error:0:end']);
    w.connections[1].relay.open({});
    w.deliver();
    expect(b.log).toEqual(['open']);
    expect(c.log).toEqual(['open', 'error:0:end', 'open']);
  });

  it('a tab that joins gets open when the stream is open, and only what follows', async () => {
    const w = world();
    w.tab();
    await turn();
    const first = w.connections[0].relay;
    first.open({});
    send(first, 1, 2);
    const late = w.tab();
    w.deliver();
    send(first, 3, 3);
    w.deliver();
    w.deliver();
    expect(late.log).toEqual(['open', ...events(3, 3)]);
  });

  it('a holder that stops answering (frozen without an event) loses the lock to a tab that asked twice', async () => {
    vi.useFakeTimers();
    const w = world();
    const a = w.tab();
    const b = w.tab();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.connections.length).toBe(1);
    w.connections[0].relay.open({});
    w.deliver();
    // From now on nothing reaches a, and a sends nothing: it is frozen. b's last news from it (the answer to its
    // join) come in the first period; it asks at the end of the first silent period, and takes the lock at the end
    // of the next.
    w.deliver(b);
    let periods = 0;
    while (w.connections.length === 1 && periods < 10) {
      await vi.advanceTimersByTimeAsync(WATCH);
      w.deliver(b);
      periods++;
    }
    // (The stolen lock is granted a turn after the third period ends: the loop sees it after a fourth.)
    expect(periods).toBeGreaterThanOrEqual(3);
    expect(periods).toBeLessThanOrEqual(4);
    expect(w.bus.queue.some((d) => a.owns(d.to) && (d.data as { k: string }).k === 'p')).toBe(true);
    // a finds its lock stolen: it closes its connection and waits in turn again.
    expect(w.connections[0].closed).toBe(true);
    expect(a.log).toEqual(['open']);
    expect(b.log).toEqual(['open']);
  });

  it('a holder that answers keeps the lock', async () => {
    vi.useFakeTimers();
    const w = world();
    w.tab();
    w.tab();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(WATCH);
      w.deliver();
      w.deliver();
    }
    expect(w.connections.length).toBe(1);
  });

  it('a suspended tab lets go of everything, and joins again on resume', async () => {
    const w = world();
    const a = w.tab();
    const b = w.tab();
    await turn();
    w.connections[0].relay.open({});
    send(w.connections[0].relay, 1, 2);
    w.deliver();
    a.hub.suspend();
    expect(w.connections[0].closed).toBe(true);
    await turn();
    expect(w.connections.length).toBe(2);
    expect(w.connections[1].init.lastEventId).toBe('2');
    send(w.connections[1].relay, 3, 3);
    a.hub.resume();
    w.deliver();
    send(w.connections[1].relay, 4, 4);
    w.deliver();
    w.deliver();
    expect(b.log).toEqual(['open', ...events(1, 4)]);
    // a missed 3 while away; no error, no second open.
    expect(a.log).toEqual(['open', ...events(1, 2), ...events(4, 4)]);
  });
});
