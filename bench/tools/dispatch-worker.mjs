// The cost of creating and dispatching events in Node, in isolation: one variant per fresh process, printed as one
// line of JSON on stdout. Started by bench/e2e.mjs as
//   node --expose-gc bench/dispatch-worker.mjs <variant> [--iterations N]
// Every variant hands the listener one event per iteration, for `iterations` events, with the data strings the
// throughput benchmark sends (16-24 characters; 1,024 distinct ones, cycled). The listener does what the
// throughput clients do: count, and add up data.length. One untimed warm-up pass, then five timed passes
// (gc() before each); the median pass gives ns per event.
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { median } from '../stats.mjs';

const [variant] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const at = process.argv.indexOf('--iterations');
const iterations = at === -1 ? 200_000 : Number(process.argv[at + 1]);
if (typeof globalThis.gc !== 'function') fail('run with --expose-gc (bench/e2e.mjs does this)');

const ORIGIN = 'http://127.0.0.1:8080';
const LAST_EVENT_ID = '';
const DATA = [];
{
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :';
  let seed = 0x5eed;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8);
  for (let i = 0; i < 1024; i++) {
    let s = '';
    const n = 16 + (next() % 9);
    for (let j = 0; j < n; j++) s += alphabet[next() & 63];
    DATA.push(s);
  }
}

let count = 0;
let chars = 0;
function countData(event) {
  count++;
  chars += event.data.length;
}
function countOnly() {
  count++;
}

/** Each variant: setup() returns run(n), which delivers n events to a listener like countData. */
const VARIANTS = {
  // The floor: a plain function call with a plain object { type, data, origin, lastEventId }.
  callback: {
    title: 'plain callback, plain object { type, data, origin, lastEventId }',
    setup() {
      const listener = countData;
      return (n) => {
        for (let i = 0; i < n; i++) {
          listener({ type: 'message', data: DATA[i & 1023], origin: ORIGIN, lastEventId: LAST_EVENT_ID });
        }
      };
    },
  },
  event: {
    title: "new Event('message') + dispatchEvent (no data)",
    setup() {
      const target = new EventTarget();
      target.addEventListener('message', countOnly);
      return (n) => {
        for (let i = 0; i < n; i++) target.dispatchEvent(new Event('message'));
      };
    },
  },
  'message-event': {
    title: "new MessageEvent('message', { data, origin, lastEventId }) + dispatchEvent",
    setup() {
      const target = new EventTarget();
      target.addEventListener('message', countData);
      return (n) => {
        for (let i = 0; i < n; i++) {
          target.dispatchEvent(
            new MessageEvent('message', { data: DATA[i & 1023], origin: ORIGIN, lastEventId: LAST_EVENT_ID }),
          );
        }
      };
    },
  },
  // The two halves of the line above, apart.
  'message-event-create': {
    title: 'new MessageEvent(...) only, and read its data (no dispatch)',
    setup() {
      return (n) => {
        for (let i = 0; i < n; i++) {
          countData(new MessageEvent('message', { data: DATA[i & 1023], origin: ORIGIN, lastEventId: LAST_EVENT_ID }));
        }
      };
    },
  },
  'message-event-dispatch': {
    title: 'dispatchEvent of one MessageEvent, created once (dispatch only)',
    setup() {
      const target = new EventTarget();
      target.addEventListener('message', countData);
      const event = new MessageEvent('message', { data: DATA[0], origin: ORIGIN, lastEventId: LAST_EVENT_ID });
      return (n) => {
        for (let i = 0; i < n; i++) target.dispatchEvent(event);
      };
    },
  },
  // What undici's EventSource does: its MessageEvent class, created past the WebIDL dictionary conversion.
  'undici-fast-message-event': {
    title: "undici's createFastMessageEvent (its EventSource's path) + dispatchEvent",
    setup() {
      const require = createRequire(import.meta.url);
      const { createFastMessageEvent } = require('undici/lib/web/websocket/events.js');
      const target = new EventTarget();
      target.addEventListener('message', countData);
      return (n) => {
        for (let i = 0; i < n; i++) {
          target.dispatchEvent(
            createFastMessageEvent('message', { data: DATA[i & 1023], origin: ORIGIN, lastEventId: LAST_EVENT_ID }),
          );
        }
      };
    },
  },
};

const spec = VARIANTS[variant];
if (!spec) fail(`unknown variant ${variant}; known: ${Object.keys(VARIANTS).join(', ')}`);
const run = spec.setup();

gc();
run(iterations);
const times = [];
for (let pass = 0; pass < 5; pass++) {
  count = 0;
  chars = 0;
  gc();
  const start = performance.now();
  run(iterations);
  times.push(performance.now() - start);
}
const expectedCount = iterations;
let expectedChars = 0;
if (variant !== 'event') {
  for (let i = 0; i < iterations; i++) expectedChars += variant === 'message-event-dispatch' ? DATA[0].length : DATA[i & 1023].length;
}
const ok = count === expectedCount && chars === expectedChars;
console.log(
  JSON.stringify({
    mode: 'dispatch', variant, title: spec.title, iterations, ok,
    message: ok ? undefined : `${variant}: ${count} events / ${chars} chars, expected ${expectedCount} / ${expectedChars}`,
    nsPerEvent: (median(times) * 1e6) / iterations,
    times,
  }),
);

function fail(message) {
  console.error(`dispatch-worker: ${message}`);
  process.exit(2);
}
