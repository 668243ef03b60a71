import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The Problems tab of the panel at the bottom of the IDE: the panel itself while that tab shows, so its resize
 * handle and its rows are inside `root`, and `root` is hidden while another tab (Output) shows. */
export function problemsPanel(page: Page) {
  const root = page.locator('[data-testid="bottom-panel"][data-active-tab="problems"]');
  return {
    root,
    entries: root.getByTestId('problem'),
    entry: (rule: string) => root.locator(`[data-testid="problem"][data-rule="${rule}"]`),
    async toggle() {
      await page.keyboard.press(`${mod}+Shift+M`);
    },
  };
}
