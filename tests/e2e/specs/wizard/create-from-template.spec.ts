import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { fileTree } from '../../pages/fileTree';
import { wizardPage } from '../../pages/wizard';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const sampleImage = (file: string) => path.join(repoRoot, 'resources/samples/connector-sample-threat-intel/sample-threat-intel/images', file);
const cli = path.join(repoRoot, 'out/cli/index.js');

test('the wizard creates a connector from a template: one commit, it opens in the IDE, and it validates clean', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByTestId('project-grid')).toBeVisible();
  await page.screenshot({ path: shot('home-new-connector-dark') });
  const wz = wizardPage(page);
  await wz.start();
  await wz.template('threat-intelligence').check();

  // The identifier follows the name until it is edited; invalid and store names are reported as typed.
  await wz.label.fill('Acme Intel');
  await expect(wz.name).toHaveValue('acme-intel');
  await wz.name.fill('1acme');
  await expect(wz.issues('name')).toContainText('not a valid API identifier');
  await wz.name.fill('virustotal-premium');
  await expect(wz.issues('name')).toContainText('already in the FortiSOAR store');
  await wz.name.fill('acme-intel');
  await expect(wz.issues('name')).toHaveCount(0);
  await wz.publisher.fill('Acme Corp');
  await wz.category.fill('Fancy Things');
  await expect(wz.issues('category')).toContainText("not in Fortinet's certification list");
  await wz.category.fill('Threat Intelligence');

  // An 80x80 logo in the small slot: its size is shown and the scaling announced.
  await wz.logoInput('small').setInputFiles(sampleImage('large.png'));
  await expect(wz.logoSize('small')).toContainText('80x80');
  await expect(wz.logoSize('small')).toContainText('scaled to a 32x32 PNG');
  await wz.logoInput('large').setInputFiles(sampleImage('large.png'));
  await expect(wz.logoSize('large')).toContainText('used as it is');
  await page.locator('.wz-body').evaluate((e) => e.scrollTo(0, 0));
  await page.screenshot({ path: shot('wizard-about-dark') });
  await page.locator('.wz-body').evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await page.screenshot({ path: shot('wizard-about-logos-dark') });
  await wz.next.click();

  // Configuration: the template's fields, and a reserved name refused with the reason.
  await expect(wz.fieldCard('server_url')).toBeVisible();
  await expect(wz.fieldCard('api_key')).toBeVisible();
  await wz.addField.click();
  const added = wz.fieldCards.last();
  await added.getByTestId('wz-field-name').fill('default');
  await added.getByTestId('wz-field-title').fill('Default Thing');
  await added.getByTestId('wz-field-description').fill('A field with a reserved name.');
  await expect(added).toContainText("'default' is reserved");
  await wz.next.click();
  await expect(wz.step('configuration')).toHaveAttribute('aria-current', 'step');
  await expect(added.getByTestId('wz-field-name')).toBeFocused();
  await added.getByTestId('wz-field-name').fill('region');
  await added.getByTestId('wz-field-type').selectOption('select');
  await added.getByTestId('wz-field-options').fill('eu\nus');
  await added.getByTestId('wz-field-default').selectOption('eu');
  await page.screenshot({ path: shot('wizard-configuration-dark') });
  await wz.next.click();

  // Actions: drop one suggestion, add one of our own.
  await expect(wz.actionCard('get_ip_reputation')).toBeVisible();
  await wz.actionCard('get_url_reputation').getByTestId('wz-action-include').uncheck();
  await wz.addAction.click();
  const custom = wz.actionCards.last();
  await custom.getByTestId('wz-action-operation').fill('list_feeds');
  await custom.getByTestId('wz-action-title').fill('List Feeds');
  await custom.getByTestId('wz-action-description').fill('Lists the threat feeds the account can read.');
  await custom.getByTestId('wz-action-path').fill('/api/v1/feeds');
  await custom.getByTestId('wz-action-schema').fill('{"feeds": []');
  await expect(custom.getByTestId('wz-schema-error')).toContainText('Not valid JSON');
  await custom.getByTestId('wz-action-schema').fill('{"feeds": []}');
  await expect(custom.getByTestId('wz-schema-error')).toHaveCount(0);
  await page.screenshot({ path: shot('wizard-actions-dark') });
  await wz.next.click();

  await expect(page.getByTestId('wz-create-step')).toContainText('connector-acme-intel/');
  await page.screenshot({ path: shot('wizard-create-dark') });
  await wz.create.click();

  // The IDE opens on the new project; git has exactly the first commit.
  await expect(page.getByTestId('file-tree')).toBeVisible();
  await expect(fileTree(page).row('acme-intel/info.json')).toBeVisible();
  const root = path.join(app.dirs.workspace, 'connector-acme-intel');
  const commits = execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: root, encoding: 'utf8' });
  expect(commits.trim()).toBe('1');
  const info = JSON.parse(await readFile(path.join(root, 'acme-intel', 'info.json'), 'utf8'));
  expect(info.operations.map((o: { operation: string }) => o.operation)).toContain('list_feeds');
  expect(info.operations.map((o: { operation: string }) => o.operation)).not.toContain('get_url_reputation');
  expect(info.configuration.fields.map((f: { name: string }) => f.name)).toContain('region');

  const report = JSON.parse(execFileSync(process.execPath, [cli, 'validate', path.join(root, 'acme-intel'), '--json'], { encoding: 'utf8' }));
  expect(report.summary.errors).toBe(0);
});

test('Back and Next keep the answers; Next is refused while a step has errors', async ({ page, app }) => {
  await app.open(page);
  const wz = wizardPage(page);
  await wz.start();
  await wz.label.fill('');
  await wz.description.fill('');
  await wz.next.click();
  await expect(wz.step('about')).toHaveAttribute('aria-current', 'step');
  await expect(wz.issues('label')).toContainText('required');
  await expect(wz.issues('description')).toContainText('required');
  await expect(wz.label).toBeFocused();
  await wz.label.fill('Back And Forth');
  await wz.description.fill('Checks that answers survive navigation.');
  await wz.publisher.fill('E2E');
  await wz.next.click();
  await expect(wz.step('configuration')).toHaveAttribute('aria-current', 'step');
  await wz.back.click();
  await expect(wz.label).toHaveValue('Back And Forth');
  await expect(wz.name).toHaveValue('back-and-forth');
});
