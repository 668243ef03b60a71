import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { fileTree } from '../../pages/fileTree';
import { publishPanel } from '../../pages/publish';
import { wizardPage } from '../../pages/wizard';
import { shot } from '../git/helpers';
import { ADMIN, INTEL_KEY, saveTestConfig, startIntelStub, startSandbox, type RunningSandbox } from './sandbox';

test.describe.configure({ timeout: 150_000 });

const sampleImage = (file: string) => path.join(repoRoot, 'resources/samples/connector-sample-threat-intel/sample-threat-intel/images', file);

let sandbox: RunningSandbox | undefined;
test.afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});


test('a connector made from a template publishes with visible progress, ends Installed and Available, and keeps its archive', async ({ page, app }) => {
  // Each import-job step takes 1.5 s, so the running steps can be watched; nothing else changes.
  sandbox = await startSandbox(path.join(app.dirs.home, 'sandbox'), ['--job-step-ms', '1500']);
  const intel = await startIntelStub();
  try {
    await app.open(page);
    const wz = wizardPage(page);
    await wz.start();
    await wz.template('threat-intelligence').check();
    await wz.label.fill('Acme Publish');
    await expect(wz.name).toHaveValue('acme-publish');
    await wz.publisher.fill('Acme Corp');
    await wz.logoInput('small').setInputFiles(sampleImage('large.png'));
    await wz.logoInput('large').setInputFiles(sampleImage('large.png'));
    await wz.next.click();
    await expect(wz.fieldCard('api_key')).toBeVisible();
    await wz.next.click();
    await expect(wz.actionCard('get_ip_reputation')).toBeVisible();
    await wz.next.click();
    await wz.create.click();
    await expect(fileTree(page).row('acme-publish/info.json')).toBeVisible();

    // The template's health check calls GET /api/v1/account with the Bearer key: the stub answers it.
    await saveTestConfig(page, 'Intel stub', { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false });
    const pub = publishPanel(page);
    await pub.show();
    await pub.addProfile({ name: 'Sandbox', url: sandbox.url, username: ADMIN.name, secret: ADMIN.password });
    await expect(pub.profile('Sandbox')).toBeVisible();

    await pub.open();
    await expect(pub.preflight).toHaveAttribute('data-blocked', 'false');
    await expect(pub.dialog.getByTestId('publish-installed')).toHaveText('none');
    await expect(pub.dialog.getByTestId('publish-last-tag')).toHaveText('none');
    await pub.health.selectOption({ label: 'Intel stub' });
    await pub.dialog.getByTestId('publish-tag').check();
    await pub.start.click();

    // While the import job runs: the upload is complete, the import step is the active one, and it says so.
    await expect(pub.dialog.getByTestId('publish-run')).toHaveAttribute('data-running', 'true');
    await expect(pub.step('import')).toHaveAttribute('data-status', 'active');
    await expect(pub.step('preflight')).toHaveAttribute('data-status', 'done');
    await expect(pub.step('upload')).toHaveAttribute('data-status', 'done');
    await expect(pub.dialog.getByTestId('publish-upload-progress')).toHaveAttribute('value', '100');
    await expect(pub.dialog.getByTestId('publish-message')).toHaveText('Waiting for the import job');
    await expect(pub.step('health')).toHaveAttribute('data-status', 'pending');
    await page.screenshot({ path: shot('publish-template-progress') });

    await expect(pub.outcome).toHaveAttribute('data-result', 'success', { timeout: 90_000 });
    await expect(pub.dialog.getByTestId('publish-run')).toHaveAttribute('data-running', 'false');
    await expect(pub.dialog.getByTestId('publish-installed-state')).toHaveText('Installed');
    await expect(pub.dialog.getByTestId('publish-installed-state')).toHaveAttribute('data-state', 'installed');
    await expect(pub.outcome).toContainText('acme-publish 1.0.0');
    await expect(pub.healthStatus).toHaveText('Available');
    for (const step of ['preflight', 'upload', 'import', 'requirements', 'health']) await expect(pub.step(step)).toHaveAttribute('data-status', 'done');
    await expect(pub.step('cleanup')).toHaveAttribute('data-status', 'skipped');

    // The uploaded archive is kept in the user data folder, and the result and the history say where.
    const kept = (await pub.dialog.getByTestId('publish-archive-path').textContent()) ?? '';
    expect(kept).toMatch(/acme-publish-1\.0\.0-[0-9a-f]{12}\.tgz$/);
    expect(kept.startsWith(path.join(app.dirs.userData, 'publish', 'archives'))).toBe(true);
    expect(existsSync(kept)).toBe(true);
    await expect(pub.outcome).toContainText('Tagged v1.0.0');
    await page.screenshot({ path: shot('publish-template-done') });

    // Back to the options: local, last tag and installed are all 1.0.0, and the report says nothing changed.
    await pub.again();
    await expect(pub.sameVersion).toBeVisible();
    await expect(pub.dialog.getByTestId('publish-local')).toHaveText('1.0.0');
    await expect(pub.dialog.getByTestId('publish-last-tag')).toHaveText('v1.0.0');
    await expect(pub.dialog.getByTestId('publish-installed')).toHaveText('1.0.0');
    // Each pair of the three versions has its report: nothing changed between any of them.
    await expect(pub.dialog.getByTestId('publish-compat-tag-local').locator('p')).toHaveText('Last tag v1.0.0 → local 1.0.0: no changes.');
    await expect(pub.dialog.getByTestId('publish-compat-server-local').locator('p')).toHaveText('Server 1.0.0 → local 1.0.0: no changes.');
    await page.screenshot({ path: shot('publish-template-versions') });
    await pub.close();
    await expect(pub.history).toHaveCount(1);
    await expect(pub.history.first()).toContainText('acme-publish 1.0.0');
    await expect(pub.history.first().getByTestId('publish-history-archive')).toHaveAttribute('data-path', kept);
    await expect(pub.history.first().getByTestId('publish-history-archive')).toHaveText(`Archive kept: ${path.basename(kept)}`);
    await page.screenshot({ path: shot('publish-template-history') });
  } finally {
    await intel.close();
  }
});
