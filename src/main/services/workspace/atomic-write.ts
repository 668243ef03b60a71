import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from '../errors';

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows refuses a rename while another process (indexer, antivirus) holds the target for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (e) {
      if (!['EPERM', 'EBUSY', 'EACCES'].includes(errnoCode(e) ?? '') || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/** The name of writeFileAtomic's temp file, `.<name>.<12 hex>.tmp`: a process killed mid-write leaves one behind,
 * so packaging, the recommended ignores and the start-up clean-up recognise it by this. */
export const ATOMIC_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Where writeFileAtomic first writes `target`: a fresh name matching ATOMIC_TEMP_NAME, beside it. */
export const atomicTempPath = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

/** Writes through a temp file in the same folder, fsyncs it, then renames: a crash leaves the old file or the new one, never half. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = atomicTempPath(target);
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function writeJsonAtomic(target: string, value: unknown, mode?: number): Promise<void> {
  await writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n', mode);
}
