/** The generated set of hostile archives (tests/fixtures/archives/build-hostile.ts): import, as a service
 * and as `connector-studio import`, refuses each with a clear message, writes nothing in the workspace, and
 * leaves a sentinel folder that every escaping entry aims at byte-identical. */
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import importCommand from '../../src/main/cli/commands/import';
import { importArchive } from '../../src/main/services/packaging/import';
import { buildHostileArchives, HOSTILE_CASES, type BuiltCase } from '../fixtures/archives/build-hostile';

let work: string;
let sentinel: string;
let workspace: string;
let built: BuiltCase[];
let sentinelHash: string;

/** One hash over every path, type, mode, size, link target and content under `dir`. */
async function treeHash(dir: string): Promise<string> {
  const h = createHash('sha256');
  const walk = async (rel: string): Promise<void> => {
    const abs = path.join(dir, rel);
    const st = await lstat(abs);
    h.update(`${rel}\0${st.mode}\0${st.size}\0${st.nlink}\0`);
    if (st.isSymbolicLink()) h.update(await readlink(abs));
    else if (st.isFile()) h.update(await readFile(abs));
    else if (st.isDirectory()) for (const name of (await readdir(abs)).sort()) await walk(path.join(rel, name));
  };
  await walk('.');
  return h.digest('hex');
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'cs-hostile-'));
  sentinel = path.join(work, 'sentinel');
  workspace = path.join(work, 'workspace');
  await mkdir(path.join(sentinel, 'nested'), { recursive: true });
  await mkdir(workspace);
  await writeFile(path.join(sentinel, 'victim.txt'), 'the hard link case tries to overwrite me\n');
  await writeFile(path.join(sentinel, 'nested', 'keep.bin'), Buffer.from([1, 2, 3, 4]));
  built = await buildHostileArchives(path.join(work, 'archives'), { aim: sentinel });
  sentinelHash = await treeHash(sentinel);
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const refused = HOSTILE_CASES.filter((c) => c.refusal);
const accepted = HOSTILE_CASES.filter((c) => !c.refusal);
const byId = (id: string) => built.find((c) => c.id === id)!;

describe('the generated hostile archive set', () => {
  it('covers every refusal the issue names', () => {
    expect(refused.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'not-gzip', 'not-tar', 'absolute-path', 'dotdot', 'symlink-out', 'hardlink-out', 'char-device', 'duplicate-entry',
        'too-many-entries', 'bomb', 'case-collision', 'windows-reserved', 'two-top-level-folders',
      ]),
    );
  });

  it('writes one file per case and a manifest', async () => {
    const files = await readdir(path.join(work, 'archives'));
    expect(files.sort()).toEqual([...HOSTILE_CASES.map((c) => `${c.id}.tgz`), 'manifest.json'].sort());
    const manifest = JSON.parse(await readFile(path.join(work, 'archives', 'manifest.json'), 'utf8')) as { aim: string; cases: unknown[] };
    expect(manifest).toMatchObject({ aim: sentinel, cases: expect.any(Array) });
    expect(manifest.cases).toHaveLength(HOSTILE_CASES.length);
  });

  it.each(refused.map((c) => [c.id, c] as const))('import refuses %s, writing nothing anywhere', async (_id, c) => {
    const { file, limits } = byId(c.id);
    const e = (await importArchive(file, { into: workspace, ...limits }).then(() => undefined, (x: unknown) => x)) as { code?: string; message?: string } | undefined;
    expect(e, 'import accepted a hostile archive').toBeDefined();
    expect(e!.code).toBe('PACKAGING');
    expect(e!.message).toMatch(c.refusal!);
    expect(await readdir(workspace)).toEqual([]); // no staging folder or partial import left behind
    expect(await treeHash(sentinel)).toBe(sentinelHash);
  });

  it.each(refused.filter((c) => !c.limits).map((c) => [c.id, c] as const))('connector-studio import refuses %s with exit 2 and the reason', async (_id, c) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importCommand.run([byId(c.id).file, '--into', workspace], { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: work, env: {} });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^connector-studio import: /);
    expect(err.join('\n')).toMatch(c.refusal!);
    expect(await readdir(workspace)).toEqual([]);
    expect(await treeHash(sentinel)).toBe(sentinelHash);
  });

  it.each(accepted.map((c) => [c.id] as const))('import accepts %s', async (id) => {
    const into = path.join(work, `accepted-${id}`);
    const r = await importArchive(byId(id).file, { into });
    expect(r).toMatchObject({ name: 'acme', version: '1.0.0' });
    expect(await readdir(into)).toEqual(['acme']);
    expect((await readdir(r.dir)).sort()).toEqual(['connector.py', 'info.json']);
    if (id === 'ok-stray-top-level-file') expect(r.skipped).toEqual(['._acme', 'README']);
    expect(await treeHash(sentinel)).toBe(sentinelHash);
  });
});
