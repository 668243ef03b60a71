/** Which names in connector code hold secrets: the configuration's one rule (../secret-fields.ts), so a name the
 * security rules call a secret is one the runtime masks. Only a name's last word counts, so `api_key` and
 * `self.client_secret` are secrets while `TOKEN_URL`, `token_type` and `PASSWORD_FIELD` are not. */
import { SECRET_WORDS, isCredentialHeader, isSecretKeyName } from '../secret-fields';

export function words(name: string): string[] {
  const last = name.split('.').pop() ?? name;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const isSecretName = isSecretKeyName;

export const isAuthHeader = isCredentialHeader;

/** A literal that is not a secret although it sits under a secret's name: a key name (`API_KEY = 'api_key'`
 * names a configuration field), a URL or path, a format template, a placeholder. */
export function looksLikeNonSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 3) return true;
  if (/^(https?:\/\/|\/)/i.test(v) || /\{[^}]*\}|%[sdr(]/.test(v)) return true;
  if (/^<.*>$|^\*+$|^x+$/i.test(v)) return true;
  return /^[A-Za-z_][\w.-]*$/.test(v) && words(v).some((w) => SECRET_WORDS.has(w) || w === 'key' || w === 'auth');
}

/** The credential part of an Authorization value: `Bearer abc` -> `abc`. */
export const credentialPart = (value: string): string => value.trim().replace(/^(bearer|basic|token|apikey|api-key|sswsk?|digest)\b\s*/i, '');
