import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

test('a file over the size limit opens read-only with a notice', async ({ page, app }) => {
  const rel = `${SAMPLE_CONNECTOR}/big.log`;
  await writeFile(path.join(app.sampleRoot, rel), 'a line of a large log file\n'.repeat(60_000));
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  await fileTree(page).open(rel);
  await ed.waitReady(rel);
  await expect(ed.notice).toContainText('read-only');
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await ed.focus();
  await page.keyboard.type('typed');
  await expect(ed.tab(rel)).toHaveAttribute('data-dirty', 'false');
});
