/** Who commits: git's own user.name and user.email, never one made up. Without them a commit, a merge or an
 * annotated tag is refused with IDENTITY_NEEDED, which the UI answers by asking once (as VS Code does) and
 * writing the answer to the user's global git config. */
import os from 'node:os';
import type { GitIdentity } from '../../../shared/models/git-identity';
import { ServiceError } from '../errors';
import { gitClient, onGitExit, type GitClient } from './git-runner';

export type { GitIdentity } from '../../../shared/models/git-identity';

/** The `details` of the GIT error a commit without an identity fails with. */
export const IDENTITY_NEEDED = { needs: 'gitIdentity' } as const;

export const identityNeeded = () =>
  new ServiceError(
    'GIT',
    'Git does not know who you are: set your name and email in Settings > Git identity (they go into your global git config, as `git config --global user.name` does), then try again.',
    IDENTITY_NEEDED,
  );

const probe = (g: GitClient, key: string) => g.raw(['config', '--get', key]).catch(onGitExit(1, '')).then((v) => v.trim());

/** The identity git would use in `dir` (repository config over global), or only the global one without `dir`;
 * null when either part is missing. */
export async function readIdentity(binary: string, dir?: string): Promise<GitIdentity | null> {
  const g = dir === undefined ? globalClient(binary) : gitClient(dir, binary, { okExitCodes: [0, 1] });
  const scope = dir === undefined ? ['--global'] : [];
  const get = (key: string) => g.raw(['config', ...scope, '--get', key]).catch(onGitExit(1, '')).then((v) => v.trim());
  const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
  return name && email ? { name, email } : null;
}

/** Throws IDENTITY_NEEDED unless git has both a name and an email for `g`'s repository. */
export async function requireIdentity(g: GitClient): Promise<void> {
  const [name, email] = await Promise.all([probe(g, 'user.name'), probe(g, 'user.email')]);
  if (!name || !email) throw identityNeeded();
}

/** Checks the answer (git itself refuses `<`, `>` and line breaks in an identity) and writes it globally. */
export async function writeGlobalIdentity(binary: string, id: GitIdentity): Promise<GitIdentity> {
  const name = id.name.trim();
  const email = id.email.trim();
  if (!name) throw new ServiceError('VALIDATION', 'Give the name your commits should carry, e.g. "Ada Lovelace".');
  if (/[<>\n\r]/.test(name)) throw new ServiceError('VALIDATION', 'A git name cannot hold <, > or a line break.');
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(email)) throw new ServiceError('VALIDATION', `"${email}" is not an email address: give one like ada@example.com.`);
  const g = globalClient(binary);
  await g.raw(['config', '--global', 'user.name', name]);
  await g.raw(['config', '--global', 'user.email', email]);
  return { name, email };
}

/** Global config is no repository's: run from the home folder, where no repository config can interfere. */
const globalClient = (binary: string) => gitClient(os.homedir(), binary, { okExitCodes: [0, 1] });
