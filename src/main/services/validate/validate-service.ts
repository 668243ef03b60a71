/** validate: folder or .tgz -> ValidationReport (JSON Schema via ajv + the shared rule engine). */
import { buildReport, compareFindings, runEngine } from '../../../shared/connector/engine';
import { summarize, type Finding, type ValidationReport } from '../../../shared/connector/findings';
import type { ValidationProfile } from '../../../shared/connector/profiles';
import type { ConnectorSnapshot } from '../../../shared/connector/snapshot';
import { ServiceError } from '../errors';
import type { SafeExtractOptions } from '../packaging/safe-extract';
import type { FixOutcome } from './fix-folder';
import { locateConnectorDir, packageConnectorDir } from './locate';
import { statIfPresent } from '../workspace/fs-probe';
import { readSnapshot } from './read-snapshot';
import { schemaFindings } from './schema-check';

export interface ValidateOptions {
  /** info.json and assets only: no code rules (and Python files are not read). Server profile only. */
  readonly metadataOnly?: boolean;
  /** `server` (default): what the server's import refuses or what certainly fails at run time are errors.
   * `certification`: Fortinet's certification CI, check by check (profiles.ts). */
  readonly profile?: ValidationProfile;
  /** Certification: the year the copyright block must carry (default: the current year). */
  readonly year?: number;
}

export interface ValidateService {
  /** Validates a connector folder (or a project root holding one `<name>/` connector folder). */
  validateFolder(absDir: string, opts?: ValidateOptions): Promise<ValidationReport>;
  /** Extracts the archive safely into a temporary folder, validates it, and removes the folder. */
  validateTgz(absPath: string, opts?: ValidateOptions & SafeExtractOptions): Promise<ValidationReport>;
  /** A folder or a .tgz, decided by what the path is. */
  validatePath(absPath: string, opts?: ValidateOptions): Promise<ValidationReport>;
  /** The pure part, for callers that already hold a snapshot (tests, benchmarks). */
  validateSnapshot(snapshot: ConnectorSnapshot): ValidationReport;
  /** Applies the safe quick fixes to a connector folder (atomic writes) and validates it again. */
  fixFolder(absDir: string, opts?: ValidateOptions): Promise<FixOutcome>;
}

/** Loaded on demand: the spelling dictionary and the CI's checks are for the certification profile only, and a
 * plain validation (the CLI's, CI's batch runs) should not pay for loading them. */
const certification = () => import('./certification');

/** Rule findings plus schema findings at pointers no rule already explains, in the engine's order. */
function validateWithSchema(snapshot: ConnectorSnapshot): ValidationReport {
  const { findings, info } = runEngine(snapshot);
  if (info) {
    const schema = schemaFindings(info);
    if (schema.length > 0) {
      const covered = new Set(findings.map((f) => f.pointer));
      for (const f of schema) if (!covered.has(f.pointer)) findings.push(f);
      findings.sort(compareFindings);
    }
  }
  return buildReport(snapshot, findings, info);
}

async function validateFolder(absDir: string, opts: ValidateOptions = {}): Promise<ValidationReport> {
  const connectorDir = await locateConnectorDir(absDir);
  // The CI checks every .py file of the repository: the folder the user named is its root.
  if (opts.profile === 'certification') return (await certification()).certificationReport(absDir, connectorDir, opts);
  return validateDir(connectorDir, opts, false);
}

async function validateDir(dir: string, opts: ValidateOptions, keepAll: boolean): Promise<ValidationReport> {
  const { snapshot, infoJsonError } = await readSnapshot(dir, { metadataOnly: opts.metadataOnly === true, keepAll });
  if (infoJsonError === undefined) return validateWithSchema(snapshot);
  const findings: Finding[] = [{ rule: 'info-json-parse', source: 'rules', severity: 'error', path: 'info.json', message: infoJsonError }];
  return { connector: snapshot.folderName, version: '', findings, summary: summarize(findings) };
}

async function validateTgz(absPath: string, opts: ValidateOptions & SafeExtractOptions = {}): Promise<ValidationReport> {
  // Loaded on demand: most runs validate a folder and need not load node-tar.
  const { safeExtractTgz } = await import('../packaging/safe-extract');
  const extracted = await safeExtractTgz(absPath, opts);
  try {
    const dir = await packageConnectorDir(absPath, extracted);
    if (opts.profile === 'certification') return await (await certification()).certificationReport(dir, dir, opts);
    return await validateDir(dir, opts, true);
  } finally {
    await extracted.dispose();
  }
}

async function validatePath(absPath: string, opts: ValidateOptions = {}): Promise<ValidationReport> {
  const st = await statIfPresent(absPath);
  if (!st) throw new ServiceError('NOT_FOUND', `${absPath} does not exist`);
  return st.isDirectory() ? validateFolder(absPath, opts) : validateTgz(absPath, opts);
}

export function createValidateService(): ValidateService {
  return { validateFolder, validateTgz, validatePath, validateSnapshot: validateWithSchema, fixFolder: fixWith };
}

/** Each pass validates as validateFolder does with the same options, so --fix fixes what the command reports.
 * Loaded on demand: a plain validation needs neither the fixes nor jsonc-parser. */
async function fixWith(absDir: string, opts: ValidateOptions = {}): Promise<FixOutcome> {
  const { fixFolder } = await import('./fix-folder');
  return fixFolder(absDir, (dir) => validateFolder(dir, opts));
}
