import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR } from '../../fixtures';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { reviewPage } from '../../pages/review';
import { expect, shot, test } from './packages';

test('the docs preview shows the configuration table and every action, and exports Markdown', async ({ page, app, tmp: out }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await palette(page).run('Preview Documentation');
  const review = reviewPage(page);
  await expect(review.docs).toBeVisible();
  const doc = review.docsFrame;
  await expect(doc.getByRole('heading', { name: 'Configuration' })).toBeVisible();
  const config = doc.locator('table').filter({ hasText: 'Server URL' });
  for (const header of ['Field', 'Type', 'Required', 'Default', 'Description']) await expect(config.getByRole('columnheader', { name: header })).toBeVisible();
  await expect(config).toContainText('api_key');
  await expect(doc.getByRole('heading', { name: 'Get IP Reputation' })).toBeVisible();
  await expect(doc.getByRole('heading', { name: 'Get Domain Reputation' })).toBeVisible();
  // The connector's own text renders with no scripts and no access to the app.
  await expect(page.getByTestId('docs-frame')).toHaveAttribute('sandbox', '');
  await page.screenshot({ path: shot('review-docs-preview') });

  const [download] = await Promise.all([page.waitForEvent('download'), review.docsExportMarkdown.click()]);
  expect(download.suggestedFilename()).toBe('sample-threat-intel-1.0.0.md');
  await download.saveAs(path.join(out, 'docs.md'));
  const md = await readFile(path.join(out, 'docs.md'), 'utf8');
  expect(md).toContain('## Configuration');
  expect(md).toContain('### Get Domain Reputation');

  await review.docsClose.click();
  await expect(review.docs).toHaveCount(0);
});

test('Generate sample playbooks: the Playbooks view lists one inactive, tagged playbook per action', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const review = reviewPage(page);
  await review.showPlaybooks();
  await expect(page.getByTestId('playbooks-empty')).toBeVisible();
  await review.generatePlaybooks.click();
  await expect(review.playbooks).toHaveCount(2);
  for (const p of await review.playbooks.all()) {
    await expect(p).toHaveAttribute('data-active', 'false');
    await expect(p).toContainText('Inactive');
    await expect(p.getByTestId('playbook-tag').first()).toBeVisible();
  }
  await expect(review.playbooks.filter({ hasText: 'Get IP Reputation' })).toContainText('get_ip_reputation');
  await page.screenshot({ path: shot('review-playbooks') });
  const onDisk = JSON.parse(await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'playbooks/playbooks.json'), 'utf8')) as { data: { workflows: unknown[] }[] };
  expect(onDisk.data.flatMap((c) => c.workflows)).toHaveLength(2);

  // Running it again keeps what is there.
  await review.generatePlaybooks.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'already has a playbook' })).toBeVisible();
  await expect(review.playbooks).toHaveCount(2);
});
