import { test as base, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHost, type HostDirs, type RunningHost } from './host';

export interface AppFixture {
  readonly dirs: HostDirs;
  host: RunningHost;
  /** Kills (or stops) the host and starts a new one on the same folders: a crash and a restart. */
  restart(signal?: NodeJS.Signals): Promise<RunningHost>;
  /**
   * Opens a fresh launch link in the page's browser context (its single-use token becomes that context's own
   * session cookie) and waits for <html data-app-state="loaded">. Other pages of the context share the cookie.
   */
  open(page: Page, hash?: string): Promise<void>;
  /** The sample project's folder in the workspace. */
  readonly sampleRoot: string;
}

export const SAMPLE_PROJECT = 'connector-sample-threat-intel';
export const SAMPLE_CONNECTOR = 'sample-threat-intel';

async function openApp(page: Page, host: RunningHost, hash = '') {
  await page.goto((await host.newUrl()) + hash);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loaded', { timeout: 20_000 });
}

/**
 * Every test gets its own HOME, user data folder and workspace, and its own host process. The page's failed
 * requests and console errors are kept: when a test fails they are printed beside the host's diagnostics, so a
 * dropped connection in CI shows Chromium's own reason (net::ERR_...) and which channel it hit.
 */
export const test = base.extend<{ app: AppFixture; pageEvents: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  pageEvents: async ({}, use) => use([]),
  page: async ({ page, pageEvents }, use, testInfo) => {
    const at = () => new Date().toISOString().slice(11, 23);
    page.on('requestfailed', (r) => pageEvents.push(`${at()} request failed: ${r.method()} ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') pageEvents.push(`${at()} console.${m.type()}: ${m.text().slice(0, 500)}`);
    });
    page.on('crash', () => pageEvents.push(`${at()} the page crashed`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && pageEvents.length > 0) {
      const text = pageEvents.slice(-60).join('\n');
      await testInfo.attach('page-events', { body: text, contentType: 'text/plain' });
      console.log(`--- page events for "${testInfo.title}" ---\n${text}`);
    }
  },
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-e2e-'));
    const dirs: HostDirs = { home: path.join(tmp, 'home'), userData: path.join(tmp, 'user-data'), workspace: path.join(tmp, 'workspace') };
    // A real HOME exists; the system trash, for one, lives inside it. Like a developer's, it tells git who commits
    // (Connector Studio never invents an author); a test of the identity prompt removes it.
    await mkdir(dirs.home, { recursive: true });
    await writeFile(path.join(dirs.home, '.gitconfig'), '[user]\n\tname = E2E Tester\n\temail = e2e@example.com\n');
    const fixture: AppFixture = {
      dirs,
      host: await startHost(dirs),
      sampleRoot: path.join(dirs.workspace, SAMPLE_PROJECT),
      restart: async (signal = 'SIGKILL') => {
        await fixture.host.stop(signal);
        fixture.host = await startHost(dirs);
        return fixture.host;
      },
      open: (page, hash) => openApp(page, fixture.host, hash),
    };
    await use(fixture);
    if (testInfo.status !== testInfo.expectedStatus) {
      const diagnostics = fixture.host.diagnostics();
      await testInfo.attach('host-diagnostics', { body: diagnostics, contentType: 'text/plain' });
      // The list reporter shows no attachments: CI's log is where a flaky host is diagnosed.
      console.log(`--- host diagnostics for "${testInfo.title}" ---\n${diagnostics.slice(-4000)}`);
    }
    await fixture.host.stop();
    await rm(tmp, { recursive: true, force: true });
  },
});

export { expect };
