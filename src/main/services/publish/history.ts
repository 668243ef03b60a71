/** A publish history per project in the user data folder: server, version, time, result, archive hash.
 * Never credentials: the server is recorded as a profile name or a URL without user info. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../workspace/atomic-write';
import type { PublishHistoryEntry } from '../../../shared/models/publish';
export type { PublishHistoryEntry };

export interface PublishHistory {
  append(projectKey: string, entry: PublishHistoryEntry): Promise<void>;
  /** Oldest first. */
  list(projectKey: string): Promise<PublishHistoryEntry[]>;
}

const MAX_ENTRIES = 500;

/** A URL as it may be written down: no user name or password in it. */
export function serverLabel(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.origin;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** Project ids are safe file names; anything else (a CLI folder path) is hashed. */
export const projectFileKey = (key: string) => (/^[\w.-]{1,80}$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32));

/** Where the uploaded archives of a project are kept: `<user data>/publish/archives/<project>/`. */
export const publishArchiveDir = (userDataDir: string, projectKey: string) => path.join(userDataDir, 'publish', 'archives', projectFileKey(projectKey));

export function createPublishHistory(userDataDir: string): PublishHistory {
  const dir = path.join(userDataDir, 'publish', 'history');
  const fileOf = (key: string) => path.join(dir, `${projectFileKey(key)}.json`);
  const read = (key: string): Promise<PublishHistoryEntry[]> => readFile(fileOf(key), 'utf8').then((t) => JSON.parse(t) as PublishHistoryEntry[], () => []);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    list: read,
    append(projectKey, entry) {
      // Appends are serialised so two quick publishes cannot drop each other's entries.
      const next = queue.then(async () => {
        const all = await read(projectKey);
        all.push({ ...entry, server: serverLabel(entry.server) });
        await writeJsonAtomic(fileOf(projectKey), all.slice(-MAX_ENTRIES));
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
