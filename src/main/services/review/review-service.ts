/** review: a reviewer's report on a connector folder or .tgz. Validation (rule engine + schema), ruff and
 * syntax errors, security analyzers, dependencies, documentation, icons, playbooks and, with `against`, the
 * compatibility report; summarised by severity with a verdict. */
import path from 'node:path';
import { analyzeFiles } from '../../../shared/connector/security';
import type { InfoJson } from '../../../shared/connector/info-json';
import { REQUIREMENTS_TXT } from '../../../shared/connector/snapshot';
import { pyrightFindings, type PyrightCliOptions } from '../lsp';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ServiceError } from '../errors';
import { createValidateService } from '../validate';
import { certificationReport } from '../validate/certification';
import { compatFindings, loadVersionInfo } from './against';
import { installFindings, parseRequirements, pipDownload, platformFindings } from './deps';
import { RELEASE_NOTES, documentationFindings } from './docs-checks';
import { withConnector, type OpenedConnector } from './open-connector';
import { lintPython } from './ruff-node';
import { coverageFindings } from './coverage';
import { runChecks, type ReviewCheck } from './progress';
import { SECTION_TITLES, buildSections, summarizeReview, verdictOf } from './sections';
import type { ReviewFinding, ReviewOptions, ReviewReport, SectionId } from './types';
import type { ReviewProgress } from '../../../shared/models/review';
import { settled } from '../../../shared/settled';

export interface ReviewService {
  /** Reviews a folder (or a project root holding one connector folder) or a .tgz. Relative `against` paths
   * resolve from `cwd` (default: the process's). */
  review(absPath: string, opts?: ReviewOptions & ReviewRunHooks & { cwd?: string }): Promise<ReviewReport>;
}

function parsedInfo(c: OpenedConnector): InfoJson | undefined {
  const doc = parseJsonOrUndefined(c.snapshot.files['info.json'] ?? '');
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as InfoJson) : undefined;
}

async function dependencyFindings(c: OpenedConnector, opts: ReviewOptions): Promise<ReviewFinding[]> {
  const reqs = parseRequirements(c.snapshot.files[REQUIREMENTS_TXT] ?? '');
  const found = platformFindings(reqs);
  if (opts.checkInstall) found.push(...(await installFindings(reqs, opts.pipDownload ?? ((r) => pipDownload(r)))));
  return found;
}

interface Collected {
  readonly connector: string;
  readonly version: string;
  readonly findings: ReviewFinding[];
  readonly withTests: boolean;
}

/** What a caller adds to one review: where progress goes, and pyright's findings when a language server has them. */
export interface ReviewRunHooks {
  /** Every section's state, each time one changes (pending, running, done with counts). */
  readonly onProgress?: (p: ReviewProgress) => void;
  /** pyright's findings on exactly these files (connector-relative path to text) from a language server that has
   * checked them; undefined when it cannot say, and the review runs pyright itself. */
  readonly typedFindings?: (files: Readonly<Record<string, string>>) => Promise<ReviewFinding[] | undefined>;
}

/** The certification profile over the repository the user named (a folder), or the package's contents. */
async function certification(c: OpenedConnector, root: string, opts: ReviewOptions): Promise<ReviewFinding[]> {
  const report = await certificationReport(c.archive ? c.dir : root, c.dir, { year: opts.year });
  return report.findings;
}

/** pyright's findings: the language server's when it has checked these very files (the UI), else one command-line
 * run, started before the CPU work so the two overlap. `started` resolves once pyright runs (or answered, or
 * cannot): the synchronous checks wait for it so they do not hold up the spawn. */
function typedCheck(c: OpenedConnector, deps: ReviewDeps, opts: ReviewRunHooks): { findings: Promise<ReviewFinding[]>; started: Promise<void> } {
  let spawned!: () => void;
  const running = new Promise<void>((resolve) => (spawned = resolve));
  const findings = (async () => {
    const checked = c.archive ? undefined : await opts.typedFindings?.(pythonFiles(c));
    if (checked) {
      spawned();
      return checked;
    }
    return pyrightFindings(c.dir, { ...(deps.pyright?.(c.dir) ?? {}), onSpawn: spawned });
  })();
  // A failed run is reported by `findings`; `started` only says when to go on.
  const started = Promise.race([running, settled(findings)]);
  return { findings, started };
}

const pythonFiles = (c: OpenedConnector) => Object.fromEntries(Object.entries(c.snapshot.files).filter(([rel]) => rel.endsWith('.py')));

