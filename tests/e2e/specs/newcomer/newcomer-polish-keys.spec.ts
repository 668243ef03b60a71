/** Issue 18, a newcomer's first hour (items 6, 7, 10): template text that outlived a rename, keys that did the wrong
 * thing, and wizard defaults that worked against the user. */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { infoForm } from '../../pages/infoForm';
import { lsp } from '../../pages/lsp';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';
import { wizardPage } from '../../pages/wizard';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'shots', `${name}.png`);
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const OPS = `${SAMPLE_CONNECTOR}/operations.py`;
test.describe.configure({ timeout: 150_000 });

test('item 6: a new action\'s placeholders are never saved, its names follow the titles, its stub follows the rename, and the review flags what is left', async ({ page, app }) => {
  const infoPath = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'info.json');
  const opsPath = path.join(app.sampleRoot, OPS);
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const form = infoForm(page);
  await page.getByTestId('welcome-run-edit').click();
  await form.waitReady();
  await form.addOperation();
  await expect.poll(() => readFile(opsPath, 'utf8')).toContain("raise NotImplementedError('new_action is not implemented yet')");

  // The description is a greyed placeholder in an empty box.
  const fresh = form.op('new_action');
  const description = form.control(fresh, 'Description');
  await expect(description).toHaveValue('');
  await expect(description).toHaveAttribute('placeholder', 'Describe what this action does.');

  // The review flags what the template left: the title, the name, the stub.
  const problems = problemsPanel(page);
  await problems.toggle();
  await expect(problems.entry('template-text-left').first()).toBeVisible();
  await expect(problems.entry('operation-stub-left').first()).toBeVisible();
  await problems.toggle();

  // Typing the title names the operation and its annotation; leaving the box renames the stub, its message too.
  await form.control(fresh, 'Title').fill('Lookup Advisory');
  const op = form.op('lookup_advisory');
  await expect(form.control(op, 'Operation')).toHaveValue('lookup_advisory');
  await expect(form.control(op, 'Annotation')).toHaveValue('lookup_advisory');
  await form.control(op, 'Operation').focus();
  await expect.poll(() => readFile(opsPath, 'utf8')).toContain("raise NotImplementedError('lookup_advisory is not implemented yet')");
  const py = await readFile(opsPath, 'utf8');
  expect(py).toContain("'lookup_advisory': lookup_advisory,");
  expect(py).not.toContain('new_action');

  // A name typed by hand stops following (its code rename is the user's call); a parameter's name follows its title.
  await form.control(op, 'Operation').fill('advisory_lookup');
  const opRow = form.op('advisory_lookup');
  await form.control(opRow, 'Title').focus();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('dialog-confirm').click();
  await expect.poll(() => readFile(opsPath, 'utf8')).toContain("'advisory_lookup': advisory_lookup,");
  await form.control(opRow, 'Title').fill('Lookup CISA Advisory');
  await expect(form.control(opRow, 'Operation')).toHaveValue('advisory_lookup');
  const param = await form.addParameter(opRow);
  await form.control(param, 'Title').fill('Advisory ID');
  await expect(form.control(form.field(opRow, 'advisory_id'), 'Name')).toHaveValue('advisory_id');

  await editor(page).save();
  await expect.poll(async () => JSON.parse(await readFile(infoPath, 'utf8')).operations.at(-1)).toMatchObject({
    operation: 'advisory_lookup', title: 'Lookup CISA Advisory', parameters: [{ name: 'advisory_id', title: 'Advisory ID' }],
  });
  const saved = JSON.parse(await readFile(infoPath, 'utf8')).operations.at(-1);
  expect(saved.description ?? '').toBe('');
  expect(JSON.stringify(saved)).not.toContain('Describe what this action does.');
  await page.screenshot({ path: shot('template-text-followed') });
});

