// Native EventSource against the polyfill, in headless Chromium, on the same streams:
//   node test/browser/run.mjs [name filter, `a|b` for either] [--mode=polyfill,legacy,...]
// Environment: CHROMIUM_PATH, BROWSER_JOBS (modes run at a time, 3), IIFE_FILE (build under test), SHOW_NATIVE=1
// (print native's observations).
// Each scenario (scenarios.mjs) runs first with Chromium's own EventSource, then with the script-tag build in each
// polyfill mode; every key of each observation must be identical to native's, except the intended differences
// listed below. The last line is `Chromium: N passed, N failed`. Chromium comes from CHROMIUM_PATH or `which
// chromium` (playwright-core downloads nothing); no Chromium is a failure, never a skip.
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { findChromium } from '../helpers/chromium.mjs';
import { startServer } from '../helpers/sse-server.mjs';
import { scenarios } from './scenarios.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The script-tag build under test: dist/eventsource.iife.min.js, or IIFE_FILE (a name in dist/, or a path, e.g. to
// check that a deliberately broken copy fails).
const IIFE_PATH = resolve(root + 'dist', process.env.IIFE_FILE || 'eventsource.iife.min.js');
const IIFE = basename(IIFE_PATH);
const SCENARIO_TIMEOUT = 30000;
// Modes run in parallel, each in its own browser context (BROWSER_JOBS=1 for one at a time).
const JOBS = Math.max(1, Number(process.env.BROWSER_JOBS) || 3);

// Globals removed before the script tag loads, to make Chromium look like an old browser.
const LEGACY_REMOVED = ['EventSource', 'fetch', 'Request', 'Response', 'Headers', 'ReadableStream', 'TextDecoder', 'TextEncoder', 'AbortController'];
const SHIMS_REMOVED = LEGACY_REMOVED.concat(['EventTarget', 'Event', 'MessageEvent']);
// Further, what IE 11 lacks of what the polyfill could use: URL (resolved with an <a> element instead), Promise,
// Symbol, Reflect, the ES2015 collections, reportError. The polyfill picks its platform when the script tag runs;
// right after it, these are put back (IE11_RESTORED), as Playwright's own injected scripts and the test code need them.
const IE11_RESTORED = ['URL', 'Promise', 'Symbol', 'Reflect', 'Map', 'Set', 'WeakMap', 'reportError'];
const IE11_REMOVED = SHIMS_REMOVED.concat(IE11_RESTORED);

const MODES = {
  // Chromium's own EventSource: the reference.
  native: { iife: false, remove: [], csp: false, global: 'native' },
  // The polyfill next to a native EventSource: the fetch transport and native DOM events.
  polyfill: { iife: true, remove: [], csp: false, global: 'native' },
  // No EventSource, fetch, streams, TextDecoder or AbortController: the XHR transport; the polyfill installs itself.
  legacy: { iife: true, remove: LEGACY_REMOVED, csp: false, global: 'installed' },
  // As legacy, and no EventTarget, Event or MessageEvent constructors: the DOM shims.
  shims: { iife: true, remove: SHIMS_REMOVED, csp: false, global: 'installed' },
  // As shims, and no URL, Promise, Symbol, Reflect, Map, Set, WeakMap, reportError: as close to IE 11 as Chromium gets.
  ie11: { iife: true, remove: IE11_REMOVED, restore: IE11_RESTORED, csp: false, global: 'installed' },
  // Content-Security-Policy: script-src 'self' (no inline script, no eval), with each transport.
  'csp-polyfill': { iife: true, remove: [], csp: true, global: 'native' },
  'csp-legacy': { iife: true, remove: LEGACY_REMOVED, csp: true, global: 'installed' },
};
const POLYFILL_MODES = Object.keys(MODES).filter((m) => m !== 'native');

