import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import type { Events } from '../../../shared/ipc/contract';
import type { ProjectSummary } from '../../../shared/models/workspace';
import { createProject, type CreatedProject } from '../connector/scaffold';
import { loadStoreNames } from '../connector/store-names';
import { defaultAnswers, listTemplates, loadTemplate, type TemplateSummary } from '../connector/templates';
import { addVersion, type AddVersionResult } from '../connector/version';
import { duplicateConnector } from '../connector/duplicate';
import { identityNeeded } from '../git/git-identity';
import type { GitService } from '../git/git-service';
import { importArchive, type ExistingConnector, type ImportMode, type ImportResult } from '../packaging/import';
import { packageConnector, throttleProgress, type PackageOptions, type PackageResult } from '../packaging/package';
import type { ProjectService } from '../projects/project-service';
import type { TrustService } from '../trust/trust-service';
import type { ValidateService } from '../validate';

export interface AuthoringDeps {
  resourcesDir: string;
  git: GitService;
  projects: ProjectService;
  validate: ValidateService;
  workspaceRoot: () => Promise<string>;
  /** Sends `package.progress` events (the event bus in createServices). */
  emit?: (e: Events['package.progress']) => void;
  /** Workspace trust: what the wizard makes is trusted; what an import brings in is restricted. */
  trust?: Pick<TrustService, 'trust' | 'restrict' | 'isTrusted'>;
}

/** A packed connector as the UI gets it: the file written, and its bytes as base64 for browser mode's download. */
export interface ExportedPackage {
  /** Absolute path of the .tgz written. */
  file: string;
  fileName: string;
  bytes: number;
  name: string;
  version: string;
  /** The paths packed. */
  entries: string[];
  base64: string;
}

/** What an import adds to the project it opens: what the archive left out, and how it met an existing one. */
export interface ImportedExtras {
  skipped: string[];
  warnings: string[];
  replaced: boolean;
  /** The commit that recorded a replace as a new version. */
  sha?: string;
  /** For a copy: the name of the connector it copies. */
  copyOf?: string;
}

/** The Connector Wizard, versions and .tgz export/import as the UI reaches them: every result is a project. */
export interface AuthoringService {
  /** The wizard's templates (resources/templates). */
  templates(): Promise<TemplateSummary[]>;
  /** The template's answers for `name`, with `given` (an answers file) over them. */
  defaults(templateId: string, name: string, given?: Partial<WizardAnswers>): Promise<WizardAnswers>;
  /** Names of connectors already in the FortiSOAR store, lower-cased, for the wizard's clash warning. */
  storeNames(): Promise<string[]>;
  /** A project from the wizard's answers in `workspaceRoot` (the CLI's --dir; default the app's workspace),
   * trusted from the start. */
  scaffold(answers: WizardAnswers, workspaceRoot?: string): Promise<CreatedProject>;
  /** scaffold() in the workspace, then opened as a project. */
  create(answers: WizardAnswers): Promise<ProjectSummary>;
  /** A deterministic .tgz of a connector folder, refused while validate reports errors (unless forced). */
  packageFolder(dir: string, o?: Omit<PackageOptions, 'validate'>): Promise<PackageResult>;
  /** Packs the project's connector; with a runId, `package.progress` events (at most one per percent) follow. */
  exportPackage(projectId: string, force?: boolean, runId?: string): Promise<ExportedPackage>;
  /** Safe extraction of a .tgz into `into` (default: the workspace); what it brings in is restricted. */
  importFile(tgz: string, o?: { into?: string; replace?: boolean; mode?: ImportMode }): Promise<ImportResult>;
  /** An upload from the UI (base64), imported with the safe extraction and opened as a project. CONFLICT when a
   * project of the package's info.json name exists and no `mode` says what to do. */
  importPackage(fileName: string, base64: string, mode?: ImportMode): Promise<ProjectSummary & ImportedExtras>;
  /** Tags the current version `v<from>`, bumps `level` in info.json, adds a release-notes section and commits;
   * CONFLICT while there are uncommitted changes. */
  addVersion(projectId: string, level: 'major' | 'minor' | 'patch'): Promise<AddVersionResult>;
  /** A copy of the connector under a new name, label and version, opened as a project (as trusted as its source). */
  duplicate(projectId: string, as: { name: string; label: string; version: string }): Promise<ProjectSummary>;
}

