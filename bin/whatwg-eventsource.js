#!/usr/bin/env node
// whatwg-eventsource <url>: "curl -N" that understands text/event-stream. It connects with this package's
// EventSource and prints each event as it is dispatched, plus every readyState change and reconnection.
// Nothing but node: built-ins and dist/. `whatwg-eventsource --help` says how to use it.
import { readFileSync } from 'node:fs';
import { EventSource, createParser } from '../dist/index.js';

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

// Header values are byte strings: a character beyond Latin-1 is sent as its UTF-8 bytes, as EventSource does for
// Last-Event-ID.
function byteString(text) {
  return /[^\x00-\x7f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

function describeError(error) {
  if (!error) return 'unknown error';
  const cause = error.cause;
  const detail = cause && (cause.code || cause.message);
  return (error.message || String(error)) + (detail && detail !== error.message ? ' (' + detail + ')' : '');
}

/**
 * The fetch to give the EventSource: adds the -H headers and the initial Last-Event-ID to each request, and reads
 * what the EventSource cannot tell: the status and type of a failed response, why a connection ended, the
 * reconnection time, and the event types in the stream (an EventSource has no listener for "every type", so each
 * new type gets a listener before the EventSource parses the bytes that carry it).
 */
function createFetch({ headers, lastEventId, onEventType, fetch = globalThis.fetch }) {
  const connection = { request: 0, sentLastEventId: null, status: 0, statusText: '', contentType: null, reason: '', retry: 3000 };
  const userHeaders = headers.filter(([name]) => name.toLowerCase() !== 'last-event-id');
  // -H "Last-Event-ID: x" means what --last-event-id x does: an id to start from, not one to send forever.
  const fromHeader = headers.filter(([name]) => name.toLowerCase() === 'last-event-id').pop();
  const initialId = lastEventId !== undefined ? lastEventId : fromHeader && fromHeader[1];

  function wrapped(input, init) {
    const requestHeaders = new Headers(init && init.headers);
    for (const [name, value] of userHeaders) requestHeaders.set(name, byteString(value));
    // NOTE: when the server sends `id:` with an empty value, the EventSource sends no Last-Event-ID and this sends
    // the initial one again; an official lastEventId option of the EventSource can tell the two apart.
    if (initialId !== undefined && initialId !== '' && !requestHeaders.has('last-event-id')) {
      requestHeaders.set('Last-Event-ID', byteString(initialId));
    }
    const sent = requestHeaders.get('last-event-id');
    connection.request++;
    connection.sentLastEventId = sent === null ? null : Buffer.from(sent, 'latin1').toString('utf8');
    connection.status = 0;
    connection.contentType = null;
    connection.reason = '';
    return fetch(input, { ...init, headers: requestHeaders }).then(
      (response) => {
        connection.status = response.status;
        connection.statusText = response.statusText;
        connection.contentType = response.headers.get('content-type');
        if (response.status !== 200 || !response.body) return response;
        return watchBody(response);
      },
      (error) => {
        connection.reason = 'could not connect: ' + describeError(error);
        throw error;
      },
    );
  }

  function watchBody(response) {
    const parser = createParser({
      onEvent: (message) => onEventType(message.type),
      onRetry: (ms) => {
        connection.retry = ms;
      },
    });
    const watcher = new TransformStream({
      transform(chunk, controller) {
        parser.feed(chunk);
        controller.enqueue(chunk);
      },
      flush() {
        connection.reason = 'the server ended the response';
      },
    });
    const body = response.body.pipeThrough(watcher);
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    // Redirects: the EventSource takes the origin of its messages from the final URL.
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  }

  return { fetch: wrapped, connection };
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
  const listened = new Set();
  let events = 0;
  let reconnects = 0;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  let finished = false;

  const { fetch, connection } = createFetch({
    headers: options.headers,
    lastEventId: options.lastEventId,
    fetch: options.fetch,
    onEventType: listenTo,
  });
  const source = new EventSource(url, { fetch });

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

  function response() {
    return 'HTTP ' + connection.status + (connection.statusText ? ' ' + connection.statusText : '') + ' (' + (connection.contentType || 'no Content-Type') + ')';
  }

  function onEvent(event) {
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

  function listenTo(type) {
    if (listened.has(type)) return;
    listened.add(type);
    if (type !== 'open' && type !== 'error') source.addEventListener(type, onEvent);
  }

  source.addEventListener('open', (event) => {
    // A server may name its own events "open" or "error": those are MessageEvents, with data.
    if (typeof event.data === 'string') return onEvent(event);
    const sent = connection.sentLastEventId;
    state('OPEN', response() + (sent !== null ? ', sent Last-Event-ID: ' + sent : '') + (reconnects ? ', reconnection ' + reconnects : ''), {
      status: connection.status,
      contentType: connection.contentType,
      lastEventIdSent: sent,
      reconnects,
    });
  });

  source.addEventListener('error', (event) => {
    if (typeof event.data === 'string') return onEvent(event);
    if (source.readyState === EventSource.CONNECTING) {
      reconnects++;
      const reason = connection.reason || 'the connection was cut';
      state('CONNECTING', reason + '; reconnecting in ' + connection.retry + ' ms', { reason, retry: connection.retry, reconnects });
    } else if (!finished) {
      const reason = connection.status
        ? response() + ' is not a 200 text/event-stream response; EventSource does not reconnect'
        : connection.reason || 'the connection failed';
      state('CLOSED', reason, { reason, status: connection.status || null, contentType: connection.contentType });
      end(1);
    }
  });
  listenTo('message');

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
  if (typeof fetch !== 'function' || typeof TransformStream !== 'function') {
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
