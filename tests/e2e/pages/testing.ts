import type { Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The Test side bar view (configurations with health checks, actions with their inputs) and the Output tab of the
 * bottom panel, where a run's result, logs and history show. */
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
    /** Under the Run button: the last run's status in one line, and "Show Output". */
    runSummary: page.getByTestId('run-summary'),
    stop: page.getByTestId('run-stop'),
    result: page.getByTestId('run-result'),
    runStatus: page.getByTestId('run-status'),
    runMessage: page.getByTestId('run-message'),
    runData: page.getByTestId('run-data'),
    live: page.getByTestId('run-live'),
    schemaMissing: page.getByTestId('schema-missing'),
    schemaExtra: page.getByTestId('schema-extra'),
    history: page.getByTestId('run-history'),
    runCassette: page.getByTestId('run-cassette'),
    historyCassette: page.getByTestId('history-cassette'),
    resultView: (id: 'json' | 'table') => page.getByTestId(`result-view-${id}`),
    table: page.getByTestId('data-table').first(),
    runConfig: page.getByTestId('run-config'),
    cassetteName: page.getByTestId('cassette-name'),
    cassetteFile: page.getByTestId('cassette-file'),
    /** The Off/Record/Replay radios are visually hidden inside their labels: click the label, as a user does. */
    async cassette(mode: 'off' | 'record' | 'replay') {
      await page.getByTestId('cassette-control').locator('label', { has: page.getByTestId(`cassette-${mode}`) }).click();
      await page.getByTestId(`cassette-${mode}`).waitFor({ state: 'attached' });
    },
    /** The bottom panel and its Output tab. */
    panel: page.getByTestId('bottom-panel'),
    panelTab: (id: 'problems' | 'output' | 'debug-console') => page.getByTestId(`bottom-tab-${id}`),
    panelResizer: page.getByTestId('bottom-panel-resizer'),
    output: page.getByTestId('output-view'),
    outputEmpty: page.getByTestId('output-empty'),
    outputRunLast: page.getByTestId('output-run-last'),
    outputHealthStatus: page.getByTestId('output-health-status'),
    healthHistory: page.getByTestId('health-history'),
    debugConsoleEmpty: page.getByTestId('debug-console-empty'),
    /** Ctrl/Cmd+J, VS Code's Toggle Panel. */
    async togglePanel() {
      await page.keyboard.press(`${mod}+J`);
    },
    /** Ctrl+F5 (on every platform, as VS Code's Run Without Debugging). */
    async runLast() {
      await page.keyboard.press('Control+F5');
    },
    async show() {
      await page.getByTestId('activity-test').click();
      await page.getByTestId('test-view').waitFor();
    },
    /** Adds a saved configuration pointing at a vendor server (TLS checks off: the test vendors speak HTTP). */
    async addConfiguration(name: string, url: string, key: string) {
      // The view remembers its last tab: Actions after a run.
      await page.getByTestId('test-tab-configurations').click();
      await page.getByTestId('config-add').click();
      await page.getByTestId('config-name').fill(name);
      await this.field('server_url').fill(url);
      await this.field('api_key').fill(key);
      await this.field('verify_ssl').uncheck();
      await page.getByTestId('config-save').click();
      await this.configRow(name).waitFor();
    },
  };
}