// --- Intended differences -----------------------------------------------------------------------------------------
// Each entry names one key of one scenario's observation, the modes it applies to, what Chromium gives and what the
// polyfill must give instead; both are checked exactly, so a Chromium change or a polyfill change shows up as a
// failure here. `kind`:
//   chromium     Chromium departs from the spec; the polyfill follows the spec.
//   platform     the spec allows both, or a script cannot do what the browser does (fetch()/XHR limits).
//   environment  the mode itself removed the global the observation refers to.
// Mirrored in test/browser/README.md.
const SPEC = 'https://html.spec.whatwg.org/multipage/server-sent-events.html';
const XHR_MODES = ['legacy', 'shims', 'ie11', 'csp-legacy'];
const NO_DOM_MODES = ['shims', 'ie11'];
const message = (data, id) => ['message', 1, data, id, 'A'];
const INTENDED_DIFFERENCES = [
  // (The last event ID buffer outlives a connection in Chromium and in the polyfill alike: no entry.)
  // processResponse fails the connection "if res's `Content-Type` is not `text/event-stream`": the MIME type's
  // essence, and the stream is then decoded as UTF-8 whatever its charset parameter says ("Streams must be decoded
  // using the UTF-8 decode algorithm"). Chromium 156 fails the connection on any charset other than UTF-8.
  ...['text/event-stream;charset=windows-1252', 'text/event-stream; charset=iso-8859-1'].map((key) => ({
    scenario: 'format-mime-valid-bogus: the Content-Type decides; parameters and case do not',
    key,
    kind: 'chromium',
    ref: SPEC + '#dom-eventsource (step 15) and ' + SPEC + '#parsing-an-event-stream',
    chromium: [['error', 2]],
    polyfill: [['open', 1], message('ok \u00e9\u20ac', '')],
  })),
  // "If the field value consists of only ASCII digits, then interpret the field value as an integer in base ten,
  // and set the event stream's reconnection time to that integer. Otherwise, ignore the field." The polyfill
  // ignores an empty value (no digits to interpret); Chromium 156 resets the reconnection time to its 3 s default.
  {
    scenario: 'format-field-retry-empty: an empty retry value is not all digits: ignored',
    key: 'wait',
    kind: 'chromium',
    ref: SPEC + '#processField',
    chromium: 'the default, 3 s',
    polyfill: 'the earlier retry: 150 ms',
  },
  // A CORS failure is a network error: "if res is a network error, then reestablish the connection, unless the user
  // agent knows that to be futile, in which case the user agent may fail the connection". Chromium fails it. fetch()
  // and XHR report a CORS failure exactly like a network error, so the polyfill cannot know and reestablishes.
  ...['no allow-origin', 'wildcard with credentials'].map((key) => ({
    scenario: 'CORS failures: no Access-Control-Allow-Origin, and a wildcard with credentials',
    key,
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 15, processResponse)',
    chromium: { log: [['error', 2]], readyState: 2 },
    polyfill: { log: [['error', 0]], readyState: 0 },
  })),
  // Last-Event-ID is not a CORS-safelisted request-header. Requests made through fetch() and XHR carry the
  // unsafe-request flag, so a cross-origin one with Last-Event-ID is preflighted; EventSource's own are not. A
  // cross-origin server must answer OPTIONS with Access-Control-Allow-Headers: Last-Event-ID for the polyfill.
  {
    scenario: 'CORS and Last-Event-ID: a cross-origin reconnection with an id, and the preflight it needs',
    key: 'preflighted',
    kind: 'platform',
    ref: 'https://fetch.spec.whatwg.org/#unsafe-request-flag, https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    chromium: false,
    polyfill: true,
  },
  // The request's cache mode is "no-store" (step 11), for which fetch adds `Cache-Control: no-cache` and `Pragma:
  // no-cache`. XHR has no cache mode, and those headers set by hand would get every cross-origin request
  // preflighted (they are not CORS-safelisted).
  ...['cacheControl', 'pragma'].map((key) => ({
    scenario: 'request headers: Accept, cache headers, no Last-Event-ID on the first request, no Origin same-origin',
    key,
    modes: XHR_MODES,
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 11), https://fetch.spec.whatwg.org/#http-network-or-cache-fetch',
    chromium: 'no-cache',
    polyfill: undefined,
  })),
  // Events dispatched by script are untrusted: only the user agent sets isTrusted.
  {
    scenario: 'event objects: MessageEvent attributes, target, phase, this, and the error and open Events',
    key: 'isTrusted',
    kind: 'platform',
    ref: 'https://dom.spec.whatwg.org/#dom-event-istrusted',
    chromium: { open: true, message: true, error: true },
    polyfill: { open: false, message: false, error: false },
  },
  // The shims' events keep their attributes as own data properties; WebIDL puts attributes on the prototype as
  // accessors (only the [LegacyUnforgeable] isTrusted is an own property). A limitation of the ES5 shim.
  {
    scenario: 'event objects: MessageEvent attributes, target, phase, this, and the error and open Events',
    key: 'messageOwnKeys',
    modes: NO_DOM_MODES,
    kind: 'platform',
    ref: 'https://webidl.spec.whatwg.org/#es-attributes',
    chromium: ['isTrusted'],
    polyfill: ['type', 'timeStamp', 'data', 'origin', 'lastEventId', 'source', 'ports', 'currentTarget', 'target', 'eventPhase'],
  },
  // Modes without EventTarget, Event and MessageEvent constructors have nothing to be an instance of.
  {
    scenario: 'event objects: MessageEvent attributes, target, phase, this, and the error and open Events',
    key: 'instanceOf',
    modes: NO_DOM_MODES,
    kind: 'environment',
    ref: 'the shims and ie11 modes delete EventTarget, Event and MessageEvent',
    chromium: { open: [true, false], message: [true, true], error: [true, false] },
    polyfill: {
      open: ['no Event global', 'no MessageEvent global'],
      message: ['no Event global', 'no MessageEvent global'],
      error: ['no Event global', 'no MessageEvent global'],
    },
  },
  {
    scenario: 'interface: constants, prototype attributes, instanceof, toString tag, no own properties',
    key: 'isEventTarget',
    modes: NO_DOM_MODES,
    kind: 'environment',
    ref: 'the shims and ie11 modes delete EventTarget',
    chromium: true,
    polyfill: 'no EventTarget global',
  },
  // Without Symbol there is no @@toStringTag, so Object.prototype.toString cannot say "EventSource".
  {
    scenario: 'interface: constants, prototype attributes, instanceof, toString tag, no own properties',
    key: 'tag',
    modes: ['ie11'],
    kind: 'environment',
    ref: 'https://webidl.spec.whatwg.org/#es-interface-prototype-object (@@toStringTag), absent from ES5',
    chromium: '[object EventSource]',
    polyfill: '[object Object]',
  },
];
for (const d of INTENDED_DIFFERENCES) {
  if (!scenarios.some((s) => s.name === d.scenario)) throw new Error('INTENDED_DIFFERENCES names no scenario: ' + d.scenario);
}

