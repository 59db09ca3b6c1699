// SharedEventSource in many tabs of one headless Chromium profile, against the real fixture server:
//   node test/shared/tabs.mjs [name filter]
// Environment: CHROMIUM_PATH, IIFE_FILE (the build under test, default dist/eventsource.shared.iife.min.js).
// Each scenario gets a fresh browser context (its own Web Locks and BroadcastChannels) and a fresh server. The
// stream (/ticker) numbers its events, keeps them all, and resumes after the request's Last-Event-ID, as a
// resuming server does: so "no event missing or repeated" is checked exactly, whatever the timing. Nothing waits on
// the clock: every wait is for something to happen (with one overall bound per scenario, against hangs only).
// The last line is `Chromium (shared): N passed, N failed`.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { findChromium } from '../helpers/chromium.mjs';
import { startServer } from '../helpers/sse-server.mjs';
import { guard } from '../helpers/wait.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const IIFE_PATH = resolve(root + 'dist', process.env.IIFE_FILE || 'eventsource.shared.iife.min.js');
// Against hangs only (a broken build must fail, not stall CI): no scenario waits on time to pass.
const SCENARIO_BOUND = 180000;

// --- The server side -----------------------------------------------------------------------------------------------

/**
 * A stream of numbered events: event n has `id: n` (every fifth has no id line, so it carries the id before it),
 * data n, and is named `tick` when n is a multiple of 3. A request resumes after its Last-Event-ID.
 */
function ticker(server, path = '/ticker', retry = 0) {
  const history = [];
  const open = new Set();
  const requests = [];
  let failNext = 0;
  server.handle(path, (req, res) => {
    const lastEventId = req.headers['last-event-id'];
    requests.push(lastEventId === undefined ? null : lastEventId);
    if (failNext) {
      failNext--;
      return void res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down');
    }
    // (Any origin may read it: the sandboxed frame's is opaque.)
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    res.socket?.setNoDelay?.(true);
    if (requests.length === 1 && retry) res.write('retry: ' + retry + '\n\n');
    else res.write(':\n\n');
    for (let i = Number(lastEventId || 0); i < history.length; i++) res.write(history[i]);
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      for (const waiter of closeWaiters.splice(0)) waiter();
    });
  });
  const closeWaiters = [];
  return {
    path,
    requests,
    open,
    emit(count = 1) {
      for (let k = 0; k < count; k++) {
        const n = history.length + 1;
        const block = (n % 5 ? 'id: ' + n + '\n' : '') + (n % 3 ? '' : 'event: tick\n') + 'data: ' + n + '\n\n';
        history.push(block);
        for (const res of open) res.write(block);
      }
    },
    get count() {
      return history.length;
    },
    /** Ends every open response (the clients reconnect). */
    end() {
      for (const res of open) res.end();
    },
    /** Answers the next `n` requests with 503. */
    failNext(n) {
      failNext = n;
    },
    /** Resolves when no response is open. */
    async drained() {
      while (open.size) await new Promise((resolve) => closeWaiters.push(resolve));
    },
  };
}

/** What a tab's log must hold for events from..to: `type:data:lastEventId` as ticker() writes them. */
function expected(from, to) {
  const list = [];
  for (let n = from; n <= to; n++) list.push((n % 3 ? 'message' : 'tick') + ':' + n + ':' + (n % 5 ? n : n - 1));
  return list;
}

// --- The page ------------------------------------------------------------------------------------------------------

const PAGE = `<!doctype html><meta charset="utf-8"><title>tab</title>
<script src="/shared.js"></script>
<script>
  window.logs = [];
  window.sources = [];
  window.pageshows = [];
  window.delays = [];
  addEventListener('pageshow', function (event) { pageshows.push(event.persisted); });
  // Records what a SharedEventSource dispatches: open, error:<readyState>[:reason:status], type:data:lastEventId.
  window.make = function (url, options) {
    var es = new WhatwgEventSource.SharedEventSource(url, options);
    var log = [];
    function record(event) {
      if (event.type === 'open') log.push('open');
      else if (event.type === 'error' && (delays.push(event.reconnectDelay), true)) log.push('error:' + es.readyState + (event.reason ? ':' + event.reason : '') + (event.status ? ':' + event.status : ''));
      else log.push(event.type + ':' + event.data + ':' + event.lastEventId + (event.origin === location.origin ? '' : ':bad origin ' + event.origin));
    }
    es.onopen = record;
    es.onerror = record;
    es.addEventListener('message', record);
    es.addEventListener('tick', record);
    sources.push(es);
    logs.push(log);
    return sources.length - 1;
  };
</script>`;

