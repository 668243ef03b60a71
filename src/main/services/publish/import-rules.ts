/** The server's own import checks (reference/connector-format.md, "Server import"), in one module: the
 * publish pre-flight runs them locally and the sandbox server enforces them. Where a shared rule states
 * exactly a server check, it is reused; the archive-level checks are here. */
import path from 'node:path';
import { readInfoJson, validateSnapshot } from '../../../shared/connector/engine';
import type { Finding } from '../../../shared/connector/findings';
import { allRules } from '../../../shared/connector/rules/index';
import { isServiceError } from '../errors';
import { safeExtractTgz, type SafeExtractOptions } from '../packaging/safe-extract';
import { readSnapshot } from '../validate/read-snapshot';
import { pathExists } from '../workspace/fs-probe';

/** Shared rules that are, word for word, checks of the server's import. */
export const SERVER_IMPORT_RULES = [
  'name-format',
  'folder-name',
  'version-format',
  'reserved-config-name',
  'annotation-category-conflict',
  'operations-present',
  'operation-name-present',
  'operation-title-present',
  'operation-duplicate',
] as const;

const RULES = allRules.filter((r) => (SERVER_IMPORT_RULES as readonly string[]).includes(r.id));

export interface ImportCheck {
  /** Empty when the server would import the package. */
  readonly problems: Finding[];
  readonly name?: string;
  readonly version?: string;
  readonly label?: string;
  /** The parsed info.json, when it parsed. */
  readonly info?: Record<string, unknown>;
}

const problem = (rule: string, message: string, file = 'info.json'): Finding => ({ rule, source: 'rules', severity: 'error', message, path: file });

/** Checks an extracted package's single top-level folder. */
export async function checkImportFolder(dir: string): Promise<ImportCheck> {
  const problems: Finding[] = [];
  if (!(await pathExists(path.join(dir, 'connector.py'))))
    problems.push(problem('import-connector-py', `The package has no ${path.basename(dir)}/connector.py: the server imports the Connector class from it.`, 'connector.py'));
  const { snapshot, infoJsonError } = await readSnapshot(dir, { metadataOnly: true, keepAll: true });
  if (infoJsonError) return { problems: [...problems, problem('info-json-parse', infoJsonError)] };
  const read = readInfoJson(snapshot);
  if (!read.ok) return { problems: [...problems, read.finding] };
  problems.push(...validateSnapshot(snapshot, { rules: RULES }));
  const info = read.info as Record<string, unknown>;
  const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : undefined);
  return { problems, name: str('name'), version: str('version'), label: str('label'), info };
}

export interface ExtractedImport extends ImportCheck {
  /** The extracted connector folder (inside a temporary folder) when the archive could be read. */
  readonly dir?: string;
  /** What extraction left out and why (stray top-level files, virtualenv and .git folders). */
  readonly warnings: readonly string[];
  /** Removes the temporary folder. */
  dispose(): Promise<void>;
}

/** Extracts a package safely (valid gzip tar, exactly one top-level folder) and checks it. The caller
 * disposes of the result; `dir` may be moved elsewhere first. */
export async function extractAndCheck(tgz: string, opts: SafeExtractOptions = {}): Promise<ExtractedImport> {
  let extracted;
  try {
    extracted = await safeExtractTgz(tgz, opts);
  } catch (e) {
    if (!isServiceError(e)) throw e;
    return { problems: [problem('import-archive', `The package cannot be imported: ${e.message}.`, path.basename(tgz))], warnings: [], dispose: async () => undefined };
  }
  const check = await checkImportFolder(extracted.dir);
  return { ...check, dir: extracted.dir, warnings: extracted.warnings, dispose: extracted.dispose };
}

/** The same checks on an archive, leaving nothing behind. */
export async function checkImportTgz(tgz: string, opts: SafeExtractOptions = {}): Promise<ImportCheck> {
  const { dispose, dir: _dir, warnings: _warnings, ...check } = await extractAndCheck(tgz, opts);
  await dispose();
  return check;
}
