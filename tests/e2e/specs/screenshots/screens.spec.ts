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
