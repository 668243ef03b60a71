import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTar, rawTgz, type RawEntry } from '../../../../tests/helpers/raw-tar';
import { entryPathProblem, safeExtractTgz } from './safe-extract';

let work: string;
let temps: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'safe-extract-test-'));
  temps = path.join(work, 'temps');
  await import('node:fs/promises').then((fs) => fs.mkdir(temps));
});
afterEach(() => rm(work, { recursive: true, force: true }));

const GOOD: RawEntry[] = [
  { name: 'acme/' },
  { name: 'acme/info.json', data: '{"name": "acme"}' },
  { name: 'acme/connector.py', data: 'print(1)\n' },
  { name: 'acme/images/' },
  { name: 'acme/images/small.png', data: Buffer.from([0x89, 0x50]) },
];

async function archive(entries: RawEntry[] | Buffer, name = 'x.tgz'): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, Buffer.isBuffer(entries) ? entries : rawTgz(entries));
  return file;
}

async function refuses(entries: RawEntry[] | Buffer, why: RegExp, opts = {}): Promise<void> {
  await expect(safeExtractTgz(await archive(entries), { tempParent: temps, ...opts })).rejects.toThrow(why);
  expect(await readdir(temps)).toEqual([]); // nothing left behind
  expect(existsSync(path.join(work, 'evil'))).toBe(false);
  expect(existsSync('/tmp/evil-from-test')).toBe(false);
}

