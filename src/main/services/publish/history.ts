/** A publish history per project in the user data folder: server, version, time, result, archive hash.
 * Never credentials: the server is recorded as a profile name or a URL without user info. */
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { settled } from '../../../shared/settled';
import { ifMissing } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { statIfPresent } from '../workspace/fs-probe';
import { readJsonFile } from '../workspace/json-file';
import type { PublishHistoryEntry } from '../../../shared/models/publish';
export type { PublishHistoryEntry };

export interface PublishHistory {
  append(projectKey: string, entry: PublishHistoryEntry): Promise<void>;
  /** Oldest first. */
  list(projectKey: string): Promise<PublishHistoryEntry[]>;
  /** Every project's entries, oldest first by time: where a rollback looks for a version's kept archive, as the
   * CLI keeps one history per folder published. */
  listAll(): Promise<PublishHistoryEntry[]>;
}

const MAX_ENTRIES = 500;

/** A URL as it may be written down: no user name or password in it. */
export function serverLabel(url: string): string {
  if (!URL.canParse(url)) return url.replace(/\/\/[^@/]*@/, '//');
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.origin;
}

/** Project ids are safe file names; anything else (a CLI folder path) is hashed. */
export const projectFileKey = (key: string) => (/^[\w.-]{1,80}$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32));

/** Where the uploaded archives of a project are kept: `<user data>/publish/archives/<project>/`. */
export const publishArchiveDir = (userDataDir: string, projectKey: string) => path.join(userDataDir, 'publish', 'archives', projectFileKey(projectKey));

/** How many uploaded archives a project keeps: the newest by modification time, plus any that one of the last
 * this-many history entries names (so the archive of a recent publish is never pruned while it is listed). */
export const KEPT_ARCHIVES_PER_PROJECT = 10;

/** Deletes the kept `.tgz` files of a project's archive folder beyond the newest `keep`, sparing those named by the
 * last `keep` history entries. Other files are left alone. Returns the deleted paths. */
export async function pruneKeptArchives(dir: string, history: readonly PublishHistoryEntry[], keep = KEPT_ARCHIVES_PER_PROJECT): Promise<string[]> {
  const names = await readdir(dir).catch(ifMissing([] as string[]));
  const files = await Promise.all(names.filter((n) => n.endsWith('.tgz')).map(async (name) => ({ name, st: await statIfPresent(path.join(dir, name)) })));
  const byNewest = files
    .flatMap((f) => (f.st?.isFile() ? [{ name: f.name, mtime: f.st.mtimeMs }] : []))
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const folder = path.resolve(dir);
  const referenced = new Set(
    history
      .slice(-keep)
      .flatMap((e) => (e.archivePath && path.dirname(path.resolve(e.archivePath)) === folder ? [path.basename(e.archivePath)] : [])),
  );
  const doomed = byNewest.slice(keep).filter((f) => !referenced.has(f.name));
  const deleted: string[] = [];
  for (const f of doomed) {
    const file = path.join(dir, f.name);
    await rm(file, { force: true });
    deleted.push(file);
  }
  return deleted;
}

export function createPublishHistory(userDataDir: string): PublishHistory {
  const dir = path.join(userDataDir, 'publish', 'history');
  const fileOf = (key: string) => path.join(dir, `${projectFileKey(key)}.json`);
  const read = (key: string): Promise<PublishHistoryEntry[]> => readJsonFile<PublishHistoryEntry[]>(fileOf(key), []);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    list: read,
    async listAll() {
      const files = (await readdir(dir).catch(ifMissing([] as string[]))).filter((f) => f.endsWith('.json'));
      const all = (await Promise.all(files.map((f) => readJsonFile<PublishHistoryEntry[]>(path.join(dir, f), [])))).flat();
      return all.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    },
    append(projectKey, entry) {
      // Appends are serialised so two quick publishes cannot drop each other's entries.
      const next = queue.then(async () => {
        const all = await read(projectKey);
        all.push({ ...entry, server: serverLabel(entry.server) });
        await writeJsonAtomic(fileOf(projectKey), all.slice(-MAX_ENTRIES));
      });
      queue = settled(next); // the next append waits for this one; its failure goes to this caller
      return next;
    },
  };
}
