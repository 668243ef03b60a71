import { SAMPLE_CONNECTOR } from '../../fixtures';
import { homePage } from '../../pages/home';
import { reviewPage } from '../../pages/review';
import { wizardPage } from '../../pages/wizard';
import { expect, shot, test } from './packages';

test('Check for certification adds Fortinet\'s CI checks to the review, with the CI method of each finding', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const review = reviewPage(page);
  await review.show();
  await review.waitForReport();
  // Clean, but not certified: the verdict promises nothing about the CI.
  await expect(review.verdict).toHaveText('No problems found');
  await expect(page.getByTestId('review-certification-hint')).toBeVisible();
  await expect(review.section('certification')).toHaveCount(0);

  const runs = await review.runs();
  await page.getByTestId('review-certification').click();
  await review.waitForReport(runs);
  await expect(page.getByTestId('review-certification')).toHaveAttribute('aria-pressed', 'true');
  // The sample is its publisher's own: its copyright blocks are not the ones the CI requires.
  await expect(review.verdict).toHaveText('Needs changes: 4 errors');
  const certification = review.section('certification');
  await expect(certification).toContainText('Certification (Fortinet CI)');
  const findings = certification.locator('[data-testid="review-finding"][data-rule="cert-copyright-block"]');
  await expect(findings).toHaveCount(4);
  await expect(findings.first()).toHaveAttribute('data-source', 'certification');
  await expect(findings.first()).toHaveAttribute('data-ci-check', 'verify_copyright_block');
  await expect(findings.first()).toContainText("the copyright holder is 'Connector Studio'");
  await expect(findings.first()).toContainText('CI: verify_copyright_block');
  await page.screenshot({ path: shot('review-certification') });
});

test('the wizard\'s "Submit to Fortinet for certification" makes a project the review calls Ready to certify', async ({ page, app }) => {
  await app.open(page);
  const wz = wizardPage(page);
  await wz.start();
  await wz.template('firewall-network').check();
  await wz.label.fill('Acme Firewall');
  await wz.publisher.fill('Acme Security');
  await page.getByTestId('wz-publish-fortinet').check();
  await expect(page.locator('[data-publish="fortinet"]')).toHaveClass(/selected/);
  await page.locator('.wz-body').evaluate((e) => e.scrollTo(0, 0));
  await page.screenshot({ path: shot('wizard-publish-target') });
  await wz.next.click();
  await wz.next.click();
  await wz.next.click();
  await expect(page.getByTestId('wz-summary-publish')).toHaveText('Submitted to Fortinet for certification');
  await expect(page.getByTestId('wz-licence')).toBeDisabled();
  await wz.create.click();
  await expect(page.getByTestId('file-tree')).toBeVisible();

  const review = reviewPage(page);
  await review.show();
  await review.waitForReport();
  const runs = await review.runs();
  await page.getByTestId('review-certification').click();
  await review.waitForReport(runs);
  await expect(review.verdict).toHaveText('Ready to certify');
  // The only findings: the Tests section's infos (a new project has no tests yet), which certification ignores.
  await expect(review.counts).toHaveText(/^0 errors, 0 warnings, \d+ infos?$/);
  await expect(review.panel.locator('[data-testid="review-finding"]:not([data-rule="operation-without-test"])')).toHaveCount(0);
  await expect(review.section('certification')).toContainText('No findings.');
  await page.screenshot({ path: shot('review-ready-to-certify') });
});
