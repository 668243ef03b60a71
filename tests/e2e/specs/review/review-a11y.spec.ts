import AxeBuilder from '@axe-core/playwright';
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
    const result = await new AxeBuilder({ page }).include('[data-testid="review-panel"]').include('[data-testid="reviewer-banner"]').analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    expect(serious).toEqual([]);

    await review.showPlaybooks();
    const playbooks = await new AxeBuilder({ page }).include('[data-testid="playbooks-panel"]').analyze();
    expect(playbooks.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
}