// Counts the page's fetch() calls: the tab that holds the connection is the one that fetched.
const COUNT_FETCHES = `(() => {
  const original = window.fetch;
  window.fetches = 0;
  window.fetch = function () { window.fetches++; return original.apply(this, arguments); };
})();`;

// Removes what sharing needs, as in a browser without Web Locks and BroadcastChannel.
const REMOVE_SHARING = `(() => {
  delete window.BroadcastChannel;
  Object.defineProperty(Navigator.prototype, 'locks', { get() { return undefined; }, configurable: true });
})();`;

// As an old browser: no fetch, streams, TextDecoder, AbortController or DOM event constructors (the XMLHttpRequest
// transport and the DOM shims), and no Web Locks or BroadcastChannel.
const REMOVE_MODERN = REMOVE_SHARING.replace('})();', `
  for (const name of ['EventSource', 'fetch', 'Request', 'Response', 'Headers', 'ReadableStream', 'TextDecoder',
    'TextEncoder', 'AbortController', 'EventTarget', 'Event', 'MessageEvent']) delete window[name];
})();`);

// --- Helpers -------------------------------------------------------------------------------------------------------

// What the running scenario waits for now (the hang guard's message names it), and its tabs in the order opened.
const waiting = new Set();
let tabsOpened = [];
async function labelled(label, promise) {
  waiting.add(label);
  try {
    return await promise;
  } finally {
    waiting.delete(label);
  }
}

async function openTabs(t, n, options = {}) {
  const pages = [];
  for (let i = 0; i < n; i++) pages.push(await openTab(t, options));
  return pages;
}

async function openTab(t, { make = true, url = t.stream.path, init } = {}) {
  const page = await t.context.newPage();
  tabsOpened.push(page);
  page.on('pageerror', (error) => t.errors.push(String(error)));
  await page.goto(t.server.url('/page'));
  if (make) await page.evaluate(([u, o]) => window.make(u, o), [t.server.url(url), init]);
  return page;
}

/** Waits, without a deadline, until fn(arg) is true in the page. */
function waitIn(page, fn, arg) {
  const label = 'in tab ' + tabsOpened.indexOf(page) + ': ' + String(fn).replace(/\s+/g, ' ') + ' with ' + JSON.stringify(arg);
  return labelled(label, page.waitForFunction(fn, arg, { timeout: 0, polling: 5 }));
}

const log = (page, i = 0) => page.evaluate((k) => window.logs[k].slice(), i);
const fetches = (page) => page.evaluate(() => window.fetches);

/** Waits until the tab's log i has at least `length` entries, or ends with `last`. */
function logReaches(page, length, i = 0) {
  return waitIn(page, ([k, n]) => window.logs[k] && window.logs[k].length >= n, [i, length]);
}
function lastIs(page, entry, i = 0) {
  return waitIn(page, ([k, e]) => window.logs[k] && window.logs[k].indexOf(e) >= 0, [i, entry]);
}
/** Waits, without a deadline, until check() is true (looking every few ms). */
async function until(check) {
  await labelled(String(check).replace(/\s+/g, ' '), (async () => {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
  })());
}

/** The one tab that fetched the stream since `before` (fetch counts), failing if there is not exactly one. */
async function holder(pages, before) {
  const counts = await Promise.all(pages.map(fetches));
  // (Without `before`: the tab that fetched last, or the one that fetched at all.)
  if (before === null) return pages[counts.indexOf(Math.max(...counts))];
  const grew = pages.filter((_, i) => counts[i] > (before ? before[i] : 0));
  assert.equal(grew.length, 1, 'exactly one tab fetched the stream: ' + counts);
  return grew[0];
}

