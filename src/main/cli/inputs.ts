/** Input checks shared by `connector-studio health` and `run`: the connector folder or .tgz, JSON files named by
 * flags, and the cassette flags. Bad input throws InputError (exit 2 with the message). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CASSETTE_NAME, cassetteRelPath } from '../../shared/models/cassette';
import { safeExtractTgz, type SafeExtractResult } from '../services/packaging/safe-extract';
import { tryReadConnectorInfo } from '../services/runtime/connector-info';
import type { CassetteSpec } from '../services/runtime/types';
import { resolveInside } from '../services/workspace/safe-path';
import { InputError } from './errors';

export const isTgz = (arg: string) => /\.(tgz|tar\.gz)$/i.test(arg);

export function connectorFolder(arg: string | undefined, cwd: string): string {
  if (!arg) throw new InputError('give the connector folder');
  if (isTgz(arg)) throw new InputError(`${arg} is an archive: open it with openConnectorInput`);
  const folder = path.resolve(cwd, arg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError(`no such folder: ${folder}`);
  for (const file of ['info.json', 'connector.py'])
    if (!existsSync(path.join(folder, file))) throw new InputError(`${folder} is not a connector folder: it has no ${file}`);
  if (!tryReadConnectorInfo(folder)) throw new InputError(`${path.join(folder, 'info.json')} is not valid JSON`);
  return folder;
}

export function readJsonObject(file: string | boolean | undefined, flag: string, cwd: string): Record<string, unknown> {
  if (typeof file !== 'string') throw new InputError(`--${flag} FILE is required`);
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read --${flag} ${full}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`--${flag} ${full} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(`--${flag} ${full} must hold a JSON object of field names and values`);
  return value as Record<string, unknown>;
}

/** `--record CASSETTE` or `--replay CASSETTE` as given (not both); where it lands needs the connector too. */
export interface CassetteFlag {
  readonly mode: 'record' | 'replay';
  readonly value: string;
}

export function cassetteFlag(flags: Record<string, string | boolean>): CassetteFlag | undefined {
  if (flags.record !== undefined && flags.replay !== undefined) throw new InputError('give --record or --replay, not both');
  for (const mode of ['record', 'replay'] as const) {
    const value = flags[mode];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value) throw new InputError(`--${mode} needs a cassette name`);
    return { mode, value };
  }
  return undefined;
}

/** The project a connector folder belongs to: the `connector-<name>/` git repository around it, or itself. */
export function projectRootOf(folder: string): string {
  const parent = path.dirname(folder);
  if (existsSync(path.join(folder, '.git'))) return folder;
  return existsSync(path.join(parent, '.git')) || path.basename(parent).startsWith('connector-') ? parent : folder;
}

/** A name lands at `<project root>/tests/cassettes/<operation>-<name>.json`, as in the IDE (for an archive the
 * project root is the working directory). A value ending in .json or holding a slash stays a file path, so
 * scripts written for the older flag keep working. A cassette to replay must exist. */
export async function resolveCassette(
  flag: CassetteFlag | undefined,
  where: { cwd: string; folder: string; operation: string; archive: boolean },
): Promise<CassetteSpec | undefined> {
  if (!flag) return undefined;
  const { mode, value } = flag;
  const isPath = /[\\/]/.test(value) || value.toLowerCase().endsWith('.json');
  if (!isPath && !CASSETTE_NAME.test(value)) throw new InputError(`--${mode} ${value}: a cassette name has only letters, digits, ".", "-" and "_"`);
  const root = where.archive ? where.cwd : projectRootOf(where.folder);
  const file = isPath ? path.resolve(where.cwd, value) : await resolveInside(root, cassetteRelPath(where.operation, value));
  if (mode === 'replay' && !existsSync(file)) throw new InputError(`no cassette to replay: ${file} does not exist (record it with --record)`);
  return { mode, path: file };
}

export interface ConnectorInput {
  readonly folder: string;
  /** Removes the temporary folder of an extracted .tgz; nothing for a folder. */
  dispose(): Promise<void>;
}

/** A connector folder, or a .tgz safely extracted to a temporary folder (call dispose when done). */
export async function openConnectorInput(arg: string | undefined, cwd: string): Promise<ConnectorInput> {
  if (!arg || !isTgz(arg)) return { folder: connectorFolder(arg, cwd), dispose: async () => undefined };
  const file = path.resolve(cwd, arg);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`no such file: ${file}`);
  let extracted: SafeExtractResult;
  try {
    extracted = await safeExtractTgz(file);
  } catch (e) {
    throw new InputError(`cannot open ${file}: ${(e as Error).message}`);
  }
  try {
    return { folder: connectorFolder(extracted.dir, cwd), dispose: () => extracted.dispose() };
  } catch (e) {
    await extracted.dispose();
    throw e;
  }
}