// ------------------------------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const modeArg = args.find((a) => a.startsWith('--mode='));
const only = args.find((a) => !a.startsWith('--'));
const modes = modeArg ? ['native', ...modeArg.slice(7).split(',').filter((m) => m !== 'native')] : Object.keys(MODES);
// The filter is a substring of scenario names; `a|b` selects either.
const selected = scenarios.filter((s) => !only || only.split('|').some((part) => s.name.includes(part)));

let passed = 0;
let failed = 0;
const line = (ok, mode, name, detail) => {
  if (ok) passed++;
  else failed++;
  console.log((ok ? 'ok   ' : 'FAIL ') + mode.padEnd(12) + ' ' + name + (detail ? '\n       ' + detail.split('\n').join('\n       ') : ''));
};
const finish = () => {
  console.log('Chromium: ' + passed + ' passed, ' + failed + ' failed');
  process.exitCode = failed ? 1 : 0;
};

/** An origin where nothing listens (a port just released), for refused connections. */
async function closedOrigin() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  await new Promise((resolve) => server.close(resolve));
  return 'http://127.0.0.1:' + port;
}

function page(mode) {
  const scripts = [];
  if (MODES[mode].iife) scripts.push('<script src="/__dist/' + IIFE + '"></script>');
  if (MODES[mode].restore) scripts.push('<script src="/__test/restore.js"></script>');
  scripts.push('<script type="module" src="/__test/scenarios.mjs"></script>');
  return '<!doctype html>\n<meta charset="utf-8">\n<title>EventSource ' + mode + '</title>\n' + scripts.join('\n') + '\n';
}

/** The static files of the test page, served by the stream server itself, so the page and streams share an origin. */
function serveStatic(server, mode) {
  const csp = MODES[mode].csp ? { 'Content-Security-Policy': "script-src 'self'" } : {};
  const file = (path, type, read) =>
    server.handle(path, (req, res) => {
      let body;
      try {
        body = read();
      } catch (error) {
        return void res.writeHead(404).end(String(error));
      }
      res.writeHead(200, Object.assign({ 'Content-Type': type, 'Cache-Control': 'no-store' }, csp));
      res.end(body);
    });
  file('/__page', 'text/html; charset=utf-8', () => page(mode));
  file('/__test/scenarios.mjs', 'text/javascript; charset=utf-8', () => readFileSync(root + 'test/browser/scenarios.mjs'));
  const restore = MODES[mode].restore || [];
  file('/__test/restore.js', 'text/javascript; charset=utf-8', () =>
    restore.map((name) => 'window.' + name + ' = window.__removed.' + name + ';\n').join(''),
  );
  file('/__dist/' + IIFE, 'text/javascript; charset=utf-8', () => readFileSync(IIFE_PATH));
}

/** Origins to stable names, so observations from different servers compare. */
function normalize(value, servers) {
  let json = JSON.stringify(value === undefined ? null : value);
  for (const [origin, name] of [[servers.A.origin, 'A'], [servers.B.origin, 'B'], [servers.X, 'X']]) {
    json = json.split(origin).join(name);
  }
  return JSON.parse(json);
}

