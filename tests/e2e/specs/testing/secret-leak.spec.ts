import type { BrowserContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEchoVendor, type EchoVendor } from '../../../helpers/echo-vendor';
import { findCassettes, findForms, makeCanary, scanFiles, secretForms, type Leak } from '../../../helpers/leak-scan';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';
import { testPanel } from '../../pages/testing';

const canary = makeCanary();
const forms = secretForms(canary);

let vendor: EchoVendor;
test.beforeEach(async () => {
  vendor = await startEchoVendor(canary);
});
test.afterEach(async () => {
  await vendor.close();
});

/** Everything the page keeps: localStorage, sessionStorage, every IndexedDB database and store, and cookies. */
async function browserStorage(page: Page, context: BrowserContext): Promise<Record<string, string>> {
  const inPage = await page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readonly');
          const all = tx.objectStore(store).getAll();
          const keys = tx.objectStore(store).getAllKeys();
          tx.oncomplete = () => resolve({ keys: keys.result, values: all.result });
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    }
    return { localStorage: JSON.stringify(dump(localStorage)), sessionStorage: JSON.stringify(dump(sessionStorage)), indexedDB: JSON.stringify(idb) };
  });
  return { ...inPage, cookies: JSON.stringify(await context.cookies()) };
}

test('a password echoed back by the vendor lands in no browser storage and no file of the workspace or the app data', async ({ page, context, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();

  await t.addConfig.click();
  await t.configName.fill('echo');
  await t.field('server_url').fill(vendor.url);
  await t.field('api_key').fill(canary);
  await t.field('verify_ssl').uncheck();
  await t.save.click();
  await expect(t.configRow('echo')).toBeVisible();

  // Both calls record their HTTP to cassettes, which live in the project and go to git.
  await page.getByTestId('cassette-control').getByText('Record', { exact: true }).click();
  await page.getByTestId('cassette-name').fill('leak');
  await t.configRow('echo').getByTestId('health-check').click();
  await expect(t.configRow('echo').getByTestId('health-status')).toHaveText('Available');

  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill('198.51.100.7');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(page.getByTestId('run-cassette')).toBeVisible();
  // The vendor did echo it: through the ?apikey= redirect, and in the body the action returned.
  expect(vendor.requests.some((r) => r.includes(`apikey=${encodeURIComponent(canary)}`))).toBe(true);
  await expect(t.runData).toContainText('198.51.100.7');

  const leaks: Leak[] = [];
  const storage = await browserStorage(page, context);
  for (const [where, text] of Object.entries(storage)) leaks.push(...findForms(where, text, forms));

  // Reload, so whatever the app persists on the way out (session state, backups) is on disk too.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loaded', { timeout: 20_000 });
  for (const [where, text] of Object.entries(await browserStorage(page, context))) leaks.push(...findForms(`${where} after reload`, text, forms));

  const cassettes = await findCassettes(app.sampleRoot);
  expect(cassettes.map((c) => path.basename(c)).sort()).toEqual(expect.arrayContaining([expect.stringContaining('leak'), expect.stringContaining('get_ip_reputation')]));
  expect(cassettes.length).toBeGreaterThanOrEqual(2);
  for (const c of cassettes) expect(await readFile(c, 'utf8')).toContain('<scrubbed:api_key>');

  const scanned = await scanFiles([app.dirs.workspace, app.dirs.userData, app.dirs.home], forms);
  leaks.push(...scanned.leaks);
  // The scan saw the places that matter: the test configurations, the secret store and the logs.
  expect(scanned.files.some((f) => f.includes('test-configs'))).toBe(true);
  expect(scanned.files.some((f) => f.endsWith('secrets.json'))).toBe(true);
  expect(scanned.files.some((f) => f.endsWith('.log'))).toBe(true);
  expect(leaks).toEqual([]);
});