export function createAuthoringService(deps: AuthoringDeps): AuthoringService {
  const templatesDir = path.join(deps.resourcesDir, 'templates');
  let storeNames: ReadonlySet<string> | null = null;
  const names = async () => (storeNames ??= await loadStoreNames(deps.resourcesDir));

  /** A project from the wizard's answers in `workspaceRoot` (the CLI's --dir; the app's workspace). What we make
   * from our templates is the user's own: trusted from the start. */
  async function scaffold(answers: WizardAnswers, workspaceRoot?: string): Promise<CreatedProject> {
    const created = await createProject(answers, { workspaceRoot: workspaceRoot ?? (await deps.workspaceRoot()), templatesDir, git: deps.git, storeNames: await names() });
    await deps.trust?.trust(created.projectRoot);
    return created;
  }

  async function create(answers: WizardAnswers): Promise<ProjectSummary> {
    return deps.projects.open((await scaffold(answers)).projectRoot);
  }

  /** A deterministic .tgz of a connector folder, refused while validate reports errors (unless forced). */
  const packageFolder = (dir: string, o: Omit<PackageOptions, 'validate'> = {}): Promise<PackageResult> => packageConnector(dir, { ...o, validate: deps.validate });

  /** Safe extraction of a .tgz into `into` (default: the workspace). An imported package is someone else's code,
   * also when it replaced a trusted project's files: restricted. */
  async function importFile(tgz: string, o: { into?: string; replace?: boolean; mode?: ImportMode } = {}): Promise<ImportResult> {
    // Into the workspace, the projects it lists are matched by their connector's name; elsewhere (the CLI's
    // --into), only a folder of the archive's name counts.
    const inWorkspace = o.into === undefined;
    const imported = await importArchive(tgz, {
      into: o.into ?? (await deps.workspaceRoot()),
      replace: o.replace,
      mode: o.mode,
      ...(inWorkspace ? { findByName } : {}),
      canCommit: async (e) => {
        if ((await deps.git.isRepo(e.root)) && !(await deps.git.identity(e.root))) throw identityNeeded();
      },
      commitReplaced: async (e, message) => {
        const under = path.relative(e.root, e.connectorDir);
        const status = await deps.git.status(e.root);
        // The same files again change nothing: there is no new version to commit.
        const changed = status.files.some((f) => under === '' || f.relPath.startsWith(`${under}/`));
        return status.isRepo && changed ? (await deps.git.commitAll(e.root, message, under || '.')).sha : undefined;
      },
    });
    await deps.trust?.restrict(imported.dir);
    return imported;
  }

  /** A project of the workspace (or opened from elsewhere, not a review) whose connector has that name. */
  async function findByName(name: string): Promise<ExistingConnector | undefined> {
    const p = (await deps.projects.list()).find((x) => !x.readOnly && x.name === name);
    return p && { root: p.root, connectorDir: await deps.projects.connectorDirOf(p.id) };
  }

  /** The archive comes back as base64 too, so browser mode can offer it as a download. With a runId, packing
   * reports `package.progress` events (at most one per percent) tagged with it. */
  async function exportPackage(projectId: string, force?: boolean, runId?: string): Promise<ExportedPackage> {
    const dir = await deps.projects.connectorDirOf(projectId);
    const emit = deps.emit;
    const onProgress = runId && emit ? throttleProgress((done, total) => emit({ runId, projectId, done, total })) : undefined;
    const r = await packageFolder(dir, { force, onProgress });
    const base64 = (await readFile(r.file)).toString('base64');
    return { file: r.file, fileName: path.basename(r.file), bytes: r.bytes, name: r.name, version: r.version, entries: r.entries, base64 };
  }

  /** An upload from the UI: written to a private temp folder, then imported with the safe extraction. */
  async function importPackage(fileName: string, base64: string, mode?: ImportMode): Promise<ProjectSummary & ImportedExtras> {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-import-'));
    try {
      const tgz = path.join(tmp, path.basename(fileName) || 'upload.tgz');
      await writeFile(tgz, Buffer.from(base64, 'base64'));
      const imported = await importFile(tgz, { mode });
      const { skipped, warnings, replaced, sha, copyOf } = imported;
      return { ...(await deps.projects.open(imported.dir)), skipped, warnings, replaced, ...(sha ? { sha } : {}), ...(copyOf ? { copyOf } : {}) };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  return {
    templates: () => listTemplates(templatesDir),
    defaults: async (templateId: string, name: string, given?: Partial<WizardAnswers>) => defaultAnswers(await loadTemplate(templatesDir, templateId), name, given),
    storeNames: async () => [...(await names())],
    scaffold,
    create,
    packageFolder,
    exportPackage,
    importFile,
    importPackage,
    addVersion: async (projectId: string, level: 'major' | 'minor' | 'patch') => addVersion(await deps.projects.rootOf(projectId), level, { git: deps.git }),
    duplicate: async (projectId: string, as: { name: string; label: string; version: string }) => {
      const source = await deps.projects.rootOf(projectId);
      const made = await duplicateConnector(await deps.projects.connectorDirOf(projectId), as, { workspaceRoot: await deps.workspaceRoot(), git: deps.git });
      // A copy is as trusted as what it was copied from.
      if (deps.trust?.isTrusted(source)) await deps.trust.trust(made.projectRoot);
      return deps.projects.open(made.projectRoot);
    },
  };
}
