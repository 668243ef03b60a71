import type { Page } from '@playwright/test';

/** The Platform Data side bar view, and the records a run lists under its result. */
export function platformData(page: Page) {
  const view = page.getByTestId('platform-view');
  return {
    view,
    empty: page.getByTestId('platform-empty'),
    summary: page.getByTestId('platform-summary'),
    refresh: page.getByTestId('platform-refresh'),
    reset: page.getByTestId('platform-reset'),
    notFound: page.getByTestId('platform-not-found'),
    module: (name: string) => view.locator(`[data-testid="platform-module"][data-module="${name}"]`),
    record: (iri: string) => view.locator(`[data-testid="platform-record"][data-iri="${iri}"]`),
    records: view.getByTestId('platform-record'),
    files: view.getByTestId('platform-file'),
    detail: view.getByTestId('platform-detail'),
    detailJson: view.getByTestId('platform-detail-json'),
    /** The files the open record points at, listed under it (an attachment's file). */
    detailFile: view.getByTestId('platform-detail-file'),
    /** Under the run's result in Test Actions. */
    runRecords: page.getByTestId('run-records'),
    runRecord: page.getByTestId('run-record'),
    /** A record the run listed, by what the call did to it and the start of its IRI (its module's path). */
    runRecordOf: (action: 'created' | 'updated' | 'deleted', iriPrefix: string) =>
      page.locator(`[data-testid="run-record"][data-action="${action}"][data-iri^="${iriPrefix}"]`),
    runRecordLink: page.getByTestId('run-record-link'),
    async show() {
      await page.getByTestId('activity-platform').click();
      await view.waitFor();
    },
  };
}
