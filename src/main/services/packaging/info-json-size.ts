/** The cap on a connector's info.json, and the one way to read it from an imported or reviewed connector: its
 * size is checked before a byte is read, so a huge file is reported as too large (not as missing or
 * unreadable) and never lands in memory whole. Real info.json files are tens or hundreds of KiB. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, ServiceError } from '../errors';

export const MAX_INFO_JSON_BYTES = 5 * 1024 * 1024;

const MIB = 1024 * 1024;

/** `7.2 MiB`, `5 MiB`: one decimal, none when it is whole. */
export function formatMiB(bytes: number): string {
  return `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MiB`;
}

export function infoJsonTooLargeMessage(bytes: number, limit = MAX_INFO_JSON_BYTES, where = 'info.json'): string {
  // Just above the limit, one decimal can round down to the limit itself: show the bytes then.
  const size = formatMiB(bytes) === formatMiB(limit) ? `${bytes} bytes` : formatMiB(bytes);
  return (
    `info.json is ${size}; the limit is ${formatMiB(limit)}${where === 'info.json' ? '' : ` (${where})`}. ` +
    'An info.json holds only the connector\'s metadata: move large data (embedded images, sample output) into separate files.'
  );
}

/** The text of `<dir>/info.json`, undefined when there is none. Throws VALIDATION when it is over the cap,
 * checked on the open handle so the file cannot be swapped between the check and the read. */
export async function readInfoJsonText(dir: string, limit = MAX_INFO_JSON_BYTES): Promise<string | undefined> {
  const file = path.join(dir, 'info.json');
  // Non-blocking: a FIFO named info.json must not hang the read (it is then refused as not a file).
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((e: unknown) => {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw new ServiceError('VALIDATION', `Cannot read ${file}: ${errnoCode(e) ?? (e as Error).message}`);
  });
  if (!handle) return undefined;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new ServiceError('VALIDATION', `${file} is not a file.`);
    if (st.size > limit) throw new ServiceError('VALIDATION', infoJsonTooLargeMessage(st.size, limit), { file, bytes: st.size, limit });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
