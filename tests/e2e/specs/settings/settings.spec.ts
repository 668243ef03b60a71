import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';
import { settingsPage } from '../../pages/settings';

test('settings show the detected tools with versions and save changes at once', async ({ page, app }) => {
  await app.open(page);
  await page.getByTestId('open-settings').click();
  const s = settingsPage(page);
  await expect(s.root).toBeVisible();
  await expect(s.workspace).toHaveValue(app.dirs.workspace);
  await expect(s.git).toHaveAttribute('data-found', 'true');
  await expect(s.git).toContainText(/\d+\.\d+/);
  await expect(s.python).toHaveAttribute('data-found', /true|false/);

  await s.theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await s.fontSize.fill('16');
  await s.fontSize.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Font size saved' })).toBeVisible();
  await s.fontSize.fill('99');
  await s.fontSize.press('Enter');
  await expect(page.getByText('Enter a whole number from 8 to 40.')).toBeVisible();

  const stored = JSON.parse(await readFile(path.join(app.dirs.userData, 'settings.json'), 'utf8')) as { theme: string; editorFontSize: number };
  expect(stored).toMatchObject({ theme: 'light', editorFontSize: 16 });
});

test('export diagnostics and the logs folder report where they are', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await page.getByTestId('activity-settings').click();
  const s = settingsPage(page);
  await s.exportDiagnostics.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Diagnostics written to' })).toContainText(app.dirs.userData);
  await s.openLogs.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'logs' })).toBeVisible();
  await s.close.click();
  await expect(page.getByTestId('file-tree')).toBeVisible();
});
