import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CASSETTE_NAME, cassetteRelPath } from '../../../shared/models/cassette';
import { defaultUserDataDir } from '../settings/paths';
import { resolveInside } from '../workspace/safe-path';
import { pythonCandidates } from '../settings/tool-detect';
import { tryReadConnectorInfo } from './connector-info';
import { createEnvironmentService } from './environment-service';
import { createRuntimeService } from './runtime-service';
import { safeExtractTgz, type SafeExtractResult } from '../packaging/safe-extract';
import type { CallOutput, CassetteSpec, LogEntry, RuntimeService } from './types';

/** Input checks and output formatting shared by `connector-studio health` and `run`. Bad input throws
 * InputError; the commands turn it into a usage error (exit code 2 with the message). */
export class InputError extends Error {}

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

/** The app's Python settings and per-connector environments, for a CLI command: the interpreter from
 * CONNECTOR_STUDIO_PYTHON or the app's settings, and the virtualenvs the IDE's Environment tab installed. */
export function cliEnvironment(env: NodeJS.ProcessEnv) {
  const userDataDir = defaultUserDataDir(env);
  let settings: { pythonPath?: string; runtimeTimeoutSec?: number; workerMemoryLimitMb?: number } = {};
  try {
    settings = JSON.parse(readFileSync(path.join(userDataDir, 'settings.json'), 'utf8')) as typeof settings;
  } catch {
    // no settings yet: defaults
  }
  const configured = env.CONNECTOR_STUDIO_PYTHON || settings.pythonPath || '';
  const pythonCommand = pythonCandidates(configured)[0];
  const environments = createEnvironmentService({
    userDataDir,
    connectorDirOf: async (projectId) => projectId,
    settingsPython: async () => pythonCommand,
    stopWorker: async () => undefined,
    emit: () => undefined,
  });
  return { userDataDir, settings, configured, pythonCommand, environments };
}

/** A runtime for one CLI command: interpreter and timeout from CONNECTOR_STUDIO_PYTHON or the app's settings. */
export function cliRuntime(env: NodeJS.ProcessEnv): RuntimeService {
  // The same per-connector interpreter and virtualenv as the IDE's Test view, so `run` behaves like Execute.
  const { userDataDir, settings, pythonCommand, environments } = cliEnvironment(env);
  return createRuntimeService({
    dataDir: path.join(userDataDir, 'runtime'),
    pythonCommand,
    timeoutMs: (settings.runtimeTimeoutSec ?? 60) * 1000,
    memoryLimitMb: settings.workerMemoryLimitMb,
    resolvePython: environments.pythonFor,
  });
}

const time = (iso: string) => iso.slice(11, 23);

export function formatLog(e: LogEntry): string {
  const [first, ...rest] = e.message.split('\n');
  return [`  ${time(e.time)} ${e.level.padEnd(7)} ${e.logger}: ${first}`, ...rest.map((l) => `      ${l}`)].join('\n');
}

/** Logs and captured output, for the human-readable form. */
export function formatOutput(r: CallOutput): string[] {
  const lines: string[] = [];
  if (r.logs.length) lines.push('Logs:', ...r.logs.map(formatLog));
  for (const stream of ['stdout', 'stderr'] as const)
    if (r[stream]) lines.push(`${stream}:`, ...r[stream].trimEnd().split('\n').map((l) => `  ${l}`));
  return lines;
}
