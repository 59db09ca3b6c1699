// Turns the collected measurements into markdown tables (printed, and rendered into bench/README.md with --write),
// judges the targets, and keeps the raw results (bench/results/). Nothing here measures anything.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERDICT, interval, judge, median, paired, relativeSpread } from './stats.mjs';

export const TARGETS = {
  vsBaseline: 0.8, // ours' throughput as a fraction of the baseline's, every workload
  vsEsp: 1.25, // ours' throughput as a multiple of eventsource-parser's, every workload
  peakMemory: 1.5, // W3: peak heapUsed + external above the level before parsing, in line sizes
  scaling: 1.1, // W3: log(t64 / t16) / log(4)
};

export const START = '<!-- results:start -->';
export const END = '<!-- results:end -->';

export { median, relativeSpread };

// Three significant digits, so a ratio just under a target never prints as the target itself (0.798, not 0.80).
export const fixed = (x) => (Number.isFinite(x) ? x.toPrecision(3) : 'n/a');

/** "1.27 (1.19–1.35) MET": the median of the paired ratios, their interval, and the verdict when there is a target. */
export function formatInterval(iv, verdictText = '', digits = fixed) {
  const range = iv.n > 1 ? ` (${digits(iv.low)}–${digits(iv.high)})` : '';
  return `${digits(iv.median)}${range}${verdictText ? ' ' + verdictText : ''}`;
}

