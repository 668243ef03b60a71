import { cp } from 'node:fs/promises';
import path from 'node:path';
import { OAUTH_CLIENT, startOAuthVendor, type OAuthVendor } from '../../../helpers/oauth-vendor';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { homePage } from '../../pages/home';
import { testPanel } from '../../pages/testing';

// Issue 14's "done means": a health check that refreshes a token updates the configuration form. The fixture
// connector saves its token with update_connnector_config(..., configId=config['config_id']) in check_health, as
// microsoft-graph does, and its action fails Unauthorized without that token.
const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'runtime', 'token-refresh');
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

let vendor: OAuthVendor | undefined;
test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) await page.screenshot({ path: shot('config-refresh-failed') });
  await vendor?.close();
});

test('a health check that refreshes a token saves it: the notice, the form shows the new values, the action is authorized', async ({ page, app }) => {
  test.setTimeout(120_000);
  vendor = await startOAuthVendor();
  await cp(FIXTURE, path.join(app.dirs.workspace, 'token-refresh'), { recursive: true });
  await app.open(page);
  await homePage(page).openProject('token-refresh');
  // A folder copied in from elsewhere opens restricted; this one is ours.
  await page.getByTestId('trust-project').click();
  await expect(page.getByTestId('restricted-banner')).toHaveCount(0);
  const t = testPanel(page);
  await t.show();

  await t.addConfig.click();
  await t.configName.fill('oauth');
  await t.field('server_url').fill(vendor.url);
  await t.field('client_id').fill(OAUTH_CLIENT.id);
  await t.field('client_secret').fill(OAUTH_CLIENT.secret);
  await t.save.click();
  const row = t.configRow('oauth');
  await row.waitFor();

  // Without the token the connector's action is refused.
  await t.tab('actions').click();
  await t.actionSelect.selectOption('whoami');
  await t.runConfig.selectOption({ label: 'oauth (default)' });
  await t.run.click();
  await expect(t.runStatus).toHaveText('Failed');
  await expect(t.runMessage).toContainText('Unauthorized');

  // The health check fetches a token and saves it into the configuration: the row says so.
  await t.tab('configurations').click();
  await row.getByTestId('health-check').click();
  await expect(row.getByTestId('health-status')).toHaveText('Available');
  await expect(row.getByTestId('config-saved')).toHaveText('The connector updated this configuration: access_token, token_expires (saved)');
  expect(vendor.issued).toHaveLength(1);
  await page.screenshot({ path: shot('config-refresh-health') });

  // The form shows the refreshed values: the expiry in clear, the token as a saved secret, never its value.
  await row.getByTestId('config-edit').click();
  await expect(t.form).toBeVisible();
  await expect(t.field('token_expires')).toHaveValue(/^\d{10}$/);
  expect(Number(await t.field('token_expires').inputValue())).toBeGreaterThan(Date.now() / 1000);
  await expect(t.form.getByTestId('secret-saved-access_token')).toBeVisible();
  await expect(t.field('access_token')).toHaveValue('');
  await page.screenshot({ path: shot('config-refresh-form') });
  expect(await page.content()).not.toContain(vendor.issued[0]!);
  await page.getByTestId('config-cancel').click();

  // The next action runs with the saved token, as on the server.
  await t.tab('actions').click();
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('ada@example.test');
});
