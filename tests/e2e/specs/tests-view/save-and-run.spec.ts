import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { debugPage } from '../../pages/debug';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { testPanel } from '../../pages/testing';
import { testsView } from '../../pages/testsView';
import { wizardPage } from '../../pages/wizard';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';
import { bringPipConfig } from '../../pip-config';

// Issue 17's "done means" in the UI: record an action against a fake vendor on 127.0.0.1, Save as test, the Tests
// view runs it green with the vendor gone; change what the action answers, the test turns red with the diff;
// Debug test stops at a breakpoint in operations.py; Re-record against the vendor shows the changed score, and
// Accept turns the test green again. The template's own tests come with the project and pass too.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const IP = '198.51.100.7';
const OPS = 'acme-intel/operations.py';
const TEST_FILE = 'tests/test_get_ip_reputation.py';
const TEST_ID = `${TEST_FILE}::test_get_ip_reputation_happy`;
const TEMPLATE_TEST_ID = `${TEST_FILE}::test_get_ip_reputation_template`;
/** In the Threat Intelligence template: `require_params(params, ['ip'])` in get_ip_reputation. */
const BREAK_LINE = 13;
/** debugpy is installed into the tools environment on the first session (pip, minutes on a slow network). */
const FIRST_SESSION_MS = 240_000;
/** pytest is installed into the tools environment on the first run (pip, minutes on a slow network). */
const FIRST_RUN_MS = 240_000;

let vendor: VendorServer | undefined;
test.afterEach(async () => {
  await vendor?.close();
});

async function waitPaused(page: Page, timeout: number) {
  const d = debugPage(page);
  await expect(page.locator('[data-testid="debug-session"][data-state="paused"], [data-testid="debug-ending"]')).toBeVisible({ timeout });
  await expect(d.ending, 'the session ended instead of pausing').toHaveCount(0);
}

