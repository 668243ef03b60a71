/** The rules a server profile must meet, in one place: the profile editor shows them by field as the user
 * types, the service refuses a save (or a test of an unsaved profile) that breaks them, and the request
 * schema takes its timeout range from here. */
import type { ProfileAuth, ServerProfileInput } from './publish';

export const PROFILE_TIMEOUT_SEC = { min: 1, max: 3600 } as const;

export const SECRET_LABELS: Record<ProfileAuth, string> = { password: 'Password', apiKey: 'API key', hmac: 'HMAC private key' };
const SECRET_NOUNS: Record<ProfileAuth, string> = { password: 'password', apiKey: 'API key', hmac: 'HMAC private key' };

export type ProfileField = 'name' | 'url' | 'username' | 'hmacPublicKey' | 'secret' | 'pinnedSha256' | 'timeoutSec';
export type ProfileProblems = Partial<Record<ProfileField, string>>;

/** Hex digits only, lower case: how fingerprints are compared. Colons and spaces are how people write them. */
export const normalizeFingerprint = (fp: string) => fp.replace(/[\s:]/g, '').toLowerCase();
/** Upper-case hex pairs joined by colons, as browsers show it. */
export const displayFingerprint = (fp: string) => normalizeFingerprint(fp).toUpperCase().match(/../g)?.join(':') ?? '';

/** The problems of `input` by field; empty when it can be saved. `secretStored`: a secret of this very
 * authentication kind is stored for the profile already, so leaving the secret out keeps it. */
export function profileProblems(input: ServerProfileInput, secretStored: boolean): ProfileProblems {
  const out: ProfileProblems = {};
  if (!input.name.trim()) out.name = 'Give the profile a name.';
  const urlProblem = problemOfUrl(input.url);
  if (urlProblem) out.url = urlProblem;
  if (input.auth === 'password' && !input.username?.trim()) out.username = 'A user name is needed.';
  if (input.auth === 'hmac' && !input.hmacPublicKey?.trim()) out.hmacPublicKey = 'The public key is needed.';
  if (!input.secret && !secretStored) out.secret = `The ${SECRET_NOUNS[input.auth]} is needed.`;
  const pinned = input.tls?.pinnedSha256?.trim();
  if (pinned && !/^[0-9a-f]{64}$/.test(normalizeFingerprint(pinned)))
    out.pinnedSha256 = 'A SHA-256 fingerprint has 64 hexadecimal digits (colons allowed).';
  const t = input.timeoutSec;
  if (t !== undefined && !(Number.isInteger(t) && t >= PROFILE_TIMEOUT_SEC.min && t <= PROFILE_TIMEOUT_SEC.max))
    out.timeoutSec = `${PROFILE_TIMEOUT_SEC.min} to ${PROFILE_TIMEOUT_SEC.max} seconds.`;
  return out;
}

function problemOfUrl(text: string): string | undefined {
  if (!URL.canParse(text.trim())) return `"${text.trim()}" is not a URL: enter the server address, e.g. https://soar.example.com.`;
  const url = new URL(text.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use https:// (or http:// for a local sandbox).';
  if (url.username || url.password) return 'Put the user name and password in their own fields, not in the URL.';
  return undefined;
}
