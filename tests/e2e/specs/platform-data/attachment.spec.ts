import { cp } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { platformData } from '../../pages/platformData';
import { testPanel } from '../../pages/testing';

// Issue 14's "done means": an action that creates an attachment shows the record in the Platform data view. The
// fixture connector calls the framework as the published web-screenshot connector does.
const FIXTURE = path.join(repoRoot, 'tests', 'e2e', 'specs', 'platform-data', 'fixtures', 'attach-report');
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const REPORT = 'Hello, SOC!';

test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) await page.screenshot({ path: shot('platform-data-failed') });
});

test('an action that attaches a file: the run lists the record, the Platform data view shows it and its file, reset empties it', async ({ page, app }) => {
  test.setTimeout(120_000);
  await cp(FIXTURE, path.join(app.dirs.workspace, 'attach-report'), { recursive: true });
  await app.open(page);
  await homePage(page).openProject('attach-report');
  // A folder copied in from elsewhere opens restricted; this one is ours.
  await page.getByTestId('trust-project').click();
  await expect(page.getByTestId('restricted-banner')).toHaveCount(0);
  const p = platformData(page);
  const t = testPanel(page);

  // Before any run: the palette opens the view, which says how records get there.
  await palette(page).run('Platform Data: Show');
  await expect(p.empty).toContainText('No records yet: run an action that creates records');
  await expect(p.reset).toBeDisabled();
  await page.screenshot({ path: shot('platform-data-empty') });

  // Run the action; its result lists the attachment it created.
  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('attach_report');
  await t.field('filename').fill('report.txt');
  await t.field('text').fill(REPORT);
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  const attachment = p.runRecordOf('created', '/api/3/attachments/');
  await expect(attachment).toHaveCount(1);
  await expect(attachment).toContainText('created');
  const iri = (await attachment.getAttribute('data-iri')) ?? '';
  expect(iri).toMatch(/^\/api\/3\/attachments\/[0-9a-f-]{36}$/);
  await expect(t.runData).toContainText(`"@id": "${iri}"`);
  await p.runRecords.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('platform-data-run-records') });
  expect(await seriousViolations(page, '[data-testid="run-records"]')).toEqual([]);

  // Its IRI opens the view on the record, selected and focused, with its detail as JSON.
  await attachment.getByTestId('run-record-link').click();
  await expect(p.view).toBeVisible();
  const row = p.record(iri);
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  await expect(row).toContainText('report.txt');
  await expect(p.module('attachments')).toBeVisible();
  // The record whole, as the connector GETs it (platform.record): the attachment with its file embedded.
  await expect(p.detailJson).toContainText(`"@id": "${iri}"`);
  await expect(p.detailJson).toContainText('"@type": "Attachment"');
  await expect(p.detailJson).toContainText('"filename": "report.txt"');
  await expect(p.view.getByTestId('platform-detail-origin')).toContainText('action attach_report');
  // Its file, by name, under it.
  await expect(p.detailFile).toHaveCount(1);
  await expect(p.detailFile.getByTestId('platform-file-name')).toHaveText('report.txt');
  await expect(p.detailFile.getByTestId('platform-file-meta')).toHaveText(`${Buffer.byteLength(REPORT)} B · text/plain`);
  await expect(p.summary).toContainText('1 file');
  // The file it points at, with its size and type.
  const file = p.files.filter({ hasText: 'report.txt' });
  await expect(file).toHaveCount(1);
  await expect(file.getByTestId('platform-file-meta')).toHaveText(`${Buffer.byteLength(REPORT)} B · text/plain`);
  await page.screenshot({ path: shot('platform-data-attachment') });

  // Keyboard: Enter folds the detail, the arrows walk the rows down to the file, Enter opens its detail.
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-expanded', 'false');
  await expect(p.detail).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(file).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.detail).toHaveAttribute('data-iri', (await file.getAttribute('data-iri')) ?? '');
  await expect(p.detailJson).toContainText('"mimeType": "text/plain"');
  await page.keyboard.press('Home');
  await expect(p.view.getByTestId('platform-module-toggle').first()).toBeFocused();
  expect(await seriousViolations(page, '[data-testid="platform-view"]')).toEqual([]);
  // The light theme reads as well.
  await palette(page).run('Toggle Light/Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: shot('platform-data-file-light') });
  expect(await seriousViolations(page, '[data-testid="platform-view"]')).toEqual([]);

  // Reset asks first; Cancel keeps everything.
  await palette(page).run('Platform Data: Reset…');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('for this project');
  await page.screenshot({ path: shot('platform-data-reset-confirm') });
  await page.getByTestId('dialog-cancel').click();
  await expect(row).toBeVisible();
  await p.reset.click();
  await page.getByTestId('dialog-confirm').click();
  await expect(p.empty).toBeVisible();
  await expect(p.records).toHaveCount(0);

  // The run still lists the record; its link now says it is gone rather than showing nothing.
  await t.show();
  await t.tab('actions').click();
  await attachment.getByTestId('run-record-link').click();
  await expect(p.notFound).toContainText(iri);
  await page.screenshot({ path: shot('platform-data-after-reset') });
});
