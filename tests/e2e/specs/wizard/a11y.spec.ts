import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { authoringDialogs, wizardPage } from '../../pages/wizard';

for (const theme of ['dark', 'light'] as const) {
  test(`every wizard step has no serious or critical accessibility violations (${theme})`, async ({ page, app }) => {
    await app.open(page);
    if (theme === 'light') await palette(page).run('Toggle Light/Dark Theme');
    const wz = wizardPage(page);
    await wz.start();
    // No name is made up for the user (issue 18): the wizard starts empty and Next needs one.
    await wz.label.fill('A11y Check');
    await wz.name.fill('1-bad');
    expect(await seriousViolations(page)).toEqual([]);
    await wz.name.fill('a11y-check');
    await wz.next.click();
    await wz.addField.click();
    await wz.next.click();
    await expect(wz.fieldCards.last()).toContainText('required');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screenshots', `wizard-errors-${theme}.png`) });
    await wz.fieldCards.last().getByTestId('wz-field-title').fill('Region');
    await wz.fieldCards.last().getByTestId('wz-field-description').fill('Where the account lives.');
    await wz.next.click();
    await wz.actionCards.first().getByTestId('wz-action-toggle').click();
    expect(await seriousViolations(page)).toEqual([]);
    await wz.next.click();
    await expect(page.getByTestId('wz-create-step')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the export and duplicate dialogs have no serious or critical accessibility violations', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const dialogs = authoringDialogs(page);
  const download = page.waitForEvent('download');
  await palette(page).run('Export .tgz');
  await download;
  await expect(dialogs.exported).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await palette(page).run('Duplicate Connector');
  await expect(dialogs.duplicate).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
