import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

const FILE = `${SAMPLE_CONNECTOR}/operations.py`;

test('closing a dirty tab asks: Cancel keeps it, Don\'t save drops the edit, Save writes it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const disk = () => readFile(path.join(app.sampleRoot, FILE), 'utf8');
  const original = await disk();
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# not yet saved');

  await ed.close(FILE);
  await expect(ed.choiceDialog).toBeVisible();
  await expect(ed.choiceDialog).toContainText('operations.py');
  await ed.choose('cancel');
  await expect(ed.choiceDialog).toBeHidden();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');

  await ed.close(FILE);
  await ed.choose('discard');
  await expect(ed.tab(FILE)).toHaveCount(0);
  expect(await disk()).toBe(original);

  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# saved on close');
  await ed.close(FILE);
  await ed.choose('save');
  await expect(ed.tab(FILE)).toHaveCount(0);
  expect(await disk()).toContain('# saved on close');
});

test('Esc on the close prompt is Cancel', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# keep');
  await ed.close(FILE);
  await expect(ed.choiceDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ed.choiceDialog).toBeHidden();
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');
});
