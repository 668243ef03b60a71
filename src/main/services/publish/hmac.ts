/** FortiSOAR's HMAC scheme (reference/fortisoar-api.md, "Authentication"), step by step as the reference
 * writes it, so a reader can check each line against it. */
import { createHash, createHmac } from 'node:crypto';

export interface HmacInput {
  readonly method: string;
  /** The full URL as sent: scheme, host, port (when not the default), path and query. */
  readonly fullUrl: string;
  /** The exact bytes sent; GET signs the public key instead. */
  readonly body?: string | Uint8Array;
  readonly publicKey: string;
  readonly privateKey: string;
  readonly date: Date;
}

/** UTC `%Y-%m-%d %H:%M:%S`. */
export function hmacTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function hmacFingerprint(input: HmacInput): string {
  const method = input.method.toUpperCase();
  const payload = method === 'GET' ? input.publicKey : (input.body ?? '');
  const payloadHash = createHash('sha256').update(payload).digest('hex');
  const raw = `sha256.${method}.${hmacTimestamp(input.date)}.${input.fullUrl}.${payloadHash}`;
  return createHmac('sha256', input.privateKey).update(raw).digest('hex');
}

/** The whole `Authorization` header value: `CS <base64("sha256;<ts>;<public_key>;<fingerprint>")>`. */
export function hmacAuthorization(input: HmacInput): string {
  const fields = `sha256;${hmacTimestamp(input.date)};${input.publicKey};${hmacFingerprint(input)}`;
  return `CS ${Buffer.from(fields, 'utf8').toString('base64')}`;
}
