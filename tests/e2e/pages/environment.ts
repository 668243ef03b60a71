import type { Page } from '@playwright/test';

/** The Test view's Environment tab: interpreter, dependencies and the connector's virtualenv. */
export function environmentPanel(page: Page) {
  return {
    tab: page.getByTestId('test-tab-environment'),
    panel: page.getByTestId('environment-panel'),
    interpreter: page.getByTestId('env-interpreter'),
    version: page.getByTestId('env-python-version'),
    source: page.getByTestId('env-interpreter-source'),
    select: page.getByTestId('env-interpreter-select'),
    requirements: page.getByTestId('env-requirements'),
    requirement: (text: string) => page.getByTestId('env-requirements').locator('li', { hasText: text }),
    library: (module: string) => page.getByTestId(`env-lib-${module}`),
    install: page.getByTestId('env-install'),
    progress: page.getByTestId('env-install-progress'),
    status: page.getByTestId('env-install-status'),
    message: page.getByTestId('env-install-message'),
    logToggle: page.getByTestId('env-log-toggle'),
    log: page.getByTestId('env-log'),
    packages: page.getByTestId('env-packages'),
    venvPath: page.getByTestId('env-venv-path'),
    async show() {
      await page.getByTestId('activity-test').click();
      await page.getByTestId('test-view').waitFor();
      await page.getByTestId('test-tab-environment').click();
      await page.getByTestId('environment-panel').waitFor();
    },
  };
}
