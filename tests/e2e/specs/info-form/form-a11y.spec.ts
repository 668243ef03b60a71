import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { infoForm } from '../../pages/infoForm';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

test.describe.configure({ timeout: 180_000 });

for (const theme of ['dark', 'light'] as const) {
  test(`the form, its preview and Problems have no serious accessibility violations (${theme})`, async ({ page, app }) => {
    await app.open(page);
    if (theme === 'light') {
      await palette(page).run('Toggle Light/Dark Theme');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    await homePage(page).openProject(SAMPLE_CONNECTOR);
    await fileTree(page).open(`${SAMPLE_CONNECTOR}/info.json`);
    await editor(page).waitReady(`${SAMPLE_CONNECTOR}/info.json`);
    const form = infoForm(page);
    await form.waitReady();
    const op = form.op('get_domain_reputation');
    await form.expand(op);
    await form.expand(form.field(op, 'include_history'));
    await problemsPanel(page).toggle();
    await expect(problemsPanel(page).root).toBeVisible();
    await page.screenshot({ path: shot(`info-form-details-${theme}`) });
    expect(await seriousViolations(page, '[data-testid="info-form"]', '[data-testid="problems-panel"]')).toEqual([]);
    await form.view('preview');
    await form.previewTarget.selectOption({ index: 1 });
    await expect(form.previewFields.first()).toBeVisible();
    expect(await seriousViolations(page, '[data-testid="info-form"]', '[data-testid="problems-panel"]')).toEqual([]);
  });
}
