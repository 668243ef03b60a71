import { editor } from '../../pages/editor';
import { homePage } from '../../pages/home';
import { reviewPage } from '../../pages/review';
import { expect, packageFolder, SAMPLE_DIR, shot, test } from './packages';

test('a .tgz opened from Home shows its report first, stays read-only, and imports into the workspace', async ({ page, app, tmp: out }) => {
  const tgz = await packageFolder(SAMPLE_DIR, out, 'sample-threat-intel-1.0.0.tgz');
  await app.open(page);
  const review = reviewPage(page);

  await review.openPackage(tgz);
  await review.waitForReport();
  await expect(review.banner).toContainText('Read-only review of Sample Threat Intel 1.0.0');
  await expect(review.panel).toBeVisible();
  await expect(review.verdict).toHaveText('No problems found');
  // The infos are the Tests section's: the sample ships no test for its three operations.
  await expect(review.counts).toHaveText('0 errors, 0 warnings, 3 infos');
  await expect(review.section('tests')).toContainText('Get IP Reputation (get_ip_reputation) has no test.');
  await expect(review.section('security')).toContainText('No findings.');
  // Beside the report: the documentation users will read, generated from the package.
  await expect(review.docsFrame.getByRole('heading', { name: 'Configuration' })).toBeVisible();
  await page.screenshot({ path: shot('review-reviewer-mode') });

  // Home lists the review apart from the workspace's projects: a Review badge, and Close instead of Delete.
  await page.getByTestId('activity-home').click();
  const card = page.locator('[data-testid="project-card"]').filter({ has: page.getByTestId('project-review-badge') });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('project-close-review')).toBeVisible();
  await expect(card.getByTestId('project-delete')).toHaveCount(0);
  await page.screenshot({ path: shot('review-home-card') });
  await card.getByTestId('project-open').click();
  await expect(review.banner).toBeVisible();

  // Read-only: typing changes nothing and marks nothing dirty.
  await page.getByTestId('activity-explorer').click();
  // A package unpacks as a bare connector folder: paths start at the connector.
  const relPath = 'connector.py';
  await page.locator(`[data-testid="tree-row"][data-path="${relPath}"]`).click();
  const ed = editor(page);
  await ed.waitReady(relPath);
  await ed.typeAtEnd('\n# reviewer typed this');
  await ed.save();
  await expect(ed.tab(relPath)).toHaveAttribute('data-dirty', 'false');
  await expect(ed.lines).not.toContainText('reviewer typed this');

  // Nothing can be generated into a package under review.
  await review.showPlaybooks();
  await expect(review.generatePlaybooks).toBeDisabled();

  await review.importButton.click();
  const imported = page.getByTestId('toast').filter({ hasText: 'Imported Sample Threat Intel 1.0.0 into the workspace' });
  const replace = page.getByTestId('choice-dialog').getByTestId('choice-replace');
  // Importing unpacks and registers the package: allow for a busy machine.
  await expect(imported.or(replace)).toBeVisible({ timeout: 30_000 });
  if (await replace.isVisible()) await replace.click();
  await expect(imported).toBeVisible({ timeout: 30_000 });
  await expect(review.banner).toHaveCount(0);
  await expect(page.getByTestId('file-tree')).toBeVisible();
  await page.getByTestId('activity-home').click();
  await expect(homePage(page).cards.first()).toBeVisible();
  await expect(page.getByTestId('project-review-badge')).toHaveCount(0);
});
