import { existsSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { publishPanel } from '../../pages/publish';
import { shot } from '../git/helpers';
import { ADMIN, HMAC, INTEL_KEY, saveTestConfig, startIntelStub, startSandbox, type RunningSandbox } from './sandbox';

test.describe.configure({ timeout: 150_000 });

let sandbox: RunningSandbox | undefined;
test.afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});


test('add a password profile, test it, publish the sample with a remote health check, replace it, see the history', async ({ page, app }) => {
  sandbox = await startSandbox(path.join(app.dirs.home, 'sandbox'));
  const intel = await startIntelStub();
  try {
    await app.open(page);
    await homePage(page).openProject(SAMPLE_CONNECTOR);
    await saveTestConfig(page, 'Local stub', { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false });
    const pub = publishPanel(page);
    await pub.show();
    await pub.addProfile({ name: 'Sandbox', url: sandbox.url, username: ADMIN.name, secret: ADMIN.password }, true);
    const test = pub.editor.getByTestId('connection-test');
    await expect(test).toHaveAttribute('data-state', 'ok');
    await expect(pub.connectionStep(test, 'auth')).toHaveAttribute('data-status', 'ok');
    await expect(pub.connectionStep(test, 'permission')).toHaveAttribute('data-status', 'ok');
    await page.screenshot({ path: shot('publish-profile-test') });
    await page.keyboard.press('Escape');
    await expect(pub.profile('Sandbox')).toBeVisible();

    await pub.open();
    await expect(pub.preflight).toHaveAttribute('data-blocked', 'false');
    await expect(pub.dialog.getByTestId('publish-installed')).toHaveText('none');
    await pub.health.selectOption({ label: 'Local stub' });
    await page.screenshot({ path: shot('publish-dialog') });
    await pub.start.click();
    await expect(pub.outcome).toHaveAttribute('data-result', 'success', { timeout: 60_000 });
    await expect(pub.healthStatus).toHaveText('Available');
    for (const step of ['preflight', 'upload', 'requirements', 'health']) await expect(pub.step(step)).toHaveAttribute('data-status', 'done');
    await page.screenshot({ path: shot('publish-done') });

    // The same version again: Replace, or a version bump.
    await pub.again();
    await expect(pub.sameVersion).toBeVisible();
    await expect(pub.start).toBeDisabled();
    await expect(pub.blocker).toContainText('choose Replace, or bump the version');
    await pub.replace.check();
    await pub.start.click();
    await expect(pub.outcome).toHaveAttribute('data-result', 'success', { timeout: 60_000 });
    await expect(pub.outcome).toContainText('replaced version');
    await pub.close();

    await expect(pub.history).toHaveCount(2);
    await expect(pub.history.first()).toHaveAttribute('data-result', 'success');
    await expect(pub.history.first()).toContainText(`${SAMPLE_CONNECTOR} 1.0.0`);
    await page.screenshot({ path: shot('publish-panel') });
  } finally {
    await intel.close();
  }
});

test('a wrong password says which step failed and what to do; an HMAC profile publishes, then discards the working copy', async ({ page, app }) => {
  sandbox = await startSandbox(path.join(app.dirs.home, 'sandbox'));
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const pub = publishPanel(page);
  await pub.show();
  await pub.addProfile({ name: 'Wrong password', url: sandbox.url, username: ADMIN.name, secret: 'not-the-password' });
  await pub.testProfile('Wrong password');
  const test = pub.connectionTest('Wrong password');
  await expect(test).toHaveAttribute('data-failed-step', 'auth');
  await expect(pub.connectionStep(test, 'auth')).toContainText('The server refused the user name or password (HTTP 401).');
  await expect(pub.connectionStep(test, 'auth')).toContainText('Check both in the server profile');
  await expect(pub.connectionStep(test, 'tcp')).toHaveAttribute('data-status', 'ok');
  await page.screenshot({ path: shot('publish-wrong-password') });

  await pub.open();
  const error = pub.dialog.getByTestId('preflight-error');
  await expect(error).toContainText('The server refused the user name or password (HTTP 401).');
  await expect(error).toContainText('Check both in the server profile');
  await expect(pub.start).toBeDisabled();
  await pub.close();

  await pub.addProfile({ name: 'HMAC', url: sandbox.url, auth: 'hmac', hmacPublic: HMAC.publicKey, secret: HMAC.privateKey });
  await pub.open();
  await pub.chooseProfile('HMAC');
  await expect(pub.preflight).toHaveAttribute('data-blocked', 'false');
  // "Publish and discard": after success the project closes and Home opens; the folder stays.
  await pub.dialog.getByTestId('publish-discard').check();
  await expect(pub.start).toHaveText('Publish and Discard');
  await pub.start.click();
  await expect(homePage(page).card(SAMPLE_CONNECTOR)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ide')).toBeHidden();
  await homePage(page).card(SAMPLE_CONNECTOR).getByTestId('project-open').click();
  await palette(page).run('Show Publish');
  // The refused pre-flight never uploaded: only the HMAC publish is history.
  await expect(pub.history).toHaveCount(1);
  await expect(pub.history.first()).toHaveAttribute('data-result', 'success');
  // Discarding kept the uploaded archive: the history names it, and it is on disk in the user data folder.
  const kept = await pub.history.first().getByTestId('publish-history-archive').getAttribute('data-path');
  expect(kept).toMatch(/sample-threat-intel-1\.0\.0-[0-9a-f]{12}\.tgz$/);
  expect(kept?.startsWith(path.join(app.dirs.userData, 'publish', 'archives'))).toBe(true);
  expect(existsSync(kept!)).toBe(true);
});
