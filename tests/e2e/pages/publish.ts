import type { Page } from '@playwright/test';

/** The Publish side bar, the server profile editor and the publish dialog. */
export function publishPanel(page: Page) {
  const profile = (name: string) => page.locator(`[data-testid="profile-row"][data-name="${name}"]`);
  const dialog = page.getByTestId('publish-dialog');
  const editor = page.getByTestId('profile-editor');
  return {
    show: () => page.getByTestId('activity-publish').click(),
    panel: page.getByTestId('publish-panel'),
    profile,
    editor,
    /** Adds a profile through the editor; `test` uses "Save and Test" and leaves the editor open. */
    async addProfile(p: { name: string; url: string; auth?: 'password' | 'apiKey' | 'hmac'; username?: string; hmacPublic?: string; secret: string }, test = false) {
      await page.getByTestId('profile-add').click();
      await editor.getByTestId('profile-name').fill(p.name);
      await editor.getByTestId('profile-url').fill(p.url);
      if (p.auth) await editor.getByTestId('profile-auth').selectOption(p.auth);
      if (p.username) await editor.getByTestId('profile-username').fill(p.username);
      if (p.hmacPublic) await editor.getByTestId('profile-hmac-public').fill(p.hmacPublic);
      await editor.getByTestId('profile-secret').fill(p.secret);
      await editor.getByTestId(test ? 'profile-save-test' : 'profile-save').click();
    },
    testProfile: (name: string) => profile(name).getByTestId('profile-test').click(),
    connectionTest: (name: string) => profile(name).getByTestId('connection-test'),
    connectionStep: (scope: ReturnType<Page['locator']>, step: string) => scope.locator(`[data-testid="connection-step"][data-step="${step}"]`),
    dialog,
    open: () => page.getByTestId('publish-open').click(),
    async chooseProfile(name: string) {
      const value = await dialog.getByTestId('publish-profile').locator('option', { hasText: `${name} (` }).first().getAttribute('value');
      await dialog.getByTestId('publish-profile').selectOption(value ?? '');
    },
    preflight: dialog.getByTestId('preflight'),
    sameVersion: dialog.getByTestId('same-version'),
    replace: dialog.getByTestId('publish-replace'),
    health: dialog.getByTestId('publish-health'),
    start: dialog.getByTestId('publish-start'),
    blocker: dialog.getByTestId('publish-blocker'),
    step: (step: string) => dialog.locator(`[data-testid="publish-step"][data-step="${step}"]`),
    outcome: dialog.getByTestId('publish-outcome'),
    error: dialog.getByTestId('publish-error'),
    errorHint: dialog.getByTestId('publish-error-hint'),
    healthStatus: dialog.getByTestId('publish-health-status'),
    close: () => dialog.getByTestId('publish-close').click(),
    again: () => dialog.getByTestId('publish-again').click(),
    history: page.getByTestId('publish-history-entry'),
  };
}
