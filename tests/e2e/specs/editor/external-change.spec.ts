import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';

const FILE = `${SAMPLE_CONNECTOR}/constants.py`;

test('an external edit reloads a clean open file and shows new files in the tree', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const tree = fileTree(page);
  await tree.open(FILE);
  await ed.waitReady(FILE);

  await writeFile(path.join(app.sampleRoot, FILE), 'CHANGED_OUTSIDE = 42\n');
  await expect(ed.lines).toContainText('CHANGED_OUTSIDE = 42');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');

  await writeFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'added_outside.py'), 'x = 1\n');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/added_outside.py`)).toBeVisible();
  await expect(tree.row(`${SAMPLE_CONNECTOR}/added_outside.py`)).toHaveAttribute('data-git', 'untracked');
});

test('an external edit of a dirty open file asks: Keep mine or Take theirs', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# my unsaved line');

  await writeFile(path.join(app.sampleRoot, FILE), 'FIRST_OUTSIDE = 1\n');
  await expect(ed.diskBanner).toBeVisible();
  await ed.diskBanner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(ed.diskBanner).toBeHidden();
  await expect(ed.lines).toContainText('# my unsaved line');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');

  await writeFile(path.join(app.sampleRoot, FILE), 'SECOND_OUTSIDE = 2\n');
  await expect(ed.diskBanner).toBeVisible();
  await ed.diskBanner.getByRole('button', { name: 'Take theirs' }).click();
  await expect(ed.lines).toContainText('SECOND_OUTSIDE = 2');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
});

test('the palette\'s "Keep My Version of the File" does what the banner\'s Keep mine does: the next save overwrites the disk', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const pal = palette(page);
  const abs = path.join(app.sampleRoot, FILE);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);

  // Only offered while the active file has changed on disk.
  await pal.showCommands();
  await pal.input.fill('>File: ');
  await expect(pal.items.filter({ hasText: 'Revert File to the Version on Disk' })).toHaveCount(1);
  await expect(pal.items.filter({ hasText: 'Keep My Version of the File' })).toHaveCount(0);
  await pal.input.press('Escape');
  await expect(pal.root).toBeHidden();

  await ed.typeAtEnd('\n# kept from the palette');
  await writeFile(abs, 'OUTSIDE_VERSION = 1\n');
  await expect(ed.diskBanner).toBeVisible();
  await pal.run('Keep My Version of the File');
  await expect(ed.diskBanner).toBeHidden();
  await expect(ed.lines).toContainText('# kept from the palette');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');

  // Its shortcut does the same.
  await writeFile(abs, 'OUTSIDE_AGAIN = 2\n');
  await expect(ed.diskBanner).toBeVisible();
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+Alt+K`);
  await expect(ed.diskBanner).toBeHidden();
  await expect(ed.lines).toContainText('# kept from the palette');

  await ed.save();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  const saved = await readFile(abs, 'utf8');
  expect(saved).toContain('# kept from the palette');
  expect(saved).not.toContain('OUTSIDE_VERSION');
  expect(saved).not.toContain('OUTSIDE_AGAIN');
});
