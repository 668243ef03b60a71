import path from 'node:path';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { testPanel } from '../../pages/testing';
import { testsView } from '../../pages/testsView';
import { wizardPage } from '../../pages/wizard';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';

// Issue 17's "done means" in the UI: record an action against a fake vendor on 127.0.0.1, Save as test, the Tests
// view runs it green with the vendor gone; change what the action answers, the test turns red with the diff.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const IP = '198.51.100.7';
const OPS = 'acme-intel/operations.py';
const TEST_FILE = 'tests/test_get_ip_reputation.py';
const TEST_ID = `${TEST_FILE}::test_get_ip_reputation_happy`;
/** pytest is installed into the tools environment on the first run (pip, minutes on a slow network). */
const FIRST_RUN_MS = 240_000;

let vendor: VendorServer | undefined;
test.afterEach(async () => {
  await vendor?.close();
});

test('record, Save as test, run green offline; break the action, run red with the diff', async ({ page, app }) => {
  test.setTimeout(FIRST_RUN_MS + 180_000);
  vendor = await startVendor();
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

  // An empty project says how to get a first test, and which operations have none.
  const tv = testsView(page);
  await tv.show();
  await expect(tv.empty).toHaveText('No tests yet: record a run in Test Actions and choose Save as test.', { timeout: FIRST_RUN_MS });
  await expect(tv.coverageRow('get_ip_reputation')).toHaveAttribute('data-tests', '0');
  await page.screenshot({ path: shot('tests-view-empty-dark') });

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
  await expect(tv.coverageRow('get_ip_reputation')).toHaveAttribute('data-tests', '1');
  await tv.runAll.click();
  await expect(tv.test(TEST_ID)).toHaveAttribute('data-state', 'passed', { timeout: FIRST_RUN_MS });
  await expect(tv.summary).toHaveText('1 passed, 0 failed');
  await expect(tv.gutter('passed')).toHaveCount(1);
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
});
