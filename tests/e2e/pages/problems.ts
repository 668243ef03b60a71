import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The Problems panel at the bottom of the IDE. */
export function problemsPanel(page: Page) {
  const root = page.getByTestId('problems-panel');
  return {
    root,
    entries: root.getByTestId('problem'),
    entry: (rule: string) => root.locator(`[data-testid="problem"][data-rule="${rule}"]`),
    async toggle() {
      await page.keyboard.press(`${mod}+Shift+M`);
    },
  };
}
