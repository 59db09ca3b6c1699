// One stream as one tab sees it: the channel protocol by which the tab that holds the connection (election.ts)
// relays what the connection dispatches to the other tabs (a BroadcastChannel), and the watchdog for a holder
// that stops answering.
//
// Why these mechanisms. Web Locks never elect two holders, and the browser hands a lock to the next waiting tab as
// soon as its holder lets go or its page goes away (closed, navigated, crashed); with BroadcastChannel they are in
// every browser since 2022. A SharedWorker holding the stream was not chosen: Chrome on Android has had it only
// since 148, it cannot see a tab's freeze or back/forward cache, and bundles that touch `window` fail in it; a
// service worker is stopped when idle. `storage` events on localStorage leases are lossy and racy, and elected
// several leaders in the libraries that used them. What Web Locks do not cover: a holder frozen or hung without a
// `freeze` event keeps its lock, so waiting tabs ask it and take the lock if it does not answer (watchdog()).
//
// The protocol. Every message carries `e`, the epoch: the number of holders so far, as far as the sender knows.
//   {k:'j'}                      a tab joins; the holder answers with its state
//   {k:'s', s, q, i, r, n, d}    state: the last sequence number s, the one where the last event ID i was set q,
//                                readyState r (and d the open details); n: the sender had no count of its own, so
//                                everyone takes this one
//   {k:'o', d}                   the connection is open: d the extended open details
//   {k:'m', s, t, d, o, i}       message event number s: type, data, origin, lastEventId
//   {k:'x', r, d}                error: readyState r (CONNECTING or CLOSED), d the extended error details
//   {k:'t', v}                   the stream set its reconnection time to v ms (also `v` in state messages)
//   {k:'p'}, {k:'a'}             "are you there?" from a waiting tab, and the holder's answer (see watchdog())
// Message events are numbered in the order the server sent them, across holders: a tab that takes over numbers the
// events of its new connection on from the event that set the last event ID it knows (where a server that resumes
// from `Last-Event-ID` goes on), so a tab that had already received some of them (an old holder's last messages
// still on their way) drops them by number, and no tab gets an event twice or misses one.
// `open` and reconnecting `error`s of an older epoch are stale (their connection is gone) and ignored; a failure
// (error with CLOSED) counts from any epoch, so that every tab closes alike.
import { nextTask, type Connect, type Connection, type Details, type Relay } from './connection';
import { createElection, type Election } from './election';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/** An instance reading the stream, as the hub sees it. */
export interface Member {
  open(details: Details): void;
  message(type: string, data: string, origin: string, lastEventId: string): void;
  error(readyState: number, details: Details): void;
}

/** What sharing needs from the browser: Web Locks and BroadcastChannel. */
export interface Sharing {
  locks: { request(name: string, options: { signal: AbortSignal }, callback: () => unknown): Promise<unknown> };
  Channel: new (name: string) => { onmessage: ((event: { data: unknown }) => void) | null; postMessage(message: unknown): void; close(): void };
}

interface Message {
  k: string;
  e: number;
  s?: number;
  q?: number;
  n?: boolean;
  r?: number;
  t?: string;
  d?: unknown;
  o?: string;
  i?: string;
  v?: number;
}

export interface Hub {
  readyState(): number;
  lastEventId(): string;
  add(member: Member): void;
  remove(member: Member): void;
  /** The page is hidden into the back/forward cache or frozen: let go of everything, keep the members. */
  suspend(): void;
  resume(): void;
}

/** How long a tab waiting for the lock waits for a sign of life from the holder before it asks, and then takes. */
export const WATCH = 4000;

/**
 * The hub of one stream in this tab. `key` names the lock and the channel; `sharing` null: this hub holds its own
 * connection, alone. `ended` is called when the last member leaves.
 */
