import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { homePage } from '../../pages/home';
import { testPanel } from '../../pages/testing';
import { API_KEY, HANGING_IP, deadUrl, startVendor, type VendorServer } from './vendor-server';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

let vendor: VendorServer;
test.beforeEach(async () => {
  vendor = await startVendor();
});
test.afterEach(async () => {
  await vendor.close();
});


test('a configuration for the sample connector: health is Available, Get IP Reputation returns data and a schema diff', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();

  // Required fields are checked before anything is saved.
  await t.addConfig.click();
  await t.field('server_url').fill('');
  await t.save.click();
  await expect(t.form).toContainText('Server URL is required.');
  await expect(t.form).toContainText('API Key is required.');
  await page.getByTestId('config-cancel').click();

  await t.addConfiguration('local', vendor.url, API_KEY);
  await expect(t.report).toContainText('on_add_config');
  await expect(t.configRow('local').getByTestId('config-default')).toBeVisible();

  // The key never comes back: editing shows that a secret is saved, with an empty box.
  await t.configRow('local').getByTestId('config-edit').click();
  await expect(page.getByTestId('secret-saved-api_key')).toBeVisible();
  await expect(t.field('api_key')).toHaveValue('');
  await page.getByTestId('config-cancel').click();

  await t.configRow('local').getByTestId('health-check').click();
  await expect(t.configRow('local').getByTestId('health-status')).toHaveText('Available');
  expect(vendor.requests).toContain('/api/v1/status');
  await page.screenshot({ path: shot('test-configuration-dark') });

  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill('198.51.100.7');
  await t.field('ip').press('Control+Enter');
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('"score": 87');
  await expect(t.schemaMissing).toHaveText(['last_seen']);
  await expect(t.schemaExtra).toHaveText(['country']);
  await expect(t.runData.locator('[data-key="country"]')).toHaveClass(/tc-json-extra/);
  expect(vendor.requests).toContain('/api/v1/ip/198.51.100.7');
  await page.screenshot({ path: shot('test-actions-dark') });
});

test('a dead server shows Disconnected with the reason; a wrong key shows the vendor refusing it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('dead', await deadUrl(), API_KEY);
  await t.configRow('dead').getByTestId('health-check').click();
  await expect(t.configRow('dead').getByTestId('health-status')).toHaveText('Disconnected');
  await expect(t.configRow('dead').getByTestId('health-message')).toContainText('Cannot reach');

  await t.addConfiguration('wrong-key', vendor.url, 'not-the-key');
  await t.configRow('wrong-key').getByTestId('health-check').click();
  await expect(t.configRow('wrong-key').getByTestId('health-status')).toHaveText('Disconnected');
  await expect(t.configRow('wrong-key').getByTestId('health-message')).toContainText('refused the API key');
});

test('a hung action can be stopped, and the next run works', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill(HANGING_IP);
  await t.run.click();
  await expect(t.runStatus).toHaveText('Running…');
  // The connector's log line arrives over runtime.output while the call is still pending.
  await expect(t.live).toContainText('Executing get_ip_reputation');
  await page.screenshot({ path: shot('test-actions-running-dark') });
  await expect.poll(() => vendor.requests.includes(`/api/v1/ip/${HANGING_IP}`)).toBe(true);
  await t.stop.click();
  await expect(t.runStatus).toContainText(/Failed|Error/);
  await expect(t.run).toBeEnabled();

  await t.field('ip').fill('203.0.113.9');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('203.0.113.9');
  await expect(t.history.locator('li')).toHaveCount(2);
});

test('a hidden operation appears behind the toggle, and one that needs no configuration runs without any', async ({ page, app }) => {
  const dir = path.join(app.sampleRoot, SAMPLE_CONNECTOR);
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations.push({
    operation: 'list_categories', title: 'List Categories', description: 'The categories the service knows.', category: 'investigation',
    annotation: 'list_categories', enabled: true, visible: false, is_config_required: false, parameters: [], output_schema: { categories: [] },
  });
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  const ops = await readFile(path.join(dir, 'operations.py'), 'utf8');
  await writeFile(path.join(dir, 'operations.py'), ops.replace('operations = {', "def list_categories(config, params):\n    return {'categories': ['scanner', 'botnet'], 'configured': bool(config)}\n\n\noperations = {\n    'list_categories': list_categories,"));

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.tab('actions').click();
  await expect(t.actionSelect.locator('option', { hasText: 'List Categories' })).toHaveCount(0);
  await t.showHidden.check();
  await t.actionSelect.selectOption('list_categories');
  await expect(page.getByTestId('run-config')).toHaveValue('');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('"configured": false');

  // An action that needs a configuration says so instead of running.
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill('192.0.2.5');
  await t.run.click();
  await expect(page.getByTestId('run-error')).toContainText('needs a configuration');
});
