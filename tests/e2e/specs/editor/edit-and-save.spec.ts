import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

const CONNECTOR_PY = `${SAMPLE_CONNECTOR}/connector.py`;

test('edit connector.py in Monaco, save with Ctrl+S: the file on disk changes and git marks it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  const ed = editor(page);
  await tree.open(CONNECTOR_PY);
  await ed.waitReady(CONNECTOR_PY);
  await expect(ed.statusLanguage).toHaveText('Python');

  await ed.typeAtEnd('\n# edited in Connector Studio');
  await expect(ed.tab(CONNECTOR_PY)).toHaveAttribute('data-dirty', 'true');
  await expect(tree.row(CONNECTOR_PY).locator('.tree-dirty')).toBeVisible();

  await ed.save();
  await expect(ed.tab(CONNECTOR_PY)).toHaveAttribute('data-dirty', 'false');
  const onDisk = await readFile(path.join(app.sampleRoot, CONNECTOR_PY), 'utf8');
  expect(onDisk).toContain('# edited in Connector Studio');
  await expect(tree.row(CONNECTOR_PY)).toHaveAttribute('data-git', 'modified');
  await expect(page.getByTestId('status-branch')).toContainText('main');
});

test('Save All writes every dirty file', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  const ed = editor(page);
  for (const rel of [`${SAMPLE_CONNECTOR}/utils.py`, `${SAMPLE_CONNECTOR}/constants.py`]) {
    await tree.open(rel);
    await ed.waitReady(rel);
    await ed.typeAtEnd('\n# save all');
    await expect(ed.tab(rel)).toHaveAttribute('data-dirty', 'true');
  }
  await ed.saveAll();
  await expect(page.locator('[data-testid="editor-tab"][data-dirty="true"]')).toHaveCount(0);
  for (const name of ['utils.py', 'constants.py']) {
    expect(await readFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, name), 'utf8')).toContain('# save all');
  }
});

test('images open in a preview and Markdown in Monaco', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const tree = fileTree(page);
  const ed = editor(page);
  await tree.open(`${SAMPLE_CONNECTOR}/images`);
  await tree.open(`${SAMPLE_CONNECTOR}/images/large.png`);
  await expect(ed.imagePreview.locator('img')).toBeVisible();
  await expect(ed.statusLanguage).toHaveText('Image');
  await tree.open(`${SAMPLE_CONNECTOR}/release_notes.md`);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/release_notes.md`);
  await expect(ed.statusLanguage).toHaveText('Markdown');
});
