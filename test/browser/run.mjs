// Native EventSource against the polyfill, in Chromium, Firefox and WebKit, on the same streams:
//   node test/browser/run.mjs [name filter, `a|b` for either] [--engine=chromium,firefox,webkit] [--mode=legacy,...]
// Environment: CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER_PATH, BROWSER_JOBS (modes at a time in each engine:
// 3 in Chromium and Firefox, 2 in WebKit by default), IIFE_FILE (the script tag under test), SHOW_NATIVE=1 (print
// native's observations).
// The engines run one after another (side by side they cost more CPU than they save in waiting, on two cores). In
// each, every scenario (scenarios.mjs) runs first with the engine's own EventSource, then in each polyfill mode;
// every key of each observation must equal native's in the same engine, except the intended differences
// (differences.mjs). Each engine ends with a line of its own; the run ends with exactly one `N passed, N failed`
// line. A missing or broken browser is a failure, never a skip.
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createServer } from 'node:net';
import { startServer } from '../helpers/sse-server.mjs';
import { guard } from '../helpers/wait.mjs';
import { scenarios } from './scenarios.mjs';
import { engines, installed } from './engines.mjs';
import { INTENDED_DIFFERENCES, POLYFILL_MODES } from './differences.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = (name) => resolve(root + 'dist', name);
// The script tag under test: dist/eventsource.iife.min.js, or IIFE_FILE (a name in dist/, or a path, e.g. to check
// that a deliberately broken copy fails).
const IIFE_PATH = dist(process.env.IIFE_FILE || 'eventsource.iife.min.js');
const EXTENDED_PATH = dist('eventsource.extended.iife.min.js');
// The shared script tag (SharedEventSource).
const SHARED_PATH = dist('eventsource.shared.iife.min.js');
// Hang guards only: scenarios wait on events (see `until` in scenarios.mjs, 60 s per wait).
const SCENARIO_TIMEOUT = 180000;

// Globals removed by the page's first script, before the script tag, to make an engine look like an old browser.
const LEGACY_REMOVED = ['EventSource', 'fetch', 'Request', 'Response', 'Headers', 'ReadableStream', 'TextDecoder', 'TextEncoder', 'AbortController'];
const SHIMS_REMOVED = LEGACY_REMOVED.concat(['EventTarget', 'Event', 'MessageEvent']);
// Further, what IE 11 lacks of what the polyfill could use: URL (resolved with an <a> element instead), Promise,
// Symbol, Reflect, the ES2015 collections, reportError. The polyfill picks its platform when the script tag runs;
// right after it these are put back (`restore`), as the drivers' calls and the test code need them.
const IE11_RESTORED = ['URL', 'Promise', 'Symbol', 'Reflect', 'Map', 'Set', 'WeakMap', 'reportError'];
const IE11_REMOVED = SHIMS_REMOVED.concat(IE11_RESTORED);

