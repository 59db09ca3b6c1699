// The demo page and the script-tag example in headless Chromium: SharedEventSource in three tabs of one browser
// profile, native EventSource, the forced polyfill, and a browser without EventSource. Chromium comes from CHROMIUM_PATH or `which chromium`; without one these are skipped
// (test/browser/run.mjs is where a missing Chromium fails the run).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoServer } from '../../examples/demo/server.mjs';
import { findChromium } from '../helpers/chromium.mjs';

const executablePath = findChromium();
const STREAMS = ['clock', 'ticker', 'flaky', 'metrics', 'chat'];

describe.skipIf(!executablePath)('the demo page in Chromium', () => {
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof startDemoServer>>;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox'] });
  }, 30000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function open(path: string, options: { withoutEventSource?: boolean; viewport?: { width: number; height: number } } = {}) {
    const page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    if (options.withoutEventSource) await page.addInitScript('delete window.EventSource;');
    await page.goto(demo.url(path));
    return { page, errors };
  }

  // Every stream OPEN, and at least `n` events counted on each.
  async function allOpen(page: Page, n = 1) {
    await page.waitForFunction(
      ([streams, n]) =>
        (streams as string[]).every((name) => {
          const state = document.getElementById('state-' + name)!.textContent;
          const count = parseInt(document.getElementById('count-' + name)!.textContent || '0', 10);
          return state === 'OPEN' && count >= (n as number);
        }),
      [STREAMS, n] as const,
      { timeout: 60000 },
    );
  }

  it('works in three tabs at once with SharedEventSource: every stream opens in each, a chat message sent in one arrives in the others, the server holds one stream each', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    try {
      const pages: Page[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(demo.url('/'));
        pages.push(page);
      }
      for (const page of pages) {
        expect(await page.textContent('#impl')).toBe('SharedEventSource, one connection per stream for every tab');
        expect(await page.isChecked('#share')).toBe(true);
        // (A tab that joins gets what follows: not the chat's history, which the first tab got when it connected.)
        await allOpen(page, 0);
      }
      // (Without sharing, tab two's flaky, metrics and chat would stay CONNECTING: six connections per host.)
      await pages[1].fill('#chat-name', 'tab two');
      await pages[1].fill('#chat-text', 'hello from the second tab');
      await pages[1].click('#chat-form button');
      for (const page of pages) {
        await page.waitForFunction(() => document.getElementById('chat-feed')!.textContent!.includes('hello from the second tab'));
      }
      // Five streams for the three tabs, as each page says.
      for (const page of pages) await page.waitForFunction(() => document.getElementById('server-streams')!.textContent === '5', null, { timeout: 10000 });
      const screenshots = join(tmpdir(), 'whatwg-eventsource-demo');
      mkdirSync(screenshots, { recursive: true });
      await pages[2].screenshot({ path: join(screenshots, 'third-tab.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60000);

  it('shows every stream live with the native EventSource, then with the forced polyfill', async () => {
    const { page, errors } = await open('/?shared=0');
    try {
      expect(await page.textContent('#impl')).toBe('the native EventSource of this browser');
      expect(await page.isChecked('#share')).toBe(false);
      await allOpen(page);
      expect(await page.locator('#ticker-rows tr').count()).toBe(4);

      await page.fill('#chat-name', 'ada');
      await page.fill('#chat-text', 'hello from Chromium');
      await page.click('#chat-form button');
      await page.waitForFunction(() => document.getElementById('chat-feed')!.textContent!.includes('hello from Chromium'));

      await page.click('#force');
      expect(await page.textContent('#impl')).toBe('the whatwg-eventsource polyfill (forced; the browser has its own)');
      expect(new URL(page.url()).search).toBe('?polyfill=1');
      await allOpen(page);
      const log = await page.textContent('#log');
      expect(log).toContain('CLOSED: close() called by the page');
      expect(log).toContain('now using the polyfill');
      // The chat's history arrives again on the polyfill's new connection.
      await page.waitForFunction(() => document.getElementById('chat-feed')!.textContent!.includes('hello from Chromium'));
      // Two counts, labelled apart: this page's new EventSource has made one connection; the server has counted
      // the native one's too.
      await page.waitForFunction(() => document.getElementById('flaky-server')!.textContent !== '-');
      expect(await page.textContent('#flaky-connections')).toBe('1');
      expect(Number((await page.textContent('#flaky-server'))!.slice(1))).toBeGreaterThanOrEqual(2);
      expect(await page.textContent('#card-flaky .facts')).toMatch(/this page's connections[\s\S]*the server's count/);
      // The charts have been drawn on.
      for (const id of ['chart-cpu', 'chart-memory']) {
        const drawn = await page.evaluate((id) => {
          const canvas = document.getElementById(id) as HTMLCanvasElement;
          const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
          return false;
        }, id);
        expect(drawn, id).toBe(true);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 40000);

  it('the charts have units and a scale that fits their data', async () => {
    const { page, errors } = await open('/');
    try {
      await page.waitForFunction(() => parseInt(document.getElementById('count-metrics')!.textContent || '0', 10) >= 2);
      const cpu = (await page.getAttribute('#chart-cpu', 'aria-label'))!;
      const memory = (await page.getAttribute('#chart-memory', 'aria-label'))!;
      const scale = (label: string) => Number(/scale 0 to ([\d.]+) /.exec(label)![1]);
      const peak = (label: string) => Number(/, peak ([\d.]+) /.exec(label)![1]);
      const latest = (label: string) => [...label.split(': ')[1].matchAll(/ ([\d.]+) (?:%|MB)(?:,|$)/g)].map((m) => Number(m[1]));
      expect(cpu).toMatch(/^CPU, % of all \d+ cores, the last minute, scale 0 to [\d.]+ %, peak [\d.]+ %: all processes [\d.]+ %, this server [\d.]+ %$/);
      expect(memory).toMatch(/^Memory, the last minute, scale 0 to [\d.]+ MB, peak [\d.]+ MB: RSS [\d.]+ MB, heap used [\d.]+ MB$/);
      // The top of the scale is above the largest value shown in the last minute (the peak, which is at least each
      // series' latest value), and less than 2.5 times it (or 1, for tiny values); CPU never goes above 100 %.
      // (The peak, not the latest values: a sample taken while the machine was busy stays in the chart.)
      for (const label of [cpu, memory]) {
        const top = scale(label);
        const largest = peak(label);
        expect(largest, label).toBeGreaterThanOrEqual(Math.max(...latest(label)));
        expect(top, label).toBeGreaterThanOrEqual(Math.min(largest, 100));
        expect(top, label).toBeLessThanOrEqual(Math.max(1, largest * 2.5));
      }
      expect(scale(cpu)).toBeLessThanOrEqual(100);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30000);

  it('at 1280x900 the connection log is on screen, and each flaky event takes one line', async () => {
    const { page, errors } = await open('/', { viewport: { width: 1280, height: 900 } });
    try {
      await page.waitForFunction(() => document.querySelectorAll('#flaky-feed li').length >= 3);
      const log = (await page.locator('#card-log').boundingBox())!;
      expect(log.y).toBeLessThan(900);
      expect(log.y + log.height).toBeLessThanOrEqual(900);
      const lines = await page.evaluate(() => {
        const items = Array.prototype.slice.call(document.querySelectorAll('#flaky-feed li')) as HTMLElement[];
        const lineHeight = parseFloat(getComputedStyle(items[0]).lineHeight);
        return items.map((li) => li.getBoundingClientRect().height / lineHeight);
      });
      for (const ratio of lines) expect(ratio).toBeLessThan(1.5);
      // A long run: many more lines in every list, and still nothing moves: the lists scroll inside their cards.
      const before = await page.evaluate(() => document.body.scrollHeight);
      await page.evaluate(() => {
        for (const id of ['flaky-feed', 'chat-feed', 'log']) {
          const list = document.getElementById(id)!;
          for (let i = 0; i < 150; i++) {
            const li = document.createElement('li');
            li.textContent = '12:00:00 a line of a long run ' + i;
            list.appendChild(li);
          }
        }
      });
      expect(await page.evaluate(() => document.body.scrollHeight)).toBe(before);
      const after = (await page.locator('#card-log').boundingBox())!;
      expect(after.y + after.height).toBeLessThanOrEqual(900);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30000);

  it('installs the polyfill where the browser has no EventSource, and the switch is off', async () => {
    const { page, errors } = await open('/?shared=0', { withoutEventSource: true });
    try {
      expect(await page.textContent('#impl')).toBe('the whatwg-eventsource polyfill (this browser has no EventSource of its own)');
      expect(await page.isDisabled('#force')).toBe(true);
      await allOpen(page);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30000);

  it('the script-tag example shows messages, natively and with the polyfill installed', async () => {
    for (const withoutEventSource of [false, true]) {
      const { page, errors } = await open('/examples/browser/', { withoutEventSource });
      try {
        await page.waitForFunction(() => /message: \d{4}-/.test(document.getElementById('events')!.textContent!), null, { timeout: 60000 });
        expect(await page.textContent('#which')).toBe(withoutEventSource ? 'the polyfill' : 'native');
        expect(await page.textContent('#state')).toBe('OPEN');
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 30000);
});
