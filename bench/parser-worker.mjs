// One measurement in a fresh process, printed as one line of JSON on stdout. Started by bench/run.mjs as
//   node --expose-gc bench/parser-worker.mjs <mode> <workload> [impl] [--quick]
// mode "time":   generate, warm up, time a few passes of `impl`, report their median (and every pass).
// mode "memory": generate, gc, then one pass of `impl` with memory sampled after every chunk and at the event.
// mode "verify": untimed; hash every event of ours and of eventsource-parser and compare.
// A fresh process per measurement keeps one measurement's JIT state, heap growth and GC debt out of the next.
import { performance } from 'node:perf_hooks';
import { buildWorkload, randomChunks, splitCodePoints } from './workloads.mjs';
import { IMPLS, hashEvents, eventAt } from './impls.mjs';
import { median } from './stats.mjs';

const [mode, workload, impl] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');

if (typeof globalThis.gc !== 'function') fail('run with --expose-gc (bench/run.mjs does this)');

const modes = { time, memory, verify };
if (!modes[mode]) fail(`unknown mode ${mode}; use time, memory or verify`);
console.log(JSON.stringify(modes[mode]()));

function fail(message) {
  console.error(`parser-worker: ${message}`);
  process.exit(2);
}

function runnerFor(name) {
  const run = IMPLS[name];
  if (!run) fail(`unknown impl ${name}; known: ${Object.keys(IMPLS).join(', ')}`);
  return run;
}

/** Whether a tally matches what the workload predicts (the baseline counts lines, the parsers count events). */
function tallyOk(name, tally, expected) {
  if (name === 'baseline') return tally.lines === expected.lines;
  return tally.events === expected.events && tally.dataChars === expected.dataChars;
}

function time() {
  const run = runnerFor(impl);
  const { bytes, chunks, expected } = buildWorkload(workload, quick);
  // Warm-up passes let the JIT optimize the hot paths and let V8 size its young generation for the allocation
  // rate, as it is during any long-lived stream. One gc() first, none between passes: a full collection before
  // every pass shrinks the young generation back to its minimum, which measured W2 at 26-27 ms for ours instead
  // of the steady 17 ms (the baseline allocates next to nothing and does not notice), a state no real stream
  // is in.
  const warmups = quick ? 1 : 3;
  const passes = quick ? 3 : 7;
  let tally;
  gc();
  for (let i = 0; i < warmups; i++) tally = run(chunks);
  const times = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    tally = run(chunks);
    times.push(performance.now() - start);
  }
  // The median pass, not the fastest: a pass that collects the garbage of the one before (for W3 the 64 MiB string
  // the event held: passes of one process took 17 to 300 ms) is what a user's stream pays too, so it counts.
  return {
    mode, workload, impl, bytes: bytes.length, chunks: chunks.length,
    ms: median(times), times, tally, ok: tallyOk(impl, tally, expected), expected,
  };
}

// Memory. `heapUsed + external` is everything the JS program holds: the V8 heap (strings live there, the big
// ones in large-object space) plus memory outside it (`external` already includes `arrayBuffers`, so adding that
// too would count the input bytes twice). RSS is what the OS sees, allocator slack and heap reservations included.
// Both are sampled after every chunk and at the event, and reported as the peak minus the level measured after the
// input was generated (and gc'd twice), so the input's own bytes are not counted.
//
// With --read, the event callback also reads a character from the middle of the data. That makes V8 flatten a
// rope (cons string) into one flat string, as any real consumer of the data would. It is a separate process
// because the flattened copy would otherwise inflate every later sample of the "as delivered" run.
function memory() {
  const run = runnerFor(impl);
  const read = process.argv.includes('--read');
  const { bytes, chunks, expected } = buildWorkload(workload, quick);
  gc();
  gc();
  const before = process.memoryUsage();
  const base = { rss: before.rss, js: before.heapUsed + before.external };
  const peak = { ...base };
  function sample() {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak.rss = m.rss;
    if (m.heapUsed + m.external > peak.js) peak.js = m.heapUsed + m.external;
  }
  // Called after every chunk (no argument) and at every event (with its data).
  function probe(data) {
    sample();
    if (read && data !== undefined && data.length) {
      if (data.charCodeAt(data.length >> 1) < 0) throw new Error('unreachable');
      sample();
    }
  }
  const tally = run(chunks, probe);
  const lineSize = bytes.length - 8; // the data line's value: everything but "data: " and "\n\n"
  return {
    mode, workload, impl, read, bytes: bytes.length, lineSize, tally, ok: tallyOk(impl, tally, expected), expected,
    peakJs: (peak.js - base.js) / lineSize,
    peakRss: (peak.rss - base.rss) / lineSize,
  };
}

