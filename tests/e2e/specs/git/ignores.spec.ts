/** Issue 6: a repository whose .gitignore lacks the virtualenv, cache and user-data lines gets a one-click
 * "Add recommended ignores" in the Git panel; tests/cassettes stays committable. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { shot } from './helpers';

test.describe.configure({ timeout: 180_000 });

test("the Git panel offers the recommended ignores a repository's own .gitignore lacks, and adds them", async ({ page, app }) => {
  // The sample is a repository: give it a .gitignore of its own that covers only __pycache__.
  const gitignore = path.join(app.sampleRoot, '.gitignore');
  await writeFile(gitignore, '# ours\n__pycache__\n');
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();
  const notice = page.getByTestId('git-ignore-notice');
  await expect(notice).toContainText('.venv/');
  await expect(notice).not.toContainText('__pycache__/');
  await page.screenshot({ path: shot('git-recommended-ignores') });

  await page.getByTestId('git-add-ignores').click();
  await expect(notice).toHaveCount(0);
  const text = await readFile(gitignore, 'utf8');
  expect(text.startsWith('# ours\n__pycache__\n')).toBe(true);
  for (const line of ['*.pyc', '.venv/', 'venv/', '.fortisoar/', '.connector-studio/']) expect(text.split('\n')).toContain(line);
  expect(text).not.toMatch(/cassettes/);
  await expect(git.change('unstaged', '.gitignore')).toBeVisible();
});
