import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

const FILE = `${SAMPLE_CONNECTOR}/connector.py`;

test('kill the host with unsaved edits, restart: the edits and tabs come back', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const tree = fileTree(page);
  await tree.open(`${SAMPLE_CONNECTOR}/info.json`);
  await tree.open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# survives a crash');
  await expect(ed.backupStatus).toHaveAttribute('data-state', 'saved');

  await app.restart('SIGKILL');
  await expect(page.getByTestId('reconnect-banner')).toBeVisible();

  await app.open(page);
  await expect(page.getByTestId('ide')).toBeVisible();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');
  await expect(ed.tab(`${SAMPLE_CONNECTOR}/info.json`)).toBeVisible();
  await expect(ed.lines).toContainText('# survives a crash');
  await expect(page.getByTestId('toast').filter({ hasText: 'Restored unsaved changes' })).toBeVisible();
  expect(await readFile(path.join(app.sampleRoot, FILE), 'utf8')).not.toContain('# survives a crash');

  await ed.focus();
  await ed.save();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  expect(await readFile(path.join(app.sampleRoot, FILE), 'utf8')).toContain('# survives a crash');
});

test('closing the browser tab with unsaved work asks first', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# unsaved');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
});
