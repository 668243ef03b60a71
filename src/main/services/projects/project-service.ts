import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectSummary } from '../../../shared/models/workspace';
import { ServiceError, ifMissing } from '../errors';
import type { GitService } from '../git/git-service';
import type { SettingsService } from '../settings/settings-service';
import { findConnectorFolder, severalConnectors } from '../validate/locate';
import { statIfPresent } from '../workspace/fs-probe';
import { projectIdOf, summarize } from './project-summary';
import { isBelow } from '../workspace/safe-path';

export interface ProjectServiceDeps {
  settings: SettingsService;
  git: GitService;
  moveToTrash(absPath: string): Promise<boolean>;
  /** Workspace trust (trust/trust-service.ts); without it every project shows as restricted. */
  isTrusted?(absRoot: string): boolean;
  /** Where a project the list had to leave out, or git that could not describe one, is reported. Default console.warn. */
  log?(msg: string, extra?: unknown): void;
}

/** The connector projects of the workspace, the folders opened from elsewhere, and this run's reviews. A project
 * id is made here from its root; doors name projects only by id. */
export interface ProjectService {
  /** Every project: the workspace's folders, the ones opened from elsewhere, and this run's reviews. */
  list(): Promise<ProjectSummary[]>;
  /** The project as Home shows it now, e.g. after its trust changed; NOT_FOUND for an unknown id. */
  summaryOf(projectId: string): Promise<ProjectSummary>;
  /** Registers a folder picked by the user (absolute); one outside the workspace is remembered by path.
   * VALIDATION when it holds no connector, NOT_FOUND when it does not exist. */
  open(absPath: string): Promise<ProjectSummary>;
  /** A review's extracted package: listed for this run only, and every write into it is refused. */
  openReadOnly(root: string): Promise<ProjectSummary>;
  isReadOnly(projectId: string): boolean;
  /** Moves the project's folder to the system trash (UNAVAILABLE without one); a review is only forgotten. */
  delete(projectId: string): Promise<{ removed: string; toTrash: boolean }>;
  /** The project's root folder, absolute; NOT_FOUND for an unknown id. */
  rootOf(projectId: string): Promise<string>;
  /** The folder holding the connector's info.json, absolute; NOT_FOUND for an unknown id. */
  connectorDirOf(projectId: string): Promise<string>;
}

