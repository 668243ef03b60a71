/** Issue 15, "the Problems panel tells the truth": the status bar, the panel's counts and the panel's rows say the
 * same thing through an edit, a save and a file close; a JSON typo in info.json is one finding from the JSON
 * source; and what can be fixed is fixed from the panel and from the form. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { infoForm } from '../../pages/infoForm';
import { problemsPanel } from '../../pages/problems';
import { reviewPage } from '../../pages/review';

const OPERATIONS_PY = `${SAMPLE_CONNECTOR}/operations.py`;
const INFO_JSON = `${SAMPLE_CONNECTOR}/info.json`;
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

/** What the status bar, the panel's header and the panel's rows say, as one comparable line each. */
async function counts(page: Page) {
  const status = page.getByTestId('status-problems');
  const header = page.getByTestId('problems-counts');
  const rows = problemsPanel(page).entries;
  const severities = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  return {
    status: `${await status.getAttribute('data-errors')}/${await status.getAttribute('data-warnings')}`,
    header: `${await header.getAttribute('data-errors')}/${await header.getAttribute('data-warnings')}`,
    rows: `${severities.filter((s) => s === 'error').length}/${severities.filter((s) => s === 'warning').length}`,
  };
}

/** Waits until all three agree (the checkers run in the background), and returns the agreed errors/warnings. */
async function agreed(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const c = await counts(page);
      last = c.rows;
      return c.status === c.rows && c.header === c.rows ? 'agree' : JSON.stringify(c);
    }, { timeout: 20_000 })
    .toBe('agree');
  return last;
}

const warningsOf = (c: string) => Number(c.split('/')[1]);

test('the status bar and the Problems panel agree through an edit, a save and a file close', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const problems = problemsPanel(page);
  if (!(await problems.root.isVisible())) await problems.toggle();
  const atStart = await agreed(page);

  // An edit: ruff sees an unused import as it is typed.
  await fileTree(page).open(OPERATIONS_PY);
  await ed.waitReady(OPERATIONS_PY);
  await ed.typeAtEnd('\nimport os\n');
  const unused = problems.entry('F401').filter({ hasText: '`os` imported but unused' });
  await expect(unused).toHaveCount(1);
  const edited = await agreed(page);
  expect(warningsOf(edited)).toBeGreaterThan(warningsOf(atStart));
  await page.screenshot({ path: shot('problems-truth-edit') });

  // A save: the services look at the folder again; the counts still agree.
  await ed.save();
  await expect(ed.tab(OPERATIONS_PY)).toHaveAttribute('data-dirty', 'false');
  await agreed(page);

  // A file close: the closed file's ruff (and pyright) markers go with it, from the panel and the status bar.
  await ed.close(OPERATIONS_PY);
  await expect(ed.tab(OPERATIONS_PY)).toHaveCount(0);
  await expect(unused).toHaveCount(0);
  const closed = await agreed(page);
  expect(warningsOf(closed)).toBeLessThan(warningsOf(edited));
  await page.screenshot({ path: shot('problems-truth-closed') });

  // Opened again, ruff finds the saved import again, and its own fix removes it.
  await fileTree(page).open(OPERATIONS_PY);
  await ed.waitReady(OPERATIONS_PY);
  await expect(unused).toHaveCount(1);
  await expect(unused.getByTestId('problem-fix')).toContainText('Remove unused import');
  await unused.getByTestId('problem-fix').click();
  await expect(unused).toHaveCount(0);
  await expect(ed.lines).not.toContainText('import os');
  await agreed(page);
});

test('a JSON typo in info.json is one finding from the JSON source, and a fix in the form settles a bad version', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const form = infoForm(page);
  const problems = problemsPanel(page);
  if (!(await problems.root.isVisible())) await problems.toggle();
  await fileTree(page).open(INFO_JSON);
  await ed.waitReady(INFO_JSON);
  await form.layout('split');
  await agreed(page);

  // A bad version from the form: the fix is offered under the field itself, and in the panel.
  const version = form.root.getByLabel('Version', { exact: true });
  await version.fill('1.0');
  await expect(problems.entry('version-format')).toHaveCount(1);
  const fix = form.root.locator('[data-pointer="/version"]').getByTestId('form-fix-apply');
  await expect(fix).toHaveText('Fix: Set version to "1.0.0"');
  await expect(ed.host.locator('.squiggly-error').first()).toBeVisible();
  await page.screenshot({ path: shot('problems-truth-version-fix') });
  await fix.click();
  await expect(version).toHaveValue('1.0.0');
  await expect(problems.entry('version-format')).toHaveCount(0);
  await agreed(page);

  // A typo that breaks the JSON: one finding, from the JSON source; nothing labelled python, no dispatch warning.
  await ed.typeAtEnd('\n}}');
  await expect(problems.entry('info-json-parse')).toHaveCount(1);
  await expect(problems.entry('info-json-parse')).toContainText('json info-json-parse');
  await expect(problems.root.locator('[data-testid="problem"][data-rule="python"]')).toHaveCount(0);
  await expect(problems.entry('dispatch-entry-undeclared')).toHaveCount(0);
  await expect(problems.root.locator('[data-testid="problem"]').filter({ hasText: /python / })).toHaveCount(0);
  expect(await agreed(page)).toBe('1/0');
  await page.screenshot({ path: shot('problems-truth-json-typo') });

  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await expect(problems.entry('info-json-parse')).toHaveCount(0);
  await agreed(page);
});

test('Check for certification: one click puts the CI\'s copyright block in every flagged file', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const review = reviewPage(page);
  await review.show();
  await review.waitForReport();
  let runs = await review.runs();
  await page.getByTestId('review-certification').click();
  await review.waitForReport(runs);
  const flagged = review.section('certification').locator('[data-testid="review-finding"][data-rule="cert-copyright-block"]');
  await expect(flagged).toHaveCount(4);
  await page.screenshot({ path: shot('problems-truth-copyright-before') });

  runs = await review.runs();
  await page.getByTestId('review-fix-copyright').first().click();
  await review.waitForReport(runs);
  await expect(flagged).toHaveCount(0);
  await page.screenshot({ path: shot('problems-truth-copyright-after') });
  const text = await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'operations.py'), 'utf8');
  expect(text).toContain(`Copyright (c) ${new Date().getFullYear()} Fortinet Inc`);
});
