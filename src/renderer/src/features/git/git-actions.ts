import { toastError, toastSuccess } from '../../store/app/store';
import { confirmDialog, promptDialog } from '../../store/dialogs/store';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { withGitIdentity } from './git-identity';

// What the Git panel's buttons do: each asks what it must, runs one store action and reports the outcome.

const git = () => useGitStore.getState();

/** Runs an action, turning a failure into a toast; resolves whether it worked. */
export async function attempt(work: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await work();
    if (done) toastSuccess(done);
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

export async function commitNow(kind: 'commit' | 'commitAll' | 'amend') {
  await attempt(async () => {
    const sha = await withGitIdentity(() => (kind === 'commitAll' ? git().commitAll() : git().commit()));
    if (sha === undefined) return;
    toastSuccess(`${kind === 'amend' ? 'Amended' : 'Committed'} ${sha.slice(0, 7)}.`);
    if (git().tab === 'history') void git().loadHistory();
  });
}

export async function discardFiles(relPaths: string[]) {
  const what = relPaths.length === 1 ? `the changes to “${relPaths[0]}”` : `the changes to ${relPaths.length} files`;
  const ok = await confirmDialog({ title: 'Discard changes?', message: `Discard ${what}? This cannot be undone: the files go back to their last committed state (new files are deleted).`, confirmLabel: 'Discard', danger: true });
  if (!ok) return;
  if (await attempt(() => git().discard(relPaths))) {
    await useWorkspaceStore.getState().loadTree();
    await useEditorStore.getState().filesChanged(relPaths);
  }
}

const refName = (v: string) => (/^[\w][\w./-]*$/.test(v) && !v.includes('..') && !v.endsWith('/') && !v.endsWith('.lock') ? null : 'Use letters, digits, “-”, “_”, “.” and “/”.');

export async function newBranch() {
  const name = await promptDialog({ title: 'Create Branch', label: 'Branch name (it is checked out)', confirmLabel: 'Create', validate: refName });
  if (name) await attempt(() => git().createBranch(name.trim(), true), `Switched to the new branch ${name.trim()}.`);
}

export async function switchTo(name: string) {
  if (await attempt(() => git().switchBranch(name), `Switched to ${name}.`)) {
    await useWorkspaceStore.getState().loadTree();
    await useEditorStore.getState().filesChanged(useEditorStore.getState().tabs.map((t) => t.relPath));
  }
}

export async function deleteBranch(name: string, force = false) {
  const ok = await confirmDialog({
    title: force ? `Force-delete ${name}?` : `Delete branch ${name}?`,
    message: force ? `${name} has commits that no other branch has. Deleting it drops them.` : `The branch ${name} is deleted; its commits stay on the branches that contain them.`,
    confirmLabel: force ? 'Force Delete' : 'Delete',
    danger: true,
  });
  if (!ok) return;
  try {
    await git().deleteBranch(name, force);
    toastSuccess(`Deleted the branch ${name}.`);
  } catch (e) {
    const kind = (e as { details?: { kind?: string } }).details?.kind;
    if (kind === 'not-merged' && !force) return deleteBranch(name, true);
    toastError(e);
  }
}

export async function newTag(version?: string) {
  const name = await promptDialog({ title: 'Create Tag', label: 'Tag name (on the current commit)', initial: version ? `v${version}` : '', confirmLabel: 'Create', validate: refName });
  if (name) await attempt(() => withGitIdentity(() => git().createTag(name.trim(), name.trim())), `Tagged the current commit ${name.trim()}.`);
}

export async function deleteTag(name: string) {
  const ok = await confirmDialog({ title: `Delete tag ${name}?`, message: `The tag ${name} is deleted locally (a pushed tag stays on the remote).`, confirmLabel: 'Delete', danger: true });
  if (ok) await attempt(() => git().deleteTag(name), `Deleted the tag ${name}.`);
}

export async function removeRemote(name: string) {
  const ok = await confirmDialog({ title: `Remove remote ${name}?`, message: `The remote ${name} and its remote-tracking branches are removed from this repository. Nothing changes on the server.`, confirmLabel: 'Remove', danger: true });
  if (ok) await attempt(() => git().removeRemote(name), `Removed the remote ${name}.`);
}

/** Push, and when the branch has no upstream yet, offer to publish it with one. */
export async function push(o: { setUpstream?: boolean; tags?: boolean } = {}) {
  const pushed = await git().push(o);
  if (pushed) toastSuccess(o.tags ? 'Pushed the tags.' : o.setUpstream ? 'Published the branch and set its upstream.' : 'Pushed.');
}

export async function pull() {
  if (!(await git().pull())) return;
  const conflicts = git().pullConflicts;
  if (conflicts.length) toastError(new Error(`The pull stopped on conflicts in ${conflicts.length} file(s): resolve them, stage them and commit.`));
  else toastSuccess('Pulled.');
  await useWorkspaceStore.getState().loadTree();
  await useEditorStore.getState().filesChanged(useEditorStore.getState().tabs.map((t) => t.relPath));
}
