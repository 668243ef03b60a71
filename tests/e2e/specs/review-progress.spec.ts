import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../fixtures';
import { repoRoot } from '../host';
import { editor } from '../pages/editor';
import { homePage } from '../pages/home';
import { palette } from '../pages/palette';
import { reviewPage } from '../pages/review';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'shots', `${name}.png`);

/**
 * Issue 18, item 1: a review is not silent while it works. The panel lists every section with its state as the
 * service reports it, and the package's files open and read meanwhile. The review's answer is held back in the
 * browser until the test has looked (the service has finished and sent its progress by then), so "still running"
 * is certain without timing.
 */
test('a running review shows each section as it finishes, and a file opens and reads meanwhile', async ({ page, app }) => {
  test.setTimeout(test.info().timeout * 3);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let answered!: () => void;
  const serverDone = new Promise<void>((resolve) => (answered = resolve));
  await page.route('**/rpc/review.run', async (route) => {
    const response = await route.fetch();
    answered();
    await held;
    await route.fulfill({ response });
  });

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const review = reviewPage(page);
  await review.show();

  // The review runs: every section is listed, in the report's order.
  const progress = page.getByTestId('review-progress');
  await expect(progress).toBeVisible();
  await expect(review.panel).toHaveAttribute('aria-busy', 'true');
  const rows = progress.locator('[data-section]');
  await expect(rows.first()).toHaveAttribute('data-section', 'validation');
  await expect(progress.locator('[data-section="python"]')).toContainText('Python lint and syntax');
  await expect(progress.locator('[data-section="tests"]')).toContainText('Tests');

  // Nothing blocks the window: quick open finds a file and the editor shows its code while the review runs.
  const p = palette(page);
  await p.quickOpen();
  await page.keyboard.type('opera');
  await expect(p.items.first()).toContainText('operations.py');
  await page.keyboard.press('Enter');
  const ed = editor(page);
  const file = `${SAMPLE_CONNECTOR}/operations.py`;
  await expect(ed.tab(file)).toHaveAttribute('aria-selected', 'true');
  await ed.waitReady(file);
  await expect(ed.lines).toContainText('def ');
  await expect(review.panel).toHaveAttribute('aria-busy', 'true');
  await page.screenshot({ path: shot('review-progress-running') });

  // The service has finished: every section is done with what it found, still before the answer arrives.
  await serverDone;
  const count = await rows.count();
  await expect(progress.locator('[data-state="done"]')).toHaveCount(count);
  await expect(progress.locator('[data-section="python"]')).toContainText('no findings');
  await expect(progress.locator('[data-section="tests"]')).toContainText(/\d+ infos?/);
  await expect(progress).toContainText(`${count} of ${count} sections done`);
  await page.screenshot({ path: shot('review-progress-done') });

  release();
  await review.waitForReport();
  await expect(progress).toHaveCount(0);
  await expect(review.verdict).toHaveText('No problems found');
  await expect(review.section('tests')).toContainText('Tests');
  await expect(review.section('tests').locator('[data-rule="operation-without-test"]').first()).toContainText('has no test');
  await expect(ed.tab(file)).toBeVisible();
  await page.screenshot({ path: shot('review-progress-report') });
});
