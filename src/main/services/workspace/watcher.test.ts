import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { writeFileAtomic } from './atomic-write';
import { createWatcherPool, type WatcherPool } from './watcher';

const pools: WatcherPool[] = [];
afterEach(() => pools.splice(0).forEach((p) => p.stopAll()));

/** `next()` resolves with the paths of the watcher's next report after the call. */
function watching(root: string) {
  let report: (rel: string[]) => void = () => undefined;
  const pool = createWatcherPool((_id, rel) => report(rel), 30);
  pools.push(pool);
  pool.watchProject('p', root);
  const next = () => new Promise<string[]>((resolve) => (report = resolve));
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
