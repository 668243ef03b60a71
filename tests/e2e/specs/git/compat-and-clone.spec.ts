import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { gitIn, shot } from './helpers';

interface Info {
  version: string;
  operations: { operation: string; parameters: { name: string }[] }[];
}

test('version 1.1.0 without a parameter: the report calls it breaking, suggests 2.0.0 and drafts the release notes', async ({ page, app }) => {
  gitIn(app.sampleRoot, 'tag', 'v1.0.0');
  const infoPath = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8')) as Info;
  info.version = '1.1.0';
  const domain = info.operations.find((o) => o.operation === 'get_domain_reputation')!;
  domain.parameters = domain.parameters.filter((p) => p.name !== 'include_history');
  await writeFile(infoPath, JSON.stringify(info, null, 2));

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const git = gitPanel(page);
  await git.show();
  await git.openCompat();
  await expect(git.compat).toBeVisible();
  await expect(git.compatOld).toHaveValue('v1.0.0');
  await expect(git.compatSummary).toHaveAttribute('data-breaking', 'true');
  await expect(git.compatSuggested).toHaveText('2.0.0');
  const removed = git.compatChanges.filter({ hasText: 'include_history' });
  await expect(removed).toHaveAttribute('data-breaking', 'true');
  await page.screenshot({ path: shot('git-compat') });

  await git.compatInsert.click();
  const notes = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'release_notes.md');
  await expect.poll(() => readFile(notes, 'utf8')).toContain('2.0.0');
  const text = await readFile(notes, 'utf8');
  expect(text).toContain('include_history');
  expect(text).toContain("# What's new in 1.0.0");
  await page.keyboard.press('Escape');
  await expect(git.compat).toBeHidden();
});

test('clone a repository by URL from Home; the palette offers it too', async ({ page, app }) => {
  await app.open(page);
  await gitPanel(page).cloneRepo(app.sampleRoot, 'cloned-sample');
  await expect(page.getByTestId('ide')).toBeVisible();
  await expect(page.getByTestId('status-branch')).toContainText('main');
  expect(gitIn(path.join(app.dirs.workspace, 'cloned-sample'), 'log', '-1', '--pretty=%s')).toMatch(/^Initial commit/);

  await palette(page).run('Clone Repository');
  await expect(page.getByTestId('clone-dialog')).toBeVisible();
  await page.getByTestId('clone-url').fill(path.join(app.dirs.workspace, 'no-such-repository'));
  await page.getByTestId('clone-start').click();
  await expect(page.getByTestId('clone-error')).toContainText(/not found|does not appear|does not exist/i);
});
