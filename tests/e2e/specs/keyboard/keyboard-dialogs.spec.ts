import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';

/** The flows of the foundation issue that keyboard-only.spec.ts does not walk: a new folder, the save
 * conflict's three-way choice and the dirty-file-changed-on-disk banner, each with Tab, arrows and Enter only. */

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const FILE = `${SAMPLE_CONNECTOR}/utils.py`;

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, { back = false, max = 40 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"` : 'none';
    });
    seen.push(here);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}; focus went: ${seen.join(' → ')}`);
}

/** Opens the sample from Home and a file from Quick Open, without the mouse. */
async function openWithKeyboard(page: Page, relPath: string, query: string) {
  await tabTo(page, `[data-testid="project-card"][data-name="${SAMPLE_CONNECTOR}"] [data-testid="project-open"]`);
  await page.keyboard.press('Enter');
  await expect(fileTree(page).tree).toBeVisible();
  await page.keyboard.press(`${mod}+P`);
  await page.keyboard.type(query);
  await expect(page.getByTestId('palette-item').first()).toContainText(path.basename(relPath));
  await page.keyboard.press('Enter');
  await editor(page).waitReady(relPath);
  await expect(editor(page).focused).toBeVisible();
}

test('keyboard only: a new folder from the tree context menu and from the palette', async ({ page, app }) => {
  await app.open(page);
  await tabTo(page, `[data-testid="project-card"][data-name="${SAMPLE_CONNECTOR}"] [data-testid="project-open"]`);
  await page.keyboard.press('Enter');
  const tree = fileTree(page);
  await expect(tree.tree).toBeVisible();

  // In the tree: select the connector folder, Shift+F10, arrow down to "New Folder…", Enter, type, Enter.
  await page.keyboard.press(`${mod}+Shift+E`);
  await expect(tree.tree).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tree.row(SAMPLE_CONNECTOR)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+F10');
  await expect(tree.menu).toBeVisible();
  const newFolderItem = tree.menu.getByRole('menuitem', { name: 'New Folder…' });
  for (let i = 0; i < 5 && !(await newFolderItem.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(newFolderItem).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tree.prompt).toBeVisible();
  await expect(tree.prompt.getByTestId('prompt-input')).toBeFocused();
  await expect(tree.prompt).toContainText(SAMPLE_CONNECTOR);
  await page.keyboard.type('kb_folder');
  await page.screenshot({ path: shot('keyboard-new-folder-prompt') });
  await page.keyboard.press('Enter');
  await expect(tree.prompt).toBeHidden();
  await expect(tree.row(`${SAMPLE_CONNECTOR}/kb_folder`)).toBeVisible();
  const made = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'kb_folder');
  await expect.poll(() => existsSync(made) && statSync(made).isDirectory()).toBe(true);

  // From the palette: Ctrl+Shift+P, "New Folder", Enter; an invalid name is refused and the prompt stays.
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('New Folder');
  await expect(page.getByTestId('palette-item').first()).toContainText('New Folder');
  await page.keyboard.press('Enter');
  await expect(tree.prompt.getByTestId('prompt-input')).toBeFocused();
  await page.keyboard.type('a/b');
  await page.keyboard.press('Enter');
  await expect(tree.prompt).toBeVisible();
  await page.keyboard.press(`${mod}+A`);
  await page.keyboard.type('kb_folder_2');
  await page.keyboard.press('Enter');
  await expect(tree.prompt).toBeHidden();
  await expect(tree.rows.filter({ hasText: 'kb_folder_2' })).toBeVisible();
  // Esc in the prompt creates nothing.
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('New Folder');
  await page.keyboard.press('Enter');
  await expect(tree.prompt.getByTestId('prompt-input')).toBeFocused();
  await page.keyboard.type('never_made');
  await page.keyboard.press('Escape');
  await expect(tree.prompt).toBeHidden();
  await expect(tree.rows.filter({ hasText: 'never_made' })).toHaveCount(0);
});

test('keyboard only: the save conflict is answered with Tab and Enter: Cancel, Take theirs, Overwrite', async ({ page, app }) => {
  await app.open(page);
  const ed = editor(page);
  const abs = path.join(app.sampleRoot, FILE);
  await openWithKeyboard(page, FILE, 'utils');

  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('\n# mine');
  await writeFile(abs, '# theirs, written outside the IDE\n');
  // The clean-reload path must not run: the buffer is dirty, so the disk banner appears instead.
  await expect(ed.diskBanner).toBeVisible();

  // Save: the dialog opens with the focus inside it, on Cancel (Overwrite destroys the version on disk);
  // Tab cycles inside it (a trap).
  await page.keyboard.press(`${mod}+S`);
  await expect(ed.choiceDialog).toBeVisible();
  await expect(ed.choiceDialog).toContainText('changed on disk');
  const overwrite = page.getByTestId('choice-overwrite');
  const theirs = page.getByTestId('choice-theirs');
  const cancel = page.getByTestId('choice-cancel');
  await expect(cancel).toBeFocused();
  await page.screenshot({ path: shot('keyboard-save-conflict') });
  await page.keyboard.press('Tab');
  await expect(overwrite).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(theirs).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(theirs).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(cancel).toBeFocused();
  // Cancel: nothing written, the buffer still dirty, and the keyboard is back in the editor.
  await page.keyboard.press('Enter');
  await expect(ed.choiceDialog).toBeHidden();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');
  expect(await readFile(abs, 'utf8')).toBe('# theirs, written outside the IDE\n');
  await expect(ed.focused).toBeVisible();

  // Esc is Cancel too.
  await page.keyboard.press(`${mod}+S`);
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ed.choiceDialog).toBeHidden();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');

  // Overwrite takes a deliberate Tab to it, then Enter: my version is on disk.
  await expect(ed.focused).toBeVisible();
  await page.keyboard.press(`${mod}+S`);
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(overwrite).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  await expect.poll(() => readFile(abs, 'utf8')).toContain('# mine');
  expect(await readFile(abs, 'utf8')).not.toContain('theirs');

  // Another conflict, answered Take theirs: the buffer becomes the disk's version.
  await expect(ed.focused).toBeVisible();
  await page.keyboard.type('\n# mine again');
  await writeFile(abs, 'THEIRS = True\n');
  await expect(ed.diskBanner).toBeVisible();
  await page.keyboard.press(`${mod}+S`);
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(theirs).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  await expect(ed.lines).toContainText('THEIRS = True');
  await expect(ed.lines).not.toContainText('# mine again');
  expect(await readFile(abs, 'utf8')).toBe('THEIRS = True\n');
});

test('keyboard only: a dirty file changed on disk: Keep mine and Take theirs from the banner', async ({ page, app }) => {
  await app.open(page);
  const ed = editor(page);
  const file = `${SAMPLE_CONNECTOR}/constants.py`;
  const abs = path.join(app.sampleRoot, file);
  await openWithKeyboard(page, file, 'constants');
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('\n# my unsaved line');
  await expect(ed.tab(file)).toHaveAttribute('data-dirty', 'true');

  await writeFile(abs, 'FIRST_OUTSIDE = 1\n');
  await expect(ed.diskBanner).toBeVisible();
  const keep = ed.diskBanner.getByRole('button', { name: 'Keep mine' });
  const take = ed.diskBanner.getByRole('button', { name: 'Take theirs' });
  // From the editor, the way out of Monaco is the tree (Ctrl+Shift+E); Tab from there walks to the banner.
  await page.keyboard.press(`${mod}+Shift+E`);
  await expect(fileTree(page).tree).toBeFocused();
  await tabTo(page, '[data-testid="disk-changed-banner"] button');
  await expect(keep).toBeFocused();
  await page.screenshot({ path: shot('keyboard-disk-banner') });
  await page.keyboard.press('Enter');
  await expect(ed.diskBanner).toBeHidden();
  await expect(ed.lines).toContainText('# my unsaved line');
  await expect(ed.tab(file)).toHaveAttribute('data-dirty', 'true');

  await writeFile(abs, 'SECOND_OUTSIDE = 2\n');
  await expect(ed.diskBanner).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+E`);
  await expect(fileTree(page).tree).toBeFocused();
  await tabTo(page, '[data-testid="disk-changed-banner"] button');
  await page.keyboard.press('Tab');
  await expect(take).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.diskBanner).toBeHidden();
  await expect(ed.lines).toContainText('SECOND_OUTSIDE = 2');
  await expect(ed.lines).not.toContainText('# my unsaved line');
  await expect(ed.tab(file)).toHaveAttribute('data-dirty', 'false');
  expect(await readFile(abs, 'utf8')).toBe('SECOND_OUTSIDE = 2\n');
});
