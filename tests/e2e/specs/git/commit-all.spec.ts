import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';

test.describe.configure({ timeout: 120_000 });

test('commit all with a message: the commit is in the repository and the tree is clean again', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const file = `${SAMPLE_CONNECTOR}/utils.py`;
  await fileTree(page).open(file);
  await ed.waitReady(file);
  await ed.typeAtEnd('\n# for the commit');
  await ed.save();
  await expect(fileTree(page).row(file)).toHaveAttribute('data-git', 'modified');

  const git = gitPanel(page);
  await git.show();
  await expect(git.changes).toContainText('utils.py');
  await git.message.fill('Tune utils from the e2e test');
  await git.commit.click();
  await expect(git.clean).toBeVisible();
  await page.getByTestId('activity-explorer').click();
  await expect(fileTree(page).row(file)).toBeVisible();
  await expect(fileTree(page).row(file)).not.toHaveAttribute('data-git', /.+/);
  const log = execFileSync('git', ['log', '-1', '--pretty=%s'], { cwd: app.sampleRoot, encoding: 'utf8' });
  expect(log.trim()).toBe('Tune utils from the e2e test');
});

test('a bare connector folder can be made a repository, then committed from the palette', async ({ page, app }) => {
  const bare = path.join(app.dirs.workspace, 'bare-connector');
  await mkdir(bare, { recursive: true });
  await writeFile(path.join(bare, 'info.json'), JSON.stringify({ name: 'bare-connector', label: 'Bare Connector', version: '0.1.0', publisher: 'E2E', operations: [] }));
  await writeFile(path.join(bare, 'connector.py'), '# bare\n');
  await app.open(page);
  await homePage(page).openProject('bare-connector');
  const git = gitPanel(page);
  await git.show();
  await git.init.click();
  await expect(git.changes).toContainText('connector.py');
  await expect(git.changes).toContainText('.gitignore');
  await expect(git.branch).toContainText('main');

  await palette(page).run('Commit All');
  const prompt = page.getByTestId('prompt-dialog');
  await prompt.getByTestId('prompt-input').fill('First commit');
  await prompt.getByTestId('prompt-input').press('Enter');
  await expect(git.clean).toBeVisible();
  const log = execFileSync('git', ['log', '--pretty=%s'], { cwd: bare, encoding: 'utf8' });
  expect(log.trim()).toBe('First commit');
});
