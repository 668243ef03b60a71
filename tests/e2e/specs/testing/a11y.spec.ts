import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor } from './vendor-server';

for (const theme of ['dark', 'light'] as const) {
  test(`the Test view has no serious or critical accessibility violations (${theme})`, async ({ page, app }) => {
    const vendor = await startVendor();
    try {
      await app.open(page);
      if (theme === 'light') await palette(page).run('Toggle Light/Dark Theme');
      await homePage(page).openProject(SAMPLE_CONNECTOR);
      const t = testPanel(page);
      await palette(page).run('Test Configuration');
      await t.addConfig.click();
      await t.save.click();
      await expect(t.form).toContainText('API Key is required.');
      expect(await seriousViolations(page, '[data-testid="test-view"]')).toEqual([]);
      await t.field('server_url').fill(vendor.url);
      await t.field('api_key').fill(API_KEY);
      await t.save.click();
      await t.configRow('Config 1').getByTestId('health-check').click();
      await expect(t.healthStatus).toHaveText('Available');
      expect(await seriousViolations(page, '[data-testid="test-view"]')).toEqual([]);
      await t.tab('configurations').press('ArrowRight');
      await expect(t.tab('actions')).toBeFocused();
      await t.field('ip').fill('192.0.2.1');
      await t.field('ip').press('Control+Enter');
      await expect(t.runStatus).toHaveText('Success');
      expect(await seriousViolations(page, '[data-testid="test-view"]')).toEqual([]);
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshots', `test-actions-${theme}-a11y.png`) });
    } finally {
      await vendor.close();
    }
  });
}