// `iife`: the script tag's path. `use`: the constructor the scenarios get (a path from window). `global`: what
// window.EventSource must be: the engine's ('native') or the polyfill's ('installed').
const MODES = {
  // The engine's own EventSource: the reference.
  native: { iife: null, remove: [], csp: false, global: 'native', use: 'EventSource' },
  // The polyfill next to a native EventSource: the fetch transport and native DOM events.
  polyfill: { iife: IIFE_PATH, remove: [], csp: false, global: 'native', use: 'WhatwgEventSource.EventSource' },
  // No EventSource, fetch, streams, TextDecoder or AbortController: the XHR transport; the polyfill installs itself.
  legacy: { iife: IIFE_PATH, remove: LEGACY_REMOVED, csp: false, global: 'installed', use: 'EventSource' },
  // As legacy, and no EventTarget, Event or MessageEvent constructors: the DOM shims.
  shims: { iife: IIFE_PATH, remove: SHIMS_REMOVED, csp: false, global: 'installed', use: 'EventSource' },
  // As shims, and no URL, Promise, Symbol, Reflect, Map, Set, WeakMap, reportError: as close to IE 11 as it gets.
  ie11: { iife: IIFE_PATH, remove: IE11_REMOVED, restore: IE11_RESTORED, csp: false, global: 'installed', use: 'EventSource' },
  // Content-Security-Policy: script-src 'self' (no inline script, no eval), with each transport.
  'csp-polyfill': { iife: IIFE_PATH, remove: [], csp: true, global: 'native', use: 'WhatwgEventSource.EventSource' },
  'csp-legacy': { iife: IIFE_PATH, remove: LEGACY_REMOVED, csp: true, global: 'installed', use: 'EventSource' },
  // The extended script tag's own class with no options: exactly the spec's EventSource. (The global it installs
  // where EventSource is missing is the plain class, as the plain script tag's.)
  extended: { iife: EXTENDED_PATH, remove: [], csp: false, global: 'native', use: 'WhatwgEventSource.ExtendedEventSource' },
  'extended-legacy': { iife: EXTENDED_PATH, remove: LEGACY_REMOVED, csp: false, global: 'installed', use: 'WhatwgEventSource.ExtendedEventSource' },
  // The shared script tag's SharedEventSource, in one tab: with Web Locks and BroadcastChannel (every engine here),
  // through its hub and relay.
  shared: { iife: SHARED_PATH, remove: [], csp: false, global: 'native', use: 'WhatwgEventSource.SharedEventSource' },
};
for (const d of INTENDED_DIFFERENCES) {
  if (!scenarios.some((s) => s.name === d.scenario)) throw new Error('differences.mjs names no scenario: ' + d.scenario);
}
for (const mode of POLYFILL_MODES) if (!MODES[mode]) throw new Error('differences.mjs names an unknown mode: ' + mode);
for (const mode in MODES) if (mode !== 'native' && !POLYFILL_MODES.includes(mode)) throw new Error('POLYFILL_MODES lacks ' + mode);

// Modes an engine cannot run, with the reason (none so far: every engine lets a script delete every global above).
const UNSUPPORTED = { chromium: {}, firefox: {}, webkit: {} };

// --- Arguments ------------------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const option = (name) => {
  const arg = args.find((a) => a.startsWith('--' + name + '='));
  return arg ? arg.slice(name.length + 3).split(',').filter(Boolean) : null;
};
const only = args.find((a) => !a.startsWith('--'));
const engineNames = option('engine') || Object.keys(engines);
const modeNames = option('mode') ? ['native', ...option('mode').filter((m) => m !== 'native')] : Object.keys(MODES);
// The filter is a substring of scenario names; `a|b` selects either.
const selected = scenarios.filter((s) => !only || only.split('|').some((part) => s.name.includes(part)));

let passed = 0;
let failed = 0;
/** Counts one check and prints its line. */
const line = (ok, where, name, detail) => {
  if (ok) passed++;
  else failed++;
  console.log((ok ? 'ok   ' : 'FAIL ') + where.padEnd(24) + ' ' + name + (detail ? '\n       ' + detail.split('\n').join('\n       ') : ''));
};

// --- The test page --------------------------------------------------------------------------------------------------

/** An origin where nothing listens (a port just released), for refused connections. */
async function closedOrigin() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  await new Promise((resolve) => server.close(resolve));
  return 'http://127.0.0.1:' + port;
}

function page(mode) {
  const { iife, restore } = MODES[mode];
  const scripts = ['<script src="/__test/prelude.js"></script>'];
  if (iife) scripts.push('<script src="/__dist/' + basename(iife) + '"></script>');
  if (restore) scripts.push('<script src="/__test/restore.js"></script>');
  scripts.push('<script type="module" src="/__test/scenarios.mjs"></script>');
  return '<!doctype html>\n<meta charset="utf-8">\n<title>EventSource ' + mode + '</title>\n' + scripts.join('\n') + '\n';
}

// The page's first script, in every engine (WebKit's WebDriver has no hook that runs before the page's scripts, so
// none is used anywhere): it records CSP violations and uncaught errors from the start of the document, then removes
// the mode's globals, keeping them in window.__removed for restore.js.
function prelude(remove) {
  return `(function () {
  var errors = [];
  var violations = [];
  Object.defineProperty(window, '__errors', { value: function () { return errors; } });
  Object.defineProperty(window, '__violations', { value: function () { return violations; } });
  document.addEventListener('securitypolicyviolation', function (e) { violations.push(e.violatedDirective + ' ' + e.blockedURI); });
  window.addEventListener('error', function (e) {
    var message = String(e.message || (e.error && e.error.message));
    if (message.indexOf('intended-listener-error') === -1) errors.push(message);
  });
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + String(e.reason)); });
  var names = ${JSON.stringify(remove)};
  var removed = {};
  for (var i = 0; i < names.length; i++) {
    removed[names[i]] = window[names[i]];
    delete window[names[i]];
  }
  Object.defineProperty(window, '__removed', { value: removed });
})();
`;
}

