import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { debugPage } from '../../pages/debug';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';
import { bringPipConfig } from '../../pip-config';

// The gutter's menu and the inline breakpoint editor, as VS Code's: a condition, a logpoint, enable/disable in the
// Breakpoints list; each checked by what a session then does (stops, prints, or runs through).
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const OPS = `${SAMPLE_CONNECTOR}/operations.py`;
/** The sample's get_ip_reputation: `ip = params.get('ip', '').strip()`, and its `return` three lines on. */
const IP_LINE = 15;
const RETURN_LINE = 18;
const IP = '198.51.100.7';
const FIRST_SESSION_MS = 240_000;

let vendor: VendorServer | undefined;
test.afterEach(async () => {
  await vendor?.close();
});

/** Debug the form's action and wait for what comes first: a pause, or the session's end. */
async function debugUntilSettled(page: Page, timeout = 30_000) {
  await page.getByTestId('debug-action').click();
  await expect(page.locator('[data-testid="debug-session"][data-state="paused"], [data-testid="debug-ending"]')).toBeVisible({ timeout });
}

async function menu(page: Page, line: number, item: string) {
  await debugPage(page).clickGutter(line, 'right');
  await page.getByTestId('context-menu').getByRole('menuitem', { name: item }).click();
}

test('a condition, a logpoint and a disabled breakpoint, each as a session honours it', async ({ page, app }) => {
  test.setTimeout(FIRST_SESSION_MS + 120_000);
  vendor = await startVendor();
  await bringPipConfig(app.dirs.home);
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await page.getByTestId('activity-explorer').click();
  await fileTree(page).open(OPS);
  await editor(page).waitReady(OPS);
  const d = debugPage(page);

  // A condition that does not hold, from the gutter's menu and the inline editor under the line.
  await menu(page, IP_LINE, 'Add Conditional Breakpoint…');
  await expect(d.widget).toHaveAttribute('data-kind', 'condition');
  await d.widgetInput.fill("params['ip'] == '10.0.0.1'");
  await page.screenshot({ path: shot('debug-breakpoint-widget-dark') });
  await d.widgetInput.press('Enter');
  await expect(d.widget).toHaveCount(0);
  // A logpoint prints instead of stopping; {expression} parts are evaluated.
  await menu(page, RETURN_LINE, 'Add Logpoint…');
  await d.widgetInput.fill('looking up {ip}');
  await d.widgetInput.press('Enter');
  await d.show();
  await expect(d.breakpoint(OPS, IP_LINE)).toHaveAttribute('data-look', 'conditional');
  await expect(d.breakpoint(OPS, RETURN_LINE)).toHaveAttribute('data-look', 'log');
  await expect(d.gutterMarks).toHaveCount(2);

  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.field('ip').fill(IP);
  await debugUntilSettled(page, FIRST_SESSION_MS);
  await expect(d.ending).toContainText('Success');
  await expect(d.consoleOutput.filter({ hasText: `looking up ${IP}` })).toHaveCount(1);
  await page.screenshot({ path: shot('debug-logpoint-dark') });

  // The condition edited from the Breakpoints list to one that holds: the next session stops there.
  await d.show();
  await d.breakpoint(OPS, IP_LINE).hover();
  await d.breakpoint(OPS, IP_LINE).getByRole('button', { name: /^Edit the breakpoint/ }).click();
  await expect(d.widgetInput).toHaveValue("params['ip'] == '10.0.0.1'");
  await d.widgetInput.fill(`params['ip'] == '${IP}'`);
  await d.widgetInput.press('Enter');
  await t.show();
  await debugUntilSettled(page);
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(IP_LINE));
  await page.keyboard.press('Shift+F5');
  await expect(d.ending).toContainText('stopped');

  // Disabled in the list (grey in the gutter), it is kept but not placed: the session runs through.
  await d.show();
  await d.breakpoint(OPS, IP_LINE).getByTestId('breakpoint-enabled').uncheck();
  await expect(d.breakpoint(OPS, IP_LINE)).toHaveAttribute('data-look', 'disabled');
  await expect(page.getByTestId('monaco-editor').locator('.cs-bp-disabled')).toHaveCount(1);
  await t.show();
  await debugUntilSettled(page);
  await expect(d.ending).toContainText('Success');

  // An edit above them moves the breakpoints with their lines, and the project keeps the new lines.
  await page.getByTestId('monaco-editor').locator('.view-line').filter({ hasText: 'def get_ip_reputation' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await d.show();
  await expect(d.breakpoint(OPS, IP_LINE + 1)).toHaveAttribute('data-look', 'disabled');
  await expect(d.breakpoint(OPS, RETURN_LINE + 1)).toHaveAttribute('data-look', 'log');

  // Removing from the gutter: a click on the mark.
  await d.clickGutter(RETURN_LINE + 1);
  await expect(d.breakpoints).toHaveCount(1);
  await page.screenshot({ path: shot('debug-breakpoints-list-dark') });
});
