import type { Page } from '@playwright/test';

/** The side bar's Tests view (issue 17) and the Save as test control under a recorded run. */
export function testsView(page: Page) {
  const view = page.getByTestId('tests-view');
  return {
    view,
    empty: page.getByTestId('tests-empty'),
    runAll: page.getByTestId('tests-run-all'),
    progress: page.getByTestId('tests-progress'),
    summary: page.getByTestId('tests-summary'),
    detail: page.getByTestId('tests-detail'),
    detailOutput: page.getByTestId('tests-detail-output'),
    saveAsTest: page.getByTestId('save-as-test-button'),
    saveMode: page.getByTestId('save-as-test-mode'),
    coverageRow: (operation: string) => page.locator(`[data-testid="tests-coverage-row"][data-operation="${operation}"]`),
    test: (id: string) => page.locator(`[data-testid="tests-test"][data-id="${id}"]`),
    debugTest: (id: string) => page.locator(`[data-testid="tests-test"][data-id="${id}"] [data-testid="tests-debug-one"]`),
    rerecordConfig: page.getByTestId('tests-rerecord-config'),
    rerecord: page.getByTestId('tests-rerecord'),
    rerecordPanel: page.getByTestId('tests-rerecord-panel'),
    rerecordSummary: page.getByTestId('tests-rerecord-summary'),
    rerecordData: page.getByTestId('tests-rerecord-data'),
    rerecordSchema: page.getByTestId('tests-rerecord-schema'),
    rerecordAccept: page.getByTestId('tests-rerecord-accept'),
    rerecordKeep: page.getByTestId('tests-rerecord-keep'),
    gutter: (state: string) => page.locator(`[data-testid="monaco-editor"] .tv-gutter-${state}`),
    async show() {
      await page.getByTestId('activity-tests').click();
      await view.waitFor();
    },
  };
}
