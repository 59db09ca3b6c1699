// The three browser engines the browser tests drive, behind one small interface:
//   engine.find()            the executable, or null (Debian's packages; nothing is ever downloaded)
//   engine.launch()          -> { version, newPage(), close() }; close() also kills what launch() started
//   page.goto(url)           navigates and waits for the load event
//   page.call(name, arg)     runs window[name](arg) in the page and resolves to its (awaited, JSON) result
//   page.close()
// Chromium: playwright-core over CDP. Firefox (firefox-esr): puppeteer-core over WebDriver BiDi. WebKit (WebKitGTK's
// WebKitWebDriver from webkit2gtk-driver): classic WebDriver over HTTP, with fetch; it needs an X display, so an Xvfb
// is started for it. Pages get nothing from the drivers beyond navigation and calls: the test page's own first
// script removes globals and records errors (run.mjs), so every engine runs exactly the same page.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { findChromium } from '../helpers/chromium.mjs';

/** `which name` for each name in turn, or null. */
function which(...names) {
  for (const name of names) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (path) return path;
    } catch {}
  }
  return null;
}

// Processes this module spawned itself (WebKit's driver and Xvfb), each the leader of its own process group. They
// are killed with their whole group by close(), and also when this process exits or is interrupted, whatever state
// the run is in. (playwright-core and puppeteer-core do the same for the browsers they launch.)
const spawned = new Set();
const killGroup = (child) => {
  spawned.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
};
process.on('exit', () => [...spawned].forEach(killGroup));

/** Spawns `command` as the leader of a new process group, registered for killing at exit. */
function spawnGroup(command, args, options) {
  const child = spawn(command, args, Object.assign({ detached: true }, options));
  spawned.add(child);
  child.on('exit', () => spawned.delete(child));
  return child;
}

/** Resolves when `child` has written a line matching `pattern` to `stream` (or rejects when it exits first). */
function lineFrom(child, stream, pattern, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (data) => {
      text += data;
      const match = pattern.exec(text);
      if (match) {
        stream.off('data', onData);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = (code, signal) => reject(new Error(what + ' exited (' + (signal || code) + ') before it was ready: ' + text.trim()));
    stream.setEncoding('utf8');
    stream.on('data', onData);
    child.on('exit', onExit);
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      server.close(() => resolve(port));
    });
  });

// --- Chromium -------------------------------------------------------------------------------------------------------

const chromium = {
  name: 'chromium',
  label: 'Chromium',
  install: 'chromium',
  find: findChromium,
  // Independent browser contexts: modes can run side by side.
  jobs: 3,
  // options.bfcache: without Playwright's default --disable-back-forward-cache (bfcache.mjs).
  async launch(executablePath, options = {}) {
    const { chromium: playwright } = await import('playwright-core');
    const ignoreDefaultArgs = options.bfcache ? ['--disable-back-forward-cache'] : undefined;
    const browser = await playwright.launch({ executablePath, args: ['--no-sandbox'], ignoreDefaultArgs });
    return {
      version: browser.version(),
      async newPage() {
        const context = await browser.newContext();
        const pg = await context.newPage();
        return {
          goto: (url) => pg.goto(url, { waitUntil: 'load' }),
          call: (name, arg) => pg.evaluate(([name, arg]) => window[name](arg), [name, arg]),
          close: () => context.close(),
        };
      },
      close: () => browser.close(),
    };
  },
};

// --- Firefox --------------------------------------------------------------------------------------------------------

const firefox = {
  name: 'firefox',
  label: 'Firefox',
  install: 'firefox-esr',
  find: () => process.env.FIREFOX_PATH || which('firefox-esr', 'firefox'),
  jobs: 3,
  async launch(executablePath) {
    const { default: puppeteer } = await import('puppeteer-core');
    // WebDriver BiDi is puppeteer-core's only protocol for Firefox. Headless Firefox needs no display.
    // Modes run side by side, each in a tab of its own; all but one tab are in the background, where Firefox would
    // hold back setTimeout to once a second. The scenarios' timers must run as in a tab in front.
    const extraPrefsFirefox = {
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
    };
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox });
    const version = (await browser.version()).replace(/^firefox\//i, '');
    return {
      version,
      async newPage() {
        const context = await browser.createBrowserContext();
        const pg = await context.newPage();
        return {
          goto: (url) => pg.goto(url, { waitUntil: 'load' }),
          call: (name, arg) => pg.evaluate((name, arg) => window[name](arg), name, arg),
          close: () => context.close(),
        };
      },
      close: () => browser.close(),
    };
  },
};

