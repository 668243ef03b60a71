import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

const exists = (p: string) => access(p).then(() => true, () => false);

test('create a folder and a file, rename the file, delete it after confirming', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  const abs = (rel: string) => path.join(app.sampleRoot, rel);

  await tree.newFolder(SAMPLE_CONNECTOR, 'helpers');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/helpers`)).toBeVisible();
  expect((await stat(abs(`${SAMPLE_CONNECTOR}/helpers`))).isDirectory()).toBe(true);

  await tree.newFile(`${SAMPLE_CONNECTOR}/helpers`, 'draft.py');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/helpers/draft.py`)).toBeVisible();
  await expect(editor(page).tab(`${SAMPLE_CONNECTOR}/helpers/draft.py`)).toBeVisible();
  expect(await exists(abs(`${SAMPLE_CONNECTOR}/helpers/draft.py`))).toBe(true);

  await tree.rename(`${SAMPLE_CONNECTOR}/helpers/draft.py`, 'final.py');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/helpers/final.py`)).toBeVisible();
  await expect(editor(page).tab(`${SAMPLE_CONNECTOR}/helpers/final.py`)).toBeVisible();
  expect(await exists(abs(`${SAMPLE_CONNECTOR}/helpers/draft.py`))).toBe(false);
  expect(await exists(abs(`${SAMPLE_CONNECTOR}/helpers/final.py`))).toBe(true);

  await tree.row(`${SAMPLE_CONNECTOR}/helpers/final.py`).click();
  await tree.tree.press('Delete');
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('final.py');
  await confirm.getByTestId('dialog-confirm').click();
  await expect(tree.row(`${SAMPLE_CONNECTOR}/helpers/final.py`)).toHaveCount(0);
  await expect(editor(page).tab(`${SAMPLE_CONNECTOR}/helpers/final.py`)).toHaveCount(0);
  expect(await exists(abs(`${SAMPLE_CONNECTOR}/helpers/final.py`))).toBe(false);
});

test('a name with a slash is refused in the dialog', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  await tree.contextMenu(SAMPLE_CONNECTOR, 'New File…');
  await tree.prompt.getByTestId('prompt-input').fill('a/b.py');
  await expect(tree.prompt.getByRole('alert')).toContainText('cannot contain');
  await tree.prompt.getByTestId('prompt-input').press('Escape');
  await expect(tree.prompt).toBeHidden();
});

test('drag a file onto a folder moves it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  await tree.dragTo(`${SAMPLE_CONNECTOR}/utils.py`, `${SAMPLE_CONNECTOR}/playbooks`);
  await expect(tree.row(`${SAMPLE_CONNECTOR}/playbooks/utils.py`)).toBeVisible();
  expect(await exists(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'playbooks', 'utils.py'))).toBe(true);
  expect(await exists(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'utils.py'))).toBe(false);
});

test('upload files into a folder through the file chooser', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  const chooser = page.waitForEvent('filechooser');
  await tree.contextMenu(`${SAMPLE_CONNECTOR}/images`, 'Upload Files…');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await (await chooser).setFiles([{ name: 'uploaded.png', mimeType: 'image/png', buffer: png }]);
  await expect(tree.row(`${SAMPLE_CONNECTOR}/images/uploaded.png`)).toBeVisible();
  expect(await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'images', 'uploaded.png'))).toEqual(png);
});

test('the tree renders only the rows in view for a large project', async ({ page, app }) => {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const big = path.join(app.sampleRoot, 'generated');
  await mkdir(big);
  await Promise.all(Array.from({ length: 1500 }, (_, i) => writeFile(path.join(big, `file-${String(i).padStart(4, '0')}.txt`), 'x')));
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  await tree.open('generated');
  await expect(tree.tree).toHaveAttribute('data-rows', /^1[5-9]\d\d$/);
  expect(await tree.rows.count()).toBeLessThan(120);
  await tree.row('generated/file-0000.txt').click();
  await tree.tree.press('End');
  await expect(tree.row('README.md')).toBeVisible();
});
