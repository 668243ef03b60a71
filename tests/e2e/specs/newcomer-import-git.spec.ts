/** Issue 18 (a newcomer's first hour), items 2, 5 and 8 as a user meets them: one import path with one conflict
 * prompt (Home's Import .tgz and a review's Import into workspace), no invented git author (Settings' Git identity,
 * asked once at the first commit), and Export .tgz and the local sandbox where a newcomer looks for them. */
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONNECTOR, expect, test, type AppFixture } from '../fixtures';
import { editor } from '../pages/editor';
import { fileTree } from '../pages/fileTree';
import { gitPanel } from '../pages/git';
import { homePage } from '../pages/home';

test.describe.configure({ timeout: 120_000 });

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Home's card menu: Export .tgz, saved where the test can hand it back. */
async function exportFromHome(page: Page, app: AppFixture): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), homePage(page).card(SAMPLE_CONNECTOR).getByTestId('project-export').click()]);
  const file = path.join(app.dirs.home, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByTestId('export-dialog').press('Escape');
  return file;
}

async function importFromHome(page: Page, tgz: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-tgz').click()]);
  await chooser.setFiles(tgz);
}

test('Home: importing a connector that is already a project asks once; a copy is <name>-2, a replace is one new commit', async ({ page, app }) => {
  await app.open(page);
  const home = homePage(page);
  const tgz = await exportFromHome(page, app);
  expect(path.basename(tgz)).toMatch(/^sample-threat-intel-[\d.]+\.tgz$/);

  await importFromHome(page, tgz);
  const prompt = page.getByTestId('choice-dialog');
  await expect(prompt).toContainText(`${SAMPLE_CONNECTOR} is already in the workspace`);
  await expect(prompt.getByRole('button')).toHaveText(['Replace as a New Version', `Import as a Copy (${SAMPLE_CONNECTOR}-2)`, 'Cancel']);
  await prompt.getByTestId('choice-copy').click();
  await expect(page.getByTestId('file-tree')).toBeVisible();
  await page.getByTestId('activity-home').click();
  await expect(home.cards).toHaveCount(2);
  await expect(home.card(`${SAMPLE_CONNECTOR}-2`)).toContainText('(copy)');
  await page.screenshot({ path: 'test-results/shots/home-after-import-copy.png' });

  // Later work in the project, then the package again: Replace takes it back as one new commit, history kept.
  git(app.sampleRoot, 'rm', '-q', `${SAMPLE_CONNECTOR}/release_notes.md`);
  git(app.sampleRoot, 'commit', '-qm', 'later work');
  const before = Number(git(app.sampleRoot, 'rev-list', '--count', 'HEAD'));
  await importFromHome(page, tgz);
  await prompt.getByTestId('choice-replace').click();
  await expect(page.getByTestId('toast').filter({ hasText: /Replaced .* as commit [0-9a-f]{7}; its history is kept/ })).toBeVisible();
  expect(Number(git(app.sampleRoot, 'rev-list', '--count', 'HEAD'))).toBe(before + 1);
  expect(git(app.sampleRoot, 'log', '-1', '--format=%s')).toMatch(/^Replace sample-threat-intel .* from sample-threat-intel-/);
  expect(git(app.sampleRoot, 'status', '--porcelain')).toBe('');
  await page.getByTestId('activity-home').click();
  await expect(home.cards).toHaveCount(2);
  await page.screenshot({ path: 'test-results/shots/home-after-import-replace.png' });

  // Cancel changes nothing.
  await importFromHome(page, tgz);
  await prompt.getByTestId('choice-cancel').click();
  await expect(prompt).toBeHidden();
  await expect(home.cards).toHaveCount(2);
});

test('a review\'s Import into workspace asks the same question as Home; Import as a Copy leaves no review and no duplicate behind', async ({ page, app }) => {
  await app.open(page);
  const tgz = await exportFromHome(page, app);
  await page.getByTestId('review-package-input').setInputFiles(tgz);
  await page.getByTestId('reviewer-banner').waitFor();
  await page.getByTestId('review-import').click();
  const prompt = page.getByTestId('choice-dialog');
  await expect(prompt).toContainText(`${SAMPLE_CONNECTOR} is already in the workspace`);
  await expect(prompt.getByRole('button')).toHaveText(['Replace as a New Version', `Import as a Copy (${SAMPLE_CONNECTOR}-2)`, 'Cancel']);
  await prompt.getByTestId('choice-copy').click();
  await expect(page.getByTestId('reviewer-banner')).toBeHidden();
  await page.getByTestId('activity-home').click();
  // The sample, its copy and no review left over: no silent duplicate of the same name.
  await expect(homePage(page).cards).toHaveCount(2);
  await expect(homePage(page).card(`${SAMPLE_CONNECTOR}-2`)).toBeVisible();
});