// --- WebKit ---------------------------------------------------------------------------------------------------------

/** A WebDriver command: resolves to `value`, or rejects with the driver's error and message. */
async function webdriver(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ value: { error: 'HTTP ' + response.status } }));
  if (!response.ok || (json.value && json.value.error)) {
    throw new Error('WebDriver ' + method + ' ' + path + ': ' + json.value.error + ': ' + String(json.value.message).split('\n')[0]);
  }
  return json.value;
}

/** Starts Xvfb on a free display number (it writes the number to fd 3 once it accepts clients). */
async function startXvfb() {
  const xvfb = which('Xvfb');
  if (!xvfb) throw new Error('Xvfb not found: install xvfb');
  const child = spawnGroup(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const [, display] = await lineFrom(child, child.stdio[3], /^(\d+)\n/, 'Xvfb');
  return { child, display: ':' + display };
}

const webkit = {
  name: 'webkit',
  label: 'WebKit',
  install: 'webkit2gtk-driver',
  find: () => process.env.WEBKIT_WEBDRIVER_PATH || which('WebKitWebDriver'),
  // A WebKitWebDriver holds one session, one window: each page is a driver and browser of its own, on one Xvfb.
  jobs: 2,
  async launch(executablePath) {
    const children = [];
    const kill = () => children.forEach(killGroup);
    try {
      const xvfb = await startXvfb();
      children.push(xvfb.child);
      /** Starts a driver and opens its session: resolves to { base, path, version }. */
      const startSession = async () => {
        const port = await freePort();
        const driver = spawnGroup(executablePath, ['--port=' + port, '--host=127.0.0.1'], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: Object.assign({}, process.env, { DISPLAY: xvfb.display }),
        });
        children.push(driver);
        driver.stderr.resume();
        // The driver prints nothing when it listens; its status answers once it does (connection refused before).
        const base = 'http://127.0.0.1:' + port;
        for (let attempt = 0; ; attempt++) {
          if (driver.exitCode !== null) throw new Error('WebKitWebDriver exited (' + driver.exitCode + ')');
          try {
            await webdriver(base, 'GET', '/status');
            break;
          } catch (error) {
            if (attempt > 600) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        const session = await webdriver(base, 'POST', '/session', { capabilities: { alwaysMatch: { browserName: 'MiniBrowser' } } });
        const path = '/session/' + session.sessionId;
        // The script timeout is only a hang guard (run.mjs has its own): calls wait on the page's events.
        await webdriver(base, 'POST', path + '/timeouts', { script: 600000, pageLoad: 120000 });
        return { base, path, version: session.capabilities.browserVersion };
      };
      const first = await startSession();
      return webkitBrowser(first, startSession, kill);
    } catch (error) {
      kill();
      throw error;
    }
  },
};

/** Pages on WebDriver sessions: a closed page's session waits (on about:blank) for the next page. */
function webkitBrowser(first, startSession, kill) {
  const sessions = [first];
  const idle = [first];
  return {
    version: first.version,
    async newPage() {
      let session = idle.pop();
      if (!session) {
        session = await startSession();
        sessions.push(session);
      }
      const { base, path } = session;
      return {
        goto: (url) => webdriver(base, 'POST', path + '/url', { url }),
        async call(name, arg) {
          const result = await webdriver(base, 'POST', path + '/execute/async', {
            script:
              'var name = arguments[0], arg = arguments[1], done = arguments[2];\n' +
              'Promise.resolve().then(function () { return window[name](arg); }).then(\n' +
              '  function (value) { done({ value: JSON.stringify(value === undefined ? null : value) }); },\n' +
              '  function (error) { done({ error: String((error && error.message) || error) }); });',
            args: [name, arg === undefined ? null : arg],
          });
          if (result.error !== undefined) throw new Error(result.error);
          return JSON.parse(result.value);
        },
        async close() {
          await webdriver(base, 'POST', path + '/url', { url: 'about:blank' }).catch(() => {});
          idle.push(session);
        },
      };
    },
    async close() {
      await Promise.all(sessions.map(({ base, path }) => webdriver(base, 'DELETE', path).catch(() => {})));
      kill();
    },
  };
}

export const engines = { chromium, firefox, webkit };

/** Whether the executable exists. */
export const installed = (path) => !!path && existsSync(path);
