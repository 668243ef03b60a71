/** Carries operation changes made in the form over to the Python code, through the ordinary file channels:
 * open files change in their editor (and are saved if they were clean), closed ones are written with their
 * etag so a change on disk meanwhile is refused rather than overwritten. */
import type { FileNode } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { isConflict } from '../../api/api-error';
import { toastError, toastInfo, toastSuccess } from '../app/store';
import { confirmDialog } from '../dialogs/store';
import { editorHost } from '../editor/host';
import { findTab } from '../editor/tabs';
import { useEditorStore } from '../editor/store';
import { useProblemsStore } from '../problems/store';
import { useWorkspaceStore } from '../workspace/store';
import { applyText } from './model-binding';
import { connectorPaths, type ConnectorPaths } from './project';
import { planAddOperation, planRemoveOperation, planRenameOperation, type CodePlan, type FileChange } from './python-stub';

const SKIP_DIRS = new Set(['packages', '__pycache__', '.venv', 'venv', 'node_modules', '.git', 'tests', 'playbooks', 'images']);

function pythonFiles(node: FileNode | null, under: string): string[] {
  if (!node) return [];
  const out: string[] = [];
  const walk = (n: FileNode, depth: number) => {
    for (const c of n.children ?? []) {
      if (c.kind === 'file' && c.name.endsWith('.py')) out.push(c.relPath);
      else if (c.kind === 'dir' && depth < 3 && !SKIP_DIRS.has(c.name)) walk(c, depth + 1);
    }
  };
  const start = under ? findNode(node, under) : node;
  if (start) walk(start, 0);
  return out;
}

function findNode(node: FileNode, relPath: string): FileNode | undefined {
  if (node.relPath === relPath) return node;
  const next = node.children?.find((c) => relPath === c.relPath || relPath.startsWith(`${c.relPath}/`));
  return next && findNode(next, relPath);
}

interface Sources {
  readonly files: Record<string, string>;
  readonly etags: Record<string, string | null>;
}

/** The connector's Python, keyed connector-relative as the dispatch reader expects; open buffers win. */
export async function readSources(paths: ConnectorPaths): Promise<Sources> {
  const files: Record<string, string> = {};
  const etags: Record<string, string | null> = {};
  const cut = paths.connectorRel ? paths.connectorRel.length + 1 : 0;
  await Promise.all(
    pythonFiles(useWorkspaceStore.getState().tree, paths.connectorRel).map(async (rel) => {
      const open = editorHost().text(rel);
      if (open !== null) {
        files[rel.slice(cut)] = open;
        etags[rel.slice(cut)] = findTab(useEditorStore.getState(), rel)?.etag ?? null;
        return;
      }
      const content = await call('files.read', { projectId: paths.projectId, relPath: rel });
      if (content.text === undefined) return;
      files[rel.slice(cut)] = content.text;
      etags[rel.slice(cut)] = content.etag;
    }),
  );
  return { files, etags };
}

async function writeChange(paths: ConnectorPaths, change: FileChange, etag: string | null | undefined) {
  const relPath = paths.connectorRel ? `${paths.connectorRel}/${change.file}` : change.file;
  const tab = findTab(useEditorStore.getState(), relPath);
  const model = editorHost().model(relPath);
  if (change.text === null) {
    await call('files.delete', { projectId: paths.projectId, relPath });
    if (tab) useEditorStore.getState().deleted(relPath);
  } else if (tab && model) {
    applyText(model, change.text);
    if (!tab.dirty) await useEditorStore.getState().save(relPath);
  } else {
    await call('files.write', { projectId: paths.projectId, relPath, text: change.text, etag: etag ?? null });
  }
}

async function runPlan(make: (files: Record<string, string>) => CodePlan, ask?: (plan: Extract<CodePlan, { ok: true }>) => Promise<boolean>) {
  const paths = connectorPaths();
  if (!paths) return;
  try {
    const sources = await readSources(paths);
    const plan = make(sources.files);
    if (!plan.ok) return toastInfo(plan.reason);
    if (plan.changes.length === 0 || (ask && !(await ask(plan)))) return;
    for (const change of plan.changes) await writeChange(paths, change, sources.etags[change.file]);
    toastSuccess(plan.summary);
  } catch (e) {
    toastError(isConflict(e) ? new Error(`${e.message} The code was not changed; try again.`) : e);
  } finally {
    void useWorkspaceStore.getState().loadTree();
    void useProblemsStore.getState().validate();
  }
}

/** A new operation gets its stub and dispatch entry at once: that is what the user asked for. */
export const addOperationCode = (op: string) => runPlan((files) => planAddOperation(files, op));

/** A name that followed its title away from the made-up one: the stub is ours, so its code follows without asking. */
export const renameOperationStub = (from: string, to: string) => runPlan((files) => planRenameOperation(files, from, to));

/** Deleting or renaming code is the user's call. */
export const offerRemoveOperationCode = (op: string) =>
  runPlan(
    (files) => planRemoveOperation(files, op),
    (plan) => confirmDialog({ title: `Remove '${op}' from the code?`, message: `${plan.summary.replace(/^Removed/, 'This removes')} The operation is already gone from info.json.`, confirmLabel: 'Remove from code', danger: true }),
  );

export const offerRenameOperationCode = (from: string, to: string) =>
  runPlan(
    (files) => planRenameOperation(files, from, to),
    (plan) => confirmDialog({ title: `Rename '${from}' in the code too?`, message: `${plan.summary.replace(/^Renamed/, 'This renames')} Otherwise the code keeps dispatching '${from}'.`, confirmLabel: 'Rename in code' }),
  );
