import { seriousViolations } from '../../pages/axe';
import { palette } from '../../pages/palette';
import { reviewPage } from '../../pages/review';
import { expect, hostilePackage, shot, test } from './packages';

for (const theme of ['dark', 'light'] as const) {
  test(`the review panel and reviewer banner have no serious or critical accessibility violations (${theme})`, async ({ page, app, tmp: out }) => {
    const tgz = await hostilePackage(out);
    await app.open(page);
    if (theme === 'light') {
      await palette(page).run('Toggle Light/Dark Theme');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    const review = reviewPage(page);
    await review.openPackage(tgz);
    await review.waitForReport();
    await expect(review.verdict).toContainText('Needs changes');
    await review.severityFilter('info').click();
    await page.screenshot({ path: shot(`review-panel-${theme}`) });
    const serious = await seriousViolations(page, '[data-testid="review-panel"]', '[data-testid="reviewer-banner"]');
    expect(serious).toEqual([]);

    await review.showPlaybooks();
    expect(await seriousViolations(page, '[data-testid="playbooks-panel"]')).toEqual([]);
  });
}
