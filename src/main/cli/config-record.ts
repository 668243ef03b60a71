/** `connector-studio health` and `run`: the `--config` file is the configuration record, as a configuration is on a
 * FortiSOAR server. The connector receives it with the keys the server adds (shared/connector/server-config.ts),
 * and an update it saves (update_connnector_config) is merged into the file, so `health` then `run` behaves as on
 * the server. A file git tracks is never written: refreshed tokens must not land in git. */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSecretKeyName } from '../../shared/connector/secret-fields';
import { asReceived, changedFields, withoutServerKeys, type ConfigRecord } from '../../shared/connector/server-config';
import { gitClient, onGitExit } from '../services/git/git-runner';
import type { CallEffects, ConfigSaved } from '../services/runtime/types';
import { writeJsonAtomic } from '../services/workspace/atomic-write';
import type { CliIO } from './command';

/** RFC 4122's namespace for URLs: the file's `file://` URL names the record. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A UUID version 5 (SHA-1, RFC 4122 section 4.3) of `name` in `namespace`: the same name always gives the same id. */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The configuration id of a file without one of its own: derived from its absolute path, so it stays the same
 * across runs and differs between files. */
export const derivedConfigId = (file: string): string => uuidV5(pathToFileURL(path.resolve(file)).href);

/** The file's own `config_id` and `name` when it has them (a record exported from a server), else the derived id
 * and the file's base name. */
export function configRecordOf(file: string, values: Record<string, unknown>): ConfigRecord {
  const own = (key: string) => (typeof values[key] === 'string' && values[key] !== '' ? (values[key] as string) : undefined);
  return { configId: own('config_id') ?? derivedConfigId(file), name: own('name') ?? path.basename(file, path.extname(file)) };
}

/** What the connector receives for a call: the file's values and the keys the server adds. */
export const receivedFromFile = (file: string, values: Record<string, unknown>): Record<string, unknown> =>
  asReceived(values, configRecordOf(file, values), 'call');

/** Whether git tracks (or has staged) the file. Outside any repository it does not; when git cannot answer and
 * a repository may be around, the caller must not write. */
async function gitTracks(file: string, gitBinary: string): Promise<boolean | 'unknown'> {
  try {
    return await gitClient(path.dirname(file), gitBinary, { okExitCodes: [0] })
      .raw(['ls-files', '--error-unmatch', '--', path.basename(file)])
      .then(() => true)
      .catch(onGitExit(1, false));
  } catch (e) {
    if (/not a git repository/i.test(String((e as Error).message))) return false;
    return insideRepository(file) ? 'unknown' : false;
  }
}

function insideRepository(file: string): boolean {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

const MASK = '********';

/** The call's configuration updates with every secret masked (password fields, secret-named keys such as a
 * refreshed `access_token`): what `--json` prints, since its output may end up in a CI log. */
export function maskedUpdates(updates: CallEffects['configUpdates'], passwordFields: readonly string[]): CallEffects['configUpdates'] {
  const secret = (k: string) => passwordFields.includes(k) || isSecretKeyName(k);
  return updates?.map((u) => ({ ...u, config: Object.fromEntries(Object.entries(u.config).map(([k, v]) => [k, secret(k) && v !== '' && v !== null ? MASK : v])) }));
}

/** Merges the connector's configuration updates into the `--config` file and says so on stderr; a file git tracks
 * (or one in a repository git could not be asked about) is left unchanged, with a warning. Nothing changed:
 * nothing written, nothing said. */
export async function saveUpdatesToFile(
  file: string,
  sent: Record<string, unknown>,
  updates: CallEffects['configUpdates'],
  gitBinary: string,
  io: Pick<CliIO, 'err'>,
): Promise<ConfigSaved | undefined> {
  if (!updates?.length) return undefined;
  const fields = [...new Set(updates.flatMap((u) => changedFields(sent, u.config)))].sort();
  if (!fields.length) return undefined;
  const what = `the connector updated its configuration (${fields.join(', ')})`;
  const tracked = await gitTracks(file, gitBinary);
  if (tracked !== false) {
    const why = tracked === true ? `${file} is tracked by git` : `git could not say whether ${file} is tracked`;
    io.err(`connector-studio: warning: ${what}, but ${why}: not written, because refreshed tokens must not land in git. Keep the configuration in a file git ignores (add it to .gitignore) and health and run save such updates.`);
    return { fields, target: file, notWritten: 'git-tracked' };
  }
  // Read again: the file is the record, and only what the connector changed is merged into it.
  const current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const merged = updates.reduce((acc, u) => ({ ...acc, ...withoutServerKeys(u.config) }), current);
  // The file may hold passwords: it keeps its permissions.
  await writeJsonAtomic(file, merged, statSync(file).mode & 0o777);
  io.err(`connector-studio: ${what}: saved to ${file}`);
  return { fields, target: file };
}