/**
 * The test page's files and the page's line to Node (/__node: `set` a flag, read a `flag`, `wait` until one is set,
 * on the flag board of the scenario running now), served by the document's server A, which is also each scenario's
 * stream server A, so that the page and the streams share an origin. A cookie for 127.0.0.1 comes with the page
 * (cookies ignore ports), to see which cross-origin requests carry credentials.
 */
function serveStatic(doc) {
  const { A: server, mode } = doc;
  const csp = MODES[mode].csp ? { 'Content-Security-Policy': "script-src 'self'" } : {};
  const file = (path, type, read, extra) =>
    server.handle(path, (req, res) => {
      let body;
      try {
        body = read();
      } catch (error) {
        return void res.writeHead(404).end(String(error));
      }
      res.writeHead(200, Object.assign({ 'Content-Type': type, 'Cache-Control': 'no-store' }, csp, extra));
      res.end(body);
    });
  const js = 'text/javascript; charset=utf-8';
  file('/__page', 'text/html; charset=utf-8', () => page(mode), { 'Set-Cookie': 'session=1; Path=/; SameSite=Lax' });
  file('/__test/prelude.js', js, () => prelude(MODES[mode].remove));
  file('/__test/scenarios.mjs', js, () => readFileSync(root + 'test/browser/scenarios.mjs'));
  file('/__test/restore.js', js, () => (MODES[mode].restore || []).map((name) => 'window.' + name + ' = window.__removed.' + name + ';\n').join(''));
  if (MODES[mode].iife) file('/__dist/' + basename(MODES[mode].iife), js, () => readFileSync(MODES[mode].iife));
  server.handle('/__node', (req, res, { query }) => {
    const servers = doc.servers;
    const name = query.get('name');
    const answer = (value) => res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
    const op = query.get('op');
    if (!servers) return void res.writeHead(400).end('no scenario is running');
    if (op === 'set') return void ((servers.flags[name] = true), answer(true));
    if (op === 'flag') return void answer(servers.flags[name] || false);
    if (op === 'wait') return void servers.when(name).then(() => answer(true));
    res.writeHead(400).end('unknown op ' + op);
  });
}

/**
 * The scenario's shared state: `flags` (any property set, by a handler or by the page, wakes whoever waits for it)
 * and `when(name)`, a promise that a flag is set.
 */
function flagBoard() {
  const waiting = new Map();
  const flags = new Proxy(
    {},
    {
      set(target, key, value) {
        target[key] = value;
        if (value && waiting.has(key)) {
          for (const wake of waiting.get(key)) wake();
          waiting.delete(key);
        }
        return true;
      },
    },
  );
  const when = (name) =>
    flags[name] ? Promise.resolve() : new Promise((resolve) => waiting.set(name, (waiting.get(name) || []).concat(resolve)));
  return { flags, when };
}

/** Origins to stable names, so observations from different servers compare. */
function normalize(value, servers) {
  let json = JSON.stringify(value === undefined ? null : value);
  for (const [origin, name] of [[servers.A.origin, 'A'], [servers.B.origin, 'B'], [servers.X, 'X']]) {
    json = json.split(origin).join(name);
  }
  return JSON.parse(json);
}

// --- The harness page ------------------------------------------------------------------------------------------------