test('no git identity: the first commit asks for it once, writes it to the global config, and commits as that person', async ({ page, app }) => {
  await rm(path.join(app.dirs.home, '.gitconfig'));
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const file = `${SAMPLE_CONNECTOR}/utils.py`;
  const ed = editor(page);
  const commitOnce = async (line: string, message: string) => {
    await fileTree(page).show();
    await fileTree(page).open(file);
    await ed.waitReady(file);
    await ed.typeAtEnd(line);
    await ed.save();
    const g = gitPanel(page);
    await g.show();
    await g.message.fill(message);
    await g.commit.click();
  };
  await commitOnce('\n# first', 'First commit without an identity');
  const ask = page.getByTestId('prompt-dialog');
  await expect(ask).toContainText('Who is committing?');
  await page.screenshot({ path: 'test-results/shots/git-identity-prompt.png' });
  await ask.getByTestId('prompt-input').fill('Ada Lovelace');
  await ask.getByTestId('prompt-input').press('Enter');
  await ask.getByTestId('prompt-input').fill('ada@example.com');
  await ask.getByTestId('prompt-input').press('Enter');
  await expect(gitPanel(page).clean).toBeVisible();
  expect(git(app.sampleRoot, 'log', '-1', '--format=%an <%ae> %s')).toBe('Ada Lovelace <ada@example.com> First commit without an identity');
  expect(await readFile(path.join(app.dirs.home, '.gitconfig'), 'utf8')).toMatch(/name = Ada Lovelace[\s\S]*email = ada@example.com/);

  // Once: the next commit just commits.
  await commitOnce('\n# second', 'Second commit');
  await expect(gitPanel(page).clean).toBeVisible();
  await expect(ask).toBeHidden();
  expect(git(app.sampleRoot, 'log', '-1', '--format=%an %s')).toBe('Ada Lovelace Second commit');
});

test('Settings > Git identity shows who commits and writes a new name and email to the global git config', async ({ page, app }) => {
  await rm(path.join(app.dirs.home, '.gitconfig'));
  await app.open(page);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('git-identity-state')).toContainText('Git does not know who you are yet');
  await page.getByTestId('setting-git-name').fill('Grace Hopper');
  await page.getByTestId('setting-git-name').press('Enter');
  await page.getByTestId('setting-git-email').fill('grace@example.com');
  await page.getByTestId('setting-git-email').press('Enter');
  await expect(page.getByTestId('git-identity-state')).toContainText('Commits are made as Grace Hopper <grace@example.com>');
  await page.getByTestId('git-identity-state').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/shots/settings-git-identity.png' });
  expect(await readFile(path.join(app.dirs.home, '.gitconfig'), 'utf8')).toMatch(/name = Grace Hopper[\s\S]*email = grace@example.com/);
});

test('Export .tgz from the Explorer title bar and the Publish view; Start Local Sandbox makes a profile and shows its address', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const [fromExplorer] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tree-export-tgz').click()]);
  expect(fromExplorer.suggestedFilename()).toMatch(/^sample-threat-intel-[\d.]+\.tgz$/);
  await page.getByTestId('export-dialog').press('Escape');

  await page.getByTestId('activity-publish').click();
  const [fromPublish] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publish-export-tgz').click()]);
  expect(fromPublish.suggestedFilename()).toBe(fromExplorer.suggestedFilename());
  await page.getByTestId('export-dialog').press('Escape');

  await page.getByTestId('sandbox-start').click();
  await expect(page.getByTestId('sandbox-address')).toContainText(/http:\/\/127\.0\.0\.1:\d+/);
  await expect(page.getByTestId('publish-panel')).toContainText('Local sandbox');
  await page.screenshot({ path: 'test-results/shots/publish-local-sandbox.png' });
  const address = (await page.getByTestId('sandbox-address').locator('code').textContent())!;
  // The server answers at that address (401 without a key: it is the sandbox, and it wants one).
  const r = await fetch(`${address}/api/3/people`);
  expect([401, 403]).toContain(r.status);
});
