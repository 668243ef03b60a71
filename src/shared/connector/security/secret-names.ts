/** Which names hold secrets. A name is split into words and only its last word counts, so `api_key` and
 * `self.client_secret` are secrets while `TOKEN_URL`, `token_type` and `PASSWORD_FIELD` are not. */

const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
/** `key` alone is a dict key or a sort key; with one of these before it, it is a credential. */
const KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'access', 'auth', 'client', 'signing', 'encryption']);

/** Header names whose value is a credential. */
const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-apikey']);

export function words(name: string): string[] {
  const last = name.split('.').pop() ?? name;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return true;
  return last === 'key' && w.length > 1 && KEY_QUALIFIERS.has(w[w.length - 2]);
}

export const isAuthHeader = (name: string): boolean => AUTH_HEADERS.has(name.trim().toLowerCase());

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
