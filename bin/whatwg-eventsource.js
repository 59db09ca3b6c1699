#!/usr/bin/env node
// whatwg-eventsource <url>: "curl -N" that understands text/event-stream. It connects with this package's extended
// EventSource and shows two things apart: what the server sent (stdout: the stream's lines, as received) and what the
// EventSource made of it (stderr: states, and the type and lastEventId each event is dispatched with).
// It sees the bytes through its own `fetch`, which hands each chunk of a 200 event stream to a line reader before
// the EventSource gets it; the EventSource's events are then matched with the blocks they came from, in order.
// Nothing but node: built-ins and dist/. `whatwg-eventsource --help` says how to use it.
import { readFileSync } from 'node:fs';
import { ERROR_BODY_SIZE, EventSource } from '../dist/extended.js';

const NAME = 'whatwg-eventsource';

const USAGE = `Usage: ${NAME} [options] [url]

Connects to an event stream with the extended EventSource of whatwg-eventsource and shows what
the server sends apart from what an EventSource makes of it:
  stdout  the stream's lines as received (line breaks as LF; comments only with --comments),
          each event ending with its blank line: a capture that can be replayed;
  stderr  on lines that start with "* ", what the client derived: the connection's states, and
          for each event the type and lastEventId that its MessageEvent carries.
A url without a scheme is taken as http://, as curl does: localhost:8080/events.
With no url, starts the demo server on a free port and follows its ticker.

Request:
  -X, --request METHOD        the request method (default GET; POST when -d is given)
  -d, --data DATA             send DATA as the request body (repeatable: joined with &);
                              @FILE sends a file's bytes as they are, @- standard input.
                              Content-Type: application/x-www-form-urlencoded unless -H gives one
  -H, --header "Name: value"  add a request header (repeatable): -H "Authorization: Bearer abc"
      --last-event-id ID      send Last-Event-ID: ID, until the server has sent an id of its own
Reconnection:
      --max-retries N         give up after N reconnections in a row that get no stream (exit 3;
                              0: never reconnect)
      --no-reconnect          exit when the server ends the stream, instead of reconnecting (for
                              one-shot streams, such as an LLM's answer to a POST)
Output:
  -n, --count N               exit after N events
      --comments              show comment lines too (heartbeats such as ": ping")
      --warn-silent SECONDS   warn when a compressed stream has sent nothing for this long after
                              it opened (default 5; 0: never)
      --json                  one JSON object per line, all on stdout:
                              {"kind":"event","lines","type","lastEventId","data","origin","time"}
                                per event: "lines" as received, the rest what its MessageEvent
                                carries (derived);
                              {"kind":"lines","lines","note","time"} for lines that dispatched
                                nothing (comments, a block with no data field, a cut-off event);
                              {"kind":"state","state","readyState","time",...} per state change;
                              {"kind":"warning","warning","message","time"}
  -h, --help                  print this help
  -V, --version               print the version

Like every EventSource, it reconnects when the stream ends or the server cannot be reached
(after 3 s, or what the server's retry: field says), sending the last event id it got. Any
response but a 200 text/event-stream ends it for good; the start of that response's body is shown.

Compression: requests carry fetch's default Accept-Encoding (gzip, deflate; br too over https),
as a browser's EventSource does, so a server that compresses the stream and holds events back
(Express's compression middleware without res.flush()) is as silent here as in a browser: the
OPEN line shows the Content-Encoding, and a warning follows. curl -N sends no Accept-Encoding and
gets the stream uncompressed; -H "Accept-Encoding: identity" does the same here.

Exit status:
  0  done: after --count events, on Ctrl-C, when the server said stop (HTTP 204 No Content),
     or when it ended the stream under --no-reconnect
  1  failed: a response that is neither a 200 text/event-stream nor a 204, or another failure
  2  usage error
  3  gave up: the connection was lost and --max-retries reconnections in a row got no stream

Examples:
  ${NAME} https://example.com/updates
  ${NAME} -H "Authorization: Bearer $TOKEN" --json -n 10 https://example.com/updates
  ${NAME} --no-reconnect -H "Content-Type: application/json" -d @request.json localhost:8080/chat`;