export function createProjectService(deps: ProjectServiceDeps): ProjectService {
  const known = new Map<string, { root: string; connectorRel: string }>();
  /** Reviews live for this run only: they are not part of the workspace until imported. */
  const reviews = new Map<string, ProjectSummary>();

  const withTrust = (p: ProjectSummary): ProjectSummary => ({ ...p, trusted: deps.isTrusted?.(p.root) === true });
  const log = deps.log ?? console.warn;

  async function candidateRoots(): Promise<string[]> {
    const s = await deps.settings.get();
    // The workspace folder is made on the first save into it.
    const entries = await readdir(s.workspaceRoot, { withFileTypes: true }).catch(ifMissing([]));
    const inside = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => path.join(s.workspaceRoot, e.name));
    return [...inside, ...s.extraProjects];
  }

  /** The connector folder of a project root, relative; null when it holds none. */
  async function connectorRelOf(root: string): Promise<string | null> {
    const choice = await findConnectorFolder(root);
    if ('several' in choice) throw severalConnectors(`"${root}"`, choice.several, 'open the one you mean');
    return 'rel' in choice ? choice.rel : null;
  }

  async function describe(root: string): Promise<ProjectSummary | null> {
    const connectorRel = await connectorRelOf(root);
    if (connectorRel === null) return null;
    known.set(projectIdOf(root), { root, connectorRel });
    // The list shows every project even when git cannot run there; the log says why its state is missing.
    const status = await deps.git.status(root).catch((e: unknown) => {
      log(`git could not describe ${root}`, e);
      return null;
    });
    const git = !status?.isRepo ? 'none' : status.files.length ? 'changed' : 'clean';
    const { workspaceRoot } = await deps.settings.get();
    return withTrust(await summarize(root, connectorRel, { inWorkspace: isBelow(workspaceRoot, root), git }));
  }

  async function list(): Promise<ProjectSummary[]> {
    // One project that cannot be read does not hide the others.
    const all = await Promise.all(
      (await candidateRoots()).map((r) =>
        describe(r).catch((e: unknown) => {
          log(`The project at ${r} was left out of the list`, e);
          return null;
        }),
      ),
    );
    return [...all.filter((p): p is ProjectSummary => p !== null), ...[...reviews.values()].map(withTrust)];
  }

  /** Registers a folder picked by the user; one outside the workspace is remembered by absolute path. */
  async function open(absPath: string): Promise<ProjectSummary> {
    if (!path.isAbsolute(absPath)) throw new ServiceError('VALIDATION', `Give an absolute folder path, not "${absPath}".`);
    const root = path.resolve(absPath);
    const isDir = (await statIfPresent(root))?.isDirectory() === true;
    if (!isDir) throw new ServiceError('NOT_FOUND', `The folder "${root}" does not exist.`);
    const summary = await describe(root);
    if (!summary) throw new ServiceError('VALIDATION', `No connector found in "${root}": it has no info.json, and neither has any folder directly inside it.`);
    const s = await deps.settings.get();
    if (!isBelow(s.workspaceRoot, root) && !s.extraProjects.includes(root))
      await deps.settings.update({ extraProjects: [...s.extraProjects, root] });
    // A repository with no .gitignore at all gets the recommended one (venvs, caches, user data); the UI says so.
    const gitignoreAdded = await deps.git.ensureIgnoreFile(root).catch((e: unknown) => {
      log(`Adding the recommended .gitignore to ${root} failed`, e);
      return false;
    });
    return gitignoreAdded ? { ...summary, gitignoreAdded } : summary;
  }

  async function openReadOnly(root: string): Promise<ProjectSummary> {
    const connectorRel = await connectorRelOf(root);
    if (connectorRel === null) throw new ServiceError('VALIDATION', 'The archive holds no connector (no info.json).');
    const summary = { ...(await summarize(root, connectorRel, { inWorkspace: false, git: 'none' })), readOnly: true };
    known.set(summary.id, { root, connectorRel });
    reviews.set(summary.id, summary);
    return withTrust(summary);
  }

  async function entry(projectId: string) {
    if (!known.has(projectId)) await list();
    const found = known.get(projectId);
    if (!found) throw new ServiceError('NOT_FOUND', `No open project has the id "${projectId}". Reopen it from Home.`);
    return found;
  }

  async function remove(projectId: string) {
    const { root } = await entry(projectId);
    if (reviews.delete(projectId)) {
      known.delete(projectId);
      return { removed: root, toTrash: false };
    }
    const toTrash = await deps.moveToTrash(root);
    if (!toTrash) throw new ServiceError('UNAVAILABLE', `The system trash is not available, so "${root}" was kept. Delete it with your file manager.`);
    const s = await deps.settings.get();
    await deps.settings.update({ extraProjects: s.extraProjects.filter((p) => p !== root) });
    known.delete(projectId);
    return { removed: root, toTrash };
  }

  /** The project as Home shows it now, e.g. after its trust changed. */
  async function summaryOf(projectId: string): Promise<ProjectSummary> {
    const { root } = await entry(projectId);
    const review = reviews.get(projectId);
    if (review) return withTrust(review);
    const summary = await describe(root);
    if (!summary) throw new ServiceError('NOT_FOUND', `The project at "${root}" no longer holds a connector.`);
    return summary;
  }

  return {
    list,
    summaryOf,
    open,
    openReadOnly,
    isReadOnly: (projectId: string) => reviews.has(projectId),
    delete: remove,
    rootOf: async (projectId: string) => (await entry(projectId)).root,
    connectorDirOf: async (projectId: string) => {
      const e = await entry(projectId);
      return path.join(e.root, e.connectorRel);
    },
  };
}
