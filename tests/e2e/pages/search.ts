import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export function searchPanel(page: Page) {
  return {
    query: page.getByTestId('search-query'),
    replace: page.getByTestId('replace-input'),
    replaceAll: page.getByTestId('replace-all'),
    toggleReplace: page.getByTestId('search-toggle-replace'),
    summary: page.getByTestId('search-summary'),
    replaceSummary: page.getByTestId('replace-summary'),
    files: page.getByTestId('search-file'),
    matches: page.getByTestId('search-match'),
    async open() {
      await page.keyboard.press(`${mod}+Shift+F`);
      await page.getByTestId('search-query').waitFor();
    },
    async find(text: string) {
      await this.open();
      await page.getByTestId('search-query').fill(text);
      await page.getByTestId('search-query').press('Enter');
    },
  };
}
