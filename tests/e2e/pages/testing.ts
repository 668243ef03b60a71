import type { Page } from '@playwright/test';

/** The Test side bar view: configurations with health checks, and actions with their results. */
export function testPanel(page: Page) {
  return {
    view: page.getByTestId('test-view'),
    tab: (id: 'configurations' | 'actions') => page.getByTestId(`test-tab-${id}`),
    addConfig: page.getByTestId('config-add'),
    form: page.getByTestId('config-form'),
    configName: page.getByTestId('config-name'),
    field: (name: string) => page.getByTestId('test-view').getByTestId(`field-${name}`),
    save: page.getByTestId('config-save'),
    configRow: (name: string) => page.locator(`[data-testid="config-row"][data-name="${name}"]`),
    report: page.getByTestId('hook-report'),
    healthStatus: page.getByTestId('health-status'),
    healthMessage: page.getByTestId('health-message'),
    actionSelect: page.getByTestId('action-select'),
    showHidden: page.getByTestId('show-hidden'),
    run: page.getByTestId('run-action'),
    stop: page.getByTestId('run-stop'),
    result: page.getByTestId('run-result'),
    runStatus: page.getByTestId('run-status'),
    runMessage: page.getByTestId('run-message'),
    runData: page.getByTestId('run-data'),
    live: page.getByTestId('run-live'),
    schemaMissing: page.getByTestId('schema-missing'),
    schemaExtra: page.getByTestId('schema-extra'),
    history: page.getByTestId('run-history'),
    async show() {
      await page.getByTestId('activity-test').click();
      await page.getByTestId('test-view').waitFor();
    },
  };
}
