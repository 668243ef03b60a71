import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor, type VendorServer } from './vendor-server';

// Issue 16's layout: the panel under the editor (Problems | Output | Debug Console), Test Actions' results in its
// Output tab, and Run Last (Ctrl+F5) repeating the last run with its inputs.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const IP = '198.51.100.7';

let vendor: VendorServer;
test.beforeEach(async () => {
  vendor = await startVendor();
});
test.afterEach(async () => {
  await vendor.close();
});

test('the panel: Ctrl+J shows and hides it, its tabs take the arrow keys, the Debug Console waits for the debugger', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await expect(t.panel).toHaveCount(0);

  await t.togglePanel();
  await expect(t.panel).toBeVisible();
  await expect(t.panelTab('problems')).toBeFocused();
  await expect(t.panelTab('problems')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(t.panelTab('output')).toBeFocused();
  await expect(t.panelTab('output')).toHaveAttribute('aria-selected', 'true');
  await expect(t.outputEmpty).toContainText('Nothing has run yet');
  await page.screenshot({ path: shot('bottom-panel-empty-output') });
  await page.keyboard.press('End');
  await expect(t.panelTab('debug-console')).toBeFocused();
  await expect(t.debugConsoleEmpty).toHaveText('Start debugging (F5) to evaluate expressions in the paused frame.');
  expect(await seriousViolations(page, '[data-testid="bottom-panel"]')).toEqual([]);
  await page.keyboard.press('Home');
  await expect(t.panelTab('problems')).toHaveAttribute('aria-selected', 'true');

  // The height follows the keyboard on the handle too, and comes back after a reload with the tab.
  const height = Number(await t.panelResizer.getAttribute('aria-valuenow'));
  await t.panelResizer.focus();
  await page.keyboard.press('ArrowUp');
  await expect(t.panelResizer).toHaveAttribute('aria-valuenow', String(height + 20));
  await t.panelTab('output').click();
  await page.reload();
  await expect(t.panelTab('output')).toHaveAttribute('aria-selected', 'true');
  await expect(t.panelResizer).toHaveAttribute('aria-valuenow', String(height + 20));

  // Ctrl+J hides it; Ctrl+Shift+M opens it again on Problems, as in VS Code.
  await page.getByTestId('file-tree').click();
  await t.togglePanel();
  await expect(t.panel).toHaveCount(0);
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+Shift+M`);
  await expect(t.panelTab('problems')).toHaveAttribute('aria-selected', 'true');
});

test('a run shows in the Output tab, wide, with its logs; Run Last (Ctrl+F5) runs it again with the same inputs', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);

  // Check Health reveals the Output with the check's logs; the row keeps its status.
  await t.configRow('local').getByTestId('health-check').click();
  await expect(t.configRow('local').getByTestId('health-status')).toHaveText('Available');
  await expect(t.panelTab('output')).toHaveAttribute('aria-selected', 'true');
  await expect(t.outputHealthStatus).toHaveText('Available');

  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill(IP);
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.output).toBeVisible();
  await expect(t.runData).toContainText('"score": 87');
  await expect(t.runSummary).toContainText('Last run: Success');
  // The result is as wide as the editor, not the side bar's 280 px.
  const resultWidth = (await t.result.boundingBox())!.width;
  const sidebarWidth = (await page.getByTestId('sidebar').boundingBox())!.width;
  expect(resultWidth).toBeGreaterThan(sidebarWidth * 1.5);
  await page.screenshot({ path: shot('bottom-panel-run') });

  // Its logs, read in the panel.
  const logs = t.result.getByTestId('log-lines');
  await expect(logs).toContainText('get_ip_reputation');
  await logs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('bottom-panel-logs') });
  expect(await seriousViolations(page, '[data-testid="bottom-panel"]')).toEqual([]);

  // Edit nothing, press Ctrl+F5 with the focus away from the form: a second run, the same inputs.
  await t.panelTab('output').click();
  const before = vendor.requests.filter((r) => r === `/api/v1/ip/${IP}`).length;
  await t.runLast();
  await expect(t.history.locator('li')).toHaveCount(2);
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText(`"ip": "${IP}"`);
  expect(vendor.requests.filter((r) => r === `/api/v1/ip/${IP}`).length).toBe(before + 1);
  await expect(t.outputRunLast).toHaveAttribute('title', 'Run Last: Get IP Reputation with local (Ctrl+F5)');

  // The health check's entry shows that check in full.
  await t.healthHistory.getByRole('button', { name: /^local/ }).click();
  await expect(t.outputHealthStatus).toHaveText('Available');
  await page.screenshot({ path: shot('bottom-panel-health') });

  // The palette lists it with its key.
  await palette(page).showCommands();
  await page.getByTestId('palette-input').fill('>Run Last');
  await expect(palette(page).items.first()).toContainText('Run Last (Without Debugging)');
  await expect(palette(page).items.first()).toContainText('Ctrl+F5');
  await page.keyboard.press('Escape');

  // The light theme reads as well.
  await palette(page).run('Toggle Light/Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: shot('bottom-panel-run-light') });
  expect(await seriousViolations(page, '[data-testid="bottom-panel"]')).toEqual([]);
});

test('an action that raises: the Output shows Failed and the traceback from the connector\'s code, wide', async ({ page, app }) => {
  const dir = path.join(app.sampleRoot, SAMPLE_CONNECTOR);
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations.push({
    operation: 'explode', title: 'Explode', description: 'Reads a key the parameters lack.', category: 'investigation',
    annotation: 'explode', enabled: true, is_config_required: false, parameters: [], output_schema: {},
  });
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  const ops = await readFile(path.join(dir, 'operations.py'), 'utf8');
  await writeFile(path.join(dir, 'operations.py'), ops.replace('operations = {', "def explode(config, params):\n    return params['missing_key']\n\n\noperations = {\n    'explode': explode,"));

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('explode');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Failed');
  const logs = t.result.getByTestId('log-lines');
  await expect(logs).toContainText('Traceback (most recent call last)');
  await expect(logs).toContainText("KeyError: 'missing_key'");
  await logs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('bottom-panel-traceback') });
});
