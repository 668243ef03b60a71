import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { testPanel } from '../../pages/testing';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const ROWS = 5000;

/** An action that needs no configuration and returns ROWS objects with uneven keys and nested values. */
async function addListAction(dir: string) {
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations.push({
    operation: 'list_indicators', title: 'List Indicators', description: 'Many indicators.', category: 'investigation',
    annotation: 'list_indicators', enabled: true, is_config_required: false, parameters: [], output_schema: {},
  });
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  const ops = await readFile(path.join(dir, 'operations.py'), 'utf8');
  const fn = `def list_indicators(config, params):
    rows = [{'id': i, 'value': '198.51.%d.%d' % (i // 256, i % 256), 'tags': ['t%d' % i, 'bulk']} for i in range(${ROWS})]
    rows[1]['note'] = None
    return rows


operations = {
    'list_indicators': list_indicators,`;
  await writeFile(path.join(dir, 'operations.py'), ops.replace('operations = {', fn));
}

for (const theme of ['dark', 'light'] as const)
test(`thousands of rows in the Table view: few in the page, keyboard scrolling and expanding, download, no serious a11y issues (${theme})`, async ({ page, app }) => {
  await addListAction(path.join(app.sampleRoot, SAMPLE_CONNECTOR));
  await app.open(page);
  if (theme === 'light') await palette(page).run('Toggle Light/Dark Theme');
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.tab('actions').click();
  await t.actionSelect.selectOption('list_indicators');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await t.resultView('table').click();

  // Columns are the union of the keys; a key only one row has is empty elsewhere, null stays null.
  await expect(t.table.getByRole('columnheader')).toHaveText(['#', 'id', 'value', 'tags', 'note']);
  await expect(t.table.getByRole('table').first()).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  await expect(t.table.getByRole('row').filter({ hasText: '198.51.0.1' }).getByRole('cell').nth(3)).toHaveText('null');
  // Windowed: a screenful of rows is in the page, not five thousand.
  expect(await t.table.getByTestId('table-row').count()).toBeLessThan(60);

  // The keyboard reaches the end, and a nested value opens in place.
  const region = t.table.locator('.tc-table-scroll').first();
  await region.focus();
  await page.keyboard.press('End');
  await expect(t.table.getByRole('rowheader', { name: String(ROWS - 1), exact: true })).toBeVisible();
  const expand = t.table.getByRole('button', { name: `Expand tags of ${ROWS - 1}: [2 items]` });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(t.table.getByRole('button', { name: `Collapse tags of ${ROWS - 1}: [2 items]` })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('table', { name: `tags of ${ROWS - 1}` }).getByRole('cell', { name: `t${ROWS - 1}` })).toBeVisible();
  await region.evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await t.table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(`test-actions-table-${theme}`) });

  expect(await seriousViolations(page, '[data-testid="run-result"]')).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-download').click()]);
  expect(download.suggestedFilename()).toBe('list_indicators-result.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as unknown[];
  expect(saved).toHaveLength(ROWS);
});
