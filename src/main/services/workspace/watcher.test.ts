import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { writeFileAtomic } from './atomic-write';
import { createWatcherPool, type WatcherPool } from './watcher';

const pools: WatcherPool[] = [];
afterEach(() => pools.splice(0).forEach((p) => p.stopAll()));

function watching(root: string) {
  const seen: string[][] = [];
  const pool = createWatcherPool((_id, rel) => seen.push(rel), 30);
  pools.push(pool);
  pool.watchProject('p', root);
  const next = () =>
    new Promise<string[]>((resolve) => {
      const start = seen.length;
      const t = setInterval(() => {
        const latest = seen.at(-1);
        if (seen.length > start && latest) {
          clearInterval(t);
          resolve(latest);
        }
      }, 10);
    });
  return next;
}

describe('file watcher', () => {
  it('keeps seeing outside edits to a file after an atomic save replaced it', async () => {
    const root = await tmpDir();
    const file = path.join(root, 'connector.py');
    await writeFile(file, 'a');
    const next = watching(root);
    let event = next();
    await writeFileAtomic(file, 'saved by the IDE');
    expect(await event).toContain('connector.py');
    event = next();
    await writeFile(file, 'edited outside');
    expect(await event).toContain('connector.py');
  });
});