/** Events n..to, emitted one per turn of the server's event loop while `during` runs, then the rest. */
async function emitDuring(stream, to, during) {
  let stop = false;
  const pump = (async () => {
    while (!stop && stream.count < to) {
      stream.emit();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await during();
  stop = true;
  await pump;
  stream.emit(to - stream.count);
}

// --- Scenarios -----------------------------------------------------------------------------------------------------

const scenarios = [
  ['ten tabs: the server sees one stream; every tab receives the identical sequence, every type, in order', async (t) => {
    const pages = await openTabs(t, 10);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(30);
    for (const page of pages) await logReaches(page, 31);
    for (const page of pages) assert.deepEqual(await log(page), ['open', ...expected(1, 30)]);
    assert.equal(t.stream.requests.length, 1, 'one request');
    assert.equal(t.stream.open.size, 1, 'one open stream');
    await holder(pages);
  }],

  ['the holder tab closes its instance: another tab resumes with Last-Event-ID; no event missing or repeated', async (t) => {
    const pages = await openTabs(t, 4);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(10);
    for (const page of pages) await logReaches(page, 11);
    const counts = await Promise.all(pages.map(fetches));
    const first = await holder(pages);
    await emitDuring(t.stream, 60, () => first.evaluate(() => window.sources[0].close()));
    const others = pages.filter((p) => p !== first);
    for (const page of others) await logReaches(page, 61);
    for (const page of others) assert.deepEqual(await log(page), ['open', ...expected(1, 60)]);
    assert.equal(t.stream.requests.length, 2);
    assert.match(t.stream.requests[1], /^\d+$/, 'the second request has a Last-Event-ID');
    await holder(others, counts.filter((_, i) => pages[i] !== first));
    assert.equal(t.stream.open.size, 1);
    // The closed instance stopped where it was closed, with nothing after.
    const closed = await log(first);
    assert.deepEqual(closed, ['open', ...expected(1, closed.length - 1)]);
  }],

  ['three handovers in a row while events flow (instance closed, tab closed, tab navigated): six tabs, exact sequences', async (t) => {
    const pages = await openTabs(t, 6);
    for (const page of pages) await lastIs(page, 'open');
    const leave = [(p) => p.evaluate(() => window.sources[0].close()), (p) => p.close(), (p) => p.goto(t.server.url('/elsewhere'))];
    let left = pages.slice();
    for (let round = 0; round < 3; round++) {
      const first = await holder(left, null);
      left = left.filter((p) => p !== first);
      const before = await Promise.all(left.map(fetches));
      await emitDuring(t.stream, 40 * (round + 1), () => leave[round](first));
      for (const page of left) await logReaches(page, 40 * (round + 1) + 1);
      for (const page of left) assert.deepEqual(await log(page), ['open', ...expected(1, 40 * (round + 1))]);
      assert.equal(t.stream.requests.length, round + 2);
      await holder(left, before);
    }
  }],

  ['the holder tab is closed (page.close): another tab takes over, no event missing or repeated', async (t) => {
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(5);
    for (const page of pages) await logReaches(page, 6);
    const first = await holder(pages);
    await emitDuring(t.stream, 40, () => first.close());
    const others = pages.filter((p) => p !== first);
    for (const page of others) await logReaches(page, 41);
    for (const page of others) assert.deepEqual(await log(page), ['open', ...expected(1, 40)]);
    assert.equal(t.stream.requests.length, 2);
    assert.notEqual(t.stream.requests[1], null);
  }],

  ['the holder tab navigates away and comes back from the back/forward cache: handover, then it rejoins', async (t) => {
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(5);
    for (const page of pages) await logReaches(page, 6);
    const first = await holder(pages);
    const before = await log(first);
    await emitDuring(t.stream, 40, () => first.goto(t.server.url('/elsewhere')));
    const others = pages.filter((p) => p !== first);
    for (const page of others) await logReaches(page, 41);
    for (const page of others) assert.deepEqual(await log(page), ['open', ...expected(1, 40)]);
    assert.equal(t.stream.requests.length, 2);
    // Back: restored from the back/forward cache (sharing kept it eligible), it rejoins the stream.
    await first.goBack({ waitUntil: 'commit' });
    await waitIn(first, () => window.pageshows && window.pageshows.length === 2);
    assert.deepEqual(await first.evaluate(() => window.pageshows), [false, true], 'restored from the back/forward cache');
    t.stream.emit(5);
    await lastIs(first, 'message:44:44');
    const after = await log(first);
    assert.deepEqual(after.slice(0, before.length), before);
    assert.deepEqual(after.slice(-5), expected(41, 45));
    assert.equal(after.filter((e) => e.startsWith('error')).length, 0, 'no error event');
    assert.equal(t.stream.requests.length, 2, 'still one stream');
  }],

  // Headless Chromium freezes a page through the DevTools protocol without hiding it and without the `freeze` event
  // that Chrome fires before it freezes a hidden tab: the event is dispatched first, as Chrome would.
  ['the holder tab is frozen (freeze event, Page.setWebLifecycleState): another tab takes over at once; it rejoins on resume', async (t) => {
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(5);
    for (const page of pages) await logReaches(page, 6);
    const first = await holder(pages);
    const cdp = await t.context.newCDPSession(first);
    await emitDuring(t.stream, 40, async () => {
      await first.evaluate(() => document.dispatchEvent(new Event('freeze')));
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    });
    const others = pages.filter((p) => p !== first);
    for (const page of others) await logReaches(page, 41);
    for (const page of others) assert.deepEqual(await log(page), ['open', ...expected(1, 40)]);
    assert.equal(t.stream.requests.length, 2);
    assert.notEqual(t.stream.requests[1], null);
    await until(() => t.stream.open.size === 1);
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await first.evaluate(() => document.dispatchEvent(new Event('resume')));
    t.stream.emit(5);
    await lastIs(first, 'message:44:44');
    const after = await log(first);
    assert.deepEqual(after.slice(-5), expected(41, 45));
    assert.equal(new Set(after).size, after.length, 'nothing twice');
    assert.equal(after.filter((e) => e.startsWith('error')).length, 0, 'no error event');
    assert.equal(t.stream.requests.length, 2, 'still one stream');
  }],

  // A tab frozen (or hung) without a `freeze` event keeps its lock: the others ask it, get no answer, and take the
  // lock. Here the holder hangs on a synchronous XMLHttpRequest that the server answers only when told: its main
  // thread stops, and what comes for it waits, as in a tab that hangs; when the answer comes it goes on, finds its
  // lock taken, and reads as a follower again. (Not Debugger.pause: Chromium drops the BroadcastChannel messages
  // that reach a tab paused in the debugger, which no hung or frozen tab does.)
  ['the holder tab stops running without any event: the others take the lock; no event missing or repeated in any tab', async (t) => {
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(5);
    for (const page of pages) await logReaches(page, 6);
    const first = await holder(pages);
    // The request reaching the server says that the holder has stopped. Events flow meanwhile, and the holder may
    // relay any number of them first; the five sent once it has stopped can reach the other tabs only through a
    // connection of their own, so a takeover is what this waits for, whatever the machine's speed.
    let answer;
    const hung = new Promise((resolve) =>
      t.server.handle('/hang', (req, res) => {
        answer = () => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('go on');
        resolve();
      }),
    );
    await emitDuring(t.stream, 20, async () => {
      await first.evaluate(() => {
        setTimeout(() => {
          const request = new XMLHttpRequest();
          request.open('GET', '/hang', false);
          request.send();
        });
      });
      await labelled('the holder tab to hang', hung);
    });
    t.stream.emit(5);
    const others = pages.filter((p) => p !== first);
    for (const page of others) await logReaches(page, 26);
    for (const page of others) assert.deepEqual(await log(page), ['open', ...expected(1, 25)]);
    assert.equal(t.stream.requests.length, 2);
    assert.notEqual(t.stream.requests[1], null);
    answer();
    t.stream.emit(5);
    for (const page of pages) await logReaches(page, 31);
    for (const page of pages) assert.deepEqual(await log(page), ['open', ...expected(1, 30)]);
    await until(() => t.stream.open.size === 1);
  }],

  ['a tab that joins late gets open and what follows; one tab\'s close() leaves the others running', async (t) => {
    const pages = await openTabs(t, 2);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(10);
    for (const page of pages) await logReaches(page, 11);
    const late = await openTab(t);
    await lastIs(late, 'open');
    t.stream.emit(10);
    for (const page of [...pages, late]) await logReaches(page, page === late ? 11 : 21);
    assert.deepEqual(await log(late), ['open', ...expected(11, 20)]);
    // A second instance in a tab that already reads the stream: open, then what follows.
    await late.evaluate((u) => window.make(u), t.server.url(t.stream.path));
    await lastIs(late, 'open', 1);
    const first = await holder([...pages, late]);
    const follower = pages.find((p) => p !== first);
    await follower.evaluate(() => window.sources[0].close());
    t.stream.emit(5);
    for (const page of pages.filter((p) => p !== follower)) await logReaches(page, 26);
    await logReaches(late, 6, 1);
    assert.deepEqual(await log(late, 1), ['open', ...expected(21, 25)]);
    assert.equal(t.stream.requests.length, 1);
  }],

  ['the last close() in the last tab ends the server\'s stream', async (t) => {
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(3);
    for (const page of pages) await logReaches(page, 4);
    // Followers first, then the holder: the stream stays until the last one.
    const first = await holder(pages);
    for (const page of pages.filter((p) => p !== first)) await page.evaluate(() => window.sources[0].close());
    t.stream.emit(2);
    await logReaches(first, 6);
    assert.equal(t.stream.open.size, 1);
    await first.evaluate(() => window.sources[0].close());
    await t.stream.drained();
    assert.equal(t.stream.requests.length, 1);
  }],

  ['the tab that takes over reconnects with the reconnection time the stream set (retry:) on the first connection', async (t) => {
    const stream = ticker(t.server, '/retry', 250);
    const pages = await openTabs(t, 3, { url: '/retry' });
    for (const page of pages) await lastIs(page, 'open');
    stream.emit(3);
    for (const page of pages) await logReaches(page, 4);
    const first = await holder(pages);
    await first.evaluate(() => window.sources[0].close());
    const others = pages.filter((p) => p !== first);
    await until(() => stream.requests.length === 2 && stream.open.size === 1);
    stream.end();
    for (const page of others) await lastIs(page, 'error:0:end');
    // The extended error details: with no backoff, the reconnection delay is the reconnection time.
    for (const page of others) assert.deepEqual(await page.evaluate(() => window.delays), [250]);
  }],

  ['reconnection and failure reach every tab: error with CONNECTING, open again, then error with CLOSED and its details', async (t) => {
    const pages = await openTabs(t, 3, { init: { reconnectionTime: 0 } });
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(3);
    for (const page of pages) await logReaches(page, 4);
    t.stream.end();
    for (const page of pages) await logReaches(page, 6);
    t.stream.emit(2);
    for (const page of pages) await logReaches(page, 8);
    t.stream.failNext(1);
    t.stream.end();
    for (const page of pages) await lastIs(page, 'error:2:response:503');
    const want = ['open', ...expected(1, 3), 'error:0:end', 'open', ...expected(4, 5), 'error:0:end', 'error:2:response:503'];
    for (const page of pages) assert.deepEqual(await log(page), want);
    // Three requests: the first, the reconnection after each end. The holder's failure and its lock reach the
    // other tabs by different ways (BroadcastChannel, Web Locks), which nothing orders: a tab granted the lock
    // before the failure reached it may have sent a fourth request, from the same last event ID, before it closes
    // (hub.ts, takeOver). That one, at most, is allowed; nothing else.
    const [first, second, third, ...rest] = t.stream.requests;
    assert.deepEqual([first, second, third], [null, '3', '4']);
    assert.ok(rest.length <= 1 && rest.every((id) => id === '4'), 'requests (Last-Event-ID of each): ' + JSON.stringify(t.stream.requests));
    await t.stream.drained();
  }],

  ['without Web Locks and BroadcastChannel: one connection per tab, every tab still correct', async (t) => {
    await t.context.addInitScript(REMOVE_SHARING);
    const pages = await openTabs(t, 3);
    for (const page of pages) await lastIs(page, 'open');
    t.stream.emit(12);
    for (const page of pages) await logReaches(page, 13);
    for (const page of pages) assert.deepEqual(await log(page), ['open', ...expected(1, 12)]);
    assert.equal(t.stream.requests.length, 3);
    assert.deepEqual(await Promise.all(pages.map(fetches)), [1, 1, 1]);
    await pages[0].evaluate(() => window.sources[0].close());
    t.stream.emit(2);
    for (const page of pages.slice(1)) await logReaches(page, 15);
    await until(() => t.stream.open.size === 2);
    for (const page of pages.slice(1)) await page.evaluate(() => window.sources[0].close());
    await t.stream.drained();
  }],
];

scenarios.push(['an old browser (no fetch, streams, EventTarget or sharing): each tab reads its own XMLHttpRequest stream, correctly', async (t) => {
  await t.context.addInitScript(REMOVE_MODERN);
  const pages = await openTabs(t, 2);
  for (const page of pages) await lastIs(page, 'open');
  t.stream.emit(12);
  for (const page of pages) await logReaches(page, 13);
  for (const page of pages) assert.deepEqual(await log(page), ['open', ...expected(1, 12)]);
  assert.equal(t.stream.requests.length, 2);
  assert.deepEqual(await pages[0].evaluate(() => [typeof fetch, typeof EventTarget, typeof BroadcastChannel]), ['undefined', 'undefined', 'undefined']);
  for (const page of pages) await page.evaluate(() => window.sources[0].close());
  await t.stream.drained();
}]);

scenarios.push(['a sandboxed frame (opaque origin: its lock request is refused) reads its own connection; the tabs share theirs', async (t) => {
  const pages = await openTabs(t, 2);
  for (const page of pages) await lastIs(page, 'open');
  await pages[0].evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.sandbox = 'allow-scripts';
    frame.src = src;
    document.body.appendChild(frame);
  }, t.server.url('/page'));
  await until(() => pages[0].frames().length === 2);
  const frame = pages[0].frames()[1];
  await frame.waitForFunction(() => typeof window.make === 'function', null, { timeout: 0, polling: 5 });
  assert.equal(await frame.evaluate(() => self.origin), 'null');
  // Web Locks and BroadcastChannel are there, but a lock request is refused: the frame falls back on its own.
  assert.equal(await frame.evaluate(() => navigator.locks.request('x', () => 1).then(String, (e) => e.name)), 'SecurityError');
  await frame.evaluate((u) => window.make(u), t.server.url(t.stream.path));
  await frame.waitForFunction(() => window.logs[0].indexOf('open') >= 0, null, { timeout: 0, polling: 5 });
  t.stream.emit(6);
  for (const page of pages) await logReaches(page, 7);
  await frame.waitForFunction(() => window.logs[0].length >= 7, null, { timeout: 0, polling: 5 });
  for (const page of pages) assert.deepEqual(await log(page), ['open', ...expected(1, 6)]);
  assert.deepEqual(await frame.evaluate(() => window.logs[0]), ['open', ...expected(1, 6)]);
  assert.equal(t.stream.requests.length, 2, 'one request for the tabs, one for the frame');
}]);

// --- The runner ----------------------------------------------------------------------------------------------------

const only = process.argv[2];
let passed = 0;
let failed = 0;
const executablePath = findChromium();
let browser;
if (!executablePath) {
  failed++;
  console.log('FAIL launch: Chromium not found: install chromium or set CHROMIUM_PATH');
} else {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], ignoreDefaultArgs: ['--disable-back-forward-cache'] });
}
const script = readFileSync(IIFE_PATH, 'utf8');
console.log('SharedEventSource in tabs of one Chromium profile (' + basename(IIFE_PATH) + ')');
for (const [name, fn] of browser ? scenarios : []) {
  if (only && !name.includes(only)) continue;
  const server = await startServer();
  server.handle('/page', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE));
  server.handle('/elsewhere', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
  server.handle('/shared.js', (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script));
  const context = await browser.newContext();
  await context.addInitScript(COUNT_FETCHES);
  const t = { server, context, stream: ticker(server), errors: [] };
  const start = Date.now();
  try {
    tabsOpened = [];
    waiting.clear();
    await guard(fn(t), SCENARIO_BOUND, 'scenario still waiting after ' + SCENARIO_BOUND + ' ms');
    assert.deepEqual(t.errors, [], 'no uncaught error in any page');
    passed++;
    console.log('  ok   ' + name + ' (' + (Date.now() - start) + ' ms)');
  } catch (error) {
    failed++;
    // What the scenario still waited for, and what each tab logged (a tab that does not answer in 5 s says so).
    const logs = await Promise.all(tabsOpened.map((page) => guard(page.evaluate(() => window.logs), 5000, 'no answer').catch(String)));
    const detail = [String(error && error.stack ? error.stack : error)]
      .concat([...waiting].map((label) => 'waiting for ' + label), logs.map((l, i) => 'tab ' + i + ': ' + JSON.stringify(l)));
    console.log('  FAIL ' + name + '\n       ' + detail.join('\n').split('\n').join('\n       '));
  } finally {
    await context.close().catch(() => {});
    await server.close();
  }
}
if (browser) await browser.close();
console.log('Chromium (shared): ' + passed + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
