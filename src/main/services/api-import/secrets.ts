/** Examples in vendors' descriptions carry real-looking tokens and passwords: none of them is copied into a
 * project (parameter defaults, output samples, mock answers). */
import { isCredentialHeader, isSecretKeyName } from '../../../shared/connector/secret-fields';

/** Beyond the configuration rule (src/shared/connector/secret-fields.ts), an example's session, cookie and
 * signature values are kept out too: harmless to a configuration, but nothing a project should carry. */
const EXAMPLE_ONLY = /(auth|authorization|session|cookie|signature)$/i;
/** Values that look like credentials whatever their key: JWTs, long hex or base64 strings, "Bearer ..." */
const SECRET_VALUE = /^(Bearer\s+\S+|Basic\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]+|[A-Fa-f0-9]{32,}|(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{40,}={0,2})$/;

export const isSecretName = (name: string): boolean => {
  const bare = name.replace(/[^A-Za-z0-9_-]/g, '');
  return isSecretKeyName(bare) || isCredentialHeader(name) || EXAMPLE_ONLY.test(bare);
};
export const looksLikeSecret = (value: unknown): boolean => typeof value === 'string' && SECRET_VALUE.test(value.trim());

/** A copy with secret-named keys and credential-looking strings blanked. */
export function scrubSecrets<T>(value: T, depth = 0): T {
  if (depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = isSecretName(k) && (typeof v === 'string' || typeof v === 'number') ? '' : scrubSecrets(v, depth + 1);
    }
    return out as T;
  }
  return (looksLikeSecret(value) ? '' : value) as T;
}