test('item 7: Ctrl+Alt+Enter in the find widget replaces all, completion opens after "import ", the first F12 works, and every key is listed', async ({ page, app }) => {
  await appendFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'utils.py'), '\n\ndef normalise(value):\n    return value.strip().lower()\n');
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(OPS);
  const ed = editor(page);
  await ed.waitReady(OPS);
  const py = lsp(page);

  // The first F12 after opening the file goes to the definition: pressed once, not retried.
  await ed.typeAtEnd('\n\nfrom .utils import normalise\nnormalise');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('F12');
  await expect(ed.tab(`${SAMPLE_CONNECTOR}/utils.py`)).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await ed.tab(OPS).click();
  await ed.waitReady(OPS);

  // Completion opens by itself after "from connectors.core.connector import ", with no Ctrl+Space.
  await ed.typeAtEnd('\nfrom connectors.core.connector import ');
  await expect(py.suggestion('ConnectorError')).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press('Escape');

  // Ctrl+Alt+Enter in the find widget: Replace All, and the window stays as it was.
  await ed.typeAtEnd('\nrep_me = 1\nrep_me = 2\n');
  await page.keyboard.press(`${mod}+H`);
  await page.keyboard.type('rep_me');
  await page.locator('.find-widget .replace-part textarea, .find-widget .replace-part input').first().fill('replaced');
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(page.getByTestId('ide')).toHaveAttribute('data-fullscreen', 'false');
  await expect(ed.lines).toContainText('replaced = 2');
  await expect(ed.lines).not.toContainText('rep_me');
  await page.keyboard.press('Escape');
  // Outside the find widget the same key is still Toggle Full-Screen Editor.
  await ed.focus();
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(page.getByTestId('ide')).toHaveAttribute('data-fullscreen', 'true');
  await page.keyboard.press(`${mod}+Alt+Enter`);
  await expect(page.getByTestId('ide')).toHaveAttribute('data-fullscreen', 'false');

  // Keyboard Shortcuts: every binding from the one registry, searchable.
  await palette(page).run('Help: Keyboard Shortcuts');
  const keys = page.getByTestId('keyboard-shortcuts');
  await expect(keys).toBeVisible();
  const all = await keys.getByTestId('keys-row').count();
  expect(all).toBeGreaterThan(40);
  await keys.getByTestId('keys-filter').fill('F12');
  await expect(keys.locator('[data-testid="keys-row"][data-command="editor.goToDefinition"]')).toBeVisible();
  await keys.getByTestId('keys-filter').fill('ctrl+alt+enter');
  await expect(keys.locator('[data-testid="keys-row"][data-command="editor.replaceAll"]')).toContainText('Find widget');
  await expect(keys.locator('[data-testid="keys-row"][data-command="view.fullScreen"]')).toBeVisible();
  await keys.getByTestId('keys-filter').fill('');
  await expect(keys.getByTestId('keys-row')).toHaveCount(all);
  await page.screenshot({ path: shot('keyboard-shortcuts') });
});

test('item 10: the wizard starts with no made-up name, the identifier follows the name after an error, whole descriptions, an empty Online help stays empty, Cancel asks', async ({ page, app }) => {
  await app.open(page);
  const wz = wizardPage(page);
  await wz.start();
  await wz.template('threat-intelligence').check();
  await expect(wz.label).toHaveValue('');
  await expect(wz.label).toHaveAttribute('placeholder', 'Acme Threat Intel');
  await expect(wz.name).toHaveValue('');

  // Template descriptions are whole: no box clips them.
  const clipped = await page.locator('.wz-template-description').evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
  expect(clipped).toBe(0);

  // Next with no name: the error shows; typing a name afterwards still fills the identifier, even after visiting it.
  await wz.next.click();
  await expect(wz.issues('label')).toContainText('required');
  await wz.name.focus();
  await wz.label.focus();
  await wz.label.fill('Acme Advisories');
  await expect(wz.name).toHaveValue('acme-advisories');
  await page.locator('.wz-body').evaluate((e) => e.scrollTo(0, 0));
  await page.screenshot({ path: shot('wizard-about') });

  // Cancel with entered work asks; "Cancel" in the question keeps it.
  await page.getByTestId('wz-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('dialog-cancel').click();
  await expect(wz.label).toHaveValue('Acme Advisories');

  await wz.next.click();
  await wz.next.click();
  await wz.next.click();
  await expect(wz.step('create')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('wz-help-online')).toHaveValue('');
  await expect(page.getByTestId('wz-create-step')).toContainText('left empty, info.json has none');
  await page.screenshot({ path: shot('wizard-create') });
  await wz.create.click();
  await expect(page.getByTestId('getting-started')).toBeVisible({ timeout: 30_000 });
  const info = JSON.parse(await readFile(path.join(app.dirs.workspace, 'connector-acme-advisories', 'acme-advisories', 'info.json'), 'utf8'));
  expect(info.help_online).toBe('');

  // An untouched wizard cancels without a question.
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await wz.start();
  await page.getByTestId('wz-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('project-grid')).toBeVisible();
});
