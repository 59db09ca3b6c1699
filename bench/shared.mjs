// SharedEventSource in headless Chromium: what sharing costs and how fast a handover is.
//   node bench/shared.mjs [--tabs=5] [--events=400] [--handovers=15]
// Standalone (npm run bench does not run it). Prints two figures, each as median and p99 (ms):
//   relay delay   for each event, when a tab that reads it through the holder dispatches it, minus when the holder
//                 tab's own listener did: the extra delay of a relayed event over a direct one;
//   handover      from closing the tab that holds the connection (page.close(), taken just before the call) to
//                 the first event of the new connection in the tab that takes over.
// Times are performance.timeOrigin + performance.now() in each tab (one clock, the machine's), and Date.now() in
// Node for the moment of the close. Uses dist/eventsource.shared.iife.min.js and the fixture server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../test/helpers/chromium.mjs';
import { startServer } from '../test/helpers/sse-server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const option = (name, fallback) => Number((process.argv.find((a) => a.startsWith('--' + name + '=')) || '').split('=')[1]) || fallback;
const TABS = option('tabs', 5);
const EVENTS = option('events', 400);
const HANDOVERS = option('handovers', 15);

const PAGE = `<!doctype html><script src="/shared.js"></script><script>
  window.seen = {};
  window.fetches = 0;
  var original = window.fetch;
  window.fetch = function () { window.fetches++; return original.apply(this, arguments); };
  window.source = new WhatwgEventSource.SharedEventSource('/stream');
  source.onopen = function () { window.opened = true; };
  source.onmessage = function (event) { seen[event.data] = performance.timeOrigin + performance.now(); };
</script>`;

const percentile = (values, p) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const figure = (values) => 'median ' + percentile(values, 0.5).toFixed(2) + ' ms, p99 ' + percentile(values, 0.99).toFixed(2) + ' ms (n=' + values.length + ')';

const server = await startServer();
const script = readFileSync(root + 'dist/eventsource.shared.iife.min.js', 'utf8');
const open = new Set();
let connections = 0;
// Each connection starts with a `handover` event naming its number; then every event the bench emits.
server.handle('/page', (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE));
server.handle('/shared.js', (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script));
server.handle('/stream', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  res.socket.setNoDelay(true);
  res.write('data: connection ' + ++connections + '\n\n');
  open.add(res);
  res.on('close', () => open.delete(res));
});
const emit = (data) => {
  for (const res of open) res.write('data: ' + data + '\n\n');
};

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const context = await browser.newContext();
const tabs = [];
async function newTab() {
  const page = await context.newPage();
  await page.goto(server.url('/page'));
  await page.waitForFunction(() => window.opened, null, { timeout: 0, polling: 5 });
  tabs.push(page);
  return page;
}
async function holder() {
  const counts = await Promise.all(tabs.map((p) => p.evaluate(() => window.fetches)));
  return tabs[counts.indexOf(Math.max(...counts))];
}
const until = async (check) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 2));
};

for (let i = 0; i < TABS; i++) await newTab();

// Relay delay: events one per 5 ms, so that each is dispatched on its own.
const relay = [];
{
  const first = await holder();
  for (let n = 0; n < EVENTS; n++) {
    emit('e' + n);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const last = 'e' + (EVENTS - 1);
  for (const page of tabs) await page.waitForFunction((d) => d in window.seen, last, { timeout: 0, polling: 5 });
  const seen = await Promise.all(tabs.map((p) => p.evaluate(() => window.seen)));
  const own = seen[tabs.indexOf(first)];
  for (let t = 0; t < tabs.length; t++) {
    if (tabs[t] === first) continue;
    for (let n = 0; n < EVENTS; n++) relay.push(seen[t]['e' + n] - own['e' + n]);
  }
}

// Handover: close the holder; the new connection's first event is `connection <n>`, timed in the tab that took
// over. A new tab keeps the count.
const handover = [];
for (let h = 0; h < HANDOVERS; h++) {
  const first = await holder();
  const next = connections + 1;
  tabs.splice(tabs.indexOf(first), 1);
  const closed = Date.now();
  await first.close();
  await until(() => connections === next);
  const marker = 'connection ' + next;
  for (const page of tabs) await page.waitForFunction((d) => d in window.seen, marker, { timeout: 0, polling: 5 });
  const taker = await holder();
  handover.push((await taker.evaluate((d) => window.seen[d], marker)) - closed);
  await newTab();
}

console.log('SharedEventSource in ' + TABS + ' tabs of headless Chromium (dist/eventsource.shared.iife.min.js)');
console.log('  relay delay (a follower tab minus the holder tab, per event): ' + figure(relay));
console.log('  handover (holder tab closed -> first event in the tab that took over): ' + figure(handover));
await browser.close();
await server.close();
