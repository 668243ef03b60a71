/** Python intelligence from pyright in browser mode: completion, hover, go to definition and a marker for a
 * call with the wrong number of arguments, each against the bundled sample connector. */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { lsp } from '../../pages/lsp';
import { problemsPanel } from '../../pages/problems';
import { shot } from '../review/packages';

const CONNECTOR_PY = `${SAMPLE_CONNECTOR}/connector.py`;
const OPERATIONS_PY = `${SAMPLE_CONNECTOR}/operations.py`;
const UTILS_PY = `${SAMPLE_CONNECTOR}/utils.py`;
// pyright starts in a few seconds and checks the connector before it answers the first time.
const PYRIGHT = { timeout: 45_000 };
test.setTimeout(120_000);

async function openFile(page: import('@playwright/test').Page, relPath: string) {
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(relPath);
  await editor(page).waitReady(relPath);
}

test('completion after "from connectors.core.connector import " offers Connector, ConnectorError and get_logger', async ({ page, app }) => {
  await app.open(page);
  await openFile(page, CONNECTOR_PY);
  const ed = editor(page);
  const py = lsp(page);
  await ed.typeAtEnd('\nfrom connectors.core.connector import ');
  await expect(async () => {
    await py.suggest();
    await expect(py.suggestion('Connector')).toBeVisible({ timeout: 2000 });
  }).toPass(PYRIGHT);
  await expect(py.suggestion('ConnectorError')).toBeVisible();
  await page.keyboard.type('get_lo');
  // The list refreshes as pyright answers each keystroke: accept only once get_logger is the chosen row.
  await expect(py.focusedSuggestion).toHaveText('get_logger');
  await page.keyboard.press('Enter');
  await expect(ed.lines).toContainText('from connectors.core.connector import get_logger');
});

test('hover on get_logger shows its signature and what it does on the server', async ({ page, app }) => {
  await app.open(page);
  await openFile(page, CONNECTOR_PY);
  const py = lsp(page);
  await expect(async () => {
    await page.mouse.move(0, 0);
    await py.hoverWord('get_logger', 1);
    await expect(py.hover).toContainText('def get_logger(name: str | None = None) -> Logger', { timeout: 3000 });
  }).toPass(PYRIGHT);
  await expect(py.hover).toContainText('connectors.<name>');
});

test('F12 on a function defined in utils.py opens utils.py at the definition', async ({ page, app }) => {
  await appendFile(path.join(app.sampleRoot, UTILS_PY), '\n\ndef normalise(value):\n    return value.strip().lower()\n');
  const utilsLine = (await readFile(path.join(app.sampleRoot, UTILS_PY), 'utf8')).split('\n').indexOf('def normalise(value):') + 1;
  await app.open(page);
  await openFile(page, OPERATIONS_PY);
  const ed = editor(page);
  await ed.typeAtEnd('\n\nfrom .utils import normalise\nnormalise');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(async () => {
    await page.keyboard.press('F12');
    await expect(ed.tab(UTILS_PY)).toHaveAttribute('aria-selected', 'true', { timeout: 3000 });
  }).toPass(PYRIGHT);
  await ed.waitReady(UTILS_PY);
  await expect(ed.statusCursor).toHaveText(`Ln ${utilsLine}, Col 5`);
});

test('F12 on a framework function opens its type stub read-only, with its docs', async ({ page, app }) => {
  await app.open(page);
  await openFile(page, CONNECTOR_PY);
  const ed = editor(page);
  const py = lsp(page);
  const stub = '<stubs>/connectors/core/connector.pyi';
  await expect(async () => {
    await py.hoverWord('get_logger', 1);
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('F12');
    await expect(ed.tab(stub)).toHaveAttribute('aria-selected', 'true', { timeout: 3000 });
  }).toPass(PYRIGHT);
  await expect(ed.notice).toContainText('Read-only');
  await expect(ed.lines).toContainText('def get_logger(name: str | None = None) -> logging.Logger:');
  await ed.typeAtEnd('# no edits here');
  await expect(ed.lines).not.toContainText('# no edits here');
});

test('a call with the wrong number of arguments gets a pyright error marker', async ({ page, app }) => {
  await app.open(page);
  await openFile(page, OPERATIONS_PY);
  const ed = editor(page);
  const py = lsp(page);
  await ed.typeAtEnd('\n\nget_ip_reputation({})');
  await page.keyboard.press('Escape');
  await expect(py.errorSquiggles.first()).toBeVisible(PYRIGHT);
  await expect(async () => {
    await page.mouse.move(0, 0);
    await py.errorSquiggles.last().hover({ force: true });
    await expect(py.hover).toContainText('Argument missing for parameter "params"', { timeout: 3000 });
  }).toPass(PYRIGHT);
  await expect(py.hover).toContainText('pyright');

  // The same diagnostic is a row of the Problems panel, naming pyright as its source, and opens its line.
  const problems = problemsPanel(page);
  if (!(await problems.root.isVisible())) await problems.toggle();
  const row = problems.entries.filter({ hasText: 'Argument missing for parameter "params"' });
  await expect(row).toHaveCount(1, PYRIGHT);
  await expect(row).toContainText('pyright');
  await expect(row).toHaveAttribute('data-severity', 'error');
  await page.screenshot({ path: shot('lsp-problems-pyright') });
  await row.locator('.problem-main').click();
  await expect(ed.statusCursor).toContainText(/Ln \d+/);
});
