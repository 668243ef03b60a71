import type { Page } from '@playwright/test';

/** The Connector Wizard (#/new) and the authoring dialogs: export, import, duplicate. */
export function wizardPage(page: Page) {
  const root = page.getByTestId('wizard');
  return {
    root,
    label: page.getByTestId('wz-label'),
    name: page.getByTestId('wz-name'),
    version: page.getByTestId('wz-version'),
    publisher: page.getByTestId('wz-publisher'),
    description: page.getByTestId('wz-description'),
    category: page.getByTestId('wz-category'),
    next: page.getByTestId('wz-next'),
    back: page.getByTestId('wz-back'),
    create: page.getByTestId('wz-create'),
    createError: page.getByTestId('wz-create-error'),
    step: (id: 'about' | 'configuration' | 'actions' | 'create') => page.getByTestId(`wz-step-${id}`),
    template: (id: string) => page.locator(`[data-template="${id}"] input`),
    logoInput: (slot: 'small' | 'large') => page.getByTestId(`logo-${slot}-input`),
    logoSize: (slot: 'small' | 'large') => page.getByTestId(`logo-${slot}-size`),
    /** The live issue messages under the field whose answers path is `field`. */
    issues: (field: string) => page.locator(`.wz-issues[data-field="${field}"] li`),
    fieldCards: page.getByTestId('wz-field'),
    fieldCard: (name: string) => page.locator(`[data-testid="wz-field"][data-name="${name}"]`),
    addField: page.getByTestId('wz-add-field'),
    actionCards: page.getByTestId('wz-action'),
    actionCard: (operation: string) => page.locator(`[data-testid="wz-action"][data-operation="${operation}"]`),
    addAction: page.getByTestId('wz-add-action'),
    async start() {
      await page.getByTestId('new-connector').click();
      await root.waitFor();
      await page.locator('.wz-template.selected').waitFor();
    },
  };
}

export function authoringDialogs(page: Page) {
  return {
    exported: page.getByTestId('export-dialog'),
    exportEntries: page.getByTestId('export-entries'),
    exportRefused: page.getByTestId('export-refused-dialog'),
    importFailed: page.getByTestId('import-failed-dialog'),
    importError: page.getByTestId('import-error'),
    duplicate: page.getByTestId('duplicate-dialog'),
    choice: page.getByTestId('choice-dialog'),
    /** Home's "Import .tgz…" and the file it picks. */
    async importFromHome(file: { name: string; mimeType: string; buffer: Buffer } | string) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('import-tgz').click();
      await (await chooser).setFiles(file);
    },
  };
}
