import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';

test('Open Folder adds a connector from outside the workspace through the folder picker', async ({ page, app }) => {
  const outside = path.join(app.dirs.home, 'elsewhere', 'connector-outside');
  await mkdir(path.join(outside, 'outside'), { recursive: true });
  await writeFile(path.join(outside, 'outside', 'info.json'), JSON.stringify({ name: 'outside', label: 'Outside Connector', version: '2.1.0', publisher: 'Partner', operations: [] }));
  await app.open(page);
  const home = homePage(page);
  await home.openFolderButton.click();
  await page.getByTestId('folder-path').fill(path.join(app.dirs.home, 'elsewhere'));
  await page.getByTestId('folder-path').press('Enter');
  await page.locator('[data-testid="folder-entry"][data-name="connector-outside"]').click();
  await expect(page.getByTestId('folder-path')).toHaveValue(outside);
  await page.getByTestId('folder-open').click();
  await expect(page.locator('[data-testid="tree-row"][data-path="outside/info.json"]')).toBeVisible();

  await page.getByTestId('activity-home').click();
  await expect(home.card('outside')).toContainText('Outside Connector');
  await expect(home.card('outside').getByTestId('project-git')).toHaveAttribute('data-state', 'none');
});

test('Delete asks with the folder name, then moves the project to the trash', async ({ page, app }) => {
  await app.open(page);
  const home = homePage(page);
  await home.deleteProject(SAMPLE_CONNECTOR);
  await expect(home.confirmDialog).toContainText('connector-sample-threat-intel');
  await home.confirmDialog.getByTestId('dialog-cancel').click();
  await expect(home.card(SAMPLE_CONNECTOR)).toBeVisible();

  await home.deleteProject(SAMPLE_CONNECTOR);
  await home.confirmDialog.getByTestId('dialog-confirm').click();
  await expect(home.card(SAMPLE_CONNECTOR)).toHaveCount(0);
  expect(await access(app.sampleRoot).then(() => true, () => false)).toBe(false);
});

test('two projects open side by side in two browser tabs', async ({ page, app, context }) => {
  const second = path.join(app.dirs.workspace, 'connector-second', 'second');
  await mkdir(second, { recursive: true });
  await writeFile(path.join(second, 'info.json'), JSON.stringify({ name: 'second', label: 'Second', version: '1.0.0', publisher: 'E2E', operations: [] }));
  await app.open(page);
  const home = homePage(page);
  const secondId = await home.card('second').getAttribute('data-id');
  await home.openProject(SAMPLE_CONNECTOR);

  const other = await context.newPage();
  await other.goto(`${app.host.origin}/#/project/${secondId}`);
  await expect(other.locator('[data-testid="tree-row"][data-path="second/info.json"]')).toBeVisible();
  await expect(page.locator(`[data-testid="tree-row"][data-path="${SAMPLE_CONNECTOR}/info.json"]`)).toBeVisible();
  await expect(other).toHaveTitle(/Second/);
  await expect(page).toHaveTitle(/Sample Threat Intel/);
});
