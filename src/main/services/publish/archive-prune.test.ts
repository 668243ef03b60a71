/** Kept archives are pruned per project: the newest KEPT_ARCHIVES_PER_PROJECT by modification time stay, and so
 * does any archive one of the last KEPT_ARCHIVES_PER_PROJECT history entries names. Real files; mtimes are set. */
import { existsSync, readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../sandbox/test-kit';
import { KEPT_ARCHIVES_PER_PROJECT, pruneKeptArchives, type PublishHistoryEntry } from './history';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
const name = (i: number) => `conn-1.0.${i}-${String(i).padStart(12, '0')}.tgz`;
/** Archive i, modified i minutes after a fixed time: a higher i is newer. */
function archive(i: number): string {
  const file = path.join(dir, name(i));
  writeFileSync(file, `archive ${i}`);
  const t = new Date(Date.UTC(2026, 0, 1, 0, i));
  utimesSync(file, t, t);
  return file;
}
const entry = (archivePath?: string): PublishHistoryEntry => ({
  time: '2026-01-01T00:00:00.000Z',
  server: 'Sandbox',
  result: archivePath ? 'success' : 'error:conflict',
  message: '',
  archiveSha256: 'x',
  ...(archivePath ? { archivePath } : {}),
});
const left = () => readdirSync(dir).sort();

beforeEach(() => {
  tmp = tempDir('cs-archive-prune-');
  dir = path.join(tmp.dir, 'archives', 'project-1');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => tmp.dispose());

describe('pruning the kept archives', () => {
  it('keeps ten per project', () => expect(KEPT_ARCHIVES_PER_PROJECT).toBe(10));

  it('deletes nothing while a project has at most ten', async () => {
    for (let i = 1; i <= 10; i++) archive(i);
    expect(await pruneKeptArchives(dir, [])).toEqual([]);
    expect(left()).toHaveLength(10);
  });

  it('deletes the oldest by modification time beyond the newest ten, whatever their names', async () => {
    // Created newest first, so neither creation order nor name order is the mtime order.
    for (let i = 13; i >= 1; i--) archive(i);
    const deleted = await pruneKeptArchives(dir, []);
    expect(deleted.map((f) => path.basename(f)).sort()).toEqual([name(1), name(2), name(3)].sort());
    expect(left()).toEqual(Array.from({ length: 10 }, (_, k) => name(k + 4)).sort());
  });

  it('spares an old archive that one of the last ten history entries names, but not one only older entries name', async () => {
    const files = Array.from({ length: 14 }, (_, k) => archive(k + 1));
    const history = [
      entry(files[1]), // archive 2: the 11th entry from the end, too old to protect it
      entry(files[0]), // archive 1: within the last ten entries
      ...Array.from({ length: 8 }, () => entry()),
      entry(files[13]),
    ];
    await pruneKeptArchives(dir, history);
    expect(files.slice(0, 4).map((f) => existsSync(f))).toEqual([true, false, false, false]);
    expect(left()).toHaveLength(11);
  });

  it('leaves other files, and archives named by a path in another folder do not count', async () => {
    for (let i = 1; i <= 12; i++) archive(i);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await pruneKeptArchives(dir, [entry(path.join(tmp.dir, 'elsewhere', name(1)))]);
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(path.join(dir, name(1)))).toBe(false);
    expect(left().filter((n) => n.endsWith('.tgz'))).toHaveLength(10);
  });

  it('does nothing for a folder that does not exist', async () => {
    expect(await pruneKeptArchives(path.join(tmp.dir, 'none'), [])).toEqual([]);
  });
});
