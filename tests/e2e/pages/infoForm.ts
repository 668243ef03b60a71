import type { Locator, Page } from '@playwright/test';

/** The info.json form, its preview and the layout switch above it. */
export function infoForm(page: Page) {
  const root = page.getByTestId('info-form');
  const op = (name: string) => root.locator(`[data-testid="op-row"][data-name="${name}"]`);
  const field = (scope: Locator, name: string) => scope.locator(`[data-testid="field-row"][data-name="${name}"]`).first();
  /** A labelled control inside a row's own details (not a nested row's). */
  const control = (row: Locator, label: string) => row.locator(':scope > .item-body > .ff-grid').getByLabel(label, { exact: true }).first();
  return {
    root,
    pane: page.getByTestId('info-json-pane'),
    locked: page.getByTestId('form-locked'),
    lockedJump: page.getByTestId('form-locked-jump'),
    preview: page.getByTestId('form-preview'),
    previewTarget: page.getByTestId('preview-target'),
    previewField: (name: string) => page.locator(`[data-testid="form-preview"] [data-testid="preview-field"][data-name="${name}"]`),
    previewFields: page.locator('[data-testid="form-preview"] [data-testid="preview-field"]'),
    ops: root.getByTestId('op-row'),
    op,
    field,
    control,
    async layout(which: 'form' | 'split' | 'json') {
      await page.getByTestId(`layout-${which}`).click();
    },
    async view(which: 'edit' | 'preview') {
      await root.getByTestId(`form-view-${which}`).click();
    },
    async waitReady() {
      await root.locator('.form-body').waitFor();
    },
    async addOperation() {
      await root.getByTestId('add-operation').click();
    },
    async expand(row: Locator) {
      const toggle = row.locator(':scope > .item-head').getByTestId('item-toggle');
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    },
    /** Adds a parameter to an expanded operation and returns its row. */
    async addParameter(opRow: Locator) {
      await opRow.locator(':scope > .item-body').getByTestId('add-field').first().click();
      return opRow.locator('[data-testid="field-row"]').last();
    },
    async addOption(fieldRow: Locator, value: string) {
      const body = fieldRow.locator(':scope > .item-body');
      await body.getByTestId('option-new').fill(value);
      await body.getByTestId('option-add').click();
    },
    branch: (fieldRow: Locator, key: string) => fieldRow.locator(`:scope > .item-body [data-testid="onchange-branch"][data-key="${key}"]`),
    undo: root.getByTestId('form-undo'),
    redo: root.getByTestId('form-redo'),
  };
}