function formatBytes(n) {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${n} B`;
}

/** "35.5 ms ±2%": the median, and half the range across rounds relative to it, to show how noisy the row is. */
function formatTime(times) {
  const m = median(times);
  const spread = relativeSpread(times, m);
  return `${m >= 100 ? m.toFixed(0) : m.toFixed(1)} ms ±${Math.round(spread * 100)}%`;
}

/** A markdown table whose columns are padded, so it also reads well as plain text in a terminal. */
export function markdownTable(headers, rows, align = []) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    '| ' +
    cells.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ') +
    ' |';
  const rule = '|' + widths.map((w, i) => (align[i] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * Paired per-round throughput ratios (a round's baseline time ÷ the same round's parser time, and so on), each as
 * { median, low, high } (see stats.mjs, interval): > 1 is faster than the baseline, or than eventsource-parser.
 */
export function ratios(times) {
  return {
    oursVsBaseline: interval(paired(times.baseline, times.ours)),
    espVsBaseline: interval(paired(times.baseline, times.esp)),
    oursVsEsp: interval(paired(times.esp, times.ours)),
  };
}

/** A target check: its verdict from the interval, and the line the summary prints. Returns the verdict's word. */
export function check(checks, name, iv, target, atLeast = true, digits = fixed) {
  const v = judge(iv, target, atLeast);
  checks.push({ name, verdict: v, value: formatInterval(iv, '', digits) });
  return VERDICT[v];
}

function throughputTable(results, checks) {
  const rows = [];
  for (const name of results.workloads) {
    const t = results.time[name];
    const r = ratios(t);
    const info = results.info[name];
    const vBase = check(checks, `${name} ours ≥ ${TARGETS.vsBaseline}× baseline`, r.oursVsBaseline, TARGETS.vsBaseline);
    const vEsp = check(checks, `${name} ours ≥ ${TARGETS.vsEsp}× eventsource-parser`, r.oursVsEsp, TARGETS.vsEsp);
    rows.push([
      `${name} ${info.title}`,
      `${formatBytes(info.bytes)} / ${formatBytes(info.chunkSize)}`,
      info.events.toLocaleString('en-US'),
      formatTime(t.baseline),
      formatTime(t.ours),
      formatTime(t.esp),
      formatInterval(r.oursVsBaseline, vBase),
      formatInterval(r.espVsBaseline),
      formatInterval(r.oursVsEsp, vEsp),
    ]);
  }
  return markdownTable(
    [
      'Workload',
      'Input / chunks',
      'Events',
      'Baseline',
      'Ours',
      'eventsource-parser',
      `Ours ÷ baseline (≥ ${TARGETS.vsBaseline})`,
      'esp ÷ baseline',
      `Ours vs esp (≥ ${TARGETS.vsEsp})`,
    ],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function w3Table(results, checks) {
  const mem = results.memory;
  const t64 = results.time.W3;
  const t16 = results.time.W3s;
  // Per round: the 64 MiB and the 16 MiB line's times of the same implementation in the same round.
  const exponent = (impl) => interval(paired(t64[impl], t16[impl], (a, b) => Math.log(a / b) / Math.log(4)));
  const peaks = (key, field) => interval(mem[key] ? mem[key].map((m) => m[field]) : []);
  const peak = (key, field) => peaks(key, field).median;
  const vMemory = check(checks, `W3 peak memory ≤ ${TARGETS.peakMemory}× line`, peaks('ours', 'peakJs'), TARGETS.peakMemory, false);
  const vScaling = check(checks, `W3 scaling exponent ≤ ${TARGETS.scaling}`, exponent('ours'), TARGETS.scaling, false);
  const small = formatBytes(results.info.W3s.bytes - 8);
  const large = formatBytes(results.info.W3.bytes - 8);
  const row = (label, f, target) => [label, f('baseline'), f('ours'), f('esp'), target];
  const rows = [
    row(
      `Peak heapUsed + external − before, × line size (as delivered)`,
      (i) => `${fixed(peak(i, 'peakJs'))}×`,
      `≤ ${TARGETS.peakMemory}: ${vMemory}`,
    ),
    row(`Peak RSS − before, × line size (as delivered)`, (i) => `${fixed(peak(i, 'peakRss'))}×`, 'info'),
    row(
      `Peak heapUsed + external, consumer reads the data`,
      (i) => (i === 'baseline' ? '—' : `${fixed(peak(i + 'Read', 'peakJs'))}×`),
      'info',
    ),
    row(
      `Peak RSS, consumer reads the data`,
      (i) => (i === 'baseline' ? '—' : `${fixed(peak(i + 'Read', 'peakRss'))}×`),
      'info',
    ),
    row(`Time, ${small} line`, (i) => formatTime(t16[i]), ''),
    row(`Time, ${large} line`, (i) => formatTime(t64[i]), ''),
    row(
      `Scaling exponent log(t${large.split(' ')[0]} / t${small.split(' ')[0]}) / log(4)`,
      (i) => formatInterval(exponent(i)),
      `≤ ${TARGETS.scaling}: ${vScaling}`,
    ),
  ];
  return markdownTable(['W3 (one huge data line)', 'Baseline', 'Ours', 'eventsource-parser', 'Target (ours)'], rows, [
    'l',
    'r',
    'r',
    'r',
    'l',
  ]);
}

function correctnessTable(results) {
  const rows = results.workloads.map((name) => {
    const v = results.verify[name];
    const cell = (r) => `${r.events.toLocaleString('en-US')} · ${r.hash.toString(16).padStart(8, '0')}`;
    return [
      name,
      v.expected.events.toLocaleString('en-US'),
      cell(v.ours),
      cell(v.esp),
      cell(v.oursRandomChunks),
      String(v.splitCodePoints),
      v.ok ? 'OK' : 'MISMATCH',
    ];
  });
  return markdownTable(
    ['Workload', 'Expected events', 'Ours', 'eventsource-parser', 'Ours, random chunks', 'Split code points', 'Result'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

/** The whole results section: run facts, tables, target summary. Returns { markdown, checks }. */
export function renderResults(results) {
  const checks = [];
  const m = results.meta;
  const parts = [
    runFacts(m, results.load) + ' · one fresh process per measurement',
    '',
    '### Throughput',
    '',
    'Times: each process times several passes after warm-up and reports their **median** (garbage collection ' +
      'included); the table shows the median over the rounds, ± half the range across rounds. Ratios are ' +
      '**paired**: within each round, baseline time ÷ parser time (and eventsource-parser time ÷ our time) of ' +
      'processes run back to back; the table shows the median of those per-round ratios and, in brackets, their ' +
      `${intervalWords(m.rounds)}. ${VERDICT_WORDS}`,
    '',
    throughputTable(results, checks),
  ];
  if (results.time.W3 && results.time.W3s && results.memory.ours) {
    parts.push(
      '',
      '### W3: memory and scaling',
      '',
      'Memory is the peak minus the level measured after the input was generated (so the input bytes are not ' +
        'counted), sampled after every 64 KiB chunk and at the event, as a multiple of the line size. The target uses ' +
        '`heapUsed + external` (what the program holds; `external` already includes `arrayBuffers`). "As delivered": ' +
        'the event callback only reads `data.length`. "Consumer reads the data": it also reads one character, which ' +
        'makes V8 flatten a rope (cons string) into one flat string.',
      '',
      w3Table(results, checks),
    );
  }
  parts.push(
    '',
    '### Correctness',
    '',
    'Untimed, one process per workload: events · FNV-1a hash over type + "\\0" + data + "\\0" + lastEventId of every ' +
      'event, for ours, for eventsource-parser (its `event ?? "message"`, and the last event ID tracked through ' +
      '`onId`), and for ours fed the same bytes cut at random (1 B to 64 KiB). "Split code points" counts the chunk ' +
      'boundaries that fall inside a UTF-8 sequence. Every timed run also checks its event count and total data ' +
      'length against the workload.',
    '',
    correctnessTable(results),
    '',
    `### Targets: ${tally(checks)}`,
    '',
    ...summary(checks),
  );
  return { markdown: parts.join('\n'), checks };
}

