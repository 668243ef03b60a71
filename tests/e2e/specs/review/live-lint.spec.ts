import { SAMPLE_CONNECTOR } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';
import { reviewPage } from '../../pages/review';
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

test('Format Document formats a messy Python file with ruff', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const constantsPy = `${SAMPLE_CONNECTOR}/constants.py`;
  await fileTree(page).open(constantsPy);
  const ed = editor(page);
  await ed.waitReady(constantsPy);
  await ed.typeAtEnd("\nMESSY = {  'a':1,'b' :[1,2 ,3]}\n");
  await palette(page).run('Format Document');
  await expect(ed.lines).toContainText('MESSY = {"a": 1, "b": [1, 2, 3]}');
  await expect(ed.tab(constantsPy)).toHaveAttribute('data-dirty', 'true');
});
