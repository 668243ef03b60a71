import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { authoringDialogs } from '../../pages/wizard';

test('Add Version tags the current version and bumps the patch level', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const dialogs = authoringDialogs(page);
  await palette(page).run('Add Version');
  await expect(dialogs.choice).toContainText('1.0.0');
  await expect(dialogs.choice.getByTestId('choice-minor')).toHaveText('Minor: 1.1.0');
  await dialogs.choice.getByTestId('choice-patch').click();
  // Tagging, editing and committing is several git calls: slower than one request on a busy machine.
  await expect(page.getByTestId('toast').filter({ hasText: 'now version 1.0.1' })).toBeVisible({ timeout: 30_000 });
  const tags = execFileSync('git', ['tag'], { cwd: app.sampleRoot, encoding: 'utf8' });
  expect(tags).toContain('1.0.0');
  const info = JSON.parse(await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'info.json'), 'utf8'));
  expect(info.version).toBe('1.0.1');
});

test('Duplicate copies the connector under a new identifier, label and version, and opens it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const dialogs = authoringDialogs(page);
  await palette(page).run('Duplicate Connector');
  await expect(dialogs.duplicate.getByTestId('duplicate-name')).toHaveValue(`${SAMPLE_CONNECTOR}-copy`);
  await dialogs.duplicate.getByTestId('duplicate-name').fill('9 bad');
  await dialogs.duplicate.getByTestId('duplicate-submit').click();
  await expect(dialogs.duplicate).toContainText('starting with a letter');
  await dialogs.duplicate.getByTestId('duplicate-name').fill('acme-intel-custom');
  await dialogs.duplicate.getByTestId('duplicate-label').fill('Acme Intel Custom');
  await dialogs.duplicate.getByTestId('duplicate-version').fill('2.0.0');
  await dialogs.duplicate.getByTestId('duplicate-submit').click();
  await expect(dialogs.duplicate).toBeHidden();
  await expect(fileTree(page).row('acme-intel-custom/info.json')).toBeVisible();
  const info = JSON.parse(await readFile(path.join(app.dirs.workspace, 'connector-acme-intel-custom', 'acme-intel-custom', 'info.json'), 'utf8'));
  expect(info).toMatchObject({ name: 'acme-intel-custom', label: 'Acme Intel Custom', version: '2.0.0' });
});
