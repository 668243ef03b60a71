import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { searchPanel } from '../../pages/search';

test('find in files lists matches by file and opens one at its line', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const search = searchPanel(page);
  await search.find('check_health');
  await expect(search.summary).toContainText('results in');
  await expect(page.locator(`[data-testid="search-file"][data-path="${SAMPLE_CONNECTOR}/connector.py"]`)).toBeVisible();
  await search.matches.first().click();
  await expect(page.getByTestId('editor-tab').first()).toBeVisible();
  await expect(editor(page).statusCursor).not.toHaveText('Ln 1, Col 1');
});

test('replace in files changes files on disk but skips a file with unsaved edits', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const dirty = `${SAMPLE_CONNECTOR}/connector.py`;
  await fileTree(page).open(dirty);
  await ed.waitReady(dirty);
  await ed.typeAtEnd('\n# unsaved');

  const search = searchPanel(page);
  await search.find('check_health');
  await search.toggleReplace.click();
  await search.replace.fill('health_check');
  await search.replaceAll.click();
  await expect(search.replaceSummary).toContainText('Skipped (unsaved changes): sample-threat-intel/connector.py');

  const read = (name: string) => readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, name), 'utf8');
  expect(await read('operations.py')).toContain('health_check');
  expect(await read('operations.py')).not.toContain('check_health');
  expect(await read('connector.py')).toContain('check_health');
  await expect(ed.tab(dirty)).toHaveAttribute('data-dirty', 'true');
  await expect(ed.lines).toContainText('# unsaved');
});
