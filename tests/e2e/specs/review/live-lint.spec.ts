import { SAMPLE_CONNECTOR } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';
import { reviewPage } from '../../pages/review';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { settingsPage } from '../../pages/settings';
import { expect, shot, test } from './packages';

const OPERATIONS_PY = `${SAMPLE_CONNECTOR}/operations.py`;
// One statement per line, so Monaco's auto-indent has nothing to add.
const DEFECTS = "\nimport os\nimport requests\nreply = requests.get('https://intel.example.com', verify=False, timeout=10)\n";

test('ruff and security problems appear as you type, name their source, and the review lists them after a save', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(OPERATIONS_PY);
  const ed = editor(page);
  const review = reviewPage(page);
  const problems = problemsPanel(page);
  await ed.waitReady(OPERATIONS_PY);
  await ed.typeAtEnd(DEFECTS);

  // Live, before any save: the Problems panel lists the editor's markers with their sources.
  if (!(await problems.root.isVisible())) await problems.toggle();
  const unusedOs = problems.entry('F401').filter({ hasText: '`os` imported but unused' });
  await expect(unusedOs).toContainText('ruff F401');
  await expect(problems.entry('tls-verify-disabled')).toContainText('security tls-verify-disabled');
  await page.screenshot({ path: shot('review-live-markers') });

  // A live problem opens its line, like any other, and the code there is squiggled.
  const where = await problems.entry('tls-verify-disabled').locator('.problem-where').innerText();
  await problems.entry('tls-verify-disabled').locator('.problem-main').click();
  await expect(ed.statusCursor).toContainText(`${where.split(',')[0]},`);
  await expect(ed.squiggles.first()).toBeVisible();

  await ed.save();
  await expect(ed.tab(OPERATIONS_PY)).toHaveAttribute('data-dirty', 'false');
  await review.show();
  await review.runAgain();
  await expect(review.section('python').locator('[data-rule="F401"]')).toContainText('operations.py:');
  await expect(review.section('security').locator('[data-rule="tls-verify-disabled"]')).toContainText('operations.py:');
  await expect(review.verdict).toHaveText(/^Needs changes/);

  // Clicking a finding puts the cursor on its line.
  await review.section('security').locator('[data-rule="tls-verify-disabled"]').click();
  const line = await review.section('security').locator('[data-rule="tls-verify-disabled"] .finding-location').innerText();
  await expect(ed.statusCursor).toContainText(`Ln ${line.split(':')[1]}`);
});

const CONSTANTS_PY = `${SAMPLE_CONNECTOR}/constants.py`;
const MESSY = "\nMESSY = {  'a':1,'b' :[1,2 ,3]}\n";
const TIDY = 'MESSY = {"a": 1, "b": [1, 2, 3]}';
/** Monaco renders spaces as non-breaking spaces. */
const shown = (text: string) => text.replace(/\u00a0/g, ' ');

test('Format Document and the Format button format a messy Python file with ruff, as one undoable edit', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(CONSTANTS_PY);
  const ed = editor(page);
  await ed.waitReady(CONSTANTS_PY);
  await ed.typeAtEnd(MESSY);
  await palette(page).run('Format Document');
  await expect(ed.lines).toContainText(TIDY);
  await expect(ed.tab(CONSTANTS_PY)).toHaveAttribute('data-dirty', 'true');

  // Undo brings the messy text back; the button in the tab bar formats it again.
  await ed.focus();
  await ed.undo();
  await expect.poll(async () => shown(await ed.lines.innerText())).toContain("MESSY = {  'a':1,'b' :[1,2 ,3]}");
  await expect(ed.formatButton).toBeVisible();
  await page.screenshot({ path: shot('editor-format-button') });
  await ed.formatButton.click();
  await expect(ed.lines).toContainText(TIDY);

  // Not for other files: info.json has no Format button.
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/info.json`);
  await expect(ed.formatButton).toHaveCount(0);
});

test('with "Format on save" on, Ctrl+S writes the formatted Python to disk, and Ctrl+Z undoes the format', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await page.getByTestId('activity-settings').click();
  const settings = settingsPage(page);
  await expect(settings.formatOnSave).not.toBeChecked();
  // Saved at once through the settings service; the box shows the saved value.
  await settings.formatOnSave.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Format on save saved' })).toBeVisible();
  await expect(settings.formatOnSave).toBeChecked();
  await page.screenshot({ path: shot('settings-format-on-save') });
  await settings.close.click();

  await fileTree(page).open(CONSTANTS_PY);
  const ed = editor(page);
  await ed.waitReady(CONSTANTS_PY);
  await ed.typeAtEnd(MESSY);
  await ed.save();
  await expect(ed.tab(CONSTANTS_PY)).toHaveAttribute('data-dirty', 'false');
  await expect(ed.lines).toContainText(TIDY);
  const onDisk = await readFile(path.join(app.sampleRoot, CONSTANTS_PY), 'utf8');
  expect(onDisk).toContain(`${TIDY}\n`);
  expect(onDisk).not.toContain("'a':1");

  // The format was its own edit: undo returns to what was typed, which differs from the saved file.
  await ed.undo();
  await expect.poll(async () => shown(await ed.lines.innerText())).toContain("MESSY = {  'a':1,'b' :[1,2 ,3]}");
  await expect(ed.tab(CONSTANTS_PY)).toHaveAttribute('data-dirty', 'true');
});
