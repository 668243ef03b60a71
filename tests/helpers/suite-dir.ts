import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder for a whole test file (beforeAll to afterAll), where tmpDir() would be emptied after the
 * first test: e.g. one services instance whose tools environment the file's tests share. */
export async function suiteDir(prefix = 'cs-suite-'): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
