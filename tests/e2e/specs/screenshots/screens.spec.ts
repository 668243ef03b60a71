import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

for (const theme of ['dark', 'light'] as const) {
  test(`screenshots of Home and the IDE view (${theme})`, async ({ page, app }) => {
    await app.open(page);
    if (theme === 'light') {
      await palette(page).run('Toggle Light/Dark Theme');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    await expect(homePage(page).cards.first()).toBeVisible();
    await page.screenshot({ path: shot(`home-${theme}`) });

    await homePage(page).openProject(SAMPLE_CONNECTOR);
    const tree = fileTree(page);
    await tree.open(`${SAMPLE_CONNECTOR}/info.json`);
    await tree.open(`${SAMPLE_CONNECTOR}/connector.py`);
    const ed = editor(page);
    await ed.waitReady(`${SAMPLE_CONNECTOR}/connector.py`);
    await ed.typeAtEnd('\n# unsaved edit');
    await expect(ed.tab(`${SAMPLE_CONNECTOR}/connector.py`)).toHaveAttribute('data-dirty', 'true');
    await page.screenshot({ path: shot(`ide-${theme}`) });
  });
}

test('screenshots of the palette, search, source control, settings and a dialog', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/operations.py`);
  await editor(page).waitReady(`${SAMPLE_CONNECTOR}/operations.py`);
  await palette(page).showCommands();
  await page.screenshot({ path: shot('palette-dark') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+Shift+H');
  await page.getByTestId('search-query').fill('config');
  await page.getByTestId('search-query').press('Enter');
  await expect(page.getByTestId('search-summary')).toBeVisible();
  await page.screenshot({ path: shot('search-dark') });

  await editor(page).typeAtEnd('\n# change');
  await editor(page).save();
  await page.getByTestId('activity-git').click();
  await expect(page.getByTestId('git-changes')).toContainText('operations.py');
  await page.screenshot({ path: shot('git-dark') });

  await page.getByTestId('activity-explorer').click();
  await fileTree(page).row(`${SAMPLE_CONNECTOR}/connector.py`).click({ button: 'right' });
  await page.screenshot({ path: shot('context-menu-dark') });
  await page.keyboard.press('Escape');
  await editor(page).typeAtEnd('\n# again');
  await editor(page).close(`${SAMPLE_CONNECTOR}/operations.py`);
  await expect(editor(page).choiceDialog).toBeVisible();
  await page.screenshot({ path: shot('close-prompt-dark') });
  await editor(page).choose('cancel');

  await page.getByTestId('activity-settings').click();
  await expect(page.getByTestId('tool-git')).toBeVisible();
  await page.screenshot({ path: shot('settings-dark') });
});
