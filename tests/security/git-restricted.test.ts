/** A hostile repository's own config must not run anything when git is used on a folder the user has not
 * trusted: every key of git that names a program points at a script that leaves a marker. */
import { execFileSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setGitTrust } from '../../src/main/services/git/git-runner';
import { createGitService } from '../../src/main/services/git/git-service';
import { tmpDir } from '../helpers/tmp';

const exists = (f: string) => readFile(f, 'utf8').then(() => true, () => false);

/** Every config key the issue names, each pointing at the marker-writing script. */
const HOSTILE_KEYS = (evil: string) => [
  ['core.fsmonitor', evil],
  ['core.hooksPath', path.dirname(evil) + '/hooks'],
  ['core.sshCommand', evil],
  ['core.pager', evil],
  ['core.editor', evil],
  ['filter.x.clean', evil],
  ['filter.x.smudge', evil],
  ['filter.p.process', evil],
  ['diff.y.textconv', evil],
  ['diff.y.command', evil],
  ['diff.external', evil],
  ['merge.z.driver', evil],
  ['gpg.program', evil],
  ['commit.gpgSign', 'true'],
  ['credential.helper', `!${evil}`],
] as const;

async function hostileRepo() {
  const base = await tmpDir('cs-hostile-git-');
  const repo = path.join(base, 'repo');
  const marker = path.join(base, 'ran');
  const evil = path.join(base, 'evil.sh');
  await writeFile(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n[ $# -eq 0 ] && exec cat\nexit 0\n`);
  await chmod(evil, 0o755);
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  const hooks = path.join(base, 'hooks');
  execFileSync('mkdir', ['-p', hooks]);
  for (const h of ['pre-commit', 'post-commit', 'commit-msg', 'post-checkout', 'reference-transaction']) {
    await writeFile(path.join(hooks, h), `#!/bin/sh\necho hook-${h} >> '${marker}'\n`);
    await chmod(path.join(hooks, h), 0o755);
  }
  for (const [k, v] of HOSTILE_KEYS(evil)) execFileSync('git', ['config', k, v], { cwd: repo });
  execFileSync('git', ['config', 'user.email', 'a@b.c'], { cwd: repo });
  execFileSync('git', ['config', 'user.name', 'A'], { cwd: repo });
  await writeFile(path.join(repo, '.gitattributes'), '*.py filter=x diff=y merge=z\n*.txt filter=p\n');
  await writeFile(path.join(repo, 'connector.py'), 'print(1)\n');
  await writeFile(path.join(repo, 'notes.txt'), 'n\n');
  return { repo, marker, keys: HOSTILE_KEYS(evil).length };
}

afterEach(() => setGitTrust(() => false));

describe('git on a restricted folder', () => {
  it('runs none of the programs a hostile repository config names, through every git service operation', async () => {
    const { repo, marker, keys } = await hostileRepo();
    setGitTrust(() => false);
    const git = createGitService(() => 'git');
    await git.status(repo);
    await git.changes(repo);
    await git.commitAll(repo, 'first');
    await writeFile(path.join(repo, 'connector.py'), 'print(2)\n');
    await git.fileDiff(repo, 'connector.py', 'head');
    await git.stage(repo, ['connector.py']);
    await git.commit(repo, { message: 'second' });
    await git.log(repo);
    await git.createTag(repo, 'v1.0.0', { message: 'one' });
    await git.createBranch(repo, 'side', {});
    await git.switchBranch(repo, 'side');
    await git.switchBranch(repo, 'main');
    expect(keys).toBeGreaterThanOrEqual(15);
    expect(await exists(marker)).toBe(false);
  });

  it('the same repository does run its own config once trusted (the fixture is really hostile)', async () => {
    const { repo, marker } = await hostileRepo();
    setGitTrust((dir) => dir === repo);
    const git = createGitService(() => 'git');
    await git.status(repo);
    expect(await exists(marker)).toBe(true);
  });
});