test('record, Save as test, run green offline; break the action, run red with the diff', async ({ page, app }) => {
  test.setTimeout(FIRST_RUN_MS + FIRST_SESSION_MS + 240_000);
  vendor = await startVendor();
  await bringPipConfig(app.dirs.home);
  await app.open(page);

  const wz = wizardPage(page);
  await wz.start();
  await wz.template('threat-intelligence').check();
  await wz.label.fill('Acme Intel');
  await wz.publisher.fill('Acme Corp');
  for (const step of ['configuration', 'actions', 'create'] as const) {
    await wz.next.click();
    await expect(wz.step(step)).toHaveAttribute('aria-current', 'step');
  }
  await wz.create.click();
  await expect(fileTree(page).row(OPS)).toBeVisible();

  // A project from a template comes with the template's tests, recorded against the mock vendor.
  const tv = testsView(page);
  await tv.show();
  await expect(tv.test(TEMPLATE_TEST_ID)).toBeVisible({ timeout: FIRST_RUN_MS });
  await expect(tv.empty).toHaveCount(0);
  await expect(tv.coverageRow('get_ip_reputation')).toHaveAttribute('data-tests', '1');
  await page.screenshot({ path: shot('tests-view-template-dark') });

  // A recorded run against the local vendor.
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.field('ip').fill(IP);
  await t.cassette('record');
  await t.cassetteName.fill('happy');
  await t.run.click();
  await t.panelTab('output').click();
  await expect(t.runStatus).toHaveText('Success');

  // Save as test writes tests/test_<operation>.py and opens it.
  await tv.saveAsTest.click();
  await editor(page).waitReady(TEST_FILE);
  await page.screenshot({ path: shot('tests-view-saved-dark') });
  await vendor.close();
  vendor = undefined;

  // The Tests view lists it and runs it green, offline.
  await tv.show();
  await expect(tv.test(TEST_ID)).toHaveAttribute('data-state', 'idle');
  await expect(tv.coverageRow('get_ip_reputation')).toHaveAttribute('data-tests', '2');
  await tv.runAll.click();
  await expect(tv.test(TEST_ID)).toHaveAttribute('data-state', 'passed', { timeout: FIRST_RUN_MS });
  await expect(tv.summary).toHaveText('6 passed, 0 failed');
  await expect(tv.gutter('passed')).toHaveCount(2);
  await page.screenshot({ path: shot('tests-view-green-dark') });

  // The action now answers another score: the test fails and shows what differs.
  await page.getByTestId('activity-explorer').click();
  await fileTree(page).open(OPS);
  await editor(page).waitReady(OPS);
  await editor(page).typeAtEnd("\n_recorded = operations['get_ip_reputation']\noperations['get_ip_reputation'] = lambda config, params: dict(_recorded(config, params), score=1)\n");
  await editor(page).save();
  await tv.show();
  await tv.test(TEST_ID).hover();
  await tv.test(TEST_ID).getByTestId('tests-run-one').click();
  await expect(tv.test(TEST_ID)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(tv.summary).toHaveText('0 passed, 1 failed');
  await expect(tv.detail).toHaveAttribute('data-status', 'failed');
  await expect(tv.detailOutput).toContainText('87');
  await tv.test(TEST_ID).getByRole('button', { name: 'test_get_ip_reputation_happy', exact: true }).click();
  await editor(page).waitReady(TEST_FILE);
  await expect(tv.gutter('failed')).toHaveCount(1);
  await page.screenshot({ path: shot('tests-view-red-dark') });

  // Debug test: a breakpoint in get_ip_reputation, Debug on the test, the test's recorded call stops there.
  await page.getByTestId('activity-explorer').click();
  await fileTree(page).open(OPS);
  await editor(page).waitReady(OPS);
  // The earlier edit left the cursor at the end of the file: back to the top, where the breakpoint's line is.
  await editor(page).focus();
  await page.keyboard.press('Control+Home');
  const d = debugPage(page);
  await d.clickGutter(BREAK_LINE);
  await expect(d.gutterMarks).toHaveCount(1);
  await tv.show();
  await tv.test(TEST_ID).hover();
  await tv.debugTest(TEST_ID).click();
  await expect(d.view).toBeVisible();
  await waitPaused(page, FIRST_SESSION_MS);
  await expect(d.stoppedAt).toHaveAttribute('data-path', OPS);
  await expect(d.stoppedAt).toHaveAttribute('data-line', String(BREAK_LINE));
  await expect(d.stoppedBand).toHaveCount(1);
  await page.screenshot({ path: shot('tests-view-debug-test-dark') });
  await d.tool('continue').click();
  await expect(d.ending).toContainText('Success', { timeout: 60_000 });
  await d.clickGutter(BREAK_LINE);
  await expect(d.gutterMarks).toHaveCount(0);

  // Re-record against the vendor, back on another port: the preview shows the score the code now answers.
  vendor = await startVendor();
  const t2 = testPanel(page);
  await t2.show();
  await t2.addConfiguration('again', vendor.url, API_KEY);
  await tv.show();
  await tv.test(TEST_ID).getByRole('button', { name: 'test_get_ip_reputation_happy', exact: true }).click();
  await tv.rerecordConfig.selectOption({ label: 'again' });
  await tv.rerecord.click();
  await expect(tv.rerecordPanel).toHaveAttribute('data-phase', 'preview', { timeout: 60_000 });
  await expect(tv.rerecordSummary).toContainText('The vendor answers differently.');
  await expect(tv.rerecordData).toContainText('$.score 87 → 1');
  await expect(tv.rerecordSchema).toHaveCount(0);
  await expect(tv.rerecordPanel).toContainText('Same keys and types.');
  await tv.rerecordPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('tests-view-rerecord-dark') });
  await tv.rerecordAccept.click();
  await expect(tv.rerecordPanel).toHaveCount(0);
  await expect(tv.test(TEST_ID)).toHaveAttribute('data-state', 'passed', { timeout: 60_000 });
});
