/** Creates a connector project from the wizard's answers: a git repository `connector-<name>/` with the
 * connector folder `<name>/` inside, and a first commit. Built in a hidden staging folder and renamed into
 * place, so a failure never leaves half a project in the workspace. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from '../../../shared/connector/image-header';
import { checkAnswers, decodeBase64, type WizardAnswers } from '../../../shared/connector/wizard';
import { ServiceError } from '../errors';
import type { GitService } from '../git/git-service';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pathExists } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { CI_WORKFLOW_FILE, ciWorkflowText } from './ci-workflow';
import { headerFor } from './python-text';
import { templateTestFiles } from './template-tests';
import { defaultIcon, scaleIcon } from './icons';
import { ICON_LARGE, ICON_SMALL, infoJsonText } from './info-gen';
import { PLAYBOOKS_JSON_TEXT, licenceText, readmeText, releaseNotes, requirementsText } from './project-files';
import { renderPython } from './python-gen';
import { addIngestion } from './ingestion-template';
import { listTemplates, loadTemplate, type Template } from './templates';

export interface CreateProjectOptions {
  /** The folder that receives `connector-<name>/`. */
  workspaceRoot: string;
  templatesDir: string;
  git: GitService;
  /** Store names for the clash warning (warnings never block). */
  storeNames?: ReadonlySet<string>;
  /** For reproducible output in tests; defaults to the current year. */
  year?: number;
  /** A template made in memory (the API-description import) instead of `answers.template` read from disk. */
  template?: Template;
}

export interface CreatedProject {
  /** Absolute path of `connector-<name>/`. */
  projectRoot: string;
  /** Absolute path of `connector-<name>/<name>/`. */
  connectorDir: string;
  /** Files written, relative to the project root, sorted. */
  files: string[];
  /** '' when git has no identity: the files are staged, not committed. */
  sha: string;
  committed: boolean;
}

export type ProjectFiles = Record<string, string | Uint8Array>;

export async function createProject(answers: WizardAnswers, opts: CreateProjectOptions): Promise<CreatedProject> {
  const templateIds = (await listTemplates(opts.templatesDir)).map((t) => t.id);
  const errors = checkAnswers(answers, { templateIds, storeNames: opts.storeNames }).filter((i) => i.severity === 'error');
  if (errors.length) {
    const list = errors.map((e) => `${e.field}: ${e.message}`).join('\n');
    throw new ServiceError('VALIDATION', `The wizard's answers have ${errors.length} problem(s):\n${list}`, errors);
  }
  const folder = `connector-${answers.name}`;
  await mkdir(opts.workspaceRoot, { recursive: true });
  const projectRoot = await resolveInside(opts.workspaceRoot, folder);
  if (await pathExists(projectRoot)) throw new ServiceError('CONFLICT', `${folder} already exists in ${opts.workspaceRoot}: pick another API identifier or remove it.`);

  const files = await projectFiles(answers, opts.templatesDir, opts.year ?? new Date().getFullYear(), opts.template);
  const staging = path.join(opts.workspaceRoot, `.${folder}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    for (const [rel, data] of Object.entries(files)) await writeFileAtomic(path.join(staging, rel), data);
    await opts.git.init(staging);
    // No identity, no commit: an author is never made up. The files wait staged for the user's first commit.
    const committed = (await opts.git.identity(staging)) !== null;
    if (!committed) await opts.git.stageAll(staging);
    const { sha } = committed ? await opts.git.commitAll(staging, `Create ${answers.label.trim()} ${answers.version} from the ${answers.template} template`) : { sha: '' };
    if (await pathExists(projectRoot)) throw new ServiceError('CONFLICT', `${folder} appeared in ${opts.workspaceRoot} while it was being created.`);
    await rename(staging, projectRoot);
    return { projectRoot, connectorDir: path.join(projectRoot, answers.name), files: Object.keys(files).sort(), sha, committed };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Every file of the project by path relative to the repository root (git adds .gitignore/.gitattributes). */
export async function projectFiles(a: WizardAnswers, templatesDir: string, year: number, template?: Template): Promise<ProjectFiles> {
  const t = template ?? (await loadTemplate(templatesDir, a.template));
  const python = await renderPython(t, a, year);
  const c = (rel: string) => `${a.name}/${rel}`;
  const files: ProjectFiles = {
    'README.md': readmeText(a, t),
    LICENSE: await licenceText(templatesDir, a, year),
    [c('info.json')]: infoJsonText(a),
    [c('requirements.txt')]: requirementsText(t),
    [c('release_notes.md')]: releaseNotes(a),
    [c('playbooks/playbooks.json')]: PLAYBOOKS_JSON_TEXT,
    [c(`images/${ICON_SMALL}`)]: iconBytes(a.icons?.small, a.label, 32),
    [c(`images/${ICON_LARGE}`)]: iconBytes(a.icons?.large, a.label, 80),
    [CI_WORKFLOW_FILE]: ciWorkflowText(a.name, a.ciInstall),
  };
  for (const [name, text] of Object.entries(python)) files[c(name)] = text;
  await addIngestion(files, t, a);
  Object.assign(files, await templateTestFiles(t, a, headerFor(a, year), path.join(templatesDir, '..', 'python')));
  return files;
}

/** The uploaded logo when it already has the right size and is a PNG, else scaled; a drawn one when absent. */
function iconBytes(base64: string | undefined, label: string, size: number): Uint8Array {
  if (base64 === undefined) return defaultIcon(label, size);
  const bytes = decodeBase64(base64);
  const info = imageSize(bytes);
  if (info?.format === 'png' && info.width === size && info.height === size) return bytes;
  return scaleIcon(bytes, size);
}
