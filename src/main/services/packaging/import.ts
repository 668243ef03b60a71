/** Imports a connector .tgz into a workspace as the bare connector folder `<into>/<name>/`. The archive is
 * extracted by safe-extract (every hostile-archive check) into a temporary folder inside `into`, so the final
 * rename stays on one filesystem and the folder appears complete or not at all. */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ServiceError, isServiceError } from '../errors';
import { pathExists } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { readInfoJsonText } from './info-json-size';
import { safeExtractTgz, type SafeExtractOptions } from './safe-extract';

export interface ImportOptions extends SafeExtractOptions {
  /** The workspace folder that receives `<name>/`. */
  readonly into: string;
  /** Replace an existing folder of that name (the UI asks first); refused otherwise. */
  readonly replace?: boolean;
}

export interface ImportResult {
  /** Absolute path of the imported connector folder. */
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly replaced: boolean;
  /** Stray files beside the connector folder in the archive, not imported. */
  readonly skipped: string[];
  /** Virtualenv and git folders inside the connector folder in the archive, not imported. */
  readonly dropped: string[];
  /** One line per skipped file and dropped folder, for the UI and the CLI to show. */
  readonly warnings: string[];
}

export async function importArchive(tgz: string, opts: ImportOptions): Promise<ImportResult> {
  const into = path.resolve(opts.into);
  await mkdir(into, { recursive: true });
  // A hidden staging folder: the workspace's project list never shows a half-extracted archive.
  const staging = await mkdtemp(path.join(into, '.import-'));
  try {
    const extracted = await safeExtractTgz(path.resolve(tgz), { ...opts, tempParent: staging });
    const placed = await moveIntoPlace(extracted.dir, extracted.topLevel, into, opts.replace === true);
    return { ...placed, skipped: extracted.skipped, dropped: extracted.dropped, warnings: extracted.warnings };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function moveIntoPlace(dir: string, name: string, into: string, replace: boolean): Promise<Omit<ImportResult, 'skipped' | 'dropped' | 'warnings'>> {
  const version = await versionOf(dir);
  const target = await resolveInside(into, name);
  const existing = (await pathExists(target)) ? await versionOf(target).catch(unshownVersion) : undefined;
  if (existing !== undefined && !replace)
    throw new ServiceError(
      'CONFLICT',
      `${name} already exists in ${into}${existing ? ` (version ${existing})` : ''}: import it with replace, or remove or rename the folder first.`,
      { name, existingVersion: existing, importedVersion: version },
    );
  if (existing !== undefined) await swapInto(dir, target);
  else await rename(dir, target);
  return { dir: target, name, version, replaced: existing !== undefined };
}

/** The old folder is moved aside first and put back if the new one cannot take its place. */
async function swapInto(from: string, target: string): Promise<void> {
  const aside = path.join(path.dirname(target), `.${path.basename(target)}.replaced-${randomBytes(4).toString('hex')}`);
  await rename(target, aside);
  try {
    await rename(from, target);
  } catch (e) {
    await rename(aside, target);
    throw e;
  }
  await rm(aside, { recursive: true, force: true });
}

/** '' when info.json is missing or not JSON: the archive still imports, and validate explains the problem.
 * Throws when it is too large (checked before reading it). */
async function versionOf(dir: string): Promise<string> {
  const text = await readInfoJsonText(dir);
  if (text === undefined) return '';
  // Not JSON: validate reports it with the line and column.
  const info = parseJsonOrUndefined(text.replace(/^\uFEFF/, '')) as { version?: unknown } | null | undefined;
  return typeof info?.version === 'string' ? info.version : '';
}

/** The folder being replaced may be broken in any way (too large an info.json, not a file): that refusal (VALIDATION)
 * only means its version is not shown. */
function unshownVersion(e: unknown): string {
  if (isServiceError(e) && e.code === 'VALIDATION') return '';
  throw e;
}
