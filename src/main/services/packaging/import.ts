/** Imports a connector .tgz into a workspace. The archive is extracted by safe-extract (every hostile-archive
 * check) into a temporary folder inside `into`, so the final rename stays on one filesystem and the folder appears
 * complete or not at all. A project whose info.json `name` is the package's is the same connector, whatever its
 * folder is called: the import stops with CONFLICT and the caller picks `replace` (the project's connector folder
 * takes the package's files, committed as one new version) or `copy` (a new project `<name>-2`). */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ServiceError, ifMissing, isServiceError } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pathExists } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { readInfoJsonText } from './info-json-size';
import { safeExtractTgz, type SafeExtractOptions } from './safe-extract';

/** What to do when the connector is already in the workspace. */
export type ImportMode = 'replace' | 'copy';

/** A workspace project holding a connector of the package's name. */
export interface ExistingConnector {
  /** The project's root folder (its git repository, when it has one). */
  readonly root: string;
  /** The folder holding its info.json: the one a replace swaps. */
  readonly connectorDir: string;
}

export interface ImportOptions extends SafeExtractOptions {
  /** The workspace folder that receives `<name>/`. */
  readonly into: string;
  /** Asked only when the connector exists; without it that is a CONFLICT. */
  readonly mode?: ImportMode;
  /** The same as mode 'replace' (the CLI's --replace). */
  readonly replace?: boolean;
  /** The project whose info.json `name` is `name` (the projects service); without it only a folder of the
   * archive's top-level name counts as existing. */
  readonly findByName?: (name: string) => Promise<ExistingConnector | undefined>;
  /** Commits the replaced connector folder as one new version; the commit's sha, or undefined when the project
   * has no repository. Throws (nothing replaced yet) when the commit cannot be made, checked by `canCommit`. */
  readonly commitReplaced?: (existing: ExistingConnector, message: string) => Promise<string | undefined>;
  /** Throws when commitReplaced would fail (git has no identity): asked before any file moves. */
  readonly canCommit?: (existing: ExistingConnector) => Promise<void>;
}

export interface ImportResult {
  /** Absolute path of the project: the imported connector folder, or the root of the project it replaced. */
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly replaced: boolean;
  /** The commit that recorded a replace as a new version. */
  readonly sha?: string;
  /** For mode 'copy': the name the package had; `name` is the copy's. */
  readonly copyOf?: string;
  /** Stray files beside the connector folder in the archive, not imported. */
  readonly skipped: string[];
  /** Virtualenv and git folders inside the connector folder in the archive, not imported. */
  readonly dropped: string[];
  /** One line per skipped file and dropped folder, for the UI and the CLI to show. */
  readonly warnings: string[];
}

type Placed = Omit<ImportResult, 'skipped' | 'dropped' | 'warnings'>;

