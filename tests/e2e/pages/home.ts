import type { Page } from '@playwright/test';

export function homePage(page: Page) {
  const cards = page.getByTestId('project-card');
  return {
    cards,
    card: (name: string) => page.locator(`[data-testid="project-card"][data-name="${name}"]`),
    search: page.getByTestId('home-search'),
    sort: page.getByTestId('home-sort'),
    openFolderButton: page.getByTestId('open-folder'),
    folderDialog: page.getByTestId('folder-dialog'),
    confirmDialog: page.getByTestId('confirm-dialog'),
    async openProject(name: string) {
      await page.locator(`[data-testid="project-card"][data-name="${name}"]`).getByTestId('project-open').click();
      await page.getByTestId('file-tree').waitFor();
    },
    async deleteProject(name: string) {
      await page.locator(`[data-testid="project-card"][data-name="${name}"]`).getByTestId('project-delete').click();
    },
    /** Drives the server-side folder picker: type the absolute path, go, open. */
    async openFolder(absPath: string) {
      await page.getByTestId('open-folder').click();
      await page.getByTestId('folder-path').fill(absPath);
      await page.getByTestId('folder-path').press('Enter');
      await page.getByTestId('folder-list').waitFor();
      await page.getByTestId('folder-open').click();
    },
  };
}
