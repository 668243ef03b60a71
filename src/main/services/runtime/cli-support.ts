import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultUserDataDir } from '../settings/paths';
import { pythonCandidates } from '../settings/tool-detect';
import { tryReadConnectorInfo } from './connector-info';
import { createRuntimeService } from './runtime-service';
import type { CallOutput, LogEntry, RuntimeService } from './types';

/** Input checks and output formatting shared by `connector-studio health` and `run`. Bad input throws
 * InputError; the commands turn it into a usage error (exit code 2 with the message). */
export class InputError extends Error {}

export function connectorFolder(arg: string | undefined, cwd: string): string {
  if (!arg) throw new InputError('give the connector folder');
  if (/\.(tgz|tar\.gz)$/i.test(arg)) throw new InputError(`running a .tgz is not yet supported: extract it, or run its folder (${arg})`);
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

export function refuseCassettes(flags: Record<string, string | boolean>): void {
  for (const f of ['record', 'replay'])
    if (flags[f] !== undefined) throw new InputError(`--${f} is not yet supported`);
}

/** A runtime for one CLI command: interpreter and timeout from CONNECTOR_STUDIO_PYTHON or the app's settings. */
export function cliRuntime(env: NodeJS.ProcessEnv): RuntimeService {
  const userDataDir = defaultUserDataDir(env);
  let settings: { pythonPath?: string; runtimeTimeoutSec?: number } = {};
  try {
    settings = JSON.parse(readFileSync(path.join(userDataDir, 'settings.json'), 'utf8')) as typeof settings;
  } catch {
    // no settings yet: defaults
  }
  const configured = env.CONNECTOR_STUDIO_PYTHON || settings.pythonPath || '';
  return createRuntimeService({
    dataDir: path.join(userDataDir, 'runtime'),
    pythonCommand: pythonCandidates(configured)[0],
    timeoutMs: (settings.runtimeTimeoutSec ?? 60) * 1000,
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