// The test page (/__page on its server A) is a frame of one harness page that the driver loads once per page (a
// frame costs the engines about half of what a top-level navigation there and back to about:blank did), and serves
// one scenario after another (see runScenario). The page is the same either way: its own origin, its mode's globals
// removed by its own first script, and its network activity ended when the frame goes. The harness and A are
// same-site (127.0.0.1; ports do not count), so the page's cookie is first-party and its storage unpartitioned, as
// at the top level. The driver's calls reach the frame through the harness:
//   __frame(url)  loads url in a new frame; resolves once it has loaded and its scenarios.mjs runs
//   __call({ name, arg })  runs window[name](arg) in the frame; resolves to its result (postMessage both ways)
//   __leave()  removes the frame; calls still waiting are rejected, so that no driver call stays pending.
const HARNESS = `(function () {
  var frame = null;
  var pending = {};
  var ids = 0;
  var ready = null;
  window.addEventListener('message', function (e) {
    if (!frame || e.source !== frame.contentWindow || !e.data || e.data.harness !== 'answer') return;
    if (e.data.id === 'ready') return ready && ready();
    var call = pending[e.data.id];
    if (!call) return;
    delete pending[e.data.id];
    if ('error' in e.data) call.reject(new Error(e.data.error));
    else call.resolve(e.data.value);
  });
  window.__leave = function () {
    if (frame) frame.remove();
    frame = null;
    ready = null;
    for (var id in pending) pending[id].reject(new Error('the test page was left'));
    pending = {};
    return true;
  };
  window.__frame = function (url) {
    window.__leave();
    var loaded = false;
    var running = false;
    return new Promise(function (resolve) {
      var check = function () {
        if (loaded && running) resolve(true);
      };
      ready = function () {
        running = true;
        check();
      };
      frame = document.createElement('iframe');
      frame.width = 800;
      frame.height = 600;
      frame.addEventListener('load', function () {
        loaded = true;
        check();
      });
      frame.src = url;
      document.body.appendChild(frame);
    });
  };
  window.__call = function (request) {
    if (!frame) return Promise.reject(new Error('no test page'));
    var id = String(++ids);
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject };
      frame.contentWindow.postMessage({ harness: 'call', id: id, name: request.name, arg: request.arg }, '*');
    });
  };
})();
`;

