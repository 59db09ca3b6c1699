#!/usr/bin/env node
// whatwg-eventsource <url>: "curl -N" that understands text/event-stream. It connects with this package's extended
// EventSource and prints each event as it is dispatched, plus every readyState change and reconnection: the
// headers and the initial last event ID are its options, every event type comes from `for await`, and the states
// come from the details that its open and error events carry.
// Nothing but node: built-ins and dist/. `whatwg-eventsource --help` says how to use it.
import { readFileSync } from 'node:fs';
import { EventSource } from '../dist/extended.js';

const NAME = 'whatwg-eventsource';

const USAGE = `Usage: ${NAME} [options] [url]

Connects to an event stream with the WHATWG EventSource of whatwg-eventsource and prints each
event as it arrives. Events go to stdout, as an event stream (event:, id: and data: lines, then a
blank line); connection states go to stderr, on lines that start with "* ".
With no url, starts the demo server on a free port and follows its ticker.

Options:
  -H, --header "Name: value"  add a request header (repeatable): -H "Authorization: Bearer abc"
      --last-event-id ID      send Last-Event-ID: ID, until the server has sent an id of its own
  -n, --count N               exit after N events
      --json                  one JSON object per line, for each event and each state change,
                              all on stdout: {"kind":"event","type","id","data","origin","time"}
                              or {"kind":"state","state","readyState","time",...}
  -h, --help                  print this help
  -V, --version               print the version

Like every EventSource, it reconnects when the stream ends or the server cannot be reached
(after 3 s, or what the server's retry: field says), sending the last event id it got.

Exit status: 0 after --count events, or on Ctrl-C; 1 when the connection fails for good (a status
other than 200, or a Content-Type other than text/event-stream); 2 for a usage error.

Examples:
  ${NAME} https://example.com/updates
  ${NAME} -H "Authorization: Bearer $TOKEN" --json -n 10 https://example.com/updates`;

const STATES = ['CONNECTING', 'OPEN', 'CLOSED'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

class UsageError extends Error {}

/** argv (without node and the script) -> { url, headers: [[name, value]], lastEventId, count, json, help, version } */
function parseArguments(argv) {
  const options = { url: undefined, headers: [], lastEventId: undefined, count: undefined, json: false, help: false, version: false };
  const takesValue = { '-H': 'header', '--header': 'header', '--last-event-id': 'lastEventId', '-n': 'count', '--count': 'count' };
  const flags = { '--json': 'json', '-h': 'help', '--help': 'help', '-V': 'version', '--version': 'version' };
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
      // -n5, -H"Name: value"
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
    else if (option === 'count') {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(name + ' needs a whole number above 0, not ' + JSON.stringify(value));
      options.count = Number(value);
    } else {
      if (/[\r\n\0]/.test(value)) throw new UsageError(name + ' cannot contain a line break or NUL');
      options.lastEventId = value;
    }
  }
  if (options.help || options.version) return options;
  if (positionals.length > 1) throw new UsageError('one url only (got ' + positionals.length + ': ' + positionals.join(' ') + ')');
  if (positionals.length === 1) {
    let url;
    try {
      url = new URL(positionals[0]);
    } catch {
      throw new UsageError('not a URL: ' + JSON.stringify(positionals[0]) + ' (give a full one, like http://localhost:8080/events)');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('only http: and https: URLs, not ' + url.protocol);
    options.url = url.href;
  }
  return options;
}

function parseHeader(text) {
  const colon = text.indexOf(':');
  const name = colon === -1 ? '' : text.slice(0, colon).trim();
  if (!TOKEN.test(name)) throw new UsageError('a header is "Name: value", not ' + JSON.stringify(text));
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError('a header value cannot contain a line break or NUL');
  return [name, value];
}

function describeError(error) {
  if (!error) return 'unknown error';
  const cause = error.cause;
  const detail = cause && (cause.code || cause.message);
  return (error.message || String(error)) + (detail && detail !== error.message ? ' (' + detail + ')' : '');
}

/**
 * Connects and prints until the count is reached, the connection fails, or stop() is called.
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

  // -H "Last-Event-ID: x" means what --last-event-id x does: an id to start from, not one to send forever.
  const headers = {};
  let fromHeader;
  for (const [name, value] of options.headers) {
    if (name.toLowerCase() === 'last-event-id') fromHeader = value;
    else headers[name] = value;
  }
  const lastEventId = options.lastEventId !== undefined ? options.lastEventId : fromHeader;
  // A debugging tool shows every event, however large: no maxEventSize.
  const source = new EventSource(url, { headers, lastEventId, fetch: options.fetch, maxEventSize: Infinity });

  function end(code) {
    if (finished) return;
    finished = true;
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

  function print(event) {
    if (finished) return;
    events++;
    if (options.json) {
      line({ kind: 'event', type: event.type, id: event.lastEventId, data: event.data, origin: event.origin, time: now() });
    } else {
      let text = 'event: ' + event.type + '\n';
      if (event.lastEventId !== '') text += 'id: ' + event.lastEventId + '\n';
      for (const dataLine of event.data.split('\n')) text += 'data: ' + dataLine + '\n';
      out.write(text + '\n');
    }
    if (options.count !== undefined && events >= options.count) end(0);
  }

  // Every message event, of every type, in stream order; the loop ends when the source is closed, and throws when
  // the connection fails (which the error listener reports).
  (async () => {
    try {
      for await (const event of source) print(event);
    } catch {}
  })();

  // (A server may name its own events "open" or "error": those are MessageEvents, with data, and printed above.)
  source.addEventListener('open', (event) => {
    if (typeof event.data === 'string') return;
    wasOpen = true;
    // What the request sent: the last event ID string, unchanged until the stream's first dispatch.
    const sent = source.lastEventId === '' ? null : source.lastEventId;
    state('OPEN', response(event) + (sent !== null ? ', sent Last-Event-ID: ' + sent : '') + (reconnects ? ', reconnection ' + reconnects : ''), {
      status: event.status,
      contentType: event.contentType,
      lastEventIdSent: sent,
      reconnects,
    });
  });

  source.addEventListener('error', (event) => {
    if (typeof event.data === 'string' || finished) return;
    const cut = wasOpen;
    wasOpen = false;
    if (event.willReconnect) {
      reconnects++;
      const reason =
        event.reason === 'end'
          ? 'the server ended the response'
          : event.reason === 'network'
            ? (cut ? 'the connection was cut: ' : 'could not connect: ') + describeError(event.error)
            : event.reason;
      state('CONNECTING', reason + '; reconnecting in ' + event.reconnectDelay + ' ms', { reason, retry: event.reconnectDelay, reconnects });
    } else {
      const reason =
        event.reason === 'response'
          ? response(event) + ' is not a 200 text/event-stream response; EventSource does not reconnect'
          : 'the connection failed: ' + (event.error ? describeError(event.error) : event.reason);
      state('CLOSED', reason, { reason, status: event.status || null, contentType: event.contentType === undefined ? null : event.contentType });
      end(1);
    }
  });

  state('CONNECTING', url, { url });
  return { done, stop: end };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(NAME + ': ' + error.message + '\nTry ' + NAME + ' --help\n');
    process.exitCode = 2;
    return;
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
  const run = follow(url, options, { stdout: process.stdout, stderr: process.stderr, color });
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

main().catch((error) => {
  process.stderr.write(NAME + ': ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exit(1);
});
