import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { gitClient, gitExitCode, onGitExit } from './git-runner';
import { createGitService } from './git-service';
import { newRepo } from './test-repos';

describe('git probes', () => {
  it("take git's exit 1 as the probe's no, and let any other failure through", async () => {
    const repo = await newRepo();
    const probe = (dir: string, ref: string) =>
      gitClient(dir, 'git', { okExitCodes: [0] }).raw(['rev-parse', '--verify', '--quiet', ref]).then((s) => s.trim() !== '', onGitExit(1, false));
    expect(await probe(repo, 'HEAD')).toBe(true);
    expect(await probe(repo, 'MERGE_HEAD')).toBe(false);
    // Outside any repository git exits 128: that is not "no such ref".
    const outside = await tmpDir();
    const failure = await probe(outside, 'HEAD').catch((e: unknown) => e);
    expect(gitExitCode(failure)).toBe(128);
  });

  it('a git that cannot run is an error, not "not a repository"', async () => {
    const dir = await tmpDir();
    const missing = createGitService(() => path.join(dir, 'no-such-git'));
    await expect(missing.status(dir)).rejects.toMatchObject({ code: 'GIT' });
    await expect(missing.changes(dir)).rejects.toMatchObject({ code: 'GIT' });
    // A real git in a plain folder still answers "no repository".
    expect(await createGitService(() => 'git').status(dir)).toEqual({ isRepo: false, files: [] });
  });
});
