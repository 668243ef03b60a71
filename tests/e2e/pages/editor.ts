import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export function editor(page: Page) {
  const host = page.getByTestId('monaco-editor');
  const tab = (relPath: string) => page.locator(`[data-testid="editor-tab"][data-path="${relPath}"]`);
  return {
    host,
    tabs: page.getByTestId('editor-tab'),
    tab,
    lines: host.locator('.view-lines'),
    /** Monaco's wavy underlines under problems. */
    squiggles: host.locator('.squiggly-error, .squiggly-warning, .squiggly-info'),
    /** Monaco marks its root "focused" while it has the keyboard. */
    focused: host.locator('.monaco-editor.focused'),
    choiceDialog: page.getByTestId('choice-dialog'),
    diskBanner: page.getByTestId('disk-changed-banner'),
    notice: page.getByTestId('file-notice'),
    imagePreview: page.getByTestId('image-preview'),
    backupStatus: page.getByTestId('backup-status'),
    statusProblems: page.getByTestId('status-problems'),
    statusCursor: page.getByTestId('status-cursor'),
    statusLanguage: page.getByTestId('status-language'),
    /** Format Document (ruff) at the right of the tab bar, for Python files. */
    formatButton: page.getByTestId('editor-format'),
    async waitReady(relPath: string) {
      await page.locator(`[data-testid="monaco-editor"][data-path="${relPath}"][data-ready="true"]`).waitFor();
      await host.locator('.view-lines').waitFor();
    },
    async focus() {
      await host.locator('.view-lines').click();
    },
    /** Moves to the end of the file and types, like a user would. */
    async typeAtEnd(text: string) {
      await this.focus();
      await page.keyboard.press(`${mod}+End`);
      await page.keyboard.type(text);
    },
    async save() {
      await page.keyboard.press(`${mod}+S`);
    },
    async undo() {
      await page.keyboard.press(`${mod}+Z`);
    },
    async saveAll() {
      await page.keyboard.press(`${mod}+Alt+S`);
    },
    async close(relPath: string) {
      await tab(relPath).hover();
      await tab(relPath).getByTestId('tab-close').click();
    },
    async choose(id: 'save' | 'discard' | 'cancel' | 'overwrite' | 'theirs') {
      await page.getByTestId('choice-dialog').getByTestId(`choice-${id}`).click();
    },
  };
}
