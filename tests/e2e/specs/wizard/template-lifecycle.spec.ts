import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { treeHash } from '../../../helpers/tree-hash';
import { expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { gitPanel } from '../../pages/git';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';
import { reviewPage } from '../../pages/review';
import { authoringDialogs, wizardPage } from '../../pages/wizard';

/**
 * The wizard issue's "Done means", as ONE chained flow on the project the wizard creates: template → create →
 * one commit → validation clean in the UI → Export .tgz → import that archive back as a copy → open another
 * archive read-only in reviewer mode, with the workspace untouched until Import is chosen.
 */

const run = promisify(execFile);
const cli = path.join(repoRoot, 'out/cli/index.js');
const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);
const SAMPLE_DIR = path.join(repoRoot, 'resources/samples/connector-sample-threat-intel/sample-threat-intel');
const NAME = 'acme-tickets';


const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

test('template → create → one commit → validates clean → export → import back as a copy → another archive read-only', async ({ page, app }, info) => {
  test.slow(); // One long chained flow: a create, a validation, two imports and a review, each a real wait.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-lifecycle-'));
  try {
    // The other archive, built the way a partner would hand one over: `connector-studio package`.
    const otherTgz = path.join(tmp, 'sample-threat-intel-1.0.0.tgz');
    await run(process.execPath, [cli, 'package', SAMPLE_DIR, '-o', otherTgz]);

    await app.open(page);
    const wz = wizardPage(page);
    const tree = fileTree(page);
    const dialogs = authoringDialogs(page);

    // 1. The wizard, for the Ticketing/ITSM template, with its suggested fields and actions as they come.
    await wz.start();
    // Choosing a template loads its defaults from the host first: the radio turns on when they have arrived.
    await wz.template('ticketing-itsm').click();
    await expect(wz.template('ticketing-itsm')).toBeChecked();
    await expect(page.locator('.wz-template.selected')).toHaveAttribute('data-template', 'ticketing-itsm');
    await wz.label.fill('Acme Tickets');
    await expect(wz.name).toHaveValue(NAME);
    await wz.publisher.fill('Acme Corp');
    await wz.description.fill('Creates and updates tickets in Acme Service Desk.');
    await wz.next.click();
    await expect(wz.step('configuration')).toHaveAttribute('aria-current', 'step');
    await expect(wz.fieldCards.first()).toBeVisible();
    await wz.next.click();
    await expect(wz.step('actions')).toHaveAttribute('aria-current', 'step');
    await expect(wz.actionCards.first()).toBeVisible();
    await wz.next.click();
    await expect(page.getByTestId('wz-create-step')).toContainText(`connector-${NAME}/`);
    await wz.create.click();

    // 2. Created and opened; a git repository with exactly one commit, nothing left uncommitted.
    await expect(tree.row(`${NAME}/info.json`)).toBeVisible();
    const root = path.join(app.dirs.workspace, `connector-${NAME}`);
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'ls-files')).toContain(`${NAME}/info.json`);
    const gp = gitPanel(page);
    await expect(gp.branch).not.toContainText('*');
    await gp.show();
    await gp.tab('history');
    await expect(gp.historyEntries).toHaveCount(1);
    await page.screenshot({ path: shot('lifecycle-one-commit') });

    // 3. Validation is clean in the UI (Problems panel and status bar), and the CLI agrees.
    await palette(page).run('Validate Connector');
    const problems = problemsPanel(page);
    await expect(problems.root).toBeVisible();
    await expect(problems.root).not.toContainText('Checking');
    await expect(problems.root).toContainText('0 errors, 0 warnings');
    await expect(problems.root.locator('[data-testid="problem"]:is([data-severity="error"], [data-severity="warning"])')).toHaveCount(0);
    await expect(page.getByTestId('status-problems')).toHaveAttribute('data-errors', '0');
    await expect(page.getByTestId('status-problems')).toHaveAttribute('data-warnings', '0');
    await page.screenshot({ path: shot('lifecycle-validated-clean') });
    const report = JSON.parse(execFileSync(process.execPath, [cli, 'validate', path.join(root, NAME), '--json'], { encoding: 'utf8' }));
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });

    // 4. Export .tgz: a download of exactly one top-level folder, without .git.
    const download = page.waitForEvent('download');
    await palette(page).run('Export .tgz');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${NAME}.*\\.tgz$`));
    const exported = info.outputPath(file.suggestedFilename());
    await file.saveAs(exported);
    await expect(dialogs.exported).toBeVisible();
    await expect(dialogs.exportEntries).toContainText(`${NAME}/info.json`);
    await expect(dialogs.exportEntries).not.toContainText('.git/');
    const entries = execFileSync('tar', ['tzf', exported], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(new Set(entries.map((e) => e.split('/')[0]))).toEqual(new Set([NAME]));
    await dialogs.exported.getByRole('button', { name: 'Close' }).click();
    await expect(dialogs.exported).toBeHidden();

    // 5. Import it back: the connector is already a project, so the one import path asks (issue 18). As a copy it
    // arrives as the bare folder <workspace>/acme-tickets-2, renamed so the two never share a name, beside the git
    // project, which stays exactly as it was.
    const projectBefore = await treeHash(root, ['.git']);
    await page.getByTestId('activity-home').click();
    await dialogs.importFromHome(exported);
    await expect(dialogs.choice).toContainText('already in the workspace');
    await dialogs.choice.getByTestId('choice-copy').click();
    await expect(page.getByTestId('toast').filter({ hasText: `Imported ${NAME} 1.0.0 as a copy, ${NAME}-2.` })).toBeVisible();
    // The copy opens in the IDE with the Explorer beside Getting Started; Source Control offers to make it a
    // repository (a bare folder: no repository yet).
    await expect(tree.row('info.json')).toBeVisible();
    await page.getByTestId('activity-git').click();
    await expect(page.getByTestId('git-init')).toBeVisible();
    await page.getByTestId('activity-explorer').click();
    const copy = path.join(app.dirs.workspace, `${NAME}-2`);
    const original = JSON.parse(await readFile(path.join(root, NAME, 'info.json'), 'utf8'));
    expect(JSON.parse(await readFile(path.join(copy, 'info.json'), 'utf8'))).toEqual({ ...original, name: `${NAME}-2`, label: `${original.label} (copy)` });
    expect(Object.keys(await treeHash(copy, ['.git'])).sort()).toEqual(Object.keys(await treeHash(path.join(root, NAME), ['.git'])).sort());
    expect(await treeHash(root, ['.git'])).toEqual(projectBefore);
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('1');
    await page.getByTestId('activity-home').click();
    // Two cards that can be told apart: the copy's title says so.
    await expect(page.locator(`[data-testid="project-card"][data-name="${NAME}"]`)).toHaveCount(1);
    await expect(page.locator(`[data-testid="project-card"][data-name="${NAME}-2"]`)).toContainText('Acme Tickets (copy)');
    await page.screenshot({ path: shot('lifecycle-imported-copy') });

    // The same archive again: it asks again; Cancel changes nothing.
    const copyBefore = await treeHash(copy, ['.git']);
    await dialogs.importFromHome(exported);
    await expect(dialogs.choice).toContainText('already in the workspace');
    await dialogs.choice.getByTestId('choice-cancel').click();
    await expect(dialogs.choice).toBeHidden();
    expect(await treeHash(copy, ['.git'])).toEqual(copyBefore);
    expect(await treeHash(root, ['.git'])).toEqual(projectBefore);

    // 6. Another archive, opened read-only for review: nothing is written to the workspace.
    const workspaceBefore = await treeHash(app.dirs.workspace, ['.git']);
    const review = reviewPage(page);
    await review.openPackage(otherTgz);
    await review.waitForReport();
    await expect(review.banner).toContainText('Read-only review of Sample Threat Intel 1.0.0');
    await expect(review.counts).toContainText('0 errors');
    await page.getByTestId('activity-explorer').click();
    await tree.open('connector.py');
    const ed = editor(page);
    await ed.waitReady('connector.py');
    await expect(page.locator('.status-bar')).toContainText('Read-only');
    await ed.typeAtEnd('\n# a reviewer typed this');
    await ed.save();
    await expect(ed.tab('connector.py')).toHaveAttribute('data-dirty', 'false');
    await expect(ed.lines).not.toContainText('a reviewer typed this');
    await tree.open('info.json');
    await ed.waitReady('info.json');
    await page.screenshot({ path: shot('lifecycle-review-read-only') });
    expect(await treeHash(app.dirs.workspace, ['.git'])).toEqual(workspaceBefore);

    // Import is the one way in: then, and only then, the workspace gains the reviewed connector.
    // The workspace's sample project has the same connector name: the review asks Home's question; a copy.
    await review.importButton.click();
    await expect(dialogs.choice).toContainText('already in the workspace');
    await dialogs.choice.getByTestId('choice-copy').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Imported Sample Threat Intel (copy) 1.0.0 into the workspace' })).toBeVisible({ timeout: 30_000 });
    await expect(review.banner).toHaveCount(0);
    const after = await treeHash(app.dirs.workspace, ['.git']);
    expect(after).not.toEqual(workspaceBefore);
    expect(after['sample-threat-intel-2/info.json']).toBeTruthy();
    // Everything that was there before is unchanged; only the imported folder is new.
    for (const [k, v] of Object.entries(workspaceBefore)) expect(after[k], k).toBe(v);
    const copyDir = 'sample-threat-intel-2';
    expect(Object.keys(after).filter((k) => !(k in workspaceBefore) && k !== copyDir && !k.startsWith(`${copyDir}/`))).toEqual([]);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
