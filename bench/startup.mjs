// startup.loaded_vs_static: browser-mode start to data-app-state="loaded", next to a static page in the same Chromium.
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, emit, median, startHost } from './lib.mjs';

const RUNS = 7;

async function staticServer() {
  const page = '<!doctype html><html><head><title>static</title></head><body><h1>static</h1></body></html>';
  const server = createServer((_, res) => res.end(page));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export async function benchStartup() {
  const host = await startHost();
  const stat = await staticServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const warm = await context.newPage();
    await warm.goto(host.url); // exchanges the token for the session cookie once, as a user's first visit does
    await warm.waitForSelector('html[data-app-state="loaded"]', { timeout: 60_000 });
    await warm.close();
    const appTimes = [];
    const staticTimes = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      let t = Date.now();
      await page.goto(new URL('/', host.url).href);
      await page.waitForSelector('html[data-app-state="loaded"]', { timeout: 60_000 });
      appTimes.push(Date.now() - t);
      t = Date.now();
      await page.goto(stat.url, { waitUntil: 'load' });
      staticTimes.push(Date.now() - t);
      await page.close();
    }
    const app = median(appTimes);
    const base = Math.max(1, median(staticTimes));
    emit('startup.loaded_vs_static', app / base, 'x', { baseline: base, note: `loaded in ${app} ms (median of ${RUNS}); static page ${base} ms; target: loaded under 1500 ms` });
  } finally {
    await browser.close();
    stat.close();
    host.stop();
  }
}
