import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { seriousViolations } from '../../pages/axe';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';

for (const theme of ['dark', 'light'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page, app }) => {
      await app.open(page);
      if (theme === 'light') {
        await palette(page).run('Toggle Light/Dark Theme');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      }
    });

    test('Home has no serious or critical accessibility violations', async ({ page }) => {
      await expect(homePage(page).cards.first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the IDE view has no serious or critical accessibility violations', async ({ page }) => {
      await homePage(page).openProject(SAMPLE_CONNECTOR);
      const tree = fileTree(page);
      await tree.open(`${SAMPLE_CONNECTOR}/connector.py`);
      const ed = editor(page);
      await ed.waitReady(`${SAMPLE_CONNECTOR}/connector.py`);
      await ed.typeAtEnd('\n# dirty');
      await tree.row(`${SAMPLE_CONNECTOR}/info.json`).click();
      await tree.tree.focus();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('dialogs and the palette have no serious or critical accessibility violations', async ({ page }) => {
      await homePage(page).openProject(SAMPLE_CONNECTOR);
      await palette(page).showCommands();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await fileTree(page).contextMenu(SAMPLE_CONNECTOR, 'New File…');
      await expect(page.getByTestId('prompt-dialog')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
