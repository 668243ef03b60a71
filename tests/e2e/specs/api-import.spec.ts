/** Issue 20: a connector from the vendor's API description. The wizard's "Start from an API description" takes
 * a file (OpenAPI) or pasted text (cURL), the picker lists the operations with the read-only ones picked, shows what
 * each generates and lets the user edit titles and categories; Generate opens the project. The Tests view then
 * starts a mock vendor from the same description. */
import path from 'node:path';
import { expect, test } from '../fixtures';
import { repoRoot } from '../host';
import { fileTree } from '../pages/fileTree';
import { palette } from '../pages/palette';
import { testsView } from '../pages/testsView';
import { wizardPage } from '../pages/wizard';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'shots', `${name}.png`);
const TENABLE = path.join(repoRoot, 'tests', 'fixtures', 'api-descriptions', 'tenable-platform.openapi.yaml');

test('wizard -> OpenAPI file -> picker -> generate -> the project opens', async ({ page, app }) => {
  await app.open(page);
  await wizardPage(page).start();
  await page.getByTestId('wz-from-description').click();
  const dialog = page.getByTestId('api-import-dialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: shot('api-import-source') });

  await page.getByTestId('api-file').setInputFiles(TENABLE);
  const picker = page.getByTestId('api-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('api-title')).toHaveText('Tenable Platform API');
  // The read-only operations are picked; the vendor's swagger "3.0" is named as read leniently.
  await expect(page.getByTestId('api-count')).toHaveText('8 of 38 operations picked');
  await expect(picker).toContainText('read as OpenAPI 3.0');
  await expect(picker).toHaveAttribute('data-picker-ms', /^\d+$/);

  // Search narrows the list; the detail shows what the operation generates.
  await page.getByTestId('api-search').fill('/users/{user_id}/keys');
  await expect(page.getByTestId('api-op')).toHaveCount(1);
  await page.getByTestId('api-search').fill('');
  await page.locator('[data-testid="api-op"][data-id="list_connectors"]').click();
  const detail = page.getByTestId('api-detail');
  await expect(detail).toHaveAttribute('data-id', 'list_connectors');
  await expect(page.getByTestId('api-params')).toContainText('sort');
  await page.getByTestId('api-op-title').fill('List Cloud Connectors');
  await page.getByTestId('api-op-category').selectOption('miscellaneous');
  await expect(page.locator('[data-testid="api-op"][data-id="list_connectors"]')).toContainText('List Cloud Connectors');
  // One more operation than the default: a POST.
  await page.locator('[data-testid="api-op"][data-id="create_group"]').getByTestId('api-op-pick').check();
  await expect(page.getByTestId('api-count')).toHaveText('9 of 38 operations picked');
  await page.getByTestId('api-label').fill('Tenable Platform');
  await expect(page.getByTestId('api-name')).toHaveValue('tenable-platform');
  await page.screenshot({ path: shot('api-import-picker') });

  await page.getByTestId('api-generate').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await fileTree(page).row('tenable-platform').click();
  await expect(fileTree(page).row('tenable-platform/info.json')).toBeVisible({ timeout: 30_000 });
  await fileTree(page).row('tenable-platform/operations.py').click();
  await expect(page.locator('[data-testid="monaco-editor"][data-path$="operations.py"]')).toBeVisible();
  await page.screenshot({ path: shot('api-import-project') });
});

test('pasted cURL commands generate a connector, and the Tests view serves it as a mock vendor', async ({ page, app }) => {
  await app.open(page);
  await wizardPage(page).start();
  await page.getByTestId('wz-from-description').click();
  await page.getByTestId('api-paste').fill([
    'curl https://api.acme.test/v1/alerts?severity=high -H "Authorization: Bearer abc.def.ghi"',
    '',
    'curl https://api.acme.test/v1/status',
  ].join('\n'));
  await page.getByTestId('api-read').click();
  await expect(page.getByTestId('api-count')).toHaveText('2 of 2 operations picked');
  await page.getByTestId('api-label').fill('Acme Alerts');
  await page.getByTestId('api-health').selectOption('get_v1_status');
  await page.getByTestId('api-generate').click();
  await expect(fileTree(page).row('acme-alerts')).toBeVisible({ timeout: 30_000 });

  const tv = testsView(page);
  await tv.show();
  await page.getByTestId('mock-vendor-start').click();
  await expect(page.getByTestId('mock-vendor-running')).toContainText('http://127.0.0.1:');
  await page.screenshot({ path: shot('api-import-mock-vendor') });
  await page.getByTestId('mock-vendor-stop').click();
  await expect(page.getByTestId('mock-vendor-running')).toBeHidden();

  // Adding operations later: the palette opens the same picker for the open project.
  await palette(page).run('Add Operations from the API Description');
  await expect(page.getByTestId('api-import-dialog')).toBeVisible();
  await expect(page.getByTestId('api-file')).toBeVisible();
  await page.keyboard.press('Escape');
});
