/** Issue 13: one git runner. Settings' git path is the git every service runs (the Git panel, Add Version, the
 * versions compare, the ignore check, tool detection), also when the path has spaces, and the ignore check
 * still tells "nothing ignored" (exit 1) from a real failure (exit 128). Real git behind a logging wrapper. */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { addVersion } from '../connector/version';
import { detectGit } from '../settings/tool-detect';
import { createVersionsService } from '../versions/versions-service';
import { createGitService } from './git-service';
import { newRepo } from './test-repos';

const INFO = JSON.stringify({ name: 'x', label: 'X', version: '1.0.0', operations: [] }, null, 2) + '\n';

/** A "git" that writes each command line to a log, then runs the real git. */
async function loggingGit(folderName = 'bin'): Promise<{ binary: string; calls: () => Promise<string[]> }> {
  const dir = path.join(await tmpDir('cs-git-bin-'), folderName);
  await mkdir(dir);
  const log = path.join(dir, 'calls.log');
  const binary = path.join(dir, 'git');
  await writeFile(binary, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`);
  await chmod(binary, 0o755);
  return { binary, calls: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean) };
}

describe.skipIf(process.platform === 'win32')('the one git runner', () => {
  it("Add Version and the versions compare run Settings' git, not the one on PATH", async () => {
    const { binary, calls } = await loggingGit();
    const dir = await newRepo({ 'info.json': INFO });
    const r = await addVersion(dir, 'minor', { git: createGitService(() => binary) });
    expect(r).toMatchObject({ from: '1.0.0', to: '1.1.0', tag: 'v1.0.0' });
    expect(await calls()).toEqual(expect.arrayContaining([expect.stringMatching(/ tag --list v1\.0\.0$/), expect.stringMatching(/ tag v1\.0\.0$/)]));

    const before = (await calls()).length;
    const { report } = await createVersionsService({ gitBinary: () => binary }).compare({ old: 'git:', new: '.', cwd: dir });
    expect(report).toMatchObject({ old: '1.0.0', new: '1.1.0' });
    const compared = (await calls()).slice(before);
    expect(compared).toEqual(expect.arrayContaining([expect.stringMatching(/ tag --list v\* --merged HEAD$/), expect.stringMatching(/ ls-tree -r --name-only [0-9a-f]{40}$/)]));
  });

  it('a git path with spaces runs for the Git panel, the ignore check and tool detection', async () => {
    const { binary, calls } = await loggingGit('my tools');
    const dir = await newRepo({ 'info.json': INFO, '.gitignore': '__pycache__/\n' });
    const git = createGitService(() => binary);
    expect(await git.status(dir)).toMatchObject({ isRepo: true, branch: 'main', files: [] });
    expect((await git.ignoreCheck(dir)).missingIgnores).not.toContain('__pycache__/');
    expect(await detectGit(binary)).toMatchObject({ found: true, command: binary, version: expect.stringMatching(/^\d+\.\d+/) });
    const lines = await calls();
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/ status /), expect.stringMatching(/ check-ignore -v -n --non-matching -- /), expect.stringMatching(/ --version$/)]));
  });

  it('the ignore check takes exit 1 as "nothing ignored" and fails on a real error', async () => {
    const { binary } = await loggingGit();
    const git = createGitService(() => binary);
    const bare = await newRepo({ 'info.json': INFO });
    expect((await git.ignoreCheck(bare)).missingIgnores).toContain('__pycache__/');
    await expect(git.ignoreCheck(await tmpDir('cs-not-a-repo-'))).rejects.toThrow(/git check-ignore failed: .*not a git repository/is);
  });

  it('says git is not found when the configured path runs nothing', async () => {
    const missing = path.join(await tmpDir('cs-no-git-'), 'git');
    expect(await detectGit(missing)).toMatchObject({ found: false, command: missing });
  });
});
