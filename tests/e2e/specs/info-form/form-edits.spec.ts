import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { infoForm } from '../../pages/infoForm';

const CORPUS = path.join(repoRoot, 'tests', 'fixtures', 'corpus', 'connectors');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const INFO = `${SAMPLE_CONNECTOR}/info.json`;

test.describe.configure({ timeout: 120_000 });

async function openSampleInfo(page: import('@playwright/test').Page, app: import('../../fixtures').AppFixture) {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(INFO);
  await editor(page).waitReady(INFO);
  const form = infoForm(page);
  await form.waitReady();
  return form;
}

const opNames = async (form: ReturnType<typeof infoForm>) => form.ops.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

test('reorder with Alt+Down, duplicate, undo with Ctrl+Z in the form, delete with the code following', async ({ page, app }) => {
  const form = await openSampleInfo(page, app);
  expect(await opNames(form)).toEqual(['get_ip_reputation', 'get_domain_reputation']);

  await form.op('get_ip_reputation').getByTestId('item-toggle').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation']);
  await expect(form.op('get_ip_reputation').getByTestId('item-toggle').first()).toBeFocused();

  // Dragging a row by its header moves it too.
  await form.op('get_ip_reputation').locator(':scope > .item-head').dragTo(form.op('get_domain_reputation').locator(':scope > .item-head'));
  await expect.poll(() => opNames(form)).toEqual(['get_ip_reputation', 'get_domain_reputation']);
  await form.op('get_ip_reputation').locator(':scope > .item-head').dragTo(form.op('get_domain_reputation').locator(':scope > .item-head'));
  await expect.poll(() => opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation']);

  await form.op('get_ip_reputation').getByTestId('item-duplicate').first().click();
  await expect.poll(() => opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation', 'get_ip_reputation_copy']);
  // The copy's stub and entry were added; take them out again through the form's delete.
  const opsPy = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'operations.py');
  await expect.poll(() => readFile(opsPy, 'utf8')).toContain("'get_ip_reputation_copy': get_ip_reputation_copy,");

  await form.root.getByTestId('section-operations').locator('h2 button').focus();
  await page.keyboard.press(`${mod}+Z`);
  await expect.poll(() => opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation']);
  await page.keyboard.press(`${mod}+Shift+Z`);
  await expect.poll(() => opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation', 'get_ip_reputation_copy']);

  await form.op('get_ip_reputation_copy').getByTestId('item-delete').first().click();
  await page.getByTestId('confirm-dialog').getByTestId('dialog-confirm').click();
  await expect.poll(() => readFile(opsPy, 'utf8')).not.toContain('get_ip_reputation_copy');
  expect(await opNames(form)).toEqual(['get_domain_reputation', 'get_ip_reputation']);

  await editor(page).save();
  await expect(editor(page).tab(INFO)).toHaveAttribute('data-dirty', 'false');
  const saved = JSON.parse(await readFile(path.join(app.sampleRoot, INFO), 'utf8'));
  expect(saved.operations.map((o: { operation: string }) => o.operation)).toEqual(['get_domain_reputation', 'get_ip_reputation']);
});

test('renaming an operation offers to rename it in the code', async ({ page, app }) => {
  const form = await openSampleInfo(page, app);
  const op = form.ops.nth(1);
  await expect(op).toHaveAttribute('data-name', 'get_domain_reputation');
  await form.expand(op);
  const name = form.control(op, 'Operation');
  await name.fill('lookup_domain');
  await name.blur();
  await page.getByTestId('confirm-dialog').getByTestId('dialog-confirm').click();
  const opsPy = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'operations.py');
  await expect.poll(() => readFile(opsPy, 'utf8')).toContain("'lookup_domain': lookup_domain,");
  expect(await readFile(opsPy, 'utf8')).toContain('def lookup_domain(config, params):');
});

test('invalid JSON locks the form and points at the error; fixing the text unlocks it', async ({ page, app }) => {
  const form = await openSampleInfo(page, app);
  const ed = editor(page);
  await ed.focus();
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.press('End');
  await page.keyboard.type(' oops');
  await expect(form.locked).toBeVisible();
  await expect(form.lockedJump).toHaveText(/Go to line 1, column 3/);
  await expect(form.root).toHaveAttribute('data-locked', 'true');
  await expect(form.root.locator('fieldset.form-body input').first()).toBeDisabled();
  await form.lockedJump.click();
  await expect(ed.statusCursor).toHaveText('Ln 1, Col 3');
  await page.keyboard.press('End');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await expect(form.locked).toHaveCount(0);
  await expect(form.root).toHaveAttribute('data-locked', 'false');
});

test('the largest corpus connector renders and reports its timings for the benchmark', async ({ page, app }) => {
  await cp(path.join(CORPUS, 'paloalto-cortex-xdr'), path.join(app.dirs.workspace, 'paloalto-cortex-xdr'), { recursive: true });
  await app.open(page);
  await homePage(page).openProject('paloalto-cortex-xdr');
  await fileTree(page).open('info.json');
  await editor(page).waitReady('info.json');
  const form = infoForm(page);
  await form.waitReady();
  await expect(form.ops).toHaveCount(32);
  await expect(form.root).toHaveAttribute('data-form-render-ms', /^\d+(\.\d+)?$/);
  await form.expand(form.ops.nth(5));
  const title = form.control(form.ops.nth(5), 'Title');
  await title.press('End');
  await title.pressSequentially('!');
  await expect(form.root).toHaveAttribute('data-diagnostics-ms', /^\d+(\.\d+)?$/);
});
