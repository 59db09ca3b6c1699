// The end-to-end benchmark's tables (printed, and rendered into bench/README.md between their own markers with
// --write) and its targets. Nothing here measures anything.
import { VERDICT_WORDS, check, fixed, formatInterval, intervalWords, markdownTable, runFacts, summary, tally, writeBetweenMarkers } from './report.mjs';
import { interval, median, relativeSpread } from './stats.mjs';

export const E2E_TARGETS = {
  vsUndici: 1.2, // ours' events/s as a multiple of undici's EventSource's
  firstEventMs: 0.2, // ours' median time to first event minus raw fetch's, in ms
  memoryBytes: 1024, // ours' heapUsed + external per idle connection minus raw fetch's, in bytes
};

export const E2E_START = '<!-- e2e-results:start -->';
export const E2E_END = '<!-- e2e-results:end -->';

const LABELS = {
  fetch: 'raw fetch + reader, counts bytes (ceiling)',
  ours: 'ours (`dist/index.js`)',
  undici: "undici's `EventSource`",
  eventsource: '`eventsource` (npm)',
  'fetch-node': "raw fetch on Node's global fetch (info)",
  'ours-node': "ours on Node's global fetch (info)",
  'fetch-signal': 'raw fetch + an AbortSignal per request (info)',
  floor: 'the same + an EventTarget with 2 listeners (info: the floor)',
};

/** f(a, b) for each round in which both `a` and `b` have a run: the pairs the verdicts are taken from. */
function byRound(a = [], b = [], f) {
  const other = new Map(b.map((r) => [r.round, r]));
  return a.filter((r) => other.has(r.round)).map((r) => f(r, other.get(r.round)));
}

const failed = (results, part) => results.failures.filter((f) => f.workload === `e2e ${part}`).length;
const count = (n) => n.toLocaleString('en-US');

/** "±3%": relativeSpread as a percentage; empty for a single round. */
function spread(values) {
  return values.length > 1 ? `±${Math.round(relativeSpread(values) * 100)}%` : '';
}

function ms(x) {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}

function signedMs(x) {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)} ms`;
}

function signedKib(bytes) {
  return `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(2)} KiB`;
}

function perSecond(x) {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`;
}