/** Checks, in the page before any scenario, that the mode is what it claims to be. Returns problems. */
async function checkMode(pg, mode) {
  const { remove, global, iife, restore } = MODES[mode];
  return pg.evaluate(
    ({ remove, global, iife, restore }) => {
      const problems = [];
      const still = remove.filter((name) => name !== 'EventSource' && name in window && !(restore || []).includes(name));
      if (still.length) problems.push('could not remove ' + still.join(', '));
      if (iife) {
        const lib = window.WhatwgEventSource;
        if (!lib || typeof lib.EventSource !== 'function' || typeof lib.createParser !== 'function') {
          problems.push('window.WhatwgEventSource.{EventSource,createParser} missing');
        } else if (global === 'installed' && window.EventSource !== lib.EventSource) {
          problems.push('window.EventSource is not WhatwgEventSource.EventSource');
        } else if (global === 'native' && window.EventSource === lib.EventSource) {
          problems.push('the polyfill replaced a native EventSource');
        }
      }
      if (global === 'native' && !/\[native code\]/.test(String(window.EventSource))) problems.push('no native EventSource');
      return problems;
    },
    { remove, global, iife, restore },
  );
}

/** One mode: a browser context with its init scripts, one page reused for every scenario. */
async function openMode(browser, mode) {
  const context = await browser.newContext();
  const current = { servers: null, pageErrors: [] };
  await context.exposeFunction('__node', (op, arg) => {
    const flags = current.servers ? current.servers.flags : {};
    if (op === 'flag') return flags[arg] || false;
    if (op === 'set') return void (flags[arg] = true);
    throw new Error('unknown op ' + op);
  });
  // A cookie for 127.0.0.1 (cookies ignore ports), to see which cross-origin requests carry credentials.
  await context.addCookies([{ name: 'session', value: 'chromium', domain: '127.0.0.1', path: '/', sameSite: 'Lax' }]);
  // CSP violations from the very start of each document, before the script tag runs (a caught eval() shows only here).
  await context.addInitScript(() => {
    const violations = [];
    Object.defineProperty(window, '__violations', { value: violations });
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  if (MODES[mode].remove.length) {
    await context.addInitScript((names) => {
      const removed = {};
      for (const name of names) {
        removed[name] = window[name];
        delete window[name];
      }
      Object.defineProperty(window, '__removed', { value: removed });
    }, MODES[mode].remove);
  }
  const pg = await context.newPage();
  pg.on('pageerror', (error) => {
    if (!String(error.message).includes('intended-listener-error')) current.pageErrors.push(String(error.message));
  });
  pg.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) current.pageErrors.push('console: ' + msg.text());
  });
  return { context, pg, current };
}

async function runScenario({ pg, current }, mode, scenario) {
  const A = await startServer();
  const B = await startServer();
  const servers = { A, B, X: await closedOrigin(), flags: {} };
  current.servers = servers;
  current.pageErrors = [];
  serveStatic(A, mode);
  if (scenario.setup) scenario.setup(servers);
  try {
    await pg.goto(A.origin + '/__page', { waitUntil: 'load' });
    await pg.waitForFunction(() => window.__ready === true, null, { timeout: 5000 });
    const problems = await checkMode(pg, mode);
    if (problems.length) throw new Error('mode check: ' + problems.concat(current.pageErrors).join('; '));
    const config = { A: A.origin, B: B.origin, X: servers.X, useGlobal: MODES[mode].global !== 'native' || mode === 'native' };
    let timer;
    const result = await Promise.race([
      pg.evaluate(({ name, config }) => window.__run(name, config), { name: scenario.name, config }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('scenario timed out')), SCENARIO_TIMEOUT))),
    ]).finally(() => clearTimeout(timer));
    // Violation reports are queued as tasks: give the last ones a moment to arrive.
    const violations = await pg.evaluate(() => new Promise((resolve) => setTimeout(() => resolve(window.__violations), 0)));
    if (violations.length) current.pageErrors.push('CSP violations: ' + violations.join('; '));
    if (current.pageErrors.length) throw new Error('page errors: ' + current.pageErrors.join('; '));
    const observed = Object.assign({}, result, scenario.observe ? scenario.observe(servers) : {});
    return normalize(observed, servers);
  } finally {
    // Leave the page before the servers go, so that nothing reconnects to them.
    await pg.goto('about:blank').catch(() => {});
    await Promise.all([A.close(), B.close()]);
    current.servers = null;
  }
}