export function createHub(
  key: string,
  url: string,
  init: { [name: string]: unknown },
  sharing: Sharing | null,
  connect: Connect,
  ended: () => void,
): Hub {
  const members: Member[] = [];
  let readyState = CONNECTING;
  // The details of the open connection's `open` event.
  let opened: Details = {};
  let epoch = 0;
  // The number of the last message event delivered here (-1: none yet, no count), and of the one that set the
  // last event ID.
  let lastSeq = -1;
  let idSeq = 0;
  let lastEventId = typeof init.lastEventId === 'string' ? init.lastEventId : '';
  // The reconnection time the stream set, if it did.
  let retry: number | undefined;
  // As the holder: the number of the last message event of the connection, and the connection.
  let counter = 0;
  let connection: Connection | null = null;
  let channel: InstanceType<Sharing['Channel']> | null = null;
  let election: Election | null = null;
  // The watchdog: whether anything came from another tab since its last look, and whether it asked the holder.
  let watch: ReturnType<typeof setTimeout> | undefined;
  let heard = false;
  let asked = false;
  let suspended = false;

  function post(message: Message): void {
    if (!channel) return;
    try {
      channel.postMessage(message);
    } catch (error) {
      // Error details that cannot be cloned (an error object of the page's making) travel as text.
      const details = message.d as { [name: string]: unknown };
      const copy: { [name: string]: unknown } = {};
      for (const name in details) copy[name] = details[name] && typeof details[name] === 'object' ? String(details[name]) : details[name];
      message.d = copy;
      try {
        channel.postMessage(message);
      } catch (error) {
        // Nothing can be sent: the other tabs take over when this one leaves.
      }
    }
  }

  function state(seq: number, own: boolean): Message {
    // (A tab that takes over has not opened its connection yet: only the answer to a join tells the readyState.)
    return { k: 's', e: epoch, s: seq, q: own ? idSeq : seq, i: lastEventId, r: own ? readyState : CONNECTING, n: lastSeq < 0, v: retry, d: opened };
  }

  function announce(list: Member[]): void {
    if (readyState !== CONNECTING) return;
    readyState = OPEN;
    for (let i = 0; i < list.length; i++) list[i].open(opened);
  }

  function apply(m: Message): void {
    if (m.k === 'j' || m.k === 'p') {
      if (connection) post(m.k === 'p' ? { k: 'a', e: epoch } : state(lastSeq, true));
      return;
    }
    const current = m.e >= epoch;
    if (m.e > epoch) epoch = m.e;
    else if (!current && m.k !== 'm' && !(m.k === 'x' && m.r === CLOSED)) return;
    const list = members.slice();
    if (m.v !== undefined) retry = m.v;
    if (m.k === 's') {
      if (lastSeq < 0 || m.n) {
        lastSeq = m.s!;
        idSeq = m.q!;
        lastEventId = m.i!;
      }
      if (m.r === OPEN) {
        opened = m.d as Details;
        announce(list);
      }
    } else if (m.k === 'o') {
      opened = m.d as Details;
      announce(list);
    } else if (m.k === 'm') {
      if (m.s! <= lastSeq) return;
      // A message means the connection is open (this tab may have joined after its `open`).
      if (current) announce(list);
      lastSeq = m.s!;
      if (m.i !== lastEventId) {
        lastEventId = m.i!;
        idSeq = m.s!;
      }
      for (let i = 0; i < list.length; i++) list[i].message(m.t!, m.d as string, m.o!, m.i!);
    } else if (m.k === 'x' && readyState !== CLOSED) {
      readyState = m.r!;
      for (let i = 0; i < list.length; i++) list[i].error(m.r!, m.d as Details);
    }
  }

  // As the holder: what the connection dispatches goes to the other tabs and to this tab's members alike.
  function emit(message: Message): void {
    post(message);
    apply(message);
  }
  const relay: Relay = {
    open: function (details) {
      emit({ k: 'o', e: epoch, d: details });
    },
    message: function (type, data, origin, id) {
      emit({ k: 'm', e: epoch, s: ++counter, t: type, d: data, o: origin, i: id });
    },
    error: function (r, details) {
      emit({ k: 'x', e: epoch, r: r, d: details });
    },
    retry: function (ms) {
      emit({ k: 't', e: epoch, v: ms });
    },
  };

  function takeOver(): void {
    epoch++;
    // Where a server that resumes from Last-Event-ID goes on; with no ID it cannot resume: new events follow.
    counter = lastSeq < 0 ? 0 : lastEventId ? idSeq : lastSeq;
    post(state(counter, false));
    const options: { [name: string]: unknown } = {};
    for (const name in init) if (name !== 'signal' && name !== 'name') options[name] = init[name];
    if (lastEventId) options.lastEventId = lastEventId;
    if (retry !== undefined) options.reconnectionTime = retry;
    connection = connect(url, options, relay);
  }

  function stop(): void {
    clearTimeout(watch);
    if (election) election.stop();
    if (connection) connection.close();
    if (channel) {
      channel.onmessage = null;
      channel.close();
    }
    election = connection = channel = null;
  }

  // The browser may refuse the lock or the channel (an opaque origin, a sandboxed or storage-partitioned frame):
  // then this hub holds a connection of its own.
  function alone(): void {
    stop();
    takeOver();
  }

  // A tab can be frozen without a `freeze` event, with the lock held. So a tab that waits for the lock and hears
  // nothing from the holder for WATCH ms asks (`p`), and if nothing comes in the next WATCH ms either, it takes
  // the lock from it: the holder answers at once unless it cannot run at all. (Background tabs' timers may be
  // throttled to a minute: that only delays this.)
  function watchdog(): void {
    clearTimeout(watch);
    watch = setTimeout(function () {
      if (connection || !channel) return;
      if (heard) {
        heard = asked = false;
      } else if (!asked) {
        asked = true;
        post({ k: 'p', e: epoch });
      } else {
        return election!.request(true);
      }
      watchdog();
    }, WATCH);
  }

  function start(): void {
    if (!sharing) return takeOver();
    try {
      channel = new sharing.Channel(key);
      channel.onmessage = function (event) {
        const message = event.data as Message;
        // (Anything else on this channel is not ours.)
        if (!message || typeof message.e !== 'number') return;
        // (Only the holder's messages are signs of its life: not other tabs' joins and questions.)
        if (message.k !== 'j' && message.k !== 'p') heard = true;
        apply(message);
      };
      election = createElection(
        sharing.locks,
        key,
        function () {
          clearTimeout(watch);
          // In a task of its own: the old holder's last messages, if they are already here, come first (a failure
          // then ends this hub before it connects). Nothing orders them with the lock for sure, so a failure that
          // comes later still counts (see apply()).
          const mine = election;
          nextTask(function () {
            if (election === mine) takeOver();
          });
        },
        function () {
          // Taken while this tab did not answer (it was frozen): the tab that took it holds the connection now.
          if (connection) connection.close();
          connection = null;
          election!.request();
          watchdog();
        },
        alone,
      );
      election.request();
      post({ k: 'j', e: epoch });
      watchdog();
    } catch (error) {
      alone();
    }
  }

  return {
    readyState: function () {
      return readyState;
    },
    lastEventId: function () {
      return lastEventId;
    },
    add: function (member) {
      if (members.push(member) === 1) start();
    },
    remove: function (member) {
      for (let i = 0; i < members.length; i++) if (members[i] === member) members.splice(i, 1);
      if (!members.length) {
        stop();
        ended();
      }
    },
    suspend: function () {
      if (suspended) return;
      suspended = true;
      stop();
    },
    resume: function () {
      if (!suspended) return;
      suspended = false;
      // What happened meanwhile is unknown: the next holder's count is taken as it is.
      epoch = 0;
      lastSeq = -1;
      start();
    },
  };
}