const STATES = ['CONNECTING', 'OPEN', 'CLOSED'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** How much of a failed response's body the text output shows (the error event carries up to 4096 characters). */
const BODY_SHOWN = 1000;
const BODY_LINES = 20;

class UsageError extends Error {}

/** A number option's value: a whole number (or a decimal, if `decimal`) at least `min`. */
function numberOf(name, value, min, decimal) {
  const pattern = decimal ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!pattern.test(value) || Number(value) < min) {
    throw new UsageError(name + ' needs a ' + (decimal ? 'number' : 'whole number') + (min ? ' above ' + (min - 1) : ' (0 or more)') + ', not ' + JSON.stringify(value));
  }
  return Number(value);
}

/** argv (without node and the script) -> the options, with the url made absolute. */
function parseArguments(argv) {
  const options = {
    url: undefined,
    headers: [],
    method: undefined,
    data: [],
    lastEventId: undefined,
    count: undefined,
    maxRetries: undefined,
    noReconnect: false,
    comments: false,
    warnSilent: 5,
    json: false,
    help: false,
    version: false,
  };
  const takesValue = {
    '-H': 'header',
    '--header': 'header',
    '-X': 'method',
    '--request': 'method',
    '-d': 'data',
    '--data': 'data',
    '--last-event-id': 'lastEventId',
    '-n': 'count',
    '--count': 'count',
    '--max-retries': 'maxRetries',
    '--warn-silent': 'warnSilent',
  };
  const flags = { '--json': 'json', '--comments': 'comments', '--no-reconnect': 'noReconnect', '-h': 'help', '--help': 'help', '-V': 'version', '--version': 'version' };
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || arg[0] !== '-') {
      positionals.push(arg);
      continue;
    }
    let name = arg;
    let value;
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals !== -1) {
      name = arg.slice(0, equals);
      value = arg.slice(equals + 1);
    } else if (!arg.startsWith('--') && arg.length > 2) {
      // -n5, -H"Name: value", -XPOST
      name = arg.slice(0, 2);
      value = arg.slice(2);
    }
    if (flags[name]) {
      if (value !== undefined) throw new UsageError(name + ' takes no value');
      options[flags[name]] = true;
      continue;
    }
    const option = takesValue[name];
    if (!option) throw new UsageError('unknown option ' + name);
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(name + ' needs a value');
      value = argv[++i];
    }
    if (option === 'header') options.headers.push(parseHeader(value));
    else if (option === 'data') options.data.push(value);
    else if (option === 'count') options.count = numberOf(name, value, 1);
    else if (option === 'maxRetries') options.maxRetries = numberOf(name, value, 0);
    else if (option === 'warnSilent') options.warnSilent = numberOf(name, value, 0, true);
    else if (option === 'method') {
      if (!TOKEN.test(value)) throw new UsageError(name + ' needs a method name such as POST, not ' + JSON.stringify(value));
      options.method = value;
    } else {
      if (/[\r\n\0]/.test(value)) throw new UsageError(name + ' cannot contain a line break or NUL');
      options.lastEventId = value;
    }
  }
  if (options.help || options.version) return options;
  if (options.data.length && options.method && /^(GET|HEAD)$/i.test(options.method)) {
    throw new UsageError('-d sends a body, which ' + options.method + ' cannot have: use -X POST (or leave -X out)');
  }
  if (positionals.length > 1) throw new UsageError('one url only (got ' + positionals.length + ': ' + positionals.join(' ') + ')');
  if (positionals.length === 1) options.url = parseUrl(positionals[0]);
  return options;
}

// As curl does, a URL without "scheme://" is an http: one: localhost:8080/events. (new URL() would read
// "localhost:" as the scheme.)
function parseUrl(text) {
  const full = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : (text.startsWith('//') ? 'http:' : 'http://') + text;
  let url;
  try {
    url = new URL(full);
  } catch {
    throw new UsageError('not a URL: ' + JSON.stringify(text) + ' (like http://localhost:8080/events, or localhost:8080/events)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('only http: and https: URLs, not ' + url.protocol);
  return url.href;
}

function parseHeader(text) {
  const colon = text.indexOf(':');
  const name = colon === -1 ? '' : text.slice(0, colon).trim();
  if (!TOKEN.test(name)) throw new UsageError('a header is "Name: value", not ' + JSON.stringify(text));
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError('a header value cannot contain a line break or NUL');
  return [name, value];
}

/** The request body of the -d options: each a string, or @file's bytes (@- standard input), joined with "&". */
function readData(values) {
  const parts = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) parts.push(Buffer.from('&'));
    if (value[0] !== '@') {
      parts.push(Buffer.from(value));
      continue;
    }
    const file = value.slice(1);
    try {
      parts.push(readFileSync(file === '-' ? 0 : file));
    } catch (error) {
      throw new UsageError('-d ' + value + ': cannot read ' + (file === '-' ? 'standard input' : file) + ' (' + (error.code || error.message) + ')');
    }
  }
  return Buffer.concat(parts);
}

