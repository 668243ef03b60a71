import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { environmentPanel } from '../../pages/environment';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { bringPipConfig } from '../../pip-config';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

// Real python3 -m venv and pip against the machine's configured package index (pip: no retries, 5 s timeout).
test.describe.configure({ timeout: 180_000 });

test('install the sample connector’s dependencies into its own virtualenv, then a bad requirement is named', async ({ page, app }) => {
  const requirements = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'requirements.txt');
  await writeFile(requirements, 'six\n');
  await bringPipConfig(app.dirs.home);
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const env = environmentPanel(page);
  await env.show();

  await expect(env.version).toHaveText(/^Python 3\.\d+/);
  await expect(env.source).toContainText('the interpreter in Settings');
  await expect(env.select.locator('option', { hasText: /^python3 · Python 3\./ })).toHaveCount(1);
  await expect(env.requirement('six')).toBeVisible();
  // The venv lives in the user data folder, not in the project.
  await expect(env.venvPath).toContainText(app.dirs.userData);

  await env.library('requests_toolbelt').check();
  await env.install.click();
  await expect(env.progress.or(env.status)).toBeVisible();
  await page.screenshot({ path: shot('environment-installing') });
  await expect(env.status).toBeVisible({ timeout: 120_000 });
  await expect(env.status, await env.message.textContent() ?? '').toHaveText('Installed');
  await expect(env.message).toHaveText('Requirements installed.');
  await expect(env.source).toContainText("the connector's virtualenv");
  await expect(env.packages).toContainText('requests-toolbelt');
  await env.logToggle.click();
  await expect(env.log).toContainText('Installing 2 requirements: six, requests-toolbelt');
  await page.screenshot({ path: shot('environment-installed') });

  // A requirement the index does not have: the install fails and names it.
  await writeFile(requirements, 'six\ncs-no-such-package-e2e==0.0.1\n');
  await expect(env.requirement('cs-no-such-package-e2e')).toBeVisible();
  await env.install.click();
  await expect(env.progress.or(env.status)).toBeVisible();
  await expect(env.status).toBeVisible({ timeout: 120_000 });
  await expect(env.status).toHaveText('Failed');
  await expect(env.message).toHaveText('pip could not install: cs-no-such-package-e2e==0.0.1.');
  await expect(env.requirement('cs-no-such-package-e2e')).toHaveAttribute('data-failed', 'true');
  await expect(env.log).toBeVisible();
  await expect(env.log).toContainText('No matching distribution found for cs-no-such-package-e2e==0.0.1');
  await page.screenshot({ path: shot('environment-failed') });
});

test('a connector can run on its own interpreter; going back to Settings restores the default', async ({ page, app }) => {
  await app.open(page);
  await palette(page).run('Toggle Light/Dark Theme');
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const env = environmentPanel(page);
  await palette(page).run('Test Environment');
  await expect(env.select.locator('option', { hasText: /^python3 · Python 3\./ })).toHaveCount(1);
  expect(await seriousViolations(page, '[data-testid="environment-panel"]')).toEqual([]);
  await env.select.selectOption({ label: (await env.select.locator('option', { hasText: /^python3 · / }).textContent()) ?? '' });
  await expect(env.source).toContainText("this connector's interpreter");
  await expect(page.getByTestId('env-no-requirements')).toBeVisible();
  await page.screenshot({ path: shot('environment-own-interpreter-light') });
  await env.select.selectOption('');
  await expect(env.source).toContainText('the interpreter in Settings');
});
