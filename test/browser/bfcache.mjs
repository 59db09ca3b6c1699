// The back/forward cache, measured (issue 14): in each engine, for the native EventSource, the plain script tag's
// class and (given SHARED_IIFE, a built dist/eventsource.shared.iife.min.js) the shared class, is a page with an
// open source restored from the cache, what happens to its connection, and are the events the server sent while it
// was cached lost, repeated or delivered late?
//
//   node test/browser/bfcache.mjs [--engine=chromium,firefox,webkit] [--mode=none,native,polyfill,extended,shared] [--json]
//
// One fresh server per engine and mode, whose events are numbered and which resumes after Last-Event-ID:
//   1. page A opens a source; event 1 arrives;
//   2. the browser navigates to page B (same origin); A goes into the cache if the engine lets it;
//   3. the server sends events 2 and 3 to the connections it still has;
//   4. page B goes back; once A answers again (restored, or loaded afresh), the server sends event 4, and
//      the run waits until A has it (hang guard: 20 s, which counts as "never").
// What the page logged (pagehide/pageshow with persisted, open, messages, error with readyState) and what the server
// saw (each request's Last-Event-ID, when each socket closed) are classified into one row. This is a measurement,
// not a test: it prints a table and exits 0. Chromium is launched without Playwright's --disable-back-forward-cache.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { engines, installed } from './engines.mjs';