function describeError(error) {
  if (!error) return 'unknown error';
  const cause = error.cause;
  const detail = cause && (cause.code || cause.message);
  return (error.message || String(error)) + (detail && detail !== error.message ? ' (' + detail + ')' : '');
}

// https://mimesniff.spec.whatwg.org/#mime-type-essence, as the EventSource checks it.
function isEventStream(contentType) {
  return !!contentType && contentType.split(';')[0].trim().toLowerCase() === 'text/event-stream';
}

/**
 * A reader of one response's lines: bytes in (any slicing), each line out as it ends, as the stream format splits
 * them (CRLF, LF or CR; the BOM that may start the stream dropped); '' is a blank line.
 */
function lineReader(onLine) {
  const decoder = new TextDecoder();
  // The start of a line that the chunks so far have not ended.
  let partial = [];
  let skipLF = false;
  function feed(text) {
    let pos = 0;
    if (skipLF && text[0] === '\n') pos = 1;
    skipLF = false;
    while (pos < text.length) {
      let lf = text.indexOf('\n', pos);
      let cr = text.indexOf('\r', pos);
      if (lf < 0) lf = text.length;
      if (cr < 0) cr = text.length;
      const end = Math.min(lf, cr);
      if (end === text.length) break;
      partial.push(text.slice(pos, end));
      const line = partial.join('');
      partial = [];
      pos = end + 1;
      if (end === cr) {
        if (pos === text.length) skipLF = true;
        else if (text[pos] === '\n') pos++;
      }
      onLine(line);
    }
    if (pos < text.length) partial.push(text.slice(pos));
  }
  return {
    feed: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    /** The end of the body: the line it cut off, if any. */
    end() {
      feed(decoder.decode());
      const rest = partial.join('');
      partial = [];
      return rest;
    },
  };
}

/**
 * What the stream format makes of a block's lines: whether it has data, its event type, the id and retry values that
 * count, the field names it ignores, and whether it is all comments.
 */
function readBlock(lines) {
  const block = { lines, hasData: false, type: '', id: undefined, retry: undefined, ignored: [], comments: true };
  for (const text of lines) {
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (name !== '') block.comments = false;
    if (name === 'data') block.hasData = true;
    else if (name === 'event') block.type = value;
    else if (name === 'id') {
      if (value.indexOf('\0') < 0) block.id = value;
    } else if (name === 'retry') {
      if (/^\d+$/.test(value)) block.retry = Number(value);
    } else if (name !== '' && block.ignored.indexOf(name) < 0) block.ignored.push(name);
  }
  return block;
}

/** The notes on a block that the event it dispatched (if any) does not show. */
function notes(block) {
  const list = [];
  if (block.id !== undefined && !block.event) list.push('the last event ID is now ' + JSON.stringify(block.id));
  if (block.retry !== undefined) list.push('the reconnection time is now ' + block.retry + ' ms');
  if (block.ignored.length) {
    const names = block.ignored.map((name) => JSON.stringify(name)).join(', ');
    list.push('ignored ' + names + ' (the fields are data, event, id and retry, in lower case)');
  }
  return list.length ? '; ' + list.join('; ') : '';
}

/**
 * Connects and prints until the count is reached, the connection ends for good, or stop() is called.
 * Returns { done: Promise<exit code>, stop(code) }.
 */
