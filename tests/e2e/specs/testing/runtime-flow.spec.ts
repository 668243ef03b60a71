import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { settingsPage } from '../../pages/settings';
import { testPanel } from '../../pages/testing';
import { wizardPage } from '../../pages/wizard';
import { API_KEY, startVendor, type VendorServer } from './vendor-server';

// Issue 5's "done means", end to end: a connector made by the wizard, a real vendor on 127.0.0.1, record and
// replay, a live code edit, and a runaway action stopped by the timeout.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const IP = '198.51.100.7';

let vendor: VendorServer | undefined;
test.afterEach(async () => {
  await vendor?.close();
});

async function createFromTemplate(page: Page) {
  const wz = wizardPage(page);
  await wz.start();
  await wz.template('threat-intelligence').check();
  await wz.label.fill('Acme Intel');
  await expect(wz.name).toHaveValue('acme-intel');
  await wz.publisher.fill('Acme Corp');
  for (const step of ['configuration', 'actions', 'create'] as const) {
    await wz.next.click();
    await expect(wz.step(step)).toHaveAttribute('aria-current', 'step');
  }
  await wz.create.click();
  await expect(fileTree(page).row('acme-intel/operations.py')).toBeVisible();
}


async function health(t: ReturnType<typeof testPanel>, name: string, status: 'Available' | 'Disconnected') {
  await t.configRow(name).getByTestId('health-check').click();
  await expect(t.configRow(name).getByTestId('health-status')).toHaveText(status);
}

/** An action that never returns, added through the files as a developer would (info.json stays valid). */
async function addEndlessAction(dir: string) {
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations.push({
    operation: 'spin', title: 'Spin Forever', description: 'Never returns: the timeout stops it.', category: 'investigation',
    annotation: 'spin', enabled: true, parameters: [], output_schema: {},
  });
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  const ops = await readFile(path.join(dir, 'operations.py'), 'utf8');
  await writeFile(path.join(dir, 'operations.py'), ops.replace('operations = {', "def spin(config, params):\n    while True:\n        pass\n\n\noperations = {\n    'spin': spin,"));
}

