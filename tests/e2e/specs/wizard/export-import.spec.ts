import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { authoringDialogs } from '../../pages/wizard';
import { escapingArchive } from './hostile-tar';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

test('export the sample as a .tgz download, then import it back as a copy and again with Replace', async ({ page, app }, info) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const dialogs = authoringDialogs(page);

  // Hold the export's response until the progress panel has shown the last entry packed: the services send
  // every package.progress event before they answer, so this waits on events, not on time.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/package.export', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const download = page.waitForEvent('download');
  await palette(page).run('Export .tgz');
  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByTestId('export-progress-text')).toHaveText(/^Packed (\d+) of \1 files$/);
  await expect(progress.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  release();
  const file = await download;
  await page.unroute('**/rpc/package.export');
  expect(file.suggestedFilename()).toMatch(/^sample-threat-intel.*\.tgz$/);
  const saved = info.outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  await expect(dialogs.exported).toBeVisible();
  await expect(progress).toBeHidden(); // the panel goes when the export ends
  await expect(dialogs.exportEntries).toContainText(`${SAMPLE_CONNECTOR}/info.json`);
  await expect(dialogs.exportEntries).not.toContainText('.git/');
  // The exported version can be tagged from the dialog, and the dialog then says it is.
  await dialogs.exported.getByTestId('export-tag').click();
  await expect(dialogs.exported.getByTestId('export-tagged')).toHaveText('Tagged v1.0.0');
  expect(execFileSync('git', ['tag', '--list', 'v1.0.0'], { cwd: app.sampleRoot, encoding: 'utf8' }).trim()).toBe('v1.0.0');
  await page.screenshot({ path: shot('export-dialog-dark') });
  await dialogs.exported.getByRole('button', { name: 'Close' }).click();

  // The package's connector is already a project here: the one import path asks first (issue 18).
  await page.getByTestId('activity-home').click();
  await dialogs.importFromHome(saved);
  await expect(dialogs.choice).toContainText('already in the workspace');
  await dialogs.choice.getByTestId('choice-copy').click();
  await expect(page.getByTestId('toast').filter({ hasText: `Imported ${SAMPLE_CONNECTOR} 1.0.0 as a copy, ${SAMPLE_CONNECTOR}-2.` })).toBeVisible();
  await expect(fileTree(page).row('info.json')).toBeVisible();
  const copy = path.join(app.dirs.workspace, `${SAMPLE_CONNECTOR}-2`);
  expect(JSON.parse(await readFile(path.join(copy, 'info.json'), 'utf8'))).toMatchObject({ name: `${SAMPLE_CONNECTOR}-2`, version: '1.0.0' });

  // The same archive again, replacing: the existing project takes the package's files as a new version of itself.
  await page.getByTestId('activity-home').click();
  await dialogs.importFromHome(saved);
  await expect(dialogs.choice).toContainText('already in the workspace');
  await dialogs.choice.getByTestId('choice-replace').click();
  await expect(page.getByTestId('toast').filter({ hasText: /^Replaced .* with version 1\.0\.0/ })).toBeVisible();
  await expect(fileTree(page).row(`${SAMPLE_CONNECTOR}/info.json`)).toBeVisible();
});

test('a hostile archive is refused with a clear error and nothing is written outside the workspace', async ({ page, app }) => {
  await app.open(page);
  const dialogs = authoringDialogs(page);
  await dialogs.importFromHome({ name: 'evil.tgz', mimeType: 'application/gzip', buffer: escapingArchive() });
  await expect(dialogs.importFailed).toBeVisible();
  await expect(dialogs.importError).toContainText('..');
  await page.screenshot({ path: shot('import-refused-dark') });
  expect(existsSync(path.join(app.dirs.workspace, '..', 'escaped.txt'))).toBe(false);
  expect(existsSync(path.join(app.dirs.workspace, 'escaped.txt'))).toBe(false);
  expect(existsSync(path.join(app.dirs.workspace, 'evil'))).toBe(false);
  await dialogs.importFailed.getByRole('button', { name: 'Close' }).click();

  await dialogs.importFromHome({ name: 'not-an-archive.tgz', mimeType: 'application/gzip', buffer: Buffer.from('just some text') });
  await expect(dialogs.importError).toContainText(/gzip/i);
});
