import type { Page } from '@playwright/test';

export function settingsPage(page: Page) {
  return {
    root: page.getByTestId('settings-page'),
    theme: page.getByTestId('setting-theme'),
    fontSize: page.getByTestId('setting-font-size'),
    workspace: page.getByTestId('setting-workspace'),
    largeFileLimit: page.getByTestId('setting-large-file'),
    formatOnSave: page.getByTestId('setting-format-on-save'),
    python: page.getByTestId('tool-python'),
    git: page.getByTestId('tool-git'),
    exportDiagnostics: page.getByTestId('export-diagnostics'),
    openLogs: page.getByTestId('open-logs'),
    close: page.getByTestId('settings-close'),
  };
}
