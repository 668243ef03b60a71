import type { Page } from '@playwright/test';

export function fileTree(page: Page) {
  const tree = page.getByTestId('file-tree');
  const row = (relPath: string) => page.locator(`[data-testid="tree-row"][data-path="${relPath}"]`);
  const prompt = page.getByTestId('prompt-dialog');
  return {
    tree,
    row,
    rows: page.getByTestId('tree-row'),
    menu: page.getByTestId('context-menu'),
    prompt,
    /** Shows the Explorer; a click on its activity icon while it is shown would hide the side bar instead. */
    async show() {
      if (!(await tree.isVisible())) await page.getByTestId('activity-explorer').click();
      await tree.waitFor();
    },
    async open(relPath: string) {
      await row(relPath).click();
    },
    async contextMenu(relPath: string | null, item: string) {
      await (relPath === null ? tree : row(relPath)).click({ button: 'right', position: relPath === null ? { x: 40, y: 400 } : undefined });
      await page.getByTestId('context-menu').getByRole('menuitem', { name: item }).click();
    },
    async answerPrompt(text: string) {
      await prompt.getByTestId('prompt-input').fill(text);
      await prompt.getByTestId('prompt-input').press('Enter');
    },
    async newFolder(parent: string | null, name: string) {
      await this.contextMenu(parent, 'New Folder…');
      await this.answerPrompt(name);
    },
    async newFile(parent: string | null, name: string) {
      await this.contextMenu(parent, 'New File…');
      await this.answerPrompt(name);
    },
    async rename(relPath: string, name: string) {
      await row(relPath).click();
      await tree.press('F2');
      await this.answerPrompt(name);
    },
    async delete(relPath: string) {
      await row(relPath).click();
      await tree.press('Delete');
      await page.getByTestId('confirm-dialog').getByTestId('dialog-confirm').click();
    },
    async dragTo(from: string, toDir: string) {
      await row(from).dragTo(row(toDir));
    },
  };
}