/** Runs every selected scenario in one mode; resolves to [name, observation | Error, ms][]. */
async function runMode(browser, mode) {
  const results = [];
  let handle;
  try {
    handle = await openMode(browser, mode);
  } catch (error) {
    return selected.map((scenario) => [scenario.name, error, 0]);
  }
  for (const scenario of selected) {
    const start = Date.now();
    try {
      results.push([scenario.name, await runScenario(handle, mode, scenario), Date.now() - start]);
    } catch (error) {
      results.push([scenario.name, error instanceof Error ? error : new Error(String(error)), Date.now() - start]);
    }
  }
  await handle.context.close().catch(() => {});
  return results;
}

/** Compares one mode's observation with native's, key by key. Returns the mismatches as text. */
function compare(scenario, mode, nativeObs, obs) {
  const problems = [];
  const keys = new Set([...Object.keys(nativeObs), ...Object.keys(obs)]);
  for (const key of keys) {
    const intended = INTENDED_DIFFERENCES.find(
      (d) => d.scenario === scenario.name && d.key === key && (d.modes || POLYFILL_MODES).includes(mode),
    );
    const expected = intended ? intended.polyfill : nativeObs[key];
    if (!isDeepStrictEqual(obs[key], expected)) {
      problems.push(
        key + (intended ? ' (intended difference: expected the spec value)' : '') + ':\n  ' +
          (intended ? 'spec    ' : 'native  ') + JSON.stringify(expected) + '\n  ' + mode.padEnd(8) + JSON.stringify(obs[key]),
      );
    }
  }
  return problems.join('\n');
}

/** Native must still behave as recorded in INTENDED_DIFFERENCES (else the list is out of date). */
function checkNative(scenario, obs) {
  return INTENDED_DIFFERENCES.filter((d) => d.scenario === scenario.name && !isDeepStrictEqual(obs[d.key], d.chromium))
    .map((d) => d.key + ': Chromium no longer gives what INTENDED_DIFFERENCES records\n  recorded ' + JSON.stringify(d.chromium) + '\n  now      ' + JSON.stringify(obs[d.key]))
    .join('\n');
}

async function main() {
  if (!selected.length) {
    line(false, 'setup', 'no scenario matches ' + JSON.stringify(only));
    return finish();
  }
  const unknown = modes.filter((m) => !MODES[m]);
  if (unknown.length) {
    line(false, 'setup', 'unknown mode: ' + unknown.join(', ') + ' (known: ' + Object.keys(MODES).join(', ') + ')');
    return finish();
  }
  const executablePath = findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    line(false, 'launch', 'Chromium not found: install chromium or set CHROMIUM_PATH');
    return finish();
  }
  if (modes.some((m) => MODES[m].iife) && !existsSync(IIFE_PATH)) {
    line(false, 'setup', IIFE_PATH + ' is missing: build it first (npm run build)');
    return finish();
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  } catch (error) {
    line(false, 'launch', 'Chromium could not be launched: ' + String(error.message).split('\n')[0]);
    return finish();
  }
  console.log(
    'Chromium ' + browser.version() + ' (' + executablePath + '): ' + selected.length + ' scenarios x ' + modes.length +
      ' modes, ' + JOBS + ' modes at a time',
  );
  try {
    // Modes run JOBS at a time, each in its own context; lines are printed mode by mode, native first.
    const pending = new Map();
    let next = 0;
    const startNext = () => {
      if (next >= modes.length) return;
      const mode = modes[next++];
      pending.set(mode, runMode(browser, mode).finally(startNext));
    };
    for (let i = 0; i < JOBS; i++) startNext();
    const natives = new Map();
    for (const mode of modes) {
      while (!pending.has(mode)) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const [name, obs, ms] of await pending.get(mode)) {
        const scenario = selected.find((s) => s.name === name);
        const label = name + ' (' + ms + ' ms)';
        if (obs instanceof Error) {
          line(false, mode, label, obs.message);
        } else if (mode === 'native') {
          natives.set(name, obs);
          if (process.env.SHOW_NATIVE) console.log(JSON.stringify(obs));
          const stale = checkNative(scenario, obs);
          line(!stale, mode, label, stale);
        } else if (!natives.has(name)) {
          line(false, mode, label, 'no native observation to compare with');
        } else {
          const mismatch = compare(scenario, mode, natives.get(name), obs);
          line(!mismatch, mode, label, mismatch);
        }
      }
    }
  } finally {
    await browser.close();
  }
  finish();
}

main().catch((error) => {
  line(false, 'runner', String(error && error.stack ? error.stack : error));
  finish();
});
