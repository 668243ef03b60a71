import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Every path under `dir` with what it is: "dir", "link:<target>" or "file:<mode>:<sha256>". Two snapshots are
 * equal exactly when nothing under the folder was created, removed, relinked, re-moded or rewritten.
 * `skip` leaves out entries by name at any depth (e.g. `.git`, whose index git touches on a mere status). */
export async function treeHash(dir: string, skip: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(abs: string, rel: string) {
    for (const name of (await readdir(abs)).sort()) {
      if (skip.includes(name)) continue;
      const a = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = await lstat(a);
      if (st.isSymbolicLink()) out[r] = `link:${await readlink(a)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        await walk(a, r);
      } else out[r] = `file:${(st.mode & 0o7777).toString(8)}:${createHash('sha256').update(await readFile(a)).digest('hex')}`;
    }
  }
  await walk(dir, '');
  return out;
}
