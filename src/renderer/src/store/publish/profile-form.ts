import type { ProfileAuth, ServerProfile, ServerProfileInput } from '../../../../shared/models/publish';

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
}

export const SECRET_LABELS: Record<ProfileAuth, string> = { password: 'Password', apiKey: 'API key', hmac: 'HMAC private key' };

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
  };
}

type Field = 'name' | 'url' | 'username' | 'hmacPublicKey' | 'secret' | 'pinnedSha256' | 'timeoutSec';

/** The form's problems by field, checked as the services will (so Save rarely fails). */
export function formProblems(f: ProfileForm): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (!f.name.trim()) out.name = 'Give the profile a name.';
  let url: URL | null = null;
  try {
    url = new URL(f.url.trim());
  } catch {
    out.url = 'Enter the server address, e.g. https://soar.example.com.';
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') out.url = 'Use https:// (or http:// for a local sandbox).';
  if (url && (url.username || url.password)) out.url = 'Put the user name and password in their own fields.';
  if (f.auth === 'password' && !f.username.trim()) out.username = 'A user name is needed.';
  if (f.auth === 'hmac' && !f.hmacPublicKey.trim()) out.hmacPublicKey = 'The public key is needed.';
  if (!f.secret && !(f.id && f.secretSet)) out.secret = `The ${SECRET_LABELS[f.auth].toLowerCase()} is needed.`;
  if (f.pinnedSha256.trim() && f.pinnedSha256.replace(/[^0-9a-f]/gi, '').length !== 64) out.pinnedSha256 = 'A SHA-256 fingerprint has 64 hexadecimal digits.';
  if (f.timeoutSec.trim() && !(Number.isInteger(Number(f.timeoutSec)) && Number(f.timeoutSec) >= 1 && Number(f.timeoutSec) <= 3600)) out.timeoutSec = '1 to 3600 seconds.';
  return out;
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
