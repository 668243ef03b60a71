import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createFileService } from './file-service';

async function setup(limitBytes = 1024 * 1024) {
  const root = await tmpDir();
  const trashed: string[] = [];
  const files = createFileService({
    rootOf: async (id) => (id === 'p1' ? root : Promise.reject(new Error('unknown'))),
    largeFileLimitBytes: () => limitBytes,
    moveToTrash: async (abs) => (trashed.push(abs), false),
  });
  return { root, files, trashed };
}

describe('file service', () => {
  it('writes atomically and returns an etag that guards the next write', async () => {
    const { root, files } = await setup();
    const first = await files.write('p1', 'dir/a.py', { text: 'print(1)\n', etag: null });
    expect(await readFile(path.join(root, 'dir/a.py'), 'utf8')).toBe('print(1)\n');
    const second = await files.write('p1', 'dir/a.py', { text: 'print(2)\n', etag: first.etag });
    expect(second.etag).not.toBe(first.etag);
    expect((await readdir(path.join(root, 'dir'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a write over a file that changed on disk, and keeps the disk version', async () => {
    const { root, files } = await setup();
    const { etag } = await files.write('p1', 'a.txt', { text: 'mine', etag: null });
    await writeFile(path.join(root, 'a.txt'), 'theirs');
    await expect(files.write('p1', 'a.txt', { text: 'mine 2', etag })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('theirs');
  });

  it('refuses to create over an existing file', async () => {
    const { files } = await setup();
    await files.write('p1', 'a.txt', { text: '1' });
    await expect(files.write('p1', 'a.txt', { text: '2', etag: null })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('opens large files read-only with a notice, and images as base64', async () => {
    const { root, files } = await setup(16);
    await writeFile(path.join(root, 'big.txt'), 'x'.repeat(100));
    const big = await files.read('p1', 'big.txt');
    expect(big).toMatchObject({ readOnly: true, binary: false });
    expect(big.text).toHaveLength(16);
    expect(big.notice).toMatch(/read-only/);
  });

  it('lists a sorted tree without .git or __pycache__', async () => {
    const { root, files } = await setup();
    await mkdir(path.join(root, '.git'));
    await mkdir(path.join(root, '__pycache__'));
    await mkdir(path.join(root, 'images'));
    await writeFile(path.join(root, 'info.json'), '{}');
    const tree = await files.tree('p1');
    expect(tree.children?.map((c) => c.name)).toEqual(['images', 'info.json']);
  });

  it('renames, refuses to overwrite on rename, and deletes', async () => {
    const { root, files, trashed } = await setup();
    await files.write('p1', 'a.txt', { text: '1' });
    await files.write('p1', 'b.txt', { text: '2' });
    await expect(files.rename('p1', 'a.txt', 'b.txt')).rejects.toMatchObject({ code: 'CONFLICT' });
    await files.rename('p1', 'a.txt', 'sub/c.txt');
    expect(await readFile(path.join(root, 'sub/c.txt'), 'utf8')).toBe('1');
    expect(await files.delete('p1', 'sub')).toEqual({ toTrash: false });
    expect(trashed).toEqual([path.join(root, 'sub')]);
    await expect(readdir(path.join(root, 'sub'))).rejects.toThrow();
  });

  it('never touches anything outside the project', async () => {
    const { files } = await setup();
    await expect(files.write('p1', '../escape.txt', { text: 'x' })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(files.read('p1', '../../etc/passwd')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });
});