describe('safeExtractTgz', () => {
  it('extracts a well-formed package into a temporary folder and disposes of it', async () => {
    const res = await safeExtractTgz(await archive(GOOD), { tempParent: temps });
    expect(res).toMatchObject({ topLevel: 'acme', entries: 5, skipped: [], warnings: [] });
    expect(await readFile(path.join(res.dir, 'info.json'), 'utf8')).toBe('{"name": "acme"}');
    expect(path.dirname(res.root)).toBe(temps);
    await res.dispose();
    expect(await readdir(temps)).toEqual([]);
  });

  it('accepts the "./" entries of `tar -C dir .` archives', async () => {
    const res = await safeExtractTgz(await archive([{ name: './' }, ...GOOD.map((e) => ({ ...e, name: `./${e.name}` }))]), { tempParent: temps });
    expect(res.topLevel).toBe('acme');
    await res.dispose();
  });

  it('accepts one folder with stray top-level files (._ AppleDouble, README), skipping and reporting them', async () => {
    const entries: RawEntry[] = [{ name: '._acme', data: Buffer.from([0, 5, 22, 7]) }, ...GOOD, { name: 'README.txt', data: 'read me' }];
    const res = await safeExtractTgz(await archive(entries), { tempParent: temps });
    expect(res).toMatchObject({ topLevel: 'acme', entries: 7, skipped: ['._acme', 'README.txt'] });
    expect(res.warnings).toEqual([
      'Skipped "._acme": a stray file beside the acme/ folder, not part of the connector.',
      'Skipped "README.txt": a stray file beside the acme/ folder, not part of the connector.',
    ]);
    expect(await readdir(res.root)).toEqual(['acme']); // the strays were not extracted
    await res.dispose();
  });

  it('accepts an archive without directory entries, and a folder entry given twice', async () => {
    const res = await safeExtractTgz(await archive([{ name: 'acme/info.json', data: '{}' }, { name: 'acme/images/a.png', data: 'x' }]), { tempParent: temps });
    expect(res).toMatchObject({ topLevel: 'acme', entries: 2, skipped: [] });
    await res.dispose();
    const twice = await safeExtractTgz(await archive([...GOOD, { name: 'acme/images/' }, { name: './acme/' }]), { tempParent: temps });
    expect(twice.topLevel).toBe('acme');
    await twice.dispose();
  });

  it.each<[string, RawEntry[], RegExp]>([
    ['a ".." path', [...GOOD, { name: 'acme/../evil', data: 'x' }], /"\.\." segment/],
    ['a leading ".."', [{ name: '../evil', data: 'x' }], /"\.\." segment/],
    ['an absolute path', [...GOOD, { name: '/tmp/evil-from-test', data: 'x' }], /absolute path/],
    ['a drive path', [{ name: 'C:/evil', data: 'x' }], /absolute path/],
    ['a backslash path', [...GOOD, { name: 'acme\\..\\..\\evil', data: 'x' }], /character Windows/],
    ['a symbolic link', [...GOOD, { name: 'acme/link', type: '2', linkname: '/etc/passwd' }], /SymbolicLink/],
    ['a hard link', [...GOOD, { name: 'acme/hard', type: '1', linkname: 'acme/info.json' }], /Link/],
    ['a character device', [...GOOD, { name: 'acme/dev', type: '3' }], /CharacterDevice/],
    ['a block device', [...GOOD, { name: 'acme/blk', type: '4' }], /BlockDevice/],
    ['a FIFO', [...GOOD, { name: 'acme/fifo', type: '6' }], /FIFO/],
    ['names that differ only in case', [...GOOD, { name: 'acme/Info.json', data: '{}' }], /differ only in case/],
    ['a Windows-reserved name', [...GOOD, { name: 'acme/CON.txt', data: 'x' }], /Windows-reserved/],
    ['a Windows-reserved folder', [...GOOD, { name: 'acme/aux/x.py', data: 'x' }], /Windows-reserved/],
    ['a colon (NTFS stream)', [...GOOD, { name: 'acme/a:b', data: 'x' }], /character Windows/],
    ['a trailing dot', [...GOOD, { name: 'acme/x.', data: 'x' }], /dot or space/],
    ['two top-level folders', [...GOOD, { name: 'other/info.json', data: '{}' }], /more than one top-level/],
    ['only files at the top level (no folder)', [{ name: 'info.json', data: '{}' }, { name: 'connector.py', data: '' }], /"info\.json" is a file at the top level and the archive has no folder/],
    ['a duplicate file entry', [...GOOD, { name: 'acme/info.json', data: '{"name": "evil"}' }], /"acme\/info\.json" appears more than once/],
    ['a duplicate stray file', [...GOOD, { name: 'README', data: 'a' }, { name: 'README', data: 'b' }], /"README" appears more than once/],
    ['a path that is a file and a folder', [...GOOD, { name: 'acme/connector.py/x', data: 'x' }], /"acme\/connector\.py" is both a file and a folder/],
    ['a stray file named like the folder', [{ name: 'acme', data: 'x' }, ...GOOD], /"acme" is both a file and a folder/],
    ['a stray symbolic link at the top level', [...GOOD, { name: 'link', type: '2', linkname: '/etc/passwd' }], /SymbolicLink/],
    ['no entries', [], /empty|damaged/],
  ])('refuses %s', async (_what, entries, why) => {
    await refuses(entries, why);
  });

  it('caps the number of entries', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `acme/f${i}.txt`, data: 'x' }));
    await refuses([{ name: 'acme/' }, ...many], /more than 10 entries/, { maxEntries: 10 });
  });

  it('caps the declared size before reading the data (a lying header)', async () => {
    await refuses([{ name: 'acme/' }, { name: 'acme/big.bin', data: 'x', size: 300 * 1024 * 1024 }], /more than 209715200 bytes/);
  });

  it('caps decompressed bytes of a highly compressible archive (zip bomb)', async () => {
    const bomb = rawTgz([{ name: 'acme/' }, { name: 'acme/zeros.bin', data: Buffer.alloc(4 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    await refuses(bomb, /more than 1048576 bytes/, { maxBytes: 1024 * 1024 });
  });

  it('refuses what is not a gzip tar: plain tar, garbage, truncated gzip', async () => {
    await refuses(rawTar(GOOD), /not a gzip/);
    await refuses(Buffer.from('hello world'), /not a gzip/);
    const good = rawTgz(GOOD);
    await refuses(good.subarray(0, good.length - 30), /damaged|empty/);
    await refuses(gzipSync(Buffer.from('not a tar at all, just text that is long enough to fill something')), /damaged|empty/);
  });

  it('explains a missing file', async () => {
    await expect(safeExtractTgz(path.join(work, 'missing.tgz'))).rejects.toThrow(/Cannot read/);
  });
});

describe('entryPathProblem', () => {
  it('accepts ordinary relative names and normalises "./"', () => {
    const out: string[] = [];
    expect(entryPathProblem('./acme/images/small.png', out)).toBeUndefined();
    expect(out).toEqual(['acme', 'images', 'small.png']);
    expect(entryPathProblem('acme/')).toBeUndefined();
  });
  it.each(['acme//x', 'acme/./x', 'lpt1', 'acme/nul.json', 'acme/x ', '\\\\server\\share'])('refuses %s', (p) => {
    expect(entryPathProblem(p)).toBeDefined();
  });
});
