import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { reviewPage } from '../../pages/review';
import { shot } from './packages';

const OPERATIONS_PY = `${SAMPLE_CONNECTOR}/operations.py`;
// One statement per line, so Monaco's auto-indent has nothing to add.
const DEFECTS = "\nimport os\nimport requests\nreply = requests.get('https://intel.example.com', verify=False, timeout=10)\n";

test('ruff and security markers appear as you type, name their source, and the review lists them after a save', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(OPERATIONS_PY);
  const ed = editor(page);
  const review = reviewPage(page);
  await ed.waitReady(OPERATIONS_PY);
  await ed.typeAtEnd(DEFECTS);

  // Live, before any save: the squiggles and the marker texts with their sources.
  await expect(ed.host.locator('.squiggly-error, .squiggly-warning').first()).toBeVisible();
  const texts = await review.problemTexts(4);
  expect(texts.some((t) => t.includes("`os` imported but unused") && t.includes('ruff(F401)'))).toBe(true);
  expect(texts.some((t) => t.includes('verify=False') && t.includes('security(tls-verify-disabled)'))).toBe(true);
  await page.screenshot({ path: shot('review-live-markers') });
  await page.keyboard.press('Escape');

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
