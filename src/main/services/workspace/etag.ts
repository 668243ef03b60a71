import { createHash } from 'node:crypto';

/** Content hash rather than mtime: mtimes are coarse on some file systems and lie after a checkout. */
export const etagOf = (bytes: Uint8Array | string): string =>
  createHash('sha1').update(bytes).digest('hex').slice(0, 20);
