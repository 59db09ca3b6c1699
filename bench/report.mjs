// Turns the collected measurements into markdown tables (printed, and written into bench/README.md), and judges
// the targets. Nothing here measures anything.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

export const TARGETS = {
  vsBaseline: 0.8, // ours' throughput as a fraction of the baseline's, every workload
  vsEsp: 1.25, // ours' throughput as a multiple of eventsource-parser's, every workload
  peakMemory: 1.5, // W3: peak heapUsed + external above the level before parsing, in line sizes
  scaling: 1.1, // W3: log(t64 / t16) / log(4)
};

export const START = '<!-- results:start -->';
export const END = '<!-- results:end -->';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Half the range across rounds, relative to the median (`m`, when the caller has it): how noisy a row is. */
export function relativeSpread(values, m = median(values)) {
  return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / 2 / m : 0;
}

export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
// Three significant digits, so a ratio just under a target never prints as the target itself (0.798, not 0.80).
export const fixed = (x) => (Number.isFinite(x) ? x.toPrecision(3) : 'n/a');

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
 * Ratios from the medians of fresh-process timings: throughput ratio = baseline_time / impl_time (> 1 is faster
 * than the baseline); ours vs eventsource-parser = esp_time / ours_time.
 */
export function ratios(times) {
  const base = median(times.baseline);
  const ours = median(times.ours);
  const esp = median(times.esp);
  return { oursVsBaseline: base / ours, espVsBaseline: base / esp, oursVsEsp: esp / ours };
}

function throughputTable(results, checks) {
  const rows = [];
  for (const name of results.workloads) {
    const t = results.time[name];
    const r = ratios(t);
    const info = results.info[name];
    const okBase = r.oursVsBaseline >= TARGETS.vsBaseline;
    const okEsp = r.oursVsEsp >= TARGETS.vsEsp;
    checks.push({ name: `${name} ours ≥ ${TARGETS.vsBaseline}× baseline`, ok: okBase, value: fixed(r.oursVsBaseline) });
    checks.push({ name: `${name} ours ≥ ${TARGETS.vsEsp}× eventsource-parser`, ok: okEsp, value: fixed(r.oursVsEsp) });
    rows.push([
      `${name} ${info.title}`,
      `${formatBytes(info.bytes)} / ${formatBytes(info.chunkSize)}`,
      info.events.toLocaleString('en-US'),
      formatTime(t.baseline),
      formatTime(t.ours),
      formatTime(t.esp),
      `${fixed(r.oursVsBaseline)} ${verdict(okBase)}`,
      fixed(r.espVsBaseline),
      `${fixed(r.oursVsEsp)} ${verdict(okEsp)}`,
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
  const exponent = (impl) => Math.log(median(t64[impl]) / median(t16[impl])) / Math.log(4);
  const peak = (key, field) => (mem[key] ? median(mem[key].map((m) => m[field])) : NaN);
  const okMemory = peak('ours', 'peakJs') <= TARGETS.peakMemory;
  const okScaling = exponent('ours') <= TARGETS.scaling;
  checks.push({ name: `W3 peak memory ≤ ${TARGETS.peakMemory}× line`, ok: okMemory, value: fixed(peak('ours', 'peakJs')) });
  checks.push({ name: `W3 scaling exponent ≤ ${TARGETS.scaling}`, ok: okScaling, value: fixed(exponent('ours')) });
  const small = formatBytes(results.info.W3s.bytes - 8);
  const large = formatBytes(results.info.W3.bytes - 8);
  const row = (label, f, target) => [label, f('baseline'), f('ours'), f('esp'), target];
  const rows = [
    row(
      `Peak heapUsed + external − before, × line size (as delivered)`,
      (i) => `${fixed(peak(i, 'peakJs'))}×`,
      `≤ ${TARGETS.peakMemory}: ${verdict(okMemory)}`,
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
      (i) => fixed(exponent(i)),
      `≤ ${TARGETS.scaling}: ${verdict(okScaling)}`,
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
    `Run ${m.date} · Node ${m.node} · ${m.cpu} × ${m.cores} cores · ${m.os} · ${m.versions} · ` +
      `median of ${m.rounds} round${m.rounds === 1 ? '' : 's'}, one fresh process per measurement · \`${m.command}\`` +
      (m.quick ? ' · **--quick smoke run: small inputs, numbers not meaningful**' : ''),
    '',
    '### Throughput',
    '',
    'Median time per pass (each process reports its fastest of several timed passes after warm-up; ± is half the ' +
      'range across rounds). Ratios are throughput ratios from the medians: baseline time ÷ parser time, and ' +
      'eventsource-parser time ÷ our time.',
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
    `### Targets: ${checks.filter((c) => c.ok).length} of ${checks.length} met`,
    '',
    ...checks.map((c) => `- ${verdict(c.ok)} ${c.name} (${c.value})`),
  );
  return { markdown: parts.join('\n'), checks };
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