test('template connector against a local vendor: health, table, record, replay offline, live edit, timeout', async ({ page, app }) => {
  test.setTimeout(180_000);
  vendor = await startVendor();
  const port = Number(new URL(vendor.url).port);
  await app.open(page);
  await createFromTemplate(page);
  const root = path.join(app.dirs.workspace, 'connector-acme-intel');
  const t = testPanel(page);
  await t.show();

  // Health: the right key is Available; a wrong one is Disconnected with the reason the vendor gave.
  await t.addConfiguration('local', vendor.url, API_KEY);
  await health(t, 'local', 'Available');
  expect(vendor.requests).toContain('/api/v1/account');
  await t.addConfiguration('wrong-key', vendor.url, 'not-the-key');
  await health(t, 'wrong-key', 'Disconnected');
  await expect(t.configRow('wrong-key').getByTestId('health-message')).toContainText('refused the credentials (HTTP 401: invalid API key)');
  await page.screenshot({ path: shot('runtime-flow-health-dark') });

  // Run an action, record it, and read the result as a table.
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.field('ip').fill(IP);
  await t.cassette('record');
  await t.cassetteName.fill('e2e');
  await expect(t.cassetteFile).toHaveText('tests/cassettes/get_ip_reputation-e2e.json');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runCassette).toHaveText('recorded · e2e');
  const recorded = await t.runData.textContent();
  expect(recorded).toContain('"score": 87');
  await t.resultView('table').click();
  await expect(t.table.getByRole('rowheader', { name: 'score' })).toBeVisible();
  await expect(t.table.getByRole('row').filter({ hasText: 'score' }).getByRole('cell')).toHaveText('87');
  await t.table.getByRole('button', { name: /Expand Value of categories/ }).click();
  await expect(page.getByRole('table', { name: 'Value of categories' }).getByRole('cell', { name: 'botnet' })).toBeVisible();
  await t.table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('runtime-flow-table-dark') });
  const cassette = await readFile(path.join(root, 'tests', 'cassettes', 'get_ip_reputation-e2e.json'), 'utf8');
  expect(cassette).not.toContain(API_KEY);
  // The same switch records Check Health, as check_health-e2e.json.
  await t.tab('configurations').click();
  await health(t, 'local', 'Available');
  await expect(t.configRow('local').getByTestId('health-cassette')).toHaveText('recorded · e2e');
  expect(await readFile(path.join(root, 'tests', 'cassettes', 'check_health-e2e.json'), 'utf8')).not.toContain(API_KEY);
  await t.tab('actions').click();

  // With the vendor gone, the replay gives the same data.
  await vendor.close();
  vendor = undefined;
  await t.cassette('replay');
  await t.run.click();
  await expect(t.runCassette).toHaveText('replayed · e2e');
  await expect(t.runStatus).toHaveText('Success');
  await t.resultView('json').click();
  await expect(t.runData).toHaveText(recorded ?? '');
  await expect(t.historyCassette.nth(0)).toHaveAttribute('data-cassette', 'replayed · e2e');
  await expect(t.historyCassette.nth(1)).toHaveAttribute('data-cassette', 'recorded · e2e');
  await t.tab('configurations').click();
  await health(t, 'local', 'Available');
  await expect(t.configRow('local').getByTestId('health-cassette')).toHaveText('replayed · e2e');
  await t.tab('actions').click();
  // A request the cassette never saw fails and says which one, not only the connector's "Cannot reach".
  await t.field('ip').fill('203.0.113.1');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Failed');
  await expect(t.runMessage).toContainText(`Replay: no recorded response for GET http://127.0.0.1:${port}/api/v1/ip/203.0.113.1`);
  await page.screenshot({ path: shot('runtime-flow-replay-miss-dark') });
  await t.field('ip').fill(IP);

  // An edit saved in the editor is what the next run executes: no restart.
  await page.getByTestId('activity-explorer').click();
  await fileTree(page).open('acme-intel/operations.py');
  const ed = editor(page);
  await ed.waitReady('acme-intel/operations.py');
  await ed.typeAtEnd("\noperations['get_ip_reputation'] = lambda config, params: dict(get_ip_reputation(config, params), edited='yes')\n");
  await ed.save();
  await expect(ed.tab('acme-intel/operations.py')).toHaveAttribute('data-dirty', 'false');
  await t.show();
  await expect(async () => {
    await t.run.click();
    await expect(t.runStatus).toHaveText('Success', { timeout: 5_000 });
    await expect(t.runData).toContainText('"edited": "yes"', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.screenshot({ path: shot('runtime-flow-replay-edited-dark') });
  await ed.close('acme-intel/operations.py');

  // A 2 s timeout stops a runaway action with a message that names it; the next health check works.
  await addEndlessAction(path.join(root, 'acme-intel'));
  vendor = await startVendor(port);
  await page.getByTestId('activity-settings').click();
  const s = settingsPage(page);
  await page.getByTestId('setting-timeout').fill('2');
  await page.getByTestId('setting-timeout').press('Enter');
  await expect.poll(async () => JSON.parse(await readFile(path.join(app.dirs.userData, 'settings.json'), 'utf8')).runtimeTimeoutSec).toBe(2);
  await s.close.click();
  // Closing Settings returns to the Test view it came from (clicking its activity again would hide it).
  await expect(t.view).toBeVisible();
  await t.tab('actions').click();
  await expect(t.actionSelect.locator('option', { hasText: 'Spin Forever' })).toHaveCount(1);
  await t.actionSelect.selectOption('spin');
  await t.cassette('off');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Failed', { timeout: 20_000 });
  await expect(t.runMessage).toContainText('timed out after 2 s');
  await page.screenshot({ path: shot('runtime-flow-timeout-dark') });
  await t.tab('configurations').click();
  await health(t, 'local', 'Available');
});
