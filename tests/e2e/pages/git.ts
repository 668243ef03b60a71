import type { Page } from '@playwright/test';

export function gitPanel(page: Page) {
  return {
    show: () => page.getByTestId('activity-git').click(),
    init: page.getByTestId('git-init'),
    message: page.getByTestId('commit-message'),
    commit: page.getByTestId('commit-all'),
    changes: page.getByTestId('git-changes'),
    clean: page.getByTestId('git-clean'),
    branch: page.getByTestId('status-branch'),
  };
}
