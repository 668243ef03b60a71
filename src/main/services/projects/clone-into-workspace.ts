import { mkdir } from 'node:fs/promises';
import type { ProjectSummary } from '../../../shared/models/workspace';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import { withGitProgress } from '../git/git-progress';
import type { GitService } from '../git/git-service';
import type { TrustService } from '../trust/trust-service';
import { resolveInside } from '../workspace/safe-path';
import type { ProjectService } from './project-service';

export interface CloneDeps {
  readonly workspaceRoot: () => Promise<string>;
  readonly git: Pick<GitService, 'clone'>;
  readonly trust: Pick<TrustService, 'restrict'>;
  readonly projects: Pick<ProjectService, 'open'>;
  readonly events: EventBus;
}

/** The folder a clone of `url` lands in: `name`, or the repository's name without `.git`. */
export function cloneFolderName(url: string, name?: string): string {
  const folder = name ?? (url.replace(/\/+$/, '').split(/[/:]/).pop() ?? 'repository').replace(/\.git$/, '');
  if (!/^[A-Za-z0-9._-]+$/.test(folder) || /^\.+$/.test(folder)) throw new ServiceError('VALIDATION', `Cannot name a folder after "${url}": give the clone a name.`);
  return folder;
}

/** Clones into the workspace, then registers the result as a project. */
export function createWorkspaceCloner(deps: CloneDeps) {
  return async (url: string, name?: string): Promise<ProjectSummary> => {
    const workspaceRoot = await deps.workspaceRoot();
    const folder = cloneFolderName(url, name);
    await mkdir(workspaceRoot, { recursive: true });
    const dest = await resolveInside(workspaceRoot, folder);
    // A clone is someone else's code: restricted until the user trusts it (also where a trusted folder was).
    await deps.trust.restrict(dest);
    await withGitProgress(deps.events, `git:clone:${folder}`, `Cloning ${url}`, (net) => deps.git.clone(url, dest, net));
    return deps.projects.open(dest);
  };
}