function follow(url, options, io) {
  const out = io.stdout;
  const err = io.stderr;
  const color = !!io.color;
  const now = () => new Date().toISOString();
  const line = (object) => out.write(JSON.stringify(object) + '\n');
  const status = (text) => err.write((color ? '\x1b[2m* ' + text + '\x1b[22m' : '* ' + text) + '\n');
  let events = 0;
  let reconnects = 0;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  let finished = false;
  // Whether the connection being lost had been announced: then it was cut; else it could not be made.
  let wasOpen = false;
  // The response being read: its Content-Encoding, and its blocks not yet printed.
  let connection = null;
  // The event types listened to: every type a block of the stream has named.
  const listening = new Set();

  // -H "Last-Event-ID: x" means what --last-event-id x does: an id to start from, not one to send forever.
  const headers = {};
  let fromHeader;
  let contentType = false;
  for (const [name, value] of options.headers) {
    if (name.toLowerCase() === 'last-event-id') fromHeader = value;
    else headers[name] = value;
    if (name.toLowerCase() === 'content-type') contentType = true;
  }
  const body = options.body;
  // As curl -d does.
  if (body && !contentType) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const lastEventId = options.lastEventId !== undefined ? options.lastEventId : fromHeader;
  const method = options.method || (body ? 'POST' : undefined);
  // A debugging tool shows every event, however large: no maxEventSize. (The constructor's errors, e.g. a forbidden
  // method, are usage errors: main() reports them.)
  const source = new EventSource(url, {
    headers,
    lastEventId,
    method,
    body,
    maxRetries: options.maxRetries,
    reconnectOnEnd: !options.noReconnect,
    maxEventSize: Infinity,
    fetch: (input, init) => fetch(input, init).then(observe),
  });

  function end(code) {
    if (finished) return;
    finished = true;
    if (connection) clearTimeout(connection.silence);
    source.close();
    finish(code);
  }

  function state(name, text, extra) {
    if (options.json) line({ kind: 'state', state: name, readyState: STATES.indexOf(name), time: now(), ...extra });
    else status(name + (text ? ': ' + text : ''));
  }

  function response(details) {
    return 'HTTP ' + details.status + (details.statusText ? ' ' + details.statusText : '') + ' (' + (details.contentType || 'no Content-Type') + ')';
  }

  // The fetch the EventSource connects with: a 200 event stream's body is passed on chunk by chunk, each read by
  // the line reader first. The EventSource asks for the next chunk only once it has dispatched every event of the
  // last one, so everything the line reader has not matched with an event by then was dispatched as nothing.
  function observe(res) {
    // `block`: the lines of the block being read, after its leading comments (which are printed as they come).
    const current = { contentEncoding: res.headers.get('content-encoding'), block: [], commented: false, blocks: [], received: false, silence: undefined };
    connection = current;
    if (res.status !== 200 || !isEventStream(res.headers.get('content-type')) || !res.body) return res;
    const reader = res.body.getReader();
    const lines = lineReader((text) => receivedLine(current, text));
    const stream = new ReadableStream(
      {
        pull(controller) {
          settle(current);
          return reader.read().then(
            (result) => {
              if (result.done) {
                ended(current, lines.end());
                controller.close();
              } else {
                if (result.value.byteLength && !current.received) {
                  current.received = true;
                  clearTimeout(current.silence);
                }
                lines.feed(result.value);
                controller.enqueue(result.value);
              }
            },
            (error) => {
              ended(current, lines.end());
              controller.error(error);
            },
          );
        },
        cancel(reason) {
          ended(current, lines.end());
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    // What the fetch transport and the extended class read of a response.
    return { status: res.status, statusText: res.statusText, headers: res.headers, url: res.url, ok: res.ok, redirected: res.redirected, body: stream };
  }

  // A line, before the EventSource gets its chunk. A comment that starts a block is printed at once (a heartbeat shows
  // when it comes); the rest of a block waits for its blank line, and then for the event it dispatches.
  function receivedLine(current, text) {
    const block = current.block;
    if (text === '') {
      current.block = [];
      if (block.length) received(current, { ...readBlock(block), ends: true });
      else if (current.commented) received(current, { lines: [], blank: true });
      current.commented = false;
    } else if (text[0] === ':' && !block.length) {
      current.commented = true;
      received(current, readBlock([text]));
    } else block.push(text);
  }

  // A block the line reader has read, before the EventSource gets its chunk: the event it will dispatch, if any, is
  // listened for now.
  function received(current, block) {
    if (block.hasData) {
      const type = block.type || 'message';
      if (!listening.has(type)) {
        listening.add(type);
        source.addEventListener(type, dispatched);
      }
    }
    current.blocks.push(block);
    flush(current);
  }

  // Prints the blocks read so far, up to the first one whose event has not been dispatched yet.
  function flush(current) {
    const blocks = current.blocks;
    while (blocks.length && !finished) {
      const block = blocks[0];
      if (block.hasData && !block.event) return;
      blocks.shift();
      print(block);
      if (block.event) {
        events++;
        if (options.count !== undefined && events >= options.count) end(0);
      }
    }
  }

  // The EventSource took in the last chunk: what is left of it dispatched nothing.
  function settle(current) {
    for (const block of current.blocks) {
      if (block.hasData && !block.event) block.hasData = !(block.missed = true);
    }
    flush(current);
  }

  function ended(current, partial) {
    clearTimeout(current.silence);
    settle(current);
    const rest = partial ? current.block.concat(partial) : current.block;
    current.block = [];
    if (rest.length && !finished) print({ ...readBlock(rest), hasData: false, cut: true });
  }

  // A message event (of a type some block named): it came from the first block with data not yet dispatched.
  function dispatched(event) {
    if (typeof event.data !== 'string') return;
    const current = connection;
    const block = current && current.blocks.find((b) => b.hasData && !b.event);
    if (block) block.event = event;
    else print({ lines: [], hasData: true, event, ignored: [] });
    if (current) flush(current);
  }

  // A block: its lines as received on stdout, what the EventSource made of it on stderr.
  function print(block) {
    // (The blank line after a block of comments, shown with them.)
    if (block.blank) return void (options.comments && !options.json && out.write('\n'));
    const shown = options.comments ? block.lines : block.lines.filter((text) => text[0] !== ':');
    const event = block.event;
    const note = event
      ? undefined
      : block.cut
        ? 'the stream ended before the blank line that ends this event: not dispatched'
        : block.comments
          ? 'comment'
          : (block.missed ? 'not dispatched' : 'no data field: not dispatched') + notes(block);
    if (options.json) {
      if (event) line({ kind: 'event', lines: shown, type: event.type, lastEventId: event.lastEventId, data: event.data, origin: event.origin, time: now() });
      else if (shown.length) line({ kind: 'lines', lines: shown, note, time: now() });
      return;
    }
    if (shown.length) out.write(shown.join('\n') + (block.ends ? '\n\n' : '\n'));
    if (event) status('dispatched: type ' + JSON.stringify(event.type) + ', lastEventId ' + JSON.stringify(event.lastEventId) + notes(block));
    else if (shown.length && !block.comments) status(note);
  }

  function silent(current) {
    if (finished || connection !== current || current.received) return;
    const seconds = options.warnSilent;
    const encoding = current.contentEncoding;
    const message = [
      'nothing received ' + seconds + ' s after OPEN, and the stream is compressed (Content-Encoding: ' + encoding + ').',
      'A compressor on the server (such as the compression middleware of Express) holds events back until its buffer',
      'fills: flush it after each event (res.flush()), or leave text/event-stream uncompressed. curl -N sends no',
      'Accept-Encoding and gets the stream uncompressed; -H "Accept-Encoding: identity" does the same here.',
    ];
    if (options.json) line({ kind: 'warning', warning: 'compressed-silence', message: message.join(' '), contentEncoding: encoding, time: now() });
    else for (let i = 0; i < message.length; i++) status((i ? '  ' : 'warning: ') + message[i]);
  }

  // (A server may name its own events "open" or "error": those are MessageEvents, with data, printed as events.)
  source.addEventListener('open', (event) => {
    if (typeof event.data === 'string') return;
    wasOpen = true;
    const current = connection;
    const encoding = current && current.contentEncoding;
    // What the request sent: the last event ID string, unchanged until the stream's first dispatch.
    const sent = source.lastEventId === '' ? null : source.lastEventId;
    state(
      'OPEN',
      response(event) +
        (encoding ? ', Content-Encoding: ' + encoding : '') +
        (sent !== null ? ', sent Last-Event-ID: ' + sent : '') +
        (reconnects ? ', reconnection ' + reconnects : ''),
      { status: event.status, contentType: event.contentType, contentEncoding: encoding || null, lastEventIdSent: sent, reconnects },
    );
    if (current && encoding && !/^identity$/i.test(encoding) && options.warnSilent > 0 && !current.received) {
      current.silence = setTimeout(() => silent(current), options.warnSilent * 1000);
      current.silence.unref();
    }
  });

  source.addEventListener('error', (event) => {
    if (typeof event.data === 'string' || finished) return;
    const cut = wasOpen;
    wasOpen = false;
    const lost =
      event.reason === 'end'
        ? 'the server ended the response'
        : event.reason === 'network'
          ? (cut ? 'the connection was cut: ' : 'could not connect: ') + describeError(event.error)
          : event.reason === 'response'
            ? response(event)
            : event.reason + (event.error ? ': ' + describeError(event.error) : '');
    if (event.willReconnect) {
      reconnects++;
      const of = options.maxRetries !== undefined ? ' (' + event.attempt + ' of --max-retries ' + options.maxRetries + ')' : '';
      state('CONNECTING', lost + '; reconnecting in ' + event.reconnectDelay + ' ms' + of, { reason: lost, retry: event.reconnectDelay, reconnects, attempt: event.attempt });
      return;
    }
    let outcome;
    let code;
    let reason;
    if (event.reason === 'response' && event.status === 204) {
      [outcome, code, reason] = ['stopped', 0, 'the server said stop: HTTP 204' + (event.statusText ? ' ' + event.statusText : '') + '; EventSource does not reconnect'];
    } else if (event.reason === 'response') {
      [outcome, code, reason] = ['failed', 1, lost + ' is not a 200 text/event-stream response; EventSource does not reconnect'];
    } else if (event.reason === 'end' && options.noReconnect) {
      [outcome, code, reason] = ['ended', 0, lost + ' (--no-reconnect)'];
    } else if (options.maxRetries !== undefined) {
      // (With a static request, no maxEventSize and http(s) URLs, nothing else fails the connection after the
      // response was announced, or a network error.)
      const tries = event.attempt ? ' after ' + event.attempt + ' reconnection' + (event.attempt === 1 ? '' : 's') + ' in a row' : '';
      [outcome, code, reason] = ['gave up', 3, lost + '; gave up' + tries + ' (--max-retries ' + options.maxRetries + ')'];
    } else {
      [outcome, code, reason] = ['failed', 1, 'the connection failed: ' + lost];
    }
    const extra = { reason, outcome, exitCode: code, status: event.status || null, contentType: event.contentType === undefined ? null : event.contentType };
    if (event.reason === 'response') extra.body = event.body || '';
    state('CLOSED', reason, extra);
    if (!options.json && event.reason === 'response' && event.body) showBody(event.body);
    end(code);
  });

  // The start of a failed response's body, which usually says what is wrong.
  function showBody(text) {
    const whole = text.replace(/(\r\n|\r|\n)$/, '');
    let lines = (whole.length > BODY_SHOWN ? whole.slice(0, BODY_SHOWN) : whole).split(/\r\n|\r|\n/);
    const cut = whole.length > BODY_SHOWN || lines.length > BODY_LINES;
    if (lines.length > BODY_LINES) lines = lines.slice(0, BODY_LINES);
    status('the response body begins:');
    for (const bodyLine of lines) status('  ' + bodyLine);
    if (cut) status('  (cut here: --json shows up to ' + ERROR_BODY_SIZE + ' characters)');
  }

  state('CONNECTING', url, { url });
  return { done, stop: end };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
    if (options.data.length) options.body = readData(options.data);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(error.message);
  }
  if (options.help) return void process.stdout.write(USAGE + '\n');
  if (options.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return void process.stdout.write(pkg.version + '\n');
  }
  if (typeof fetch !== 'function' || typeof ReadableStream !== 'function') {
    process.stderr.write(NAME + ': needs fetch and web streams: Node 18 or later\n');
    process.exitCode = 1;
    return;
  }

  let demo = null;
  let url = options.url;
  if (!url) {
    const { startDemoServer } = await import('../examples/demo/server.mjs');
    demo = await startDemoServer({ port: 0 });
    url = demo.url('/sse/ticker');
    process.stderr.write('* no url given: started the demo server at ' + demo.origin + '/ (open it in a browser)\n');
  }

  const color = !process.env.NO_COLOR && !options.json && !!process.stderr.isTTY;
  let run;
  try {
    run = follow(url, options, { stdout: process.stdout, stderr: process.stderr, color });
  } catch (error) {
    // The EventSource refused its options: a forbidden method, say.
    if (demo) await demo.close();
    return usageError(String(error && error.message).replace(/^EventSource: /, ''));
  }
  const stop = () => run.stop(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // `| head` closed the pipe: nothing more to print to, a normal end. Any other write error is not.
  process.stdout.on('error', (error) => run.stop(error.code === 'EPIPE' ? 0 : 1));

  const code = await run.done;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (demo) await demo.close();
  process.exitCode = code;
  // The closed EventSource lets go of everything, so Node exits by itself; this is only a backstop.
  setTimeout(() => process.exit(code), 2000).unref();
}

function usageError(message) {
  process.stderr.write(NAME + ': ' + message + '\nTry ' + NAME + ' --help\n');
  process.exitCode = 2;
}

main().catch((error) => {
  process.stderr.write(NAME + ': ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
});
