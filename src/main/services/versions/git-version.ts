/** A connector version straight from git history: `<connector>/info.json` at a revision, read with
 * `git show rev:path`, so the working tree is never checked out or touched. */
import path from 'node:path';
import type { InfoJson } from '../../../shared/connector/info-json';
import { compareVersions, parseVersion } from '../../../shared/connector/compat';
import { ServiceError } from '../errors';
import { gitStep } from '../git/git-errors';
import { gitClient, onGitExit } from '../git/git-runner';
import { chooseConnectorFolder, severalConnectors } from '../validate/locate';
import { parseInfoText } from './parse-info';

const TAG = /^v\d+(\.\d+){0,2}$/;

async function requireRepo(dir: string, gitBinary: string): Promise<void> {
  // checkIsRepo answers false outside a repository itself; git missing or refusing the folder is an error to show.
  const inside = await gitStep('rev-parse', () => gitClient(dir, gitBinary).checkIsRepo());
  if (!inside) throw new ServiceError('VALIDATION', `${dir} is not inside a git repository, so git: versions cannot be read from it.`);
}

async function resolveRevision(dir: string, rev: string, gitBinary: string): Promise<string> {
  if (rev === '' || rev.startsWith('-') || /[\0\s]/.test(rev)) throw new ServiceError('VALIDATION', `"${rev}" is not a revision.`);
  // Exit 1 is "no such commit"; anything else (`@{u}` without an upstream) fails with git's words.
  const sha = (await gitStep('rev-parse', () => gitClient(dir, gitBinary, { okExitCodes: [0] }).raw(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(onGitExit(1, '')))).trim();
  if (!sha) throw new ServiceError('NOT_FOUND', `No revision "${rev}" in the repository at ${dir} (try a tag such as v1.0.0, a branch or a commit).`);
  return sha;
}

/** The connector's info.json at `sha`, relative to `dir`, chosen as locateConnectorDir chooses on disk. */
async function findInfoPath(dir: string, sha: string, rev: string, gitBinary: string): Promise<string> {
  const listing = await gitClient(dir, gitBinary).raw(['ls-tree', '-r', '--name-only', sha]);
  const files = listing.split('\n').filter(Boolean);
  const children = files.filter((f) => /^[^/]+\/info\.json$/.test(f)).flatMap((f) => f.split('/', 1));
  const choice = chooseConnectorFolder(path.basename(dir), files.includes('info.json'), children);
  if ('rel' in choice) return choice.rel ? `${choice.rel}/info.json` : 'info.json';
  if ('none' in choice) throw new ServiceError('NOT_FOUND', `${rev} has no connector: no info.json in ${dir} or a sub-folder at that revision.`);
  throw severalConnectors(rev, choice.several, 'run from the one you mean.');
}

export async function readInfoAtRevision(dir: string, rev: string, gitBinary = 'git'): Promise<{ info: InfoJson; sha: string; relPath: string }> {
  await requireRepo(dir, gitBinary);
  const sha = await resolveRevision(dir, rev, gitBinary);
  const relPath = await findInfoPath(dir, sha, rev, gitBinary);
  const text = await gitClient(dir, gitBinary).binaryCatFile(['blob', `${sha}:./${relPath}`]);
  return { info: parseInfoText(text.toString('utf8'), `git:${rev}:${relPath}`), sha, relPath };
}

/** The highest `v<semver>` tag reachable from HEAD: the last release of the line being worked on. */
export async function lastVersionTag(dir: string, gitBinary = 'git'): Promise<string | undefined> {
  await requireRepo(dir, gitBinary);
  // No commit yet, no release either (`--merged HEAD` would fail on the unborn HEAD).
  const head = await gitClient(dir, gitBinary, { okExitCodes: [0] }).raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(onGitExit(1, ''));
  if (!head.trim()) return undefined;
  const raw = await gitStep('tag', () => gitClient(dir, gitBinary).raw(['tag', '--list', 'v*', '--merged', 'HEAD']));
  let best: { tag: string; v: NonNullable<ReturnType<typeof parseVersion>> } | undefined;
  for (const tag of raw.split('\n').map((t) => t.trim()).filter((t) => TAG.test(t))) {
    const v = parseVersion(tag)!;
    if (!best || compareVersions(v, best.v) > 0) best = { tag, v };
  }
  return best?.tag;
}
