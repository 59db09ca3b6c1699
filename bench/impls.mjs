// The three contenders, each as "feed these chunks to a fresh instance, return a cheap tally".
//
// The timed callbacks only count events and add up data lengths: enough to check the run against the workload's
// expected values (and to keep the engine from skipping work whose result nobody reads), cheap enough not to
// drown the parser's own cost. Reading `.length` does not flatten a string, so a parser that hands out a rope
// (cons string) is not charged for flattening it here; the untimed verification reads every character.
import { createParser as createOurParser } from '../dist/index.js';
import { createParser as createEspParser } from 'eventsource-parser';

const STREAM = { stream: true };

/**
 * The baseline, "the practical speed limit": a streaming TextDecoder over the same chunks plus an indexOf('\n')
 * scan that counts lines. Any parser must at least decode the text and find the line ends.
 */
function baseline(chunks, probe) {
  const decoder = new TextDecoder();
  let lines = 0;
  for (let c = 0; c < chunks.length; c++) {
    const text = decoder.decode(chunks[c], STREAM);
    let i = text.indexOf('\n');
    while (i !== -1) {
      lines++;
      i = text.indexOf('\n', i + 1);
    }
    if (probe) probe();
  }
  decoder.decode();
  return { events: 0, dataChars: 0, lines };
}

/** The parser under test: it takes the raw bytes and decodes them itself. */
function ours(chunks, probe) {
  let events = 0;
  let dataChars = 0;
  const parser = createOurParser({
    onEvent(message) {
      events++;
      dataChars += message.data.length;
      if (probe) probe(message.data);
    },
  });
  for (let c = 0; c < chunks.length; c++) {
    parser.feed(chunks[c]);
    if (probe) probe();
  }
  parser.end();
  return { events, dataChars, lines: -1 };
}

/**
 * eventsource-parser takes text, so it gets one streaming TextDecoder, as its README recommends. `onId` keeps the
 * last event ID the spec way (it persists across events); the competitor only reports the ID of the block that
 * set one, so a user who needs `lastEventId` pays for this callback too.
 */
function esp(chunks, probe) {
  let events = 0;
  let dataChars = 0;
  let lastId = '';
  const decoder = new TextDecoder();
  const parser = createEspParser({
    onEvent(event) {
      events++;
      dataChars += event.data.length;
      if (probe) probe(event.data);
    },
    onId(id) {
      lastId = id;
    },
  });
  for (let c = 0; c < chunks.length; c++) {
    parser.feed(decoder.decode(chunks[c], STREAM));
    if (probe) probe();
  }
  const tail = decoder.decode();
  if (tail) parser.feed(tail);
  return { events, dataChars, lines: -1, lastId };
}

export const IMPLS = { baseline, ours, esp };
export const IMPL_NAMES = Object.keys(IMPLS);

// ---- Untimed verification: every event, every character ----

// FNV-1a over UTF-16 code units; each event is hashed on its own so the first differing event can be found.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(hash, text) {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The hash of one event: type + '\0' + data + '\0' + lastEventId. */
export function eventHash(type, data, lastEventId) {
  let h = fnv(FNV_OFFSET, type);
  h = Math.imul(h ^ 0, FNV_PRIME);
  h = fnv(h, data);
  h = Math.imul(h ^ 0, FNV_PRIME);
  return fnv(h, lastEventId) >>> 0;
}

/** Folds the per-event hashes into one number for the stream. */
export function streamHash(hashes) {
  let h = FNV_OFFSET;
  for (const x of hashes) {
    h = Math.imul(h ^ (x & 0xffff), FNV_PRIME);
    h = Math.imul(h ^ (x >>> 16), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Runs one parser over the chunks, calling `visit(type, data, lastEventId, chunkIndex)` for every event in the
 * spec's terms. For eventsource-parser: `event ?? 'message'`, and the last event ID tracked through `onId`.
 */
export function visitEvents(impl, chunks, visit) {
  let c = 0;
  if (impl === 'ours') {
    const parser = createOurParser({ onEvent: (m) => visit(m.type, m.data, m.lastEventId, c) });
    for (; c < chunks.length; c++) parser.feed(chunks[c]);
    parser.end();
  } else if (impl === 'esp') {
    let lastId = '';
    const decoder = new TextDecoder();
    const parser = createEspParser({
      onEvent: (e) => visit(e.event ?? 'message', e.data, lastId, c),
      onId: (id) => {
        lastId = id;
      },
    });
    for (; c < chunks.length; c++) parser.feed(decoder.decode(chunks[c], STREAM));
    const tail = decoder.decode();
    if (tail) parser.feed(tail);
  } else throw new Error(`no event visitor for ${impl}`);
}

/** Per-event hashes plus the totals the workload predicts. */
export function hashEvents(impl, chunks) {
  const hashes = [];
  let dataChars = 0;
  visitEvents(impl, chunks, (type, data, lastEventId) => {
    hashes.push(eventHash(type, data, lastEventId));
    dataChars += data.length;
  });
  return { events: hashes.length, dataChars, hashes, hash: streamHash(hashes) };
}

/** The `index`-th event in full, with the chunk that was being fed when it was dispatched. */
export function eventAt(impl, chunks, index) {
  let n = 0;
  let found = null;
  visitEvents(impl, chunks, (type, data, lastEventId, chunk) => {
    if (n++ === index) found = { type, data, lastEventId, chunk };
  });
  return found;
}
