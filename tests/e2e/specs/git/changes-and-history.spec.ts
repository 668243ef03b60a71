import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { gitIn, shot } from './helpers';

const file = `${SAMPLE_CONNECTOR}/utils.py`;

// Real git, a real host and Monaco: slower than most specs on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('an edit shows as unstaged, its diff opens, it is staged, committed, and found in the history', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  await fileTree(page).open(file);
  const ed = editor(page);
  await ed.waitReady(file);
  await ed.typeAtEnd('\n# tuned from the e2e test');
  await ed.save();

  const git = gitPanel(page);
  await git.show();
  await expect(git.change('unstaged', file)).toBeVisible();
  await expect(git.commit).toHaveText(/Commit All/);

  await git.openDiff('unstaged', file);
  await expect(git.diff).toBeVisible();
  await expect(git.diffEditor).toBeVisible();
  await expect(git.diff.locator('.modified .view-lines')).toContainText('# tuned from the e2e test');
  await expect(git.diff.getByTestId('diff-original-label')).toHaveText('Index');
  await page.screenshot({ path: shot('git-diff') });
  await git.closeDiff();
  await expect(git.diff).toBeHidden();

  await git.stage(file);
  await expect(git.change('staged', file)).toBeVisible();
  await expect(git.change('unstaged', file)).toBeHidden();
  await git.message.fill('Tune utils');
  await expect(git.commit).toHaveAttribute('data-plan', 'commit');
  await page.screenshot({ path: shot('git-staged') });
  await git.commit.click();
  await expect(git.clean).toBeVisible();
  expect(gitIn(app.sampleRoot, 'log', '-1', '--pretty=%s')).toBe('Tune utils');

  await git.tab('history');
  await expect(git.historyEntries.first()).toContainText('Tune utils');
  await expect(git.historyEntries).toHaveCount(2);
  await git.historyEntry('Tune utils').locator('.history-row').click();
  await git.historyFile(file).click();
  await expect(git.diffEditor).toBeVisible();
  await expect(git.diff.locator('.modified .view-lines')).toContainText('# tuned from the e2e test');
  await git.closeDiff();

  await git.historySearch.fill('Initial commit');
  await expect(git.historyEntries).toHaveCount(1);
  await git.historySearch.fill('author:nobody-of-that-name');
  await expect(git.historyEntries).toHaveCount(0);
  await git.historySearch.fill('');
  await expect(git.historyEntries).toHaveCount(2);
  await page.screenshot({ path: shot('git-history') });
});

test('amend keeps the last message; discard asks first and restores the file', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();
  const { writeFile, readFile } = await import('node:fs/promises');
  const abs = `${app.sampleRoot}/${file}`;
  const before = await readFile(abs, 'utf8');
  await writeFile(abs, `${before}\n# an edit to throw away\n`);
  await expect(git.change('unstaged', file)).toBeVisible();
  await git.discard(file);
  await expect(page.getByTestId('confirm-dialog')).toContainText('cannot be undone');
  await git.confirm();
  await expect(git.clean).toBeVisible();
  expect(await readFile(abs, 'utf8')).toBe(before);

  // Another file: on Linux, Node's recursive watcher stops reporting a file that git replaced (checkout).
  const other = `${SAMPLE_CONNECTOR}/constants.py`;
  await writeFile(`${app.sampleRoot}/${other}`, `${await readFile(`${app.sampleRoot}/${other}`, 'utf8')}\n# amended in\n`);
  await expect(git.change('unstaged', other)).toBeVisible();
  await git.stage(other);
  await git.amend.check();
  await expect(git.commit).toHaveText(/Amend Last Commit/);
  await git.commit.click();
  await expect(git.clean).toBeVisible();
  expect(gitIn(app.sampleRoot, 'rev-list', '--count', 'HEAD')).toBe('1');
  expect(gitIn(app.sampleRoot, 'log', '-1', '--pretty=%s')).toMatch(/^Initial commit/);
  expect(gitIn(app.sampleRoot, 'show', 'HEAD:' + other)).toContain('# amended in');
});
