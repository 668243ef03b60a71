import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { homePage } from '../../pages/home';
import { reviewPage } from '../../pages/review';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';
import { expect, SAMPLE_DIR, shot, test } from '../review/packages';

const run = promisify(execFile);
const exists = (f: string) => readFile(f, 'utf8').then(() => true, () => false);

/** The sample connector carrying its own virtualenv, whose "python" is a script that leaves `marker`. Packed with
 * plain tar, as an attacker would: our own packaging would leave the virtualenv out. */
async function venvPackage(dir: string, marker: string): Promise<string> {
  const connector = path.join(dir, 'pkg', 'sample-threat-intel');
  await cp(SAMPLE_DIR, connector, { recursive: true });
  const venv = path.join(connector, '.venv');
  await mkdir(path.join(venv, 'bin'), { recursive: true });
  await writeFile(path.join(venv, 'pyvenv.cfg'), 'home = /usr/bin\ninclude-system-site-packages = false\n');
  await writeFile(path.join(venv, 'bin', 'python'), `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`);
  await chmod(path.join(venv, 'bin', 'python'), 0o755);
  const tgz = path.join(dir, 'venv-package.tgz');
  await run('tar', ['-czf', tgz, '-C', path.join(dir, 'pkg'), 'sample-threat-intel']);
  return tgz;
}

let vendor: VendorServer;
test.beforeEach(async () => {
  vendor = await startVendor();
});
test.afterEach(async () => vendor.close());

test('a review of a package with its own virtualenv is restricted: nothing runs until "Trust and run", which checks health', async ({ page, app, tmp }) => {
  const marker = path.join(tmp, 'interpreter-ran');
  const tgz = await venvPackage(tmp, marker);
  await app.open(page);
  const review = reviewPage(page);
  await review.openPackage(tgz);
  await review.waitForReport();

  const banner = page.getByTestId('reviewer-banner');
  await expect(banner.getByTestId('review-restricted')).toHaveText('Restricted Mode:');
  await expect(banner.getByTestId('review-trust-run')).toBeVisible();

  // A test configuration for a review may be saved (it lives in the user data folder); running is refused.
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.configRow('local').getByTestId('health-check').click();
  await expect(t.configRow('local').getByTestId('health-error')).toContainText('Restricted Mode');
  expect(vendor.requests).toEqual([]);
  await page.screenshot({ path: shot('trust-review-restricted') });

  await banner.getByTestId('review-trust-run').click();
  await expect(t.configRow('local').getByTestId('health-status')).toHaveText('Available');
  expect(vendor.requests).toContain('/api/v1/status');
  await expect(banner.getByTestId('review-restricted')).toHaveCount(0);
  await page.screenshot({ path: shot('trust-review-trusted') });
  // Neither the review, nor its language server, nor the health check ran the interpreter it carried.
  expect(await exists(marker)).toBe(false);
});

test('a folder opened from outside the workspace is restricted, says so on Home and above the editor, and Trust lets it run', async ({ page, app, tmp }) => {
  const outside = path.join(tmp, 'elsewhere', 'connector-sample-threat-intel');
  await cp(path.dirname(SAMPLE_DIR), outside, { recursive: true });
  await app.open(page);
  const home = homePage(page);
  await home.openFolder(outside);
  await page.getByTestId('file-tree').waitFor();
  const banner = page.getByTestId('restricted-banner');
  await expect(banner).toContainText('Restricted Mode');

  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.configRow('local').getByTestId('health-check').click();
  await expect(t.configRow('local').getByTestId('health-error')).toContainText('Restricted Mode');
  expect(vendor.requests).toEqual([]);
  await page.screenshot({ path: shot('trust-restricted-folder') });

  await page.getByTestId('activity-home').click();
  const cards = page.locator('[data-testid="project-card"]').filter({ has: page.getByTestId('project-restricted-badge') });
  await expect(cards).toHaveCount(1);
  await cards.getByTestId('project-open').click();
  await page.getByTestId('trust-project').click();
  await expect(banner).toHaveCount(0);
  // The Test view stays open from before Home; the activity button would close it.
  if (!(await t.view.isVisible())) await t.show();
  await t.configRow('local').getByTestId('health-check').click();
  await expect(t.configRow('local').getByTestId('health-status')).toHaveText('Available');

  // Trust is remembered for the folder: after a restart the project still runs and shows no banner.
  await app.restart('SIGTERM');
  await app.open(page);
  await expect(page.locator('[data-testid="project-card"]').filter({ has: page.getByTestId('project-restricted-badge') })).toHaveCount(0);
});
