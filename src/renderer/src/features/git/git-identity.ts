import { isIdentityNeeded, type GitIdentity } from '../../../../shared/models/git-identity';
import { isApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { promptDialog } from '../../store/dialogs/store';

// Git never gets a made-up author: a commit refused for want of an identity asks the user once, writes the
// answer to their global git config (as `git config --global` does) and runs the commit again.

const checkName = (v: string) => (!v.trim() ? 'Give the name your commits should carry.' : /[<>]/.test(v) ? 'A git name cannot hold < or >.' : null);
const checkEmail = (v: string) => (/^[^\s<>@]+@[^\s<>@]+$/.test(v.trim()) ? null : 'Give an email address, like ada@example.com.');

/** Asks for a name and an email and saves them globally; null when the user cancels either question. */
export async function askGitIdentity(): Promise<GitIdentity | null> {
  const name = await promptDialog({
    title: 'Who is committing?',
    label: 'Your name, as git records it in every commit (saved in your global git config, user.name)',
    confirmLabel: 'Next',
    validate: checkName,
  });
  if (name === null) return null;
  const email = await promptDialog({
    title: 'Who is committing?',
    label: `The email that goes with ${name.trim()} (user.email)`,
    confirmLabel: 'Save and Commit',
    validate: checkEmail,
  });
  if (email === null) return null;
  return call('git.setIdentity', { name: name.trim(), email: email.trim() });
}

export const needsGitIdentity = (e: unknown): boolean => isApiError(e) && e.code === 'GIT' && isIdentityNeeded(e.details);

/** Runs `work`; when git refuses for want of an identity, asks for it and runs `work` once more. Resolves
 * undefined when the user cancels the question; any other failure is thrown as it came. */
export async function withGitIdentity<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (!needsGitIdentity(e)) throw e;
    if (!(await askGitIdentity())) return undefined;
    return work();
  }
}
