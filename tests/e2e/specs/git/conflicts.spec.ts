import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { gitIn, shot } from './helpers';

const file = `${SAMPLE_CONNECTOR}/constants.py`;
const LINE = 'REQUEST_TIMEOUT_SECONDS = 30';

// Real git, a real host and Monaco: slower than most specs on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Replaces the one line both sides edited, in the given clone, and commits it there. */
async function editLine(dir: string, value: string, message: string) {
  const abs = path.join(dir, file);
  const before = await readFile(abs, 'utf8');
  expect(before).toContain(LINE);
  await writeFile(abs, before.replace(LINE, `REQUEST_TIMEOUT_SECONDS = ${value}`));
  gitIn(dir, 'commit', '-qam', message);
}

test('a pull that conflicts: the file is marked conflicted in the panel and the tree, shows its markers, and resolving it makes a merge commit', async ({ page, app }) => {
  // main is published to a local bare repository; someone else changes a line of constants.py on it, and this
  // clone changes the same line differently: origin/main and main now conflict.
  const bare = path.join(app.dirs.home, 'remote.git');
  await mkdir(bare, { recursive: true });
  gitIn(bare, 'init', '--bare', '-q', '-b', 'main');
  gitIn(app.sampleRoot, 'remote', 'add', 'origin', bare);
  gitIn(app.sampleRoot, 'push', '-q', '-u', 'origin', 'main');
  const other = path.join(app.dirs.home, 'other');
  gitIn(app.dirs.home, 'clone', '-q', bare, other);
  await editLine(other, '45', 'Timeout 45 s elsewhere');
  gitIn(other, 'push', '-q');
  await editLine(app.sampleRoot, '60', 'Timeout 60 s here');

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();

  // The user pulls from the Git panel; git merges and stops on the conflict.
  await git.tab('remotes');
  await git.fetch.click();
  await expect(git.upstreamInfo).toContainText('1 to push, 1 to pull');
  await git.pull.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'stopped on conflicts in 1 file' })).toBeVisible();
  expect(existsSync(path.join(app.sampleRoot, '.git', 'MERGE_HEAD'))).toBe(true);

  // The panel lists the file under Merge Conflicts, in a state of its own, and nowhere else; Commit waits.
  await git.tab('changes');
  const conflicted = git.change('conflicted', file);
  await expect(conflicted).toBeVisible();
  await expect(conflicted).toHaveAttribute('data-state', 'conflicted');
  await expect(conflicted.locator('.tree-git')).toHaveText('!');
  await expect(page.getByRole('region', { name: 'Merge Conflicts' })).toContainText('constants.py');
  await expect(git.change('unstaged', file)).toHaveCount(0);
  await expect(git.change('staged', file)).toHaveCount(0);
  await expect(git.commit).toHaveAttribute('data-plan', 'blocked');
  await expect(git.commit).toHaveText(/Commit Merge/);
  await expect(page.getByTestId('git-merging')).toContainText('resolve each file under Merge Conflicts');

  // Clicking the conflicted row opens the file: git's markers around both versions of the line.
  await conflicted.locator('.git-file').click();
  const ed = editor(page);
  await ed.waitReady(file);
  await expect(ed.lines).toContainText('<<<<<<< HEAD');
  await expect(ed.lines).toContainText('REQUEST_TIMEOUT_SECONDS = 60');
  await expect(ed.lines).toContainText('=======');
  await expect(ed.lines).toContainText('REQUEST_TIMEOUT_SECONDS = 45');
  await expect(ed.lines).toContainText('>>>>>>>');
  await page.screenshot({ path: shot('git-conflict') });

  // The file tree marks it conflicted too, not modified.
  await page.getByTestId('activity-explorer').click();
  const tree = fileTree(page);
  await expect(tree.row(file)).toHaveAttribute('data-git', 'conflicted');
  await expect(tree.row(file)).toHaveClass(/\bgit-conflicted\b/);
  await expect(tree.row(file).locator('.tree-git')).toHaveText('!');
  await page.screenshot({ path: shot('git-conflict-tree') });

  // Resolve in the editor: keep this side's line, drop the markers, save.
  const onDisk = await readFile(path.join(app.sampleRoot, file), 'utf8');
  const resolved = onDisk.replace(/<<<<<<< [^\n]*\n([\s\S]*?)=======\n[\s\S]*?>>>>>>> [^\n]*\n/, '$1');
  expect(resolved).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
  const start = onDisk.split('\n').findIndex((l) => l.startsWith('<<<<<<< '));
  const key = async (k: string, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(k);
  };
  await ed.focus();
  await key(process.platform === 'darwin' ? 'Meta+ArrowUp' : 'Control+Home');
  // From "=======" through ">>>>>>> <their commit>" (their line between), then "<<<<<<< HEAD": three lines, then one.
  await key('ArrowDown', start + 2);
  await key('Shift+ArrowDown', 3);
  await key('Delete');
  await key('ArrowUp', 2);
  await key('Shift+ArrowDown');
  await key('Delete');
  await expect(ed.lines).not.toContainText('<<<<<<<');
  await ed.save();
  await expect.poll(() => readFile(path.join(app.sampleRoot, file), 'utf8')).toBe(resolved);

  // Mark as resolved (stage) from the Merge Conflicts group. Keeping this side's line leaves nothing to stage
  // against HEAD, but the merge is still under way: the panel says so and commits it, rather than "clean".
  await git.show();
  await conflicted.hover();
  await conflicted.getByTestId('git-stage').click();
  await expect(git.change('conflicted', file)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Merge Conflicts' })).toHaveCount(0);
  await expect(page.getByTestId('git-merging')).toContainText('the conflicts are resolved');
  await expect(git.clean).toBeHidden();
  await git.message.fill('Merge origin/main: keep the 60 s timeout');
  await expect(git.commit).toHaveAttribute('data-plan', 'commit');
  await expect(git.commit).toHaveText(/Commit Merge/);
  await page.screenshot({ path: shot('git-conflict-resolved-staged') });
  await git.commit.click();
  await expect(git.clean).toBeVisible();
  await expect(page.getByTestId('git-merging')).toBeHidden();
  await page.getByTestId('activity-explorer').click();
  await expect(tree.row(file)).toBeVisible();
  await expect(tree.row(file)).not.toHaveAttribute('data-git', /.+/);

  // A merge commit: two parents, this side's commit and the one pulled.
  expect(existsSync(path.join(app.sampleRoot, '.git', 'MERGE_HEAD'))).toBe(false);
  expect(gitIn(app.sampleRoot, 'log', '-1', '--pretty=%s')).toBe('Merge origin/main: keep the 60 s timeout');
  const parents = gitIn(app.sampleRoot, 'log', '-1', '--pretty=%P').split(' ');
  expect(parents).toHaveLength(2);
  expect(parents[1]).toBe(gitIn(app.sampleRoot, 'rev-parse', 'origin/main'));
  expect(gitIn(app.sampleRoot, 'show', `HEAD:${file}`)).toContain('REQUEST_TIMEOUT_SECONDS = 60');
  expect(gitIn(app.sampleRoot, 'status', '--porcelain')).toBe('');
  await page.screenshot({ path: shot('git-conflict-resolved') });
});
