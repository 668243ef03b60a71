import { readFile } from 'node:fs/promises';
import { editor } from '../../pages/editor';
import { reviewPage } from '../../pages/review';
import { expect, hostilePackage, PLANTED, SAMPLE_DIR, shot, test } from './packages';

test('a hostile-but-valid archive: every planted defect is in the report, and the HTML export lists them', async ({ page, app, browser, tmp: out }) => {
  const tgz = await hostilePackage(out);
  await app.open(page);
  const review = reviewPage(page);
  await review.openPackage(tgz);
  await review.waitForReport();

  await expect(review.verdict).toHaveText(/^Needs changes: \d+ errors?$/);
  await expect(review.verdict).toHaveAttribute('data-tone', 'error');
  const security = review.section('security');
  await expect(security.locator(`[data-rule="${PLANTED.tls}"]`)).toContainText('helpers.py:9');
  await expect(security.locator(`[data-rule="${PLANTED.credential}"]`)).toContainText(PLANTED.token);
  await expect(security.locator(`[data-rule="${PLANTED.shell}"]`)).toContainText('shell=True');
  await expect(security.locator(`[data-rule="${PLANTED.tls}"]`)).toContainText('Fix:');

  // The operation removed since the sample's version shows once the reviewer compares with it.
  await expect(review.section('compat')).toHaveCount(0);
  await review.compareWith(SAMPLE_DIR);
  await expect(review.against).toContainText(SAMPLE_DIR);
  await expect(review.section('compat').locator(`[data-rule="${PLANTED.removed}"]`)).toContainText('get_domain_reputation');
  await page.screenshot({ path: shot('review-hostile') });

  // Filters: errors only, then only the security section.
  await review.severityFilter('warning').click();
  await expect(review.findings.filter({ has: page.locator('[data-severity="warning"]') })).toHaveCount(0);
  await expect(review.panel.locator('[data-testid="review-finding"][data-severity="warning"]')).toHaveCount(0);
  await review.sectionFilter.selectOption('security');
  await expect(page.getByTestId('review-section')).toHaveCount(1);
  await expect(review.findings).toHaveCount(3);

  // A finding opens its file at its line.
  await review.finding(PLANTED.shell).click();
  const ed = editor(page);
  await ed.waitReady('helpers.py');
  await expect(ed.statusCursor).toContainText('13');

  // A finding with only a JSON pointer opens info.json on the line of that key.
  await review.sectionFilter.selectOption('all');
  await review.section('compat').locator('[data-rule="compat-version-not-raised"]').click();
  await ed.waitReady('info.json');
  const infoText = await readFile(`${out}/hostile/sample-threat-intel/info.json`, 'utf8');
  const versionLine = infoText.split('\n').findIndex((l) => l.trimStart().startsWith('"version"')) + 1;
  await expect(ed.statusCursor).toContainText(`Ln ${versionLine},`);

  const [download] = await Promise.all([page.waitForEvent('download'), review.exportHtmlButton.click()]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const saved = `${out}/${download.suggestedFilename()}`;
  await download.saveAs(saved);
  const html = await readFile(saved, 'utf8');
  for (const rule of [PLANTED.tls, PLANTED.credential, PLANTED.shell, PLANTED.removed]) expect(html).toContain(rule);

  // The exported page stands on its own: open it as a reviewer would attach it to a pull request.
  const viewer = await browser.newPage();
  await viewer.goto(`file://${saved}`);
  await expect(viewer.locator('body')).toContainText('Needs changes');
  await expect(viewer.locator('body')).toContainText(PLANTED.removed);
  await viewer.screenshot({ path: shot('review-exported-html'), fullPage: false });
  await viewer.close();
});
