import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The host runs with a fresh HOME; pip's user configuration (where this machine's package index is set) comes
 * along, so a first session can install debugpy or pytest into the tools environment as on the user's machine. */
export async function bringPipConfig(home: string): Promise<void> {
  for (const rel of ['.config/pip/pip.conf', '.pip/pip.conf']) {
    const from = path.join(os.homedir(), rel);
    if (!existsSync(from)) continue;
    await mkdir(path.dirname(path.join(home, rel)), { recursive: true });
    await copyFile(from, path.join(home, rel));
  }
}
