import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: open the sample, edit, save, create and rename and delete a file, close with the prompt', async ({ page, app }) => {
  test.slow(); // One long flow: many steps, each waiting on a real state.
  await app.open(page);
  await tabTo(page, `[data-testid="project-card"][data-name="${SAMPLE_CONNECTOR}"] [data-testid="project-open"]`);
  await page.keyboard.press('Enter');
  const tree = fileTree(page);
  const ed = editor(page);
  await expect(tree.tree).toBeVisible();

  // Ctrl+Shift+E puts focus in the tree; arrows walk it, Enter opens into the editor.
  await page.keyboard.press(`${mod}+Shift+E`);
  await expect(tree.tree).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/connector.py`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await ed.waitReady(`${SAMPLE_CONNECTOR}/connector.py`);
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type('\n# typed without a mouse');
  await page.keyboard.press(`${mod}+S`);
  await expect(ed.tab(`${SAMPLE_CONNECTOR}/connector.py`)).toHaveAttribute('data-dirty', 'false');
  expect(await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'connector.py'), 'utf8')).toContain('# typed without a mouse');

  // New file through the palette, rename with F2, delete with Delete, all confirmed with the keyboard.
  await page.keyboard.press(`${mod}+Shift+P`);
  await page.keyboard.type('New File');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kb.py');
  await page.keyboard.press('Enter');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/kb.py`)).toBeVisible();
  await expect(ed.focused).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+E`);
  await expect(tree.row(`${SAMPLE_CONNECTOR}/kb.py`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F2');
  await page.keyboard.type('kb2');
  await page.keyboard.press('Enter');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/kb2.py`)).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+E`);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await expect(page.getByTestId('dialog-cancel')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(tree.row(`${SAMPLE_CONNECTOR}/kb2.py`)).toHaveCount(0);

  // The context menu opens with Shift+F10 and is walked with arrows; Esc closes it.
  await page.keyboard.press(`${mod}+Shift+E`);
  await page.keyboard.press('Shift+F10');
  await expect(tree.menu).toBeVisible();
  await expect(tree.menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tree.menu).toBeHidden();
  await expect(tree.tree).toBeFocused();

  // A dirty close prompts; the dialog is answered from the keyboard.
  await page.keyboard.press(`${mod}+P`);
  await page.keyboard.type('utils');
  await page.keyboard.press('Enter');
  await ed.waitReady(`${SAMPLE_CONNECTOR}/utils.py`);
  await page.keyboard.type('# x\n');
  await page.keyboard.press(`${mod}+Alt+W`);
  await expect(ed.choiceDialog).toBeVisible();
  await expect(page.getByTestId('choice-save')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('choice-discard')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.tab(`${SAMPLE_CONNECTOR}/utils.py`)).toHaveCount(0);
});

test('full-screen editor toggles from the keyboard and Esc leaves it', async ({ page, app }) => {
  await app.open(page, '');
  await page.getByTestId('project-open').first().click();
  const ed = editor(page);
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/connector.py`);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/connector.py`);
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(page.getByTestId('ide')).toHaveAttribute('data-fullscreen', 'true');
  await expect(page.getByTestId('sidebar')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ide')).toHaveAttribute('data-fullscreen', 'false');
  await expect(page.getByTestId('sidebar')).toBeVisible();
});

test('the side bar resizes with the keyboard', async ({ page, app }) => {
  await app.open(page);
  await page.getByTestId('project-open').first().click();
  const resizer = page.getByTestId('sidebar-resizer');
  const before = Number(await resizer.getAttribute('aria-valuenow'));
  await resizer.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 20));
  const box = await page.getByTestId('sidebar').boundingBox();
  expect(Math.round(box!.width)).toBe(before + 20);
});