/** Serves the harness page; resolves to its server once `pg` shows it. */
async function openHarness(pg) {
  const H = await startServer();
  H.handle('/__harness', (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end('<!doctype html>\n<meta charset="utf-8">\n<title>EventSource harness</title>\n<body>\n<script src="/__harness.js"></script>\n'),
  );
  H.handle('/__harness.js', (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(HARNESS),
  );
  await pg.goto(H.origin + '/__harness');
  return H;
}

// --- Running --------------------------------------------------------------------------------------------------------

// A test page serves one scenario after another, in the same document, until one ends in an error (a hang, a page
// error, a failed mode check; then the next scenario gets a new one). A new document for each scenario cost the engines 0.1-0.18 CPU-seconds a check, more than most
// scenarios themselves. Between scenarios the page closes every EventSource the scenario made (__cleanup), and A is
// reset: its added endpoints, counts and request log cleared (see reset()). B and X are new for each
// scenario. Errors and CSP violations are the scenario's own (those since its __run). In the shared mode, a scenario
// may open a stream whose URL the last one's SharedEventSource used: its hub, closed, lets go of the lock and
// channel for it while the new one asks for them, as in a tab that closes a stream and opens it again.

/** Loads the mode's test page, on a new server A, into the harness's frame; resolves to the document. */
async function openDocument(pg, mode) {
  const doc = { A: await startServer(), mode, servers: null };
  serveStatic(doc);
  try {
    await guard(pg.call('__frame', doc.A.origin + '/__page'), SCENARIO_TIMEOUT, 'the test page did not load (hang guard)');
  } catch (error) {
    await closeDocument(pg, doc);
    throw error;
  }
  return doc;
}

/** Leaves the document (before its server goes, so that nothing reconnects to it). */
async function closeDocument(pg, doc) {
  await pg.call('__leave').catch(() => {});
  await doc.A.close();
}

/**
 * Runs one scenario on the mode's page: in `state.doc`, the document the last scenario left (or a new one).
 * Resolves to its normalized observation.
 */
async function runScenario(pg, state, mode, scenario) {
  const doc = state.doc || (state.doc = await openDocument(pg, mode));
  const B = await startServer();
  const servers = Object.assign({ A: doc.A, B, X: await closedOrigin() }, flagBoard());
  doc.servers = servers;
  let reusable = false;
  try {
    if (scenario.setup) scenario.setup(servers);
    const config = { A: doc.A.origin, B: B.origin, X: servers.X, use: MODES[mode].use, check: MODES[mode] };
    // The mode is checked on the page first: the globals really gone, the right EventSource in place.
    const run = pg.call('__call', { name: '__run', arg: { name: scenario.name, config } });
    const result = JSON.parse(await guard(run, SCENARIO_TIMEOUT, 'scenario timed out (hang guard)'));
    if (result.problems) throw new Error('mode check: ' + result.problems.join('; '));
    // Violation reports are queued as tasks: __report waits one task before it reads them.
    const report = await pg.call('__call', { name: '__report' });
    const pageErrors = report.errors.concat(report.violations.length ? ['CSP violations: ' + report.violations.join('; ')] : []);
    if (pageErrors.length) throw new Error('page errors: ' + pageErrors.join('; '));
    const observed = Object.assign({}, result.observation, scenario.observe ? scenario.observe(servers) : {});
    reusable = true;
    return normalize(observed, servers);
  } finally {
    // Every EventSource of the scenario closed before A is reset, so that nothing reconnects to the next one's.
    if (reusable) reusable = await pg.call('__call', { name: '__cleanup' }).catch(() => false);
    doc.servers = null;
    if (reusable) {
      doc.A.reset();
      serveStatic(doc);
    } else {
      state.doc = null;
      await closeDocument(pg, doc);
    }
    await B.close();
  }
}

/**
 * Runs every selected scenario in one mode on `pg` (a page showing the harness, or the Error that stopped it from
 * opening); resolves to [name, observation | Error, ms][].
 */
async function runMode(pg, mode) {
  if (pg instanceof Error) return selected.map((scenario) => [scenario.name, pg, 0]);
  const results = [];
  const state = { doc: null };
  for (const scenario of selected) {
    const start = Date.now();
    try {
      results.push([scenario.name, await runScenario(pg, state, mode, scenario), Date.now() - start]);
    } catch (error) {
      results.push([scenario.name, error instanceof Error ? error : new Error(String(error)), Date.now() - start]);
    }
  }
  if (state.doc) await closeDocument(pg, state.doc);
  return results;
}

/** The intended difference for this key in this engine and mode, if any. */
const intendedFor = (engine, scenario, mode, key) =>
  INTENDED_DIFFERENCES.find(
    (d) => d.scenario === scenario.name && d.key === key && engine in d.native && (d.modes || POLYFILL_MODES).includes(mode),
  );

/** Compares one mode's observation with native's, key by key. Returns the mismatches as text. */
function compare(engine, scenario, mode, nativeObs, obs) {
  const problems = [];
  const keys = new Set([...Object.keys(nativeObs), ...Object.keys(obs)]);
  for (const key of keys) {
    const intended = intendedFor(engine, scenario, mode, key);
    const expected = intended ? intended.polyfill : nativeObs[key];
    if (!isDeepStrictEqual(obs[key], expected)) {
      problems.push(
        key + (intended ? ' (intended difference: expected the recorded value)' : '') + ':\n  ' +
          (intended ? 'expected ' : 'native   ') + JSON.stringify(expected) + '\n  ' + mode.padEnd(9) + JSON.stringify(obs[key]),
      );
    }
  }
  return problems.join('\n');
}

/** Native must still behave as recorded in INTENDED_DIFFERENCES (else the list is out of date). */
function checkNative(engine, scenario, obs) {
  return INTENDED_DIFFERENCES.filter((d) => d.scenario === scenario.name && engine in d.native && !isDeepStrictEqual(obs[d.key], d.native[engine]))
    .map((d) => d.key + ': the native EventSource no longer gives what differences.mjs records\n  recorded ' + JSON.stringify(d.native[engine]) + '\n  now      ' + JSON.stringify(obs[d.key]))
    .join('\n');
}

let current = null;

/** One engine: launch, every mode (`jobs` at a time, native first), compare, close. Ends with its counts and time. */
async function runEngine(name) {
  const engine = engines[name];
  const start = Date.now();
  const before = [passed, failed];
  const where = (mode) => name + ' ' + mode;
  const summary = (version) => {
    const seconds = Math.round((Date.now() - start) / 1000);
    console.log(engine.label + ' ' + version + ': ' + (passed - before[0]) + ' checks passed, ' + (failed - before[1]) + ' failed, ' + seconds + ' s\n');
  };
  const executablePath = engine.find();
  if (!installed(executablePath)) {
    line(false, where('launch'), engine.label + ' not found: apt-get install ' + engine.install + ' (or set its path variable)');
    return summary('');
  }
  const modes = modeNames.filter((mode) => {
    if (UNSUPPORTED[name][mode]) {
      console.log('note ' + where(mode).padEnd(24) + ' not run: ' + UNSUPPORTED[name][mode]);
      return false;
    }
    return true;
  });
  const missing = modes.filter((mode) => MODES[mode].iife && !existsSync(MODES[mode].iife));
  if (missing.length) {
    line(false, where('setup'), missing.map((mode) => MODES[mode].iife).join(', ') + ' missing: build first (npm run build)');
    return summary('');
  }
  let browser;
  try {
    browser = current = await engine.launch(executablePath);
  } catch (error) {
    line(false, where('launch'), engine.label + ' could not be launched: ' + String(error && error.message).split('\n')[0]);
    return summary('');
  }
  const jobs = Math.max(1, Number(process.env.BROWSER_JOBS) || engine.jobs);
  console.log(engine.label + ' ' + browser.version + ' (' + executablePath + '): ' + selected.length + ' scenarios x ' + modes.length + ' modes, ' + jobs + ' at a time');
  try {
    // Modes run `jobs` at a time: each job opens a page (with the harness) and takes the next mode until none is
    // left. (A page per mode cost Chromium some 0.7 CPU-seconds each; modes never share an origin, as each mode's
    // test page has a server A of its own.) Lines are printed mode by mode, native first.
    const pending = new Map();
    let next = 0;
    const job = async () => {
      let pg;
      let harness;
      try {
        pg = await browser.newPage();
        harness = await openHarness(pg);
      } catch (error) {
        pg = error instanceof Error ? error : new Error(String(error));
      }
      while (next < modes.length) {
        const mode = modes[next++];
        const results = runMode(pg, mode);
        pending.set(mode, results);
        await results;
      }
      if (!(pg instanceof Error)) await pg.close().catch(() => {});
      if (harness) await harness.close();
    };
    const jobsDone = Promise.all(Array.from({ length: Math.min(jobs, modes.length) }, job));
    const natives = new Map();
    for (const mode of modes) {
      while (!pending.has(mode)) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const [scenarioName, obs, ms] of await pending.get(mode)) {
        const scenario = selected.find((s) => s.name === scenarioName);
        const label = scenarioName + ' (' + ms + ' ms)';
        if (obs instanceof Error) {
          line(false, where(mode), label, obs.message);
        } else if (mode === 'native') {
          natives.set(scenarioName, obs);
          if (process.env.SHOW_NATIVE) console.log(JSON.stringify(obs));
          const stale = checkNative(name, scenario, obs);
          line(!stale, where(mode), label, stale);
        } else if (!natives.has(scenarioName)) {
          line(false, where(mode), label, 'no native observation to compare with');
        } else {
          const mismatch = compare(name, scenario, mode, natives.get(scenarioName), obs);
          line(!mismatch, where(mode), label, mismatch);
        }
      }
    }
    await jobsDone;
  } finally {
    current = null;
    await browser.close().catch(() => {});
  }
  summary(browser.version);
}

async function main() {
  if (!selected.length) return line(false, 'setup', 'no scenario matches ' + JSON.stringify(only));
  const unknown = modeNames.filter((m) => !MODES[m]).concat(engineNames.filter((e) => !engines[e]));
  if (unknown.length) {
    return line(false, 'setup', 'unknown: ' + unknown.join(', ') + ' (engines: ' + Object.keys(engines).join(', ') + '; modes: ' + Object.keys(MODES).join(', ') + ')');
  }
  for (const name of engineNames) await runEngine(name);
}

// Interrupted: close the browser in use (its processes, and the drivers and Xvfb for WebKit), then stop.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const closing = current ? current.close().catch(() => {}) : Promise.resolve();
    const guard = setTimeout(() => process.exit(1), 10000);
    closing.then(() => {
      clearTimeout(guard);
      process.exit(1);
    });
  });
}

main()
  .catch((error) => line(false, 'runner', String(error && error.stack ? error.stack : error)))
  .then(() => {
    console.log(passed + ' passed, ' + failed + ' failed');
    process.exitCode = failed ? 1 : 0;
  });
