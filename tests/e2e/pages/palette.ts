import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export function palette(page: Page) {
  const root = page.getByTestId('palette');
  return {
    root,
    input: page.getByTestId('palette-input'),
    items: page.getByTestId('palette-item'),
    async showCommands() {
      await page.keyboard.press(`${mod}+Shift+P`);
      await root.waitFor();
    },
    async quickOpen() {
      await page.keyboard.press(`${mod}+P`);
      await root.waitFor();
    },
    async goToLine() {
      await page.keyboard.press('Control+G');
      await root.waitFor();
    },
    async run(title: string) {
      await this.showCommands();
      await page.getByTestId('palette-input').fill(`>${title}`);
      await page.getByTestId('palette-item').first().waitFor();
      await page.getByTestId('palette-input').press('Enter');
    },
  };
}
