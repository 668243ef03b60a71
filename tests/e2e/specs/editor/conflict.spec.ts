import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

const FILE = `${SAMPLE_CONNECTOR}/utils.py`;

test('a save over a file changed on disk is refused and offers Overwrite / Take theirs / Cancel', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const abs = path.join(app.sampleRoot, FILE);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# mine');
  await writeFile(abs, '# theirs, written outside the IDE\n');

  await ed.save();
  await expect(ed.choiceDialog).toBeVisible();
  await expect(ed.choiceDialog).toContainText('changed on disk');
  await ed.choose('cancel');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'true');
  expect(await readFile(abs, 'utf8')).toBe('# theirs, written outside the IDE\n');

  await ed.focus();
  await ed.save();
  await ed.choose('overwrite');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  const mine = await readFile(abs, 'utf8');
  expect(mine).toContain('# mine');
  expect(mine).not.toContain('theirs');
});

test('Take theirs replaces the buffer with the version on disk', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const abs = path.join(app.sampleRoot, FILE);
  await fileTree(page).open(FILE);
  await ed.waitReady(FILE);
  await ed.typeAtEnd('\n# mine');
  await writeFile(abs, 'THEIRS = True\n');
  await ed.save();
  await ed.choose('theirs');
  await expect(ed.tab(FILE)).toHaveAttribute('data-dirty', 'false');
  await expect(ed.lines).toContainText('THEIRS = True');
  expect(await readFile(abs, 'utf8')).toBe('THEIRS = True\n');
});
