import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { gitIn, shot } from './helpers';

// Real git, a real host and Monaco: slower than most specs on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('branches: create, switch, and delete with confirmation; a tag', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();
  await git.tab('branches');
  await expect(git.branchRow('main')).toHaveAttribute('data-current', 'true');

  await git.createBranch('feature/new-action');
  await expect(git.branchRow('feature/new-action')).toHaveAttribute('data-current', 'true');
  await expect(git.branch).toContainText('feature/new-action');
  expect(gitIn(app.sampleRoot, 'branch', '--show-current')).toBe('feature/new-action');

  await git.switchBranch('main');
  await expect(git.branchRow('main')).toHaveAttribute('data-current', 'true');
  await expect(git.branch).toContainText('main');

  await git.createTag('v1.0.0');
  await expect(git.tagRow('v1.0.0')).toBeVisible();
  expect(gitIn(app.sampleRoot, 'tag', '--list')).toBe('v1.0.0');
  await page.screenshot({ path: shot('git-branches') });

  await git.branchRow('feature/new-action').hover();
  await git.branchRow('feature/new-action').getByTestId('branch-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('feature/new-action');
  await git.confirm();
  await expect(git.branchRow('feature/new-action')).toBeHidden();
  expect(gitIn(app.sampleRoot, 'branch', '--list')).not.toContain('feature/new-action');
});

test('a local bare repository as remote: push with upstream, push tags, "Pull first", pull, push', async ({ page, app }) => {
  const bare = path.join(app.dirs.home, 'remote.git');
  await mkdir(bare, { recursive: true });
  gitIn(bare, 'init', '--bare', '-q', '-b', 'main');

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();
  await git.tab('branches');
  await git.createTag('v1.0.0');
  await expect(git.tagRow('v1.0.0')).toBeVisible();

  await git.tab('remotes');
  await expect(git.upstreamInfo).toContainText('no upstream');
  await git.addRemote('origin', bare);
  await expect(git.remoteRow('origin')).toContainText(bare);
  await git.pushUpstream.click();
  await expect(git.upstreamInfo).toContainText('main tracks origin/main: 0 to push, 0 to pull');
  expect(gitIn(bare, 'log', '-1', '--pretty=%s', 'main')).toMatch(/^Initial commit/);
  await git.pushTags.click();
  await expect.poll(() => gitIn(bare, 'tag', '--list')).toBe('v1.0.0');

  // Someone else pushes first.
  const other = path.join(app.dirs.home, 'other');
  gitIn(app.dirs.home, 'clone', '-q', bare, other);
  await writeFile(path.join(other, 'README.md'), '# Changed elsewhere\n');
  gitIn(other, 'commit', '-qam', 'Change the README elsewhere');
  gitIn(other, 'push', '-q');

  await writeFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'constants.py'), '# local change\n');
  await git.tab('changes');
  await expect(git.change('unstaged', `${SAMPLE_CONNECTOR}/constants.py`)).toBeVisible();
  await git.message.fill('Local change');
  await git.commit.click();
  await expect(git.clean).toBeVisible();

  await git.tab('remotes');
  await git.fetch.click();
  await expect(git.upstreamInfo).toContainText('1 to push, 1 to pull');
  await git.push.click();
  await expect(git.failure).toHaveAttribute('data-kind', 'non-fast-forward');
  await expect(git.failure).toContainText('Pull first');
  await page.screenshot({ path: shot('git-pull-first') });
  await git.fixPull.click();
  await expect(git.failure).toBeHidden();
  await expect(git.upstreamInfo).toContainText('2 to push, 0 to pull');
  await git.push.click();
  await expect(git.upstreamInfo).toContainText('0 to push, 0 to pull');
  expect(gitIn(bare, 'log', '--pretty=%s', 'main').split('\n')).toEqual(expect.arrayContaining(['Local change', 'Change the README elsewhere']));
  await page.screenshot({ path: shot('git-remotes') });
});