export async function importArchive(tgz: string, opts: ImportOptions): Promise<ImportResult> {
  const into = path.resolve(opts.into);
  await mkdir(into, { recursive: true });
  // A hidden staging folder: the workspace's project list never shows a half-extracted archive.
  const staging = await mkdtemp(path.join(into, '.import-'));
  try {
    const extracted = await safeExtractTgz(path.resolve(tgz), { ...opts, tempParent: staging });
    const placed = await moveIntoPlace(extracted.dir, extracted.topLevel, into, opts, path.basename(tgz));
    return { ...placed, skipped: extracted.skipped, dropped: extracted.dropped, warnings: extracted.warnings };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function moveIntoPlace(dir: string, topLevel: string, into: string, opts: ImportOptions, fileName: string): Promise<Placed> {
  const info = await infoOf(dir);
  const name = info.name || topLevel;
  const version = info.version;
  const folder = await resolveInside(into, topLevel);
  const byName = await opts.findByName?.(name);
  const existing = byName ?? ((await pathExists(folder)) ? { root: folder, connectorDir: folder } : undefined);
  if (existing === undefined) {
    await rename(dir, folder);
    return { dir: folder, name, version, replaced: false };
  }
  const mode = opts.mode ?? (opts.replace ? 'replace' : undefined);
  const existingVersion = (await pathExists(existing.connectorDir)) ? (await infoOf(existing.connectorDir).catch(unshownInfo)).version : '';
  if (mode === undefined)
    throw new ServiceError(
      'CONFLICT',
      `${name}${existingVersion ? ` (version ${existingVersion})` : ''} is already in the workspace at ${existing.root}: replace it with this package as a new version, import it as a copy, or cancel.`,
      { name, existingVersion, importedVersion: version, existingDir: existing.root },
    );
  if (mode === 'copy') return placeCopy(dir, into, name, version, opts);
  await opts.canCommit?.(existing);
  await swapConnectorFiles(dir, existing.connectorDir);
  const from = existingVersion ? ` ${existingVersion}` : '';
  const sha = await opts.commitReplaced?.(existing, `Replace ${name}${from} with ${version || 'the version'} from ${fileName}`);
  return { dir: existing.root, name, version, replaced: true, ...(sha ? { sha } : {}) };
}

/** The package under the first free name `<name>-2`, `<name>-3`...: its folder and its info.json `name` both,
 * so Home, the platform and the next import tell the two apart. */
async function placeCopy(dir: string, into: string, name: string, version: string, opts: ImportOptions): Promise<Placed> {
  for (let n = 2; n < 100; n++) {
    const copyName = `${name}-${n}`;
    const target = await resolveInside(into, copyName);
    if ((await pathExists(target)) || (await opts.findByName?.(copyName))) continue;
    await renameConnector(dir, copyName);
    await rename(dir, target);
    return { dir: target, name: copyName, version, replaced: false, copyOf: name };
  }
  throw new ServiceError('CONFLICT', `${name}-2 to ${name}-99 are all taken in ${into}: remove a copy first.`);
}

async function renameConnector(dir: string, name: string): Promise<void> {
  const infoPath = path.join(dir, 'info.json');
  if (!(await pathExists(infoPath))) return;
  const text = await readFile(infoPath, 'utf8');
  const info = parseJsonOrUndefined(text.replace(/^\uFEFF/, '')) as { label?: unknown } | null | undefined;
  // Not JSON: nothing to rename in it; validate explains the problem.
  if (!info || typeof info !== 'object') return;
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2 } };
  let out = applyEdits(text, modify(text, ['name'], name, fmt));
  if (typeof info.label === 'string') out = applyEdits(out, modify(out, ['label'], `${info.label} (copy)`, fmt));
  await writeFileAtomic(infoPath, out);
}

/** What a replace keeps of the folder it replaces: its repository (when the connector folder is the project
 * root) and its virtualenvs, which the archive never carries. */
const KEPT = new Set(['.git', '.venv', 'venv']);

/** The old folder is moved aside first and put back if the new one cannot take its place. */
async function swapConnectorFiles(from: string, target: string): Promise<void> {
  const kept = (await readdir(target).catch(ifMissing([] as string[]))).filter((n) => KEPT.has(n.toLowerCase()));
  for (const n of kept) await rename(path.join(target, n), path.join(from, n));
  const aside = path.join(path.dirname(target), `.${path.basename(target)}.replaced-${randomBytes(4).toString('hex')}`);
  try {
    await rename(target, aside);
  } catch (e) {
    for (const n of kept) await rename(path.join(from, n), path.join(target, n));
    throw e;
  }
  try {
    await rename(from, target);
  } catch (e) {
    await rename(aside, target);
    for (const n of kept) await rename(path.join(from, n), path.join(target, n));
    throw e;
  }
  await rm(aside, { recursive: true, force: true });
}

/** '' for what info.json lacks, and for both when it is missing or not JSON: the archive still imports, and
 * validate explains the problem. Throws when it is too large (checked before reading it). */
async function infoOf(dir: string): Promise<{ name: string; version: string }> {
  const text = await readInfoJsonText(dir);
  if (text === undefined) return { name: '', version: '' };
  const info = parseJsonOrUndefined(text.replace(/^\uFEFF/, '')) as { name?: unknown; version?: unknown } | null | undefined;
  return { name: typeof info?.name === 'string' ? info.name : '', version: typeof info?.version === 'string' ? info.version : '' };
}

/** The folder being replaced may be broken in any way (too large an info.json, not a file): that refusal (VALIDATION)
 * only means its version is not shown. */
function unshownInfo(e: unknown): { name: string; version: string } {
  if (isServiceError(e) && e.code === 'VALIDATION') return { name: '', version: '' };
  throw e;
}
