import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { infoForm } from '../../pages/infoForm';
import { problemsPanel } from '../../pages/problems';

const CORPUS = path.join(repoRoot, 'tests', 'fixtures', 'corpus', 'connectors');
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) await page.screenshot({ path: `/tmp/pw-fail-${info.title.slice(0, 20)}.png` });
});

test('a corpus connector: add an operation with a select whose option reveals a nested field; preview and text follow', async ({ page, app }) => {
  await cp(path.join(CORPUS, 'cisa-advisory'), path.join(app.dirs.workspace, 'cisa-advisory'), { recursive: true });
  const original = await readFile(path.join(CORPUS, 'cisa-advisory', 'info.json'), 'utf8');
  await app.open(page);
  await homePage(page).openProject('cisa-advisory');
  await fileTree(page).open('info.json');
  await editor(page).waitReady('info.json');
  const form = infoForm(page);
  await form.waitReady();
  await expect(form.ops).toHaveCount(5);

  await form.addOperation();
  await expect(form.op('new_action').locator(':scope > .item-body')).toBeVisible();
  await form.control(form.op('new_action'), 'Title').fill('Lookup Advisory');
  // The made-up name follows the title (issue 18): the row is lookup_advisory now.
  const op = form.op('lookup_advisory');
  await expect(op.locator(':scope > .item-body')).toBeVisible();

  const param = await form.addParameter(op);
  await form.control(param, 'Title').fill('Mode');
  await form.control(param, 'Name').fill('mode');
  const mode = form.field(op, 'mode');
  await form.control(mode, 'Type').selectOption('select');
  await form.addOption(mode, 'Basic');
  await form.addOption(mode, 'Advanced');
  await form.branch(mode, 'Advanced').getByTestId('add-branch').click();
  const nested = form.branch(mode, 'Advanced').getByTestId('field-row').first();
  await form.expand(nested);
  await form.control(nested, 'Title').fill('Depth');
  await form.control(nested, 'Name').fill('depth');
  // The text beside the form shows the edit at once.
  await expect(editor(page).host).toContainText('"depth"');
  await page.screenshot({ path: shot('info-form-edit') });

  // The preview shows the nested field only while its option is chosen.
  await form.view('preview');
  await form.previewTarget.selectOption({ label: 'Action: Lookup Advisory' });
  await expect(form.previewField('mode')).toBeVisible();
  await expect(form.previewField('depth')).toHaveCount(0);
  await form.previewField('mode').locator('select').selectOption('Advanced');
  await expect(form.previewField('depth')).toBeVisible();
  await page.screenshot({ path: shot('info-form-preview') });
  await form.previewField('mode').locator('select').selectOption('Basic');
  await expect(form.previewField('depth')).toHaveCount(0);

  // The text has the new operation, and nothing outside the operations array changed.
  await editor(page).save();
  await expect(editor(page).tab('info.json')).toHaveAttribute('data-dirty', 'false');
  const saved = await readFile(path.join(app.dirs.workspace, 'cisa-advisory', 'info.json'), 'utf8');
  const after = JSON.parse(saved);
  const added = after.operations.pop();
  expect(after).toEqual(JSON.parse(original));
  expect(added).toMatchObject({ operation: 'lookup_advisory', annotation: 'lookup_advisory', title: 'Lookup Advisory' });
  expect(added.parameters[0]).toMatchObject({ name: 'mode', type: 'select', options: ['Basic', 'Advanced'] });
  expect(added.parameters[0].onchange.Advanced[0]).toMatchObject({ name: 'depth', title: 'Depth' });
  const ops = findNodeAtLocation(parseTree(original)!, ['operations'])!;
  expect(saved.slice(0, ops.offset)).toBe(original.slice(0, ops.offset));
  const tail = original.length - (ops.offset + ops.length);
  expect(saved.slice(saved.length - tail)).toBe(original.slice(original.length - tail));
});

test('the sample project: the new operation gets a Python stub; a defect in the text shows as a marker and a problem with a quick fix', async ({ page, app }) => {
  const info = `${SAMPLE_CONNECTOR}/info.json`;
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(info);
  const ed = editor(page);
  await ed.waitReady(info);
  const form = infoForm(page);
  await form.waitReady();

  await form.addOperation();
  const opsPy = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'operations.py');
  await expect.poll(() => readFile(opsPy, 'utf8')).toContain("    'new_action': new_action,\n}");
  const py = await readFile(opsPy, 'utf8');
  expect(py).toContain('def new_action(config, params):');
  expect(py.indexOf('def new_action')).toBeLessThan(py.indexOf('operations = {'));
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/operations.py`);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/operations.py`);
  await ed.focus();
  await page.keyboard.press(`${mod}+End`);
  await expect(ed.lines).toContainText('def new_action(config, params):');
  await expect(ed.lines).toContainText("'new_action': new_action,");

  // A misspelt category typed in the text: marker, Problems entry, click to the field, quick fix.
  await ed.tab(info).click();
  await ed.waitReady(info);
  await ed.focus();
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.press(`${mod}+F`);
  await page.keyboard.type('investigation');
  await page.keyboard.press('Escape');
  await page.keyboard.type('investigaton');
  await page.keyboard.press('Escape');
  await expect(ed.host.locator('.squiggly-warning').first()).toBeVisible();
  const problems = problemsPanel(page);
  await problems.toggle();
  const entry = problems.entry('operation-category');
  await expect(entry).toHaveCount(1);
  await page.screenshot({ path: shot('info-form-problems') });

  await entry.locator('.problem-main').click();
  const category = form.root.locator('[data-pointer="/operations/0/category"]');
  await expect(category).toHaveClass(/flash/);
  await expect(category.locator('select')).toBeFocused();
  await expect(category.locator('select')).toHaveValue('investigaton');

  await entry.getByTestId('problem-fix').click();
  await expect(problems.entry('operation-category')).toHaveCount(0);
  await expect(category.locator('select')).toHaveValue('investigation');
  await expect(ed.host.locator('.squiggly-warning')).toHaveCount(0);

  // Undo in the form walks the same history as the text editor.
  await form.undo.click();
  await expect(problems.entry('operation-category')).toHaveCount(1);
  await form.redo.click();
  await expect(problems.entry('operation-category')).toHaveCount(0);

  expect(await seriousViolations(page, '[data-testid="info-form"]', '[data-testid="problems-panel"]')).toEqual([]);
});
