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
import { buildSections, summarizeReview, verdictOf } from './sections';
import type { ReviewFinding, ReviewOptions, ReviewReport } from './types';
import { settled } from '../../../shared/settled';

export interface ReviewService {
  /** Reviews a folder (or a project root holding one connector folder) or a .tgz. Relative `against` paths
   * resolve from `cwd` (default: the process's). */
  review(absPath: string, opts?: ReviewOptions & { cwd?: string }): Promise<ReviewReport>;
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
}

/** The certification profile over the repository the user named (a folder), or the package's contents. */
async function certification(c: OpenedConnector, root: string, opts: ReviewOptions): Promise<ReviewFinding[]> {
  const report = await certificationReport(c.archive ? c.dir : root, c.dir, { year: opts.year });
  return report.findings;
}

/** pyright's run, started first: its process checks while this one validates and lints (the CLI's cold start is
 * most of a review). Resolves `started` once the process runs, or as soon as it cannot. */
function startPyright(dir: string, deps: ReviewDeps): { findings: Promise<ReviewFinding[]>; started: Promise<void> } {
  let spawned!: () => void;
  const running = new Promise<void>((resolve) => (spawned = resolve));
  const findings = pyrightFindings(dir, { ...(deps.pyright?.(dir) ?? {}), onSpawn: spawned });
  // A failed run is reported by `findings`; `started` only says when to go on.
  const started = Promise.race([running, settled(findings)]);
  return { findings, started };
}

async function collect(c: OpenedConnector, root: string, opts: ReviewOptions & { cwd?: string }, deps: ReviewDeps): Promise<Collected> {
  const pyright = startPyright(c.dir, deps);
  const background = Promise.all([pyright.findings, dependencyFindings(c, opts), c.readText(RELEASE_NOTES)]);
  // Marks a failure as handled while this function is busy elsewhere; it is still thrown by the await below.
  void settled(background);
  await pyright.started;
  const validation = c.infoJsonError
    ? { connector: c.snapshot.folderName, version: '', findings: [{ rule: 'info-json-parse', source: 'rules' as const, severity: 'error' as const, path: 'info.json', message: c.infoJsonError }] }
    : createValidateService().validateSnapshot(c.snapshot);
  const info = parsedInfo(c);
  const ruff = lintPython(c.snapshot.files);
  const security = analyzeFiles(c.snapshot.files);
  const [typed, dependency, notes] = await background;
  // The same order as when the sections ran one after another: the report must not change.
  const findings: ReviewFinding[] = [...validation.findings, ...ruff, ...typed, ...security, ...dependency];
  if (info) findings.push(...documentationFindings(info, notes));
  if (opts.certification) findings.push(...(await certification(c, root, opts)));
  if (opts.against !== undefined) {
    if (!info) throw new ServiceError('VALIDATION', 'A compatibility report needs a readable info.json in the reviewed connector.');
    const old = await loadVersionInfo(opts.against, opts.cwd ?? process.cwd(), c.archive ? undefined : c.dir);
    findings.push(...compatFindings(old, info));
  }
  return { connector: validation.connector, version: validation.version, findings };
}

export function assembleReport(connector: string, version: string, findings: readonly ReviewFinding[], withCompat: boolean, withCertification = false): ReviewReport {
  const sections = buildSections(findings, withCompat, withCertification);
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
  async function review(absPath: string, opts: ReviewOptions & { cwd?: string } = {}): Promise<ReviewReport> {
    const root = path.resolve(opts.repositoryRoot ?? absPath);
    return withConnector(path.resolve(absPath), async (c) => {
      const { connector, version, findings } = await collect(c, root, opts, deps);
      return assembleReport(connector, version, findings, opts.against !== undefined, opts.certification === true);
    });
  }
  return { review };
}
