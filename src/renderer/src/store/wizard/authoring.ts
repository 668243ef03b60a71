import type { Res } from '../../../../shared/ipc/contract';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { isApiError, messageOf } from '../../api/api-error';
import { call, onEvent } from '../../api/client';
import { busyRunner, createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';
import { isIdentityNeeded } from '../../../../shared/models/git-identity';
import type { DuplicateAs, Level } from './versions';

export type ExportResult = Res<'package.export'>;

/** The authoring dialogs: one at a time, each with what it needs to show. */
export type AuthoringDialog =
  | { kind: 'exported'; projectId: string; result: ExportResult }
  | { kind: 'exportRefused'; projectId: string; message: string }
  | { kind: 'importFailed'; fileName: string; message: string }
  | { kind: 'duplicate'; projectId: string; initial: DuplicateAs };

export type ImportOutcome =
  /** `skipped`: stray files beside the connector folder in the archive, not imported. `warnings`: one line per
   * skipped file and per dropped virtualenv or git folder, for the user to see. */
  | { kind: 'imported'; project: ProjectSummary; skipped: string[]; warnings: string[]; replaced?: boolean; sha?: string; copyOf?: string }
  | { kind: 'exists'; message: string; name?: string; existingVersion?: string; importedVersion?: string }
  | { kind: 'failed'; message: string };

/** An export under way: `total` is 0 until packing starts (validation runs first). */
export interface ExportProgress {
  readonly runId: string;
  readonly projectId: string;
  readonly done: number;
  readonly total: number;
}

interface AuthoringState {
  dialog: AuthoringDialog | null;
  busy: boolean;
  exporting: ExportProgress | null;
}

let exportCounter = 0;

interface AuthoringAction {
  show(dialog: AuthoringDialog | null): void;
  /** Refusals by validate come back as a dialog, other failures throw. */
  exportPackage(projectId: string, force?: boolean): Promise<ExportResult | null>;
  /** `mode` answers the conflict an earlier call returned as 'exists'. */
  importPackage(fileName: string, base64: string, mode?: 'replace' | 'copy'): Promise<ImportOutcome>;
  addVersion(projectId: string, level: Level): Promise<Res<'connector.addVersion'>>;
  duplicate(projectId: string, as: DuplicateAs): Promise<ProjectSummary>;
}

export const useAuthoringStore = createStore<AuthoringState & AuthoringAction>('authoring', (set, get) => {
  const busy = busyRunner(set);
  return {
    dialog: null,
    busy: false,
    exporting: null,
    show: (dialog) => set({ dialog }, false, 'show'),
    exportPackage: (projectId, force) =>
      busy('export', async () => {
        const runId = `export-${Date.now().toString(36)}-${(exportCounter++).toString(36)}`;
        set({ exporting: { runId, projectId, done: 0, total: 0 } }, false, 'export/start');
        // Events can trail the response over the WebSocket: only the current run's, and never after it ended.
        const off = onEvent('package.progress', (e) => {
          const now = get().exporting;
          if (now?.runId === e.runId && e.done >= now.done) set({ exporting: { ...now, done: e.done, total: e.total } }, false, 'export/progress');
        });
        try {
          const result = await call('package.export', { projectId, force, runId });
          set({ dialog: { kind: 'exported', projectId, result } }, false, 'export/done');
          return result;
        } catch (e) {
          if (!isApiError(e) || e.code !== 'VALIDATION') throw e;
          set({ dialog: { kind: 'exportRefused', projectId, message: e.message } }, false, 'export/refused');
          return null;
        } finally {
          off();
          if (get().exporting?.runId === runId) set({ exporting: null }, false, 'export/end');
        }
      }),
    importPackage: (fileName, base64, mode) =>
      busy('import', async () => {
        try {
          const { skipped = [], warnings = [], replaced, sha, copyOf, ...project } = await call('package.import', { fileName, base64, ...(mode ? { mode } : {}) });
          await useProjectsStore.getState().load();
          return { kind: 'imported', project, skipped, warnings, replaced, sha, copyOf } as const;
        } catch (e) {
          // A replace that needs a git identity: the caller asks for it and tries again.
          if (isApiError(e) && isIdentityNeeded(e.details)) throw e;
          if (isApiError(e) && e.code === 'CONFLICT') {
            const d = (e.details ?? {}) as { name?: string; existingVersion?: string; importedVersion?: string };
            return { kind: 'exists', message: e.message, ...d } as const;
          }
          return { kind: 'failed', message: messageOf(e) } as const;
        }
      }),
    addVersion: (projectId, level) =>
      busy('addVersion', async () => {
        const r = await call('connector.addVersion', { projectId, level });
        await useProjectsStore.getState().load();
        return r;
      }),
    duplicate: (projectId, as) =>
      busy('duplicate', async () => {
        const project = await call('connector.duplicate', { projectId, ...as });
        await useProjectsStore.getState().load();
        return project;
      }),
  };
});
