import type { ProfileAuth, ServerProfile, ServerProfileInput } from '../../../../shared/models/publish';
import { profileProblems, type ProfileProblems } from '../../../../shared/models/server-profile';

export interface ProfileForm {
  readonly id?: string;
  readonly name: string;
  readonly url: string;
  readonly auth: ProfileAuth;
  readonly username: string;
  readonly hmacPublicKey: string;
  /** Write-only: empty on edit keeps the stored secret. */
  readonly secret: string;
  readonly caFile: string;
  readonly pinnedSha256: string;
  readonly timeoutSec: string;
  /** Whether the stored profile has a secret (edit only). */
  readonly secretSet: boolean;
  /** The stored profile's authentication kind (edit only): its secret is of that kind. */
  readonly storedAuth?: ProfileAuth;
}

export function formOf(p?: ServerProfile): ProfileForm {
  return {
    id: p?.id,
    name: p?.name ?? '',
    url: p?.url ?? 'https://',
    auth: p?.auth ?? 'password',
    username: p?.username ?? '',
    hmacPublicKey: p?.hmacPublicKey ?? '',
    secret: '',
    caFile: p?.tls.caFile ?? '',
    pinnedSha256: p?.tls.pinnedSha256 ?? '',
    timeoutSec: p?.timeoutSec ? String(p.timeoutSec) : '',
    secretSet: p?.secretSet ?? false,
    storedAuth: p?.auth,
  };
}

/** Whether leaving the secret empty keeps the stored one: the service drops it when the authentication kind changes. */
export const keepsStoredSecret = (f: ProfileForm): boolean => Boolean(f.id && f.secretSet && f.auth === f.storedAuth);

/** The form's problems by field: the rules the service applies on save (shared/models/server-profile). */
export function formProblems(f: ProfileForm): ProfileProblems {
  return profileProblems(inputOf(f), keepsStoredSecret(f));
}

/** What publish.saveProfile gets: only the fields of the chosen authentication, and the secret only when typed. */
export function inputOf(f: ProfileForm): ServerProfileInput {
  const tls = { ...(f.caFile.trim() ? { caFile: f.caFile.trim() } : {}), ...(f.pinnedSha256.trim() ? { pinnedSha256: f.pinnedSha256.trim() } : {}) };
  return {
    ...(f.id ? { id: f.id } : {}),
    name: f.name.trim(),
    url: f.url.trim(),
    auth: f.auth,
    ...(f.auth === 'password' ? { username: f.username.trim() } : {}),
    ...(f.auth === 'hmac' ? { hmacPublicKey: f.hmacPublicKey.trim() } : {}),
    tls,
    ...(f.timeoutSec.trim() ? { timeoutSec: Number(f.timeoutSec) } : {}),
    ...(f.secret ? { secret: f.secret } : {}),
  };
}
