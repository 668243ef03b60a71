import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { debugPage } from '../../pages/debug';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { palette } from '../../pages/palette';
import { testPanel } from '../../pages/testing';
import { wizardPage } from '../../pages/wizard';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';
import { bringPipConfig } from '../../pip-config';

// Issue 16's "done means": a breakpoint in a template connector's operations.py, Debug an action against a fake
// vendor on 127.0.0.1, stop on the line, read `params`, step, watch, continue to the result; and a stop where the
// connector's own code raises.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const IP = '198.51.100.7';
const OPS = 'acme-intel/operations.py';
/** In the Threat Intelligence template: `require_params(params, ['ip'])`, then the request on the next line. */
const FIRST_LINE = 13;
/** debugpy is installed into the tools environment on the first session (pip, minutes on a slow network). */
const FIRST_SESSION_MS = 240_000;

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
  await expect(fileTree(page).row(OPS)).toBeVisible();
}

/** A project from the template with a configuration pointing at the local vendor, operations.py in the editor. */
async function setUp(page: Page, vendorUrl: string) {
  await createFromTemplate(page);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendorUrl, API_KEY);
  await page.getByTestId('activity-explorer').click();
  await fileTree(page).open(OPS);
  await editor(page).waitReady(OPS);
  return t;
}

/** The first session of a test installs debugpy: wait for what the UI shows next (paused, or the session's end
 * with its reason), however long pip takes, then say which it was. */
async function waitPaused(page: Page, timeout = 30_000) {
  const d = debugPage(page);
  await expect(page.locator('[data-testid="debug-session"][data-state="paused"], [data-testid="debug-ending"]')).toBeVisible({ timeout });
  await expect(d.ending, 'the session ended instead of pausing').toHaveCount(0);
  await expect(d.session).toHaveAttribute('data-state', 'paused');
}

test('debug an action: stop on a breakpoint, read params, step over, watch, continue to the result', async ({ page, app }) => {
  test.setTimeout(FIRST_SESSION_MS + 120_000);
  vendor = await startVendor();
  await bringPipConfig(app.dirs.home);
  await app.open(page);
  const t = await setUp(page, vendor.url);
  const d = debugPage(page);
  const ed = editor(page);

  // A click in the gutter sets the breakpoint: a red dot there, a row in Run and Debug's Breakpoints.
  await d.clickGutter(FIRST_LINE);
  await expect(d.gutterMarks).toHaveCount(1);
  await d.show();
  await expect(d.breakpoint(OPS, FIRST_LINE)).toHaveAttribute('data-look', 'plain');

  // Debug beside Run, with the form's inputs.
  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.field('ip').fill(IP);
  await page.getByTestId('debug-action').click();
  await expect(d.view).toBeVisible();
  await waitPaused(page, FIRST_SESSION_MS);

  // The editor shows the stopped line: the file, the yellow band, the cursor on it.
  await expect(d.stoppedAt).toHaveAttribute('data-path', OPS);
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(FIRST_LINE));
  await expect(d.stoppedAt).toHaveAttribute('data-shown', 'true');
  await expect(d.stoppedBand).toHaveCount(1);
  await expect(ed.statusCursor).toContainText(`Ln ${FIRST_LINE}`);
  await expect(d.pausedReason).toHaveText('Paused on breakpoint');
  await expect(d.frames.first()).toHaveAttribute('data-name', 'get_ip_reputation');

  // Variables: Locals open by itself and hold the action's params.
  await expect(d.scope('Locals')).toHaveAttribute('aria-expanded', 'true');
  await expect(d.variable('params').getByTestId('variable-value')).toHaveText(`{'ip': '${IP}'}`);
  // The configuration's secret is masked, here as in the logs; nothing on the page shows it.
  await d.variable('config').click();
  // debugpy names a dict's entries by their keys' repr.
  await expect(d.variable("'api_key'").getByTestId('variable-value')).toHaveText("'********'");
  await expect(d.variable("'api_key'")).toContainText('masked');
  await expect(page.locator('body')).not.toContainText(API_KEY);
  await page.screenshot({ path: shot('debug-paused-dark') });

  // Step Over (F10) moves one line.
  await page.keyboard.press('F10');
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(FIRST_LINE + 1));
  await waitPaused(page);
  await expect(d.pausedReason).toHaveText('Paused on step');

  // Hovering a name in the paused file shows its value in the frame.
  await page.getByTestId('monaco-editor').locator('.view-line').filter({ hasText: 'return ApiClient' }).locator('span', { hasText: /^params$/ }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: `{'ip': '${IP}'}` })).toBeVisible();
  await page.screenshot({ path: shot('debug-hover-dark') });
  await page.mouse.move(700, 20);

  // A watch expression evaluates in the paused frame (and again at each stop).
  await d.watchAdd.click();
  await d.watchInput.fill("params['ip']");
  await d.watchInput.press('Enter');
  await expect(d.watch("params['ip']").getByTestId('variable-value')).toHaveText(`'${IP}'`);
  // The Debug Console evaluates in the same frame.
  await d.consoleInput.fill("params['ip'].split('.')[0]");
  await d.consoleInput.press('Enter');
  await expect(d.consoleResults.last().getByTestId('variable-value')).toHaveText("'198'");
  await page.screenshot({ path: shot('debug-stepped-watch-dark') });

  // Continue runs to the end: the result shows in the Output tab, as a run's does.
  await d.tool('continue').click();
  await expect(d.ending).toContainText('Success', { timeout: 30_000 });
  await t.panelTab('output').click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('"score": 87');
  await expect(d.stoppedAt).toHaveCount(0);
  await page.screenshot({ path: shot('debug-finished-dark') });

  // F5 with no session is Debug Last: the same action and inputs, stopping at the same line. The palette lists the
  // debugger's commands with VS Code's keys; Shift+F5 stops.
  await page.keyboard.press('F5');
  await waitPaused(page);
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(FIRST_LINE));
  const p = palette(page);
  await p.showCommands();
  await p.input.fill('>Debug: ');
  for (const [title, keys] of [['Continue', 'F5'], ['Step Over', 'F10'], ['Step Into', 'F11'], ['Step Out', 'Shift+F11'], ['Stop', 'Shift+F5'], ['Restart', 'Ctrl+Shift+F5']] as const)
    await expect(p.items.filter({ has: page.locator('.palette-label', { hasText: new RegExp(`^Debug: ${title}`) }) }).locator('.palette-keys')).toHaveText(keys);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+F5');
  await expect(d.ending).toContainText('stopped');

  // The breakpoint is the project's: still there after a reload.
  await page.reload();
  await d.show();
  await expect(d.breakpoint(OPS, FIRST_LINE)).toBeVisible();
});