/** Hashes of ours and of eventsource-parser over the workload's chunks, plus ours over a random chunking. */
function verify() {
  const { bytes, chunks, expected, chunkSize, title } = buildWorkload(workload, quick);
  const result = {
    mode, workload, title, bytes: bytes.length, chunkSize, expected, splitCodePoints: splitCodePoints(chunks),
  };
  // Same bytes, other cut points: an event stream must parse the same however the network splits it.
  const otherChunks = randomChunks(bytes, 0xc0ffee);
  const runs = {
    ours: hashEvents('ours', chunks),
    esp: hashEvents('esp', chunks),
    oursRandomChunks: hashEvents('ours', otherChunks),
  };
  for (const [name, r] of Object.entries(runs)) {
    result[name] = { events: r.events, dataChars: r.dataChars, hash: r.hash };
  }
  result.mismatches = [
    ...compare('ours', 'esp', runs.ours, runs.esp, chunks, chunks, bytes),
    ...compare('ours', 'oursRandomChunks', runs.ours, runs.oursRandomChunks, chunks, otherChunks, bytes),
  ];
  if (workload === 'W7' && result.splitCodePoints === 0) {
    result.mismatches.push({ kind: 'workload', message: 'W7: no chunk boundary falls inside a code point' });
  }
  for (const name of ['ours', 'esp']) {
    const r = runs[name];
    if (r.events !== expected.events || r.dataChars !== expected.dataChars) {
      result.mismatches.push({
        kind: 'expected',
        impl: name,
        message: `${name}: ${r.events} events / ${r.dataChars} data chars, expected ${expected.events} / ${expected.dataChars}`,
      });
    }
  }
  result.ok = result.mismatches.length === 0;
  return result;
}

/** The first event where two runs differ, shown in full from both sides (data cut to 300 characters). */
function compare(nameA, nameB, a, b, chunksA, chunksB, bytes) {
  if (a.hash === b.hash && a.events === b.events) return [];
  let index = 0;
  while (index < a.hashes.length && index < b.hashes.length && a.hashes[index] === b.hashes[index]) index++;
  const describe = (impl, chunks) => {
    const e = eventAt(impl, chunks, index);
    if (!e) return '(no such event)';
    const chunk = chunks[e.chunk];
    const start = chunk ? chunk.byteOffset : -1;
    return {
      type: e.type,
      lastEventId: e.lastEventId,
      dataLength: e.data.length,
      data: e.data.length > 300 ? e.data.slice(0, 150) + ' … ' + e.data.slice(-150) : e.data,
      dispatchedWhileFeedingChunk: e.chunk,
      chunkBytes: chunk ? [start, start + chunk.length] : null,
    };
  };
  return [
    {
      kind: 'hash',
      message:
        `${nameA} and ${nameB} differ: ${a.events} vs ${b.events} events, hash ${hex(a.hash)} vs ${hex(b.hash)}; ` +
        `first differing event #${index}`,
      firstDifference: index,
      input: inputOfEvent(bytes, index),
      [nameA]: describe('ours', chunksA),
      [nameB]: nameB === 'esp' ? describe('esp', chunksB) : describe('ours', chunksB),
    },
  ];
}

/**
 * The source text of the `index`-th block of the input, found by counting blank lines (every block of the
 * generated workloads is one event). Cut to 400 characters; JSON-escaped by the caller so CR and LF show.
 */
function inputOfEvent(bytes, index) {
  const text = new TextDecoder().decode(bytes);
  const terminator = /\r\n|\r|\n/g;
  let lineStart = 0;
  let blockStart = 0;
  let blocks = 0;
  for (let m; (m = terminator.exec(text)); ) {
    const blank = m.index === lineStart;
    lineStart = m.index + m[0].length;
    if (!blank) continue;
    if (blocks++ === index) {
      const block = text.slice(blockStart, lineStart);
      return {
        chars: [blockStart, lineStart],
        text: block.length > 400 ? block.slice(0, 200) + ' … ' + block.slice(-200) : block,
      };
    }
    blockStart = lineStart;
  }
  return null;
}

function hex(n) {
  return n.toString(16).padStart(8, '0');
}