export const VERDICT_WORDS =
  'A target is MET only when the whole bracket clears it, MISSED when the whole bracket falls short, and UNCLEAR ' +
  'when the target lies inside the bracket (this run cannot tell).';

/** What the bracket of `rounds` values is (stats.mjs, interval). */
export function intervalWords(rounds) {
  const iv = interval(Array.from({ length: rounds }, (_, i) => i));
  const what = iv.low === 0 ? 'range (lowest to highest)' : `range without the ${iv.low} lowest and highest`;
  return `${what}, a ${Math.round(iv.confidence * 100)}% confidence interval for the median`;
}

/** The run's facts line: date, Node, machine, versions, rounds, load average, command. */
export function runFacts(m, load = []) {
  const loadText = m.loadAverage
    ? ` · load average ${m.loadAverage[0]} at the start` + (load.length ? `, ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} over the rounds` : '')
    : '';
  return (
    `Run ${m.date} · Node ${m.node} · ${m.cpu} × ${m.cores} cores · ${m.os} · ${m.versions} · ` +
    `${m.rounds} round${m.rounds === 1 ? '' : 's'}${loadText} · \`${m.command}\`` +
    (m.quick ? ' · **--quick smoke run: small inputs, numbers not meaningful**' : '')
  );
}

/** "12 of 16 met, 1 missed, 3 unclear". */
export function tally(checks) {
  const count = (v) => checks.filter((c) => c.verdict === v).length;
  const extra = [count('missed') && `${count('missed')} missed`, count('unclear') && `${count('unclear')} unclear`].filter(Boolean);
  return `${count('met')} of ${checks.length} met` + (extra.length ? ', ' + extra.join(', ') : '');
}

export function summary(checks) {
  return checks.map((c) => `- ${VERDICT[c.verdict]} ${c.name}: ${c.value}`);
}

/** Writes this run's raw results to `dir`/latest/`name`.json (not committed); returns the path. */
export function saveResults(dir, name, results) {
  mkdirSync(join(dir, 'latest'), { recursive: true });
  const path = join(dir, 'latest', name + '.json');
  writeFileSync(path, JSON.stringify(results, null, 1) + '\n');
  return path;
}

/** --write: the latest results become the published ones (`dir`/`name`.json, committed, what the README shows). */
export function publish(dir, name) {
  copyFileSync(join(dir, 'latest', name + '.json'), join(dir, name + '.json'));
}

/** The published results, or null. */
export function readResults(dir, name) {
  const path = join(dir, name + '.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * Puts `markdown` between the `start` and `end` markers of the file at `path`; where the markers are missing, appends
 * them (after `heading`) to the file, or to `initial` when there is no file yet.
 */
export function writeBetweenMarkers(path, start, end, markdown, heading = '', initial = '') {
  const block = `${start}\n${markdown}\n${end}`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : initial;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from !== -1 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : text.trimEnd() + '\n\n' + heading + block + '\n';
  writeFileSync(path, next);
}

/** Puts the parser results between the markers of bench/README.md, creating the markers if they are missing. */
export function writeReadme(path, markdown) {
  writeBetweenMarkers(path, START, END, markdown, '', '# Parser benchmark\n\n');
}
