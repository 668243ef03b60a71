import type { ProjectSummary } from '../../../../shared/models/workspace';
import { isConflict } from '../../api/api-error';
import { call } from '../../api/client';
import { reportInBackground } from '../app/store';
import { busyRunner, createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';

export interface PackageBytes {
  readonly fileName: string;
  readonly base64: string;
}

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly project: ProjectSummary }
  | { readonly kind: 'exists'; readonly message: string; readonly name?: string; readonly existingVersion?: string; readonly importedVersion?: string }
  /** The archive's bytes are gone (the page was reloaded): the user picks the file again. */
  | { readonly kind: 'needsFile' };

/** The archives opened in this page, by review project id: importing hands the same bytes to package.import.
 * Kept out of zustand state on purpose: they can be megabytes and nothing renders them. */
const opened = new Map<string, PackageBytes>();

interface ReviewerState {
  readonly busy: boolean;
}

interface ReviewerAction {
  /** `warnings`: what the safe extraction left out of the archive. */
  openPackage(pkg: PackageBytes): Promise<ProjectSummary & { warnings?: string[] }>;
  hasPackage(projectId: string): boolean;
  importIntoWorkspace(projectId: string, opts?: { mode?: 'replace' | 'copy'; pkg?: PackageBytes }): Promise<ImportOutcome>;
  /** Forgets a review: its temporary folder goes, nothing is moved to the trash. */
  close(projectId: string): Promise<void>;
}

export const useReviewerStore = createStore<ReviewerState & ReviewerAction>('reviewer', (set) => {
  const busy = busyRunner(set);
  return {
    busy: false,
    openPackage: (pkg) =>
      busy('openPackage', async () => {
        const project = await call('review.openPackage', pkg);
        opened.set(project.id, pkg);
        await useProjectsStore.getState().load();
        return project;
      }),
    hasPackage: (projectId) => opened.has(projectId),
    importIntoWorkspace: (projectId, opts = {}) =>
      busy('import', async () => {
        const pkg = opts.pkg ?? opened.get(projectId);
        if (!pkg) return { kind: 'needsFile' } as const;
        opened.set(projectId, pkg);
        try {
          const project = await call('package.import', { ...pkg, ...(opts.mode ? { mode: opts.mode } : {}) });
          // The review served its purpose: the workspace copy is the one to work on now.
          await call('projects.delete', { projectId }).catch(reportInBackground('Closing the review after its import'));
          opened.delete(projectId);
          await useProjectsStore.getState().load();
          return { kind: 'imported', project } as const;
        } catch (e) {
          if (isConflict(e)) return { kind: 'exists', message: e.message, ...(e.details as object | undefined) } as const;
          throw e;
        }
      }),
    close: (projectId) =>
      busy('close', async () => {
        await useProjectsStore.getState().remove(projectId);
        opened.delete(projectId);
      }),
  };
});
