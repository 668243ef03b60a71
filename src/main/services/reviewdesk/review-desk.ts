import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectSummary } from '../../../shared/models/workspace';
import { createDocsService, type DocsService } from '../docs';
import { safeExtractTgz } from '../packaging/safe-extract';
import { createPlaybooksService, type PlaybookList } from '../playbooks';
import type { ProjectService } from '../projects/project-service';
import type { Events } from '../../../shared/ipc/contract';
import type { ReviewProgress } from '../../../shared/models/review';
import { createReviewService, renderReviewHtml, type ReviewFinding, type ReviewReport, type ReviewService } from '../review';

/** Reviewer mode and the review, docs and playbooks panels, over projects and read-only opened packages. */
export interface ReviewDesk {
  /** Where reviews are extracted; none of it is ever trusted across runs. */
  readonly dir: string;
  /** Unpacks an uploaded .tgz (base64) through the safe extraction and opens it read-only. `warnings`: what the
   * extraction left out (stray files, virtualenv and git folders), for the reviewer. */
  openPackage(fileName: string, base64: string): Promise<ProjectSummary & { warnings?: string[] }>;
  /** Removes the last run's reviews: they were never part of the workspace. */
  cleanUp(): Promise<void>;
  /** The review of the project's connector; `against`: the version to compare with (folder, .tgz, `git:<rev>`). */
  /** With `certification`, the report adds Fortinet's CI checks over the project's repository. */
  run(projectId: string, opts: { against?: string; checkInstall?: boolean; certification?: boolean; runId?: string }): Promise<ReviewReport>;
  /** The review as a standalone HTML page, with the file name to save it under. */
  html(projectId: string, opts: { against?: string }): Promise<{ html: string; fileName: string }>;
  /** The connector's generated documentation. */
  docs(projectId: string, format: 'markdown' | 'html'): Promise<{ text: string }>;
  /** The connector's bundled playbooks. */
  playbooks(projectId: string): Promise<PlaybookList>;
  /** Adds a sample playbook for every visible action that has none; never changes existing playbooks. */
  generateSamples(projectId: string): Promise<{ added: string[]; skipped: string[] }>;
}

/** `reviewer` and `docs`: the composition root's, so the panel reviews exactly as `connector-studio review` does. */
export interface ReviewDeskDeps {
  projects: ProjectService;
  userDataDir: string;
  reviewer?: ReviewService;
  docs?: DocsService;
  /** pyright's findings from the project's running language server once it has checked these files (the
   * editor's pyright): the review then needs no pyright run of its own. */
  checkedPythonFindings?: (projectId: string, files: Readonly<Record<string, string>>) => Promise<ReviewFinding[] | undefined>;
  /** Where a run's `review.progress` goes. */
  emitProgress?: (e: Events['review.progress']) => void;
}

export function createReviewDesk(deps: ReviewDeskDeps): ReviewDesk {
  const reviewsDir = path.join(deps.userDataDir, 'reviews');
  const reviewer = deps.reviewer ?? createReviewService();
  const docs = deps.docs ?? createDocsService();
  const playbooks = createPlaybooksService();

  /** The upload is checked and unpacked by the safe extraction into a private folder, then opened read-only.
   * `warnings`: what the extraction left out (stray files, virtualenv and git folders), for the reviewer. */
  async function openPackage(fileName: string, base64: string): Promise<ProjectSummary & { warnings?: string[] }> {
    await mkdir(reviewsDir, { recursive: true });
    const upload = path.join(reviewsDir, `upload-${Date.now()}-${path.basename(fileName).replace(/[^A-Za-z0-9._-]/g, '_')}`);
    await writeFile(upload, Buffer.from(base64, 'base64'));
    try {
      const extracted = await safeExtractTgz(upload, { tempParent: reviewsDir });
      const summary = await deps.projects.openReadOnly(extracted.dir);
      return extracted.warnings.length ? { ...summary, warnings: extracted.warnings } : summary;
    } finally {
      await rm(upload, { force: true });
    }
  }

  const connectorDir = (projectId: string) => deps.projects.connectorDirOf(projectId);

  return {
    dir: reviewsDir,
    openPackage,
    cleanUp: () => rm(reviewsDir, { recursive: true, force: true }),
    run: async (projectId: string, { runId, ...opts }: { against?: string; checkInstall?: boolean; certification?: boolean; runId?: string }) => {
      const root = await deps.projects.rootOf(projectId);
      const lsp = deps.checkedPythonFindings;
      return reviewer.review(await connectorDir(projectId), {
        ...opts,
        cwd: root,
        repositoryRoot: root,
        ...(lsp ? { typedFindings: (files: Readonly<Record<string, string>>) => lsp(projectId, files) } : {}),
        ...(runId && deps.emitProgress ? { onProgress: (p: ReviewProgress) => deps.emitProgress?.({ projectId, runId, ...p }) } : {}),
      });
    },
    html: async (projectId: string, opts: { against?: string }) => {
      const report = await reviewer.review(await connectorDir(projectId), { ...opts, cwd: await deps.projects.rootOf(projectId) });
      return { html: renderReviewHtml(report), fileName: `${report.connector}-${report.version}-review.html` };
    },
    docs: async (projectId: string, format: 'markdown' | 'html') => ({ text: await docs.generate(await connectorDir(projectId), format) }),
    playbooks: async (projectId: string) => playbooks.list(await connectorDir(projectId)),
    generateSamples: async (projectId: string) => {
      const r = await playbooks.generateSamples(await connectorDir(projectId));
      return { added: r.added, skipped: r.skipped };
    },
  };
}
