/** Server profiles: name, URL, authentication kind and TLS options in the user data folder; passwords, API
 * keys and HMAC private keys only in the SecretStore. The UI sees `secretSet`, never a secret. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readJsonFile } from '../workspace/json-file';
import type { ClientOptions, Credentials } from './client';
import type { ProfileAuth, ServerProfile, ServerProfileInput } from '../../../shared/models/publish';
import { displayFingerprint, profileProblems } from '../../../shared/models/server-profile';
export type { ProfileAuth, ServerProfile, ServerProfileInput };

const SECRET_NAMES: Record<ProfileAuth, string> = { password: 'password', apiKey: 'apiKey', hmac: 'hmacPrivateKey' };

/** The profile editor shows the same problems by field; here they are one message. */
export function throwOnProblems(input: ServerProfileInput, secretStored: boolean): void {
  const problems = profileProblems(input, secretStored);
  if (Object.keys(problems).length) throw new ServiceError('VALIDATION', Object.values(problems).join(' '), { problems });
}

/** Saved server profiles (publish/profiles.json in the user data folder) and their secrets. */
export interface ServerProfileStore {
  list(): Promise<ServerProfile[]>;
  /** NOT_FOUND for an unknown id. */
  get(id: string): Promise<ServerProfile>;
  /** Creates or (with `id`) updates a profile; a changed authentication kind drops the old secret. VALIDATION with
   * `problems` by field, CONFLICT on a taken name, NOT_FOUND for an unknown id. */
  save(input: ServerProfileInput): Promise<ServerProfile>;
  /** Removes the profile and its secret; an unknown id is not an error. */
  remove(id: string): Promise<void>;
  /** The user accepted the certificate the server presents (after comparing its fingerprint); undefined unpins. */
  pinCertificate(id: string, sha256: string | undefined): Promise<ServerProfile>;
  /** Everything createFortiSoarClient needs for this profile, secrets and CA bundle read now; `extra` wins. */
  clientOptions(id: string, extra?: Partial<ClientOptions>): Promise<ClientOptions>;
}

export function createServerProfileStore(userDataDir: string, secrets: SecretStore): ServerProfileStore {
  const file = path.join(userDataDir, 'publish', 'profiles.json');
  const secretId = (p: { id: string; auth: ProfileAuth }) => `publish:${p.id}:${SECRET_NAMES[p.auth]}`;
  const readAll = (): Promise<ServerProfile[]> => readJsonFile<ServerProfile[]>(file, []);

  async function get(id: string): Promise<ServerProfile> {
    const found = (await readAll()).find((p) => p.id === id);
    if (!found) throw new ServiceError('NOT_FOUND', `No server profile "${id}".`);
    return found;
  }

  async function save(input: ServerProfileInput): Promise<ServerProfile> {
    const all = await readAll();
    const previous = input.id ? all.find((p) => p.id === input.id) : undefined;
    if (input.id && !previous) throw new ServiceError('NOT_FOUND', `No server profile "${input.id}" to update.`);
    if (all.some((p) => p.name === input.name.trim() && p.id !== input.id)) throw new ServiceError('CONFLICT', `A server profile named "${input.name.trim()}" exists already.`);
    // A changed authentication kind makes the old secret meaningless.
    const keepSecret = previous?.auth === input.auth && previous.secretSet;
    throwOnProblems(input, keepSecret);
    const id = previous?.id ?? randomUUID();
    if (previous && previous.auth !== input.auth) await secrets.delete(secretId(previous));
    if (input.secret) await secrets.set(secretId({ id, auth: input.auth }), input.secret);
    const pinned = input.tls?.pinnedSha256 ? displayFingerprint(input.tls.pinnedSha256) : undefined;
    const profile: ServerProfile = {
      id,
      name: input.name.trim(),
      url: new URL(input.url).origin,
      auth: input.auth,
      ...(input.auth === 'password' ? { username: input.username!.trim() } : {}),
      ...(input.auth === 'hmac' ? { hmacPublicKey: input.hmacPublicKey!.trim() } : {}),
      tls: { ...(input.tls?.caFile ? { caFile: input.tls.caFile } : {}), ...(pinned ? { pinnedSha256: pinned } : {}) },
      ...(input.timeoutSec ? { timeoutSec: input.timeoutSec } : {}),
      secretSet: Boolean(input.secret) || keepSecret,
    };
    await writeJsonAtomic(file, [...all.filter((p) => p.id !== id), profile], 0o600);
    return profile;
  }

  async function remove(id: string): Promise<void> {
    const all = await readAll();
    const found = all.find((p) => p.id === id);
    if (!found) return;
    await secrets.delete(secretId(found));
    await writeJsonAtomic(file, all.filter((p) => p.id !== id), 0o600);
  }

  /** The user accepted the certificate the server presents (after comparing its fingerprint). */
  async function pinCertificate(id: string, sha256: string | undefined): Promise<ServerProfile> {
    const p = await get(id);
    return save({ ...p, tls: { ...p.tls, pinnedSha256: sha256 } });
  }

  async function credentials(p: ServerProfile): Promise<Credentials> {
    const secret = await secrets.get(secretId(p));
    if (secret === undefined) throw new ServiceError('VALIDATION', `The server profile "${p.name}" has no ${SECRET_NAMES[p.auth].replace('hmacPrivateKey', 'HMAC private key')} saved: edit the profile.`);
    if (p.auth === 'password') return { kind: 'password', username: p.username ?? '', password: secret };
    if (p.auth === 'apiKey') return { kind: 'apiKey', apiKey: secret };
    return { kind: 'hmac', publicKey: p.hmacPublicKey ?? '', privateKey: secret };
  }

  /** Everything createFortiSoarClient needs for this profile, secrets and CA bundle read now. */
  async function clientOptions(id: string, extra: Partial<ClientOptions> = {}): Promise<ClientOptions> {
    const p = await get(id);
    let ca: string | undefined;
    if (p.tls.caFile) {
      ca = await readFile(p.tls.caFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new ServiceError('NOT_FOUND', `Cannot read the CA bundle ${p.tls.caFile} of profile "${p.name}" (${e.code ?? e.message}).`);
      });
    }
    return {
      url: p.url,
      credentials: await credentials(p),
      tls: { ca, pinnedSha256: p.tls.pinnedSha256 },
      ...(p.timeoutSec ? { timeoutMs: p.timeoutSec * 1000 } : {}),
      ...extra,
    };
  }

  return { list: readAll, get, save, remove, pinCertificate, clientOptions };
}