const root = join(new URL('.', import.meta.url).pathname, '../..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v === undefined ? true : v];
  }),
);
const engineNames = (args.engine || 'chromium,firefox,webkit').split(',');
const SCRIPTS = {
  polyfill: join(root, 'dist/eventsource.iife.min.js'),
  extended: join(root, 'dist/eventsource.extended.iife.min.js'),
  shared: process.env.SHARED_IIFE,
};
const modeNames = (args.mode || 'none,native,polyfill,extended' + (SCRIPTS.shared ? ',shared' : '')).split(',');
const CONSTRUCTORS = {
  native: 'window.EventSource',
  polyfill: 'WhatwgEventSource.EventSource',
  extended: 'WhatwgEventSource.ExtendedEventSource',
  shared: 'WhatwgEventSource.SharedEventSource',
  // The control: the same page with no source at all (does the engine, so driven, cache pages?).
  none: null,
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pageA(mode) {
  return `<!doctype html><title>A</title>${SCRIPTS[mode] ? '<script src="/script.js"></script>' : ''}<script>
  var log = [];
  function note(s) { log.push(s); }
  addEventListener('pagehide', function (e) { note('pagehide:' + e.persisted); });
  addEventListener('pageshow', function (e) {
    var reasons = '';
    try {
      var nav = performance.getEntriesByType('navigation')[0];
      if (nav && nav.notRestoredReasons) reasons = JSON.stringify(nav.notRestoredReasons.reasons || []);
    } catch (error) {}
    note('pageshow:' + e.persisted + (reasons && reasons !== '[]' ? ':' + reasons : ''));
  });
  var source = ${CONSTRUCTORS[mode] ? 'new ' + CONSTRUCTORS[mode] + "('/events')" : '{}'};
  source.onopen = function () { note('open'); };
  source.onmessage = function (e) { note('m' + e.data); };
  source.onerror = function () { note('error:' + source.readyState); };
  if (!source.close) note('open');
  window.aLog = function () { return log.concat('readyState:' + source.readyState); };
</script>`;
}
const PAGE_B = `<!doctype html><title>B</title><script>
  window.goBack = function () { setTimeout(function () { history.back(); }, 0); return 'ok'; };
</script>`;

async function startServer(mode) {
  let last = 0;
  let live = new Set();
  const connections = [];
  const phase = { name: 'start' };
  const send = (res, id) => res.write('id: ' + id + '\ndata: ' + id + '\n\n');
  const server = createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/a') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(pageA(mode));
    if (path === '/b') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE_B);
    if (path === '/script.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(SCRIPTS[mode]));
    if (path !== '/events') return void res.writeHead(404).end();
    const header = req.headers['last-event-id'];
    const connection = { lastEventId: header, opened: phase.name, closed: null };
    connections.push(connection);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(':\n');
    for (let id = Number(header || 0) + 1; id <= last; id++) send(res, id);
    live.add(res);
    res.on('close', () => {
      live.delete(res);
      connection.closed = phase.name;
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (path) => 'http://127.0.0.1:' + server.address().port + path,
    phase,
    connections,
    emit() {
      last++;
      for (const res of live) send(res, last);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Calls window[name]() until the page answers (it may be navigating), up to `ms`. */
async function poll(page, check, what, ms = 20000) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await page.call('aLog');
      if (check(last)) return last;
    } catch (error) {
      last = String(error.message || error).slice(0, 80);
    }
    if (Date.now() - start > ms) return { timeout: what, last };
    await sleep(50);
  }
}

async function measure(browser, mode) {
  const server = await startServer(mode);
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/a'));
    let log = await poll(page, (l) => l.includes('open'), 'open');
    if (log.timeout) return { failed: 'no open: ' + JSON.stringify(log.last) };
    server.emit();
    if (mode !== 'none') log = await poll(page, (l) => l.includes('m1'), 'm1');
    if (log.timeout) return { failed: 'no m1' };
    server.phase.name = 'away';
    await page.goto(server.url('/b'));
    // Time for a connection the cache closes to close (what must happen when it does; only waited for).
    await sleep(1000);
    server.emit();
    server.emit();
    server.phase.name = 'back';
    await page.call('goBack');
    log = await poll(page, (l) => Array.isArray(l) && l.some((x) => x.startsWith('pageshow')) && (l.length > 3 || l.includes('open')), 'page A again');
    if (log.timeout) return { failed: 'page A did not come back: ' + JSON.stringify(log.last) };
    // Time for a restored page to reconnect, or for held events to arrive, before event 4.
    await sleep(1000);
    server.phase.name = 'after';
    server.emit();
    if (mode === 'none') return { control: await page.call('aLog') };
    log = await poll(page, (l) => l.includes('m4'), 'm4');
    const timedOut = !!log.timeout;
    if (timedOut) log = await page.call('aLog');
    return { log, timedOut, connections: server.connections.map((c) => ({ ...c })) };
  } finally {
    await page.close().catch(() => {});
    await server.close();
  }
}

function classify(result) {
  if (result.failed) return { restored: '?', note: result.failed };
  if (result.control) return { restored: result.control.some((x) => x.startsWith('pageshow:true')) ? 'yes' : 'no', log: result.control.join(' ') };
  const { log, timedOut, connections } = result;
  const restoredShow = log.find((x) => x.startsWith('pageshow:true'));
  const restored = !!restoredShow;
  const lastShow = log.filter((x) => x.startsWith('pageshow'));
  const first = connections[0];
  const entry = first.closed === 'away' ? 'closed on entry' : first.closed === 'back' ? 'closed at restore' : first.closed ? 'closed ' + first.closed : 'kept open';
  const later = connections.slice(1).map((c) => 'req ' + c.opened + (c.lastEventId ? ' LEI=' + c.lastEventId : ' no LEI'));
  const messages = log.filter((x) => /^m\d+$/.test(x));
  const count = (id) => messages.filter((m) => m === 'm' + id).length;
  const idx = (s) => log.indexOf(s);
  const showIdx = log.lastIndexOf(lastShow[lastShow.length - 1]);
  const cached = [2, 3].map((id) => {
    const n = count(id);
    if (!n) return id + ' lost';
    const when = idx('m' + id) > showIdx ? 'after restore' : 'before pageshow';
    return id + (n > 1 ? ' x' + n : '') + ' ' + when;
  });
  const errors = log.filter((x) => x.startsWith('error'));
  return {
    restored: restored ? 'yes' : 'no: ' + (lastShow.map((x) => x.replace(/^pageshow:false:?/, '')).join(' ') || 'reloaded'),
    connection: entry,
    reconnects: later.join('; ') || 'none',
    events2and3: restored ? cached.join(', ') : 'page reloaded: ' + cached.join(', '),
    event4: timedOut ? 'never (20 s)' : 'yes' + (count(4) > 1 ? ' x' + count(4) : ''),
    repeated: [1, 2, 3, 4].filter((id) => count(id) > 1).join(',') || 'none',
    errors: errors.join(' ') || 'none',
    final: log[log.length - 1],
    log: log.join(' '),
  };
}

const rows = [];
for (const name of engineNames) {
  const engine = engines[name];
  const path = engine.find();
  if (!installed(path)) {
    console.log(engine.label + ': not installed');
    continue;
  }
  const browser = await engine.launch(path, { bfcache: true });
  try {
    for (const mode of modeNames) {
      if (!SCRIPTS[mode] && mode !== 'native' && mode !== 'none') continue;
      const row = { engine: engine.label + ' ' + browser.version, mode, ...classify(await measure(browser, mode)) };
      rows.push(row);
      console.log(args.json ? JSON.stringify(row) : Object.values(row).join(' | '));
    }
  } finally {
    await browser.close();
  }
}
process.exit(0);