function throughputSection(results, checks) {
  const t = results.throughput;
  const events = results.sizes.events;
  const names = Object.keys(LABELS).filter((name) => t[name]?.length);
  const rate = (name) => events / (median(t[name].map((r) => r.ms)) / 1000);
  const ceiling = t.fetch?.length ? rate('fetch') : NaN;
  // Per round: the client's time ÷ ours in the same round (ours' events/s as a multiple of the client's).
  const vsOurs = (name) => interval(byRound(t[name], t.ours, (client, ours) => client.ms / ours.ms));
  const rows = names.map((name) => {
    const times = t[name].map((r) => r.ms);
    const cpu = median(t[name].map((r) => r.cpuMs));
    return [
      LABELS[name],
      `${ms(median(times))} ${spread(times)}`,
      perSecond(rate(name)),
      `${Math.round((cpu * 1e6) / events)} ns`,
      fixed(rate(name) / ceiling),
      name === 'ours' || name.startsWith('fetch') ? '' : formatInterval(vsOurs(name)),
    ];
  });
  if (t.ours?.length && t.undici?.length) {
    check(checks, `throughput: ours ≥ ${E2E_TARGETS.vsUndici}× undici's EventSource (events/s)`, vsOurs('undici'), E2E_TARGETS.vsUndici, true, (x) => fixed(x) + '×');
  }
  return [
    `### Throughput: ${count(events)} events over loopback`,
    '',
    `Median over the rounds of the time from creating the client to its ${count(events)}th \`message\` event (raw ` +
      'fetch: to the last byte), after a warm-up stream in the same process; ± is half the range across rounds. ' +
      'Events/s = events ÷ median time. Client CPU is user + system time of the client process over the same span, ' +
      'per event. "Ours ÷ client" is paired: per round, the client\'s time ÷ ours, median and ' +
      `${intervalWords(results.meta.rounds)} in brackets. ` +
      (failed(results, 'throughput')
        ? `**${failed(results, 'throughput')} run(s) FAILED their check** (wrong event count or data length; see the ` +
          'failures printed by the run); the rows show the runs that passed.'
        : `Every run was checked: each EventSource received exactly ${count(events)} events with the expected total ` +
          'data length, and raw fetch exactly the bytes sent.'),
    '',
    markdownTable(
      ['Client', `Time for ${count(events)}`, 'Events/s', 'Client CPU / event', '÷ ceiling', 'Ours ÷ client'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
}

function firstEventSection(results, checks) {
  const runs = results.first;
  const names = Object.keys(runs[0].medianMs);
  const order = Object.keys(LABELS).filter((name) => names.includes(name));
  const pooled = (name) => runs.flatMap((r) => r.samples[name]).sort((a, b) => a - b);
  // Per round (one process): the client's median − raw fetch's median in the same process.
  const diff = (name) => interval(runs.map((r) => r.medianMs[name] - r.medianMs.fetch));
  const rows = order.map((name) => {
    const medians = runs.map((r) => r.medianMs[name]);
    const all = pooled(name);
    return [
      LABELS[name],
      ms(median(medians)),
      spread(medians),
      ms(all[Math.min(all.length - 1, Math.floor(all.length * 0.9))]),
      name === 'fetch' ? '' : formatInterval(diff(name), '', signedMs),
    ];
  });
  check(checks, `time to first event: ours − raw fetch ≤ ${E2E_TARGETS.firstEventMs} ms`, diff('ours'), E2E_TARGETS.firstEventMs, false, signedMs);
  const n = results.sizes.firstCount;
  return [
    '### Time to first event',
    '',
    `Fresh connection → first \`message\` event (raw fetch: \`fetch()\` call → the chunk holding the event). Each ` +
      `round is one fresh process in which the clients take turns, one new connection each, ${results.sizes.firstWarmup} ` +
      `untimed turns then ${n} timed ones, so every client gets ${n} fresh connections per round. "Median" is the ` +
      `median over the rounds of each process's median; ± is half their range; p90 is over all ` +
      `${n * runs.length} connections; "− raw fetch" is paired: per round, (client median − raw fetch median) ` +
      `within the same process; its median over the rounds and, in brackets, their ${intervalWords(results.meta.rounds)}.`,
    '',
    markdownTable(['Client', 'Median', '±', 'p90', '− raw fetch'], rows, ['l', 'r', 'r', 'r', 'r']),
  ];
}

function memorySection(results, checks) {
  const mem = results.memory;
  const order = Object.keys(LABELS).filter((name) => mem[name]?.length);
  const m = (name, field) => median(mem[name].map((r) => r[field]));
  // Per round: the client's bytes per connection − raw fetch's.
  const extra = (name) => interval(byRound(mem[name], mem.fetch, (a, b) => a.jsPerConnection - b.jsPerConnection));
  const rows = order.map((name) => [
    LABELS[name],
    kib(m(name, 'jsPerConnection')),
    kib(m(name, 'heapPerConnection')),
    kib(m(name, 'externalPerConnection')),
    `${kib(m(name, 'rssPerConnection'))} ${spread(mem[name].map((r) => r.rssPerConnection))}`,
    name === 'fetch' || !mem.fetch ? '' : formatInterval(extra(name), '', signedKib),
  ]);
  if (mem.ours && mem.fetch) {
    check(
      checks,
      `memory per idle connection: ours ≤ raw fetch + ${E2E_TARGETS.memoryBytes / 1024} KiB (heapUsed + external)`,
      extra('ours'),
      E2E_TARGETS.memoryBytes,
      false,
      signedKib,
    );
  }
  const { memoryBase, memoryCount } = results.sizes;
  return [
    '### Memory per idle connection',
    '',
    `One fresh process per client and round opens ${memoryBase} connections to a silent stream (headers and one ` +
      `comment, then nothing) and keeps them open, measures, opens ${count(memoryCount)} more (100 at a time, each ` +
      'one open before the next batch) and measures again; the table shows (after − before) ÷ ' +
      `${count(memoryCount)}, medians over the rounds; "− raw fetch" is paired per round, in brackets its ` +
      `${intervalWords(results.meta.rounds)}. Each measurement follows 200 ms of quiet and four ` +
      '`global.gc()` calls. `heapUsed + external` is what the program holds (the target uses it); RSS is what the OS ' +
      'sees (± is half its range across rounds; the JS columns barely vary). Raw fetch holds each response with ' +
      'its reader, the first chunk read and a second `read()` pending.',
    '',
    markdownTable(
      ['Client', 'heapUsed + external', 'of which heap', 'of which external', 'RSS', '− raw fetch'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
}

function dispatchSection(results) {
  const d = results.dispatch;
  const variants = Object.keys(d);
  const ns = (v) => median(d[v].map((r) => r.nsPerEvent));
  const rows = variants.map((v) => [
    `\`${v}\`: ${d[v][0].title}`,
    `${ns(v).toFixed(ns(v) < 10 ? 1 : 0)} ns`,
    perSecond(1e9 / ns(v)),
  ]);
  const parts = [
    '### Creating and dispatching events (Node, in isolation)',
    '',
    `One fresh process per variant and round: ${count(results.sizes.dispatchIterations)} events delivered to one ` +
      'listener (it counts them and adds up `data.length`) on one `EventTarget`, 16-24-character data strings; one ' +
      'warm-up pass, then the median of five timed passes, median over the rounds. Informational: it shows what ' +
      "an EventSource in Node pays per event before parsing anything. (The plain callback's object never escapes, " +
      'so V8 does not even allocate it.)',
    '',
    markdownTable(['Variant', 'Per event', 'Events/s if that were all'], rows, ['l', 'r', 'r']),
  ];
  const t = results.throughput;
  if (t.ours?.length && d['message-event']?.length) {
    const oursNs = median(t.ours.map((r) => r.ms)) * 1e6 / results.sizes.events;
    const share = ns('message-event') / oursNs;
    parts.push(
      '',
      `Ours took ${oursNs.toFixed(0)} ns of wall time per event end to end; \`new MessageEvent\` + \`dispatchEvent\` ` +
        `alone cost ${ns('message-event').toFixed(0)} ns (${Math.round(share * 100)}%) in this loop.`,
    );
  }
  return parts;
}

/** The whole end-to-end results section. Returns { markdown, checks }. */
export function renderE2E(results) {
  const checks = [];
  const m = results.meta;
  const parts = [
    runFacts(
      { ...m, node: `${m.node} (its bundled undici ${m.nodeUndici})`, versions: `${m.ours}, ${m.undici}, ${m.eventsource}` },
      results.load,
    ) + ' · one fresh client process per measurement, server in its own process',
    '',
    VERDICT_WORDS,
  ];
  if (results.parts.includes('throughput')) parts.push('', ...throughputSection(results, checks));
  if (results.parts.includes('first-event') && results.first.length) parts.push('', ...firstEventSection(results, checks));
  if (results.parts.includes('memory')) parts.push('', ...memorySection(results, checks));
  if (results.parts.includes('dispatch')) parts.push('', ...dispatchSection(results));
  parts.push(
    '',
    `### End-to-end targets: ${tally(checks)}`,
    '',
    ...summary(checks),
  );
  return { markdown: parts.join('\n'), checks };
}

/** Puts the results between the e2e markers of bench/README.md, appending a section if the markers are missing. */
export function writeE2EReadme(path, markdown) {
  writeBetweenMarkers(path, E2E_START, E2E_END, markdown, '## End-to-end results\n\n');
}
