/** Publish as a transaction in the dialog: 1.0.0 published and verified, then 1.1.0 whose code raises on import
 * fails the health check on the sandbox and is rolled back; the dialog names the failed step, the server's message
 * and the rollback, and the history lists both as transactions with a one-click roll back. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../fixtures';
import { homePage } from '../pages/home';
import { publishPanel } from '../pages/publish';
import { ADMIN, INTEL_KEY, saveTestConfig, startIntelStub, startSandbox, type RunningSandbox } from './publish/sandbox';

test.describe.configure({ timeout: 180_000 });

const shot = (name: string) => path.join('test-results', 'shots', `${name}.png`);

let sandbox: RunningSandbox | undefined;
test.afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

test('a version that fails its health check on the server is rolled back, and the history offers to roll back', async ({ page, app }) => {
  sandbox = await startSandbox(path.join(app.dirs.home, 'sandbox'));
  const intel = await startIntelStub();
  try {
    await app.open(page);
    await homePage(page).openProject(SAMPLE_CONNECTOR);
    await saveTestConfig(page, 'Local stub', { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false });
    const pub = publishPanel(page);
    await pub.show();
    await pub.addProfile({ name: 'Sandbox', url: sandbox.url, username: ADMIN.name, secret: ADMIN.password });

    // 1.0.0, verified and health-checked on the server.
    await pub.open();
    await expect(pub.preflight).toHaveAttribute('data-blocked', 'false');
    await pub.health.selectOption({ label: 'Local stub' });
    await expect(pub.dialog.getByTestId('publish-verify')).toBeChecked();
    await expect(pub.dialog.getByTestId('publish-keep-on-failure')).not.toBeChecked();
    await pub.start.click();
    await expect(pub.outcome).toHaveAttribute('data-result', 'success', { timeout: 60_000 });
    const tx = pub.dialog.getByTestId('publish-transaction');
    for (const step of ['preflight', 'upload', 'install', 'verify', 'health']) await expect(tx.locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'passed');
    await pub.close();

    // 1.1.0 raises on import: written on disk as a developer's editor would.
    const dir = path.join(app.sampleRoot, SAMPLE_CONNECTOR);
    writeFileSync(path.join(dir, 'connector.py'), `${readFileSync(path.join(dir, 'connector.py'), 'utf8')}\nraise RuntimeError('broken on import in 1.1.0')\n`);
    const info = path.join(dir, 'info.json');
    writeFileSync(info, readFileSync(info, 'utf8').replace(/"version": "1\.0\.0"/, '"version": "1.1.0"'));

    await pub.open();
    await expect(pub.preflight).toHaveAttribute('data-blocked', 'false');
    await expect(pub.dialog.getByTestId('publish-local')).toHaveText('1.1.0');
    await expect(pub.dialog.getByTestId('publish-installed')).toHaveText('1.0.0');
    await expect(pub.dialog.getByTestId('publish-compat-server-local')).toContainText('Server 1.0.0 → local 1.1.0');
    await expect(pub.dialog.getByTestId('publish-keep-on-failure').locator('xpath=..')).toContainText('rolled back to 1.0.0');
    await pub.health.selectOption({ label: 'Local stub' });
    await page.screenshot({ path: shot('publish-rollback-versions') });
    await pub.start.click();
    await expect(pub.outcome).toHaveAttribute('data-result', 'health-failed', { timeout: 90_000 });
    await expect(pub.dialog.getByTestId('publish-failed-step')).toHaveAttribute('data-step', 'health');
    await expect(pub.dialog.getByTestId('publish-failed-step')).toContainText('broken on import in 1.1.0');
    await expect(pub.dialog.getByTestId('publish-rollback')).toHaveAttribute('data-status', 'passed');
    await expect(pub.dialog.getByTestId('publish-rollback')).toContainText('sample-threat-intel 1.0.0 restored from its kept archive, 1.1.0 removed');
    await expect(pub.dialog.getByTestId('publish-installed-state')).toHaveText('Rolled back');
    await expect(tx.locator('[data-step="rollback"]')).toHaveAttribute('data-status', 'passed');
    await page.screenshot({ path: shot('publish-rollback-dialog') });

    // The server has 1.0.0 only, as before.
    await pub.again();
    await expect(pub.dialog.getByTestId('publish-installed')).toHaveText('1.0.0');
    await pub.close();

    // The history: two transactions, newest first, the failed one rolled back; the good one can be rolled back to.
    await expect(pub.history).toHaveCount(2);
    await expect(pub.history.first()).toHaveAttribute('data-result', 'health-failed');
    await expect(pub.history.first()).toContainText('rolled back');
    await pub.history.first().locator('details summary').click();
    await expect(pub.history.first().getByTestId('publish-history-steps').locator('[data-step="rollback"]')).toHaveAttribute('data-status', 'passed');
    const button = pub.history.nth(1).getByTestId('publish-history-rollback');
    await expect(button).toHaveText('Roll back to 1.0.0');
    await page.screenshot({ path: shot('publish-rollback-history') });
    await button.click();
    await expect(pub.history).toHaveCount(3, { timeout: 60_000 });
    await expect(pub.history.first()).toHaveAttribute('data-result', 'rollback');
    await expect(pub.history.first()).toContainText('Rollback');
    await page.screenshot({ path: shot('publish-rollback-history-after') });
  } finally {
    await intel.close();
  }
});