test('debug an action that fails: Raised Exceptions stops where the connector raises', async ({ page, app }) => {
  test.setTimeout(FIRST_SESSION_MS + 120_000);
  vendor = await startVendor();
  await bringPipConfig(app.dirs.home);
  await app.open(page);
  const t = await setUp(page, vendor.url);
  const d = debugPage(page);

  await d.show();
  await d.exceptionToggle('raised').check();
  await expect(d.exceptionToggle('raised')).toBeChecked();

  // The vendor knows no domains: the template's client raises ConnectorError('Not found (HTTP 404): ...').
  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_domain_reputation');
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.field('domain').fill('example.org');
  await page.getByTestId('debug-action').click();
  await waitPaused(page, FIRST_SESSION_MS);

  // Where the template's client raises it (found in the file, so a reworded template keeps the test honest).
  const utils = await readFile(path.join(app.dirs.workspace, 'connector-acme-intel', 'acme-intel', 'utils.py'), 'utf8');
  const raiseLine = utils.split('\n').findIndex((l) => l.includes("raise ConnectorError('Not found")) + 1;
  expect(raiseLine).toBeGreaterThan(0);
  await expect(d.pausedReason).toHaveText('Paused on exception');
  await expect(d.stoppedAt).toHaveAttribute('data-path', 'acme-intel/utils.py');
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(raiseLine));
  await expect(d.frames.first()).toHaveAttribute('data-origin', 'connector');
  await expect(d.consoleOutput.filter({ hasText: 'Paused on exception' })).toContainText('Not found (HTTP 404)');
  // VS Code's exception band under the line: the type and the message.
  await expect(d.exception).toContainText('Exception has occurred: ConnectorError');
  await expect(d.exception.getByTestId('exception-message')).toContainText('Not found (HTTP 404)');
  await expect(editor(page).tab('acme-intel/utils.py')).toBeVisible();
  await page.screenshot({ path: shot('debug-exception-dark') });
  // Readable and operable in both themes: the Run and Debug view, the exception band, the Debug Console.
  const parts = ['[data-testid="debug-view"]', '[data-testid="exception-widget"]', '[data-testid="bottom-panel"]'];
  expect(await seriousViolations(page, ...parts)).toEqual([]);
  await palette(page).run('Toggle Light/Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await seriousViolations(page, ...parts)).toEqual([]);
  await page.screenshot({ path: shot('debug-exception-light') });

  // Raised Exceptions also stops in each frame the exception passes through; turned off for the live session,
  // Continue runs to the end, and the action fails as Run would say it.
  await d.exceptionToggle('raised').uncheck();
  await d.tool('continue').click();
  await expect(d.ending).toContainText('Failed', { timeout: 30_000 });
  await t.panelTab('output').click();
  await expect(t.runStatus).toHaveText('Failed');
  await expect(t.runMessage).toContainText('Not found (HTTP 404)');
});
