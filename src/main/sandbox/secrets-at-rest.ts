/** Configuration passwords in the sandbox's state.json are sealed with AES-256-GCM under a key kept beside
 * it (`state.key`, 0600), so a copy of the state file alone gives them away to no one. Which values are
 * passwords is what the connector's configuration schema says (shared/connector/secret-fields.ts
 * passwordFieldNames: at any depth, fields shown by an `onchange` choice included); the values are found at any
 * depth of the configuration too. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_BYTES, keyFileOnce } from '../services/secrets/secret-key';

const FORMAT = 'aes-256-gcm.v1';

/** One step from a configuration's root to a value: an object key or an array index. */
export type SecretPath = ReadonlyArray<string | number>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The sandbox's key, made once like the secret store's (services/secrets/secret-key.ts keyFileOnce: exclusive
 * create, 0600; a sandbox that loses that race, or starts later, reads the one there). */
export function loadOrCreateKey(file: string): Promise<Buffer> {
  return keyFileOnce(file, (bytes) =>
    new Error(`${file} holds ${bytes} bytes, not a ${KEY_BYTES}-byte key. Restore it from a backup, or delete it together with state.json to start the sandbox afresh (its connectors and configurations are then forgotten).`),
  );
}

/** `aes-256-gcm.v1:<iv>:<tag>:<ciphertext>` (base64) of the JSON of `value`; `context` (the configuration id)
 * is authenticated too, so a sealed value moved to another configuration does not open. */
export function seal(key: Buffer, value: unknown, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function unseal(key: Buffer, sealed: string, context: string): unknown {
  const [format, iv, tag, data] = sealed.split(':');
  if (format !== FORMAT || iv === undefined || tag === undefined || data === undefined) throw new Error(`a sealed value in an unknown format ("${format}")`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8'));
}

/** Every value under one of `names`, at any depth of `config`, as [path, value]. */
export function findSecrets(config: unknown, names: ReadonlySet<string>): Array<[SecretPath, unknown]> {
  const found: Array<[SecretPath, unknown]> = [];
  const walk = (node: unknown, at: SecretPath) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (isObject(node))
      for (const [k, v] of Object.entries(node)) {
        if (names.has(k) && v !== undefined && v !== null) found.push([[...at, k], v]);
        else walk(v, [...at, k]);
      }
  };
  walk(config, []);
  return found;
}

/** The value at `path` of `root`, or undefined where the path does not lead. */
export function getAt(root: unknown, path: SecretPath): unknown {
  let node = root;
  for (const step of path) node = isObject(node) ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

/** Sets (or, with `undefined`, blanks to null) the value at `path` of `root`, where the path still leads. */
export function setAt(root: unknown, path: SecretPath, value: unknown): void {
  const last = path.at(-1);
  if (last === undefined) throw new Error('setAt needs a path of at least one step: the root itself cannot be replaced in place.');
  let node = root;
  for (const step of path.slice(0, -1)) node = isObject(node) ? (node as Record<string | number, unknown>)[step] : undefined;
  if (isObject(node)) (node as Record<string | number, unknown>)[last] = value === undefined ? null : value;
}