/** The project the tests live in: the named repository, else the connector folder's parent (a project's layout,
 * `connector-<name>/<name>/`). */
const projectRootOf = (c: OpenedConnector, root: string) => (root === c.dir ? path.dirname(c.dir) : root);

function sectionIds(opts: ReviewOptions, withTests: boolean): SectionId[] {
  return (Object.keys(SECTION_TITLES) as SectionId[]).filter(
    (id) => (id !== 'compat' || opts.against !== undefined) && (id !== 'certification' || opts.certification === true) && (id !== 'tests' || withTests),
  );
}

async function collect(c: OpenedConnector, root: string, opts: ReviewOptions & ReviewRunHooks & { cwd?: string }, deps: ReviewDeps): Promise<Collected> {
  const info = parsedInfo(c);
  // Packages carry no tests (they live beside the connector folder): the section is for folders.
  const withTests = !c.archive;
  const typed = typedCheck(c, deps, opts);
  let validation: { connector: string; version: string } = { connector: c.snapshot.folderName, version: '' };
  const checks: ReviewCheck[] = [
    { name: 'pyright', feeds: ['python'], run: () => typed.findings },
    { name: 'dependencies', feeds: ['dependencies'], run: () => dependencyFindings(c, opts) },
    { name: 'documentation', feeds: ['documentation'], run: async () => (info ? documentationFindings(info, await c.readText(RELEASE_NOTES)) : []) },
    ...(withTests ? [{ name: 'tests', feeds: ['tests'] as SectionId[], run: async () => (info ? coverageFindings(info, projectRootOf(c, root)) : []) }] : []),
    ...(opts.certification ? [{ name: 'certification', feeds: ['certification'] as SectionId[], run: () => certification(c, root, opts) }] : []),
    ...(opts.against !== undefined ? [{ name: 'compat', feeds: ['compat'] as SectionId[], run: () => compat(c, info, opts) }] : []),
    {
      name: 'validation',
      // Rule findings about icons, playbooks, requirements and descriptions are shown in those sections.
      feeds: ['validation', 'icons', 'playbooks', 'dependencies', 'documentation'],
      sync: true,
      run: () => {
        if (c.infoJsonError) return [{ rule: 'info-json-parse', source: 'rules' as const, severity: 'error' as const, path: 'info.json', message: c.infoJsonError }];
        const report = createValidateService().validateSnapshot(c.snapshot);
        validation = { connector: report.connector, version: report.version };
        return report.findings;
      },
    },
    { name: 'ruff', feeds: ['python'], sync: true, run: () => lintPython(c.snapshot.files) },
    { name: 'security', feeds: ['security'], sync: true, run: () => analyzeFiles(c.snapshot.files) },
  ];
  const findings = await runChecks(sectionIds(opts, withTests), checks, opts.onProgress, typed.started);
  return { ...validation, findings, withTests };
}

async function compat(c: OpenedConnector, info: InfoJson | undefined, opts: ReviewOptions & { cwd?: string }): Promise<ReviewFinding[]> {
  if (!info) throw new ServiceError('VALIDATION', 'A compatibility report needs a readable info.json in the reviewed connector.');
  const old = await loadVersionInfo(opts.against as string, opts.cwd ?? process.cwd(), c.archive ? undefined : c.dir);
  return compatFindings(old, info);
}

export function assembleReport(connector: string, version: string, findings: readonly ReviewFinding[], withCompat: boolean, withCertification = false, withTests = false): ReviewReport {
  const sections = buildSections(findings, withCompat, withCertification, withTests);
  const all = sections.flatMap((s) => s.findings);
  const summary = summarizeReview(all);
  return { connector, version, findings: all, summary, sections, verdict: verdictOf(summary, withCertification), certificationChecked: withCertification };
}


export interface ReviewDeps {
  /** pyright's interpreter for a connector folder: the configured Python and the connector's virtualenv, so
   * imports resolve as in the editor. */
  pyright?: (connectorDir: string) => PyrightCliOptions;
}

export function createReviewService(deps: ReviewDeps = {}): ReviewService {
  async function review(absPath: string, opts: ReviewOptions & ReviewRunHooks & { cwd?: string } = {}): Promise<ReviewReport> {
    const root = path.resolve(opts.repositoryRoot ?? absPath);
    return withConnector(path.resolve(absPath), async (c) => {
      const { connector, version, findings, withTests } = await collect(c, root, opts, deps);
      return assembleReport(connector, version, findings, opts.against !== undefined, opts.certification === true, withTests);
    });
  }
  return { review };
}
