import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { checkRelative, resolveInside } from './safe-path';

describe('resolveInside', () => {
  it('resolves plain relative paths inside the root', async () => {
    const root = await tmpDir();
    expect(await resolveInside(root, 'a/b.txt')).toBe(path.join(root, 'a', 'b.txt'));
    expect(await resolveInside(root, '')).toBe(root);
  });

  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:\\Windows', 'a\\..\\..\\x', 'a\0b'])('refuses %s', async (rel) => {
    const root = await tmpDir();
    await expect(resolveInside(root, rel)).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });

  it('refuses a symlink that leads outside, even for a file below it that does not exist yet', async () => {
    const root = await tmpDir();
    const outside = await tmpDir();
    await symlink(outside, path.join(root, 'link'));
    await expect(resolveInside(root, 'link/new.txt')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });

  it('accepts a symlink that stays inside', async () => {
    const root = await tmpDir();
    await mkdir(path.join(root, 'real'));
    await writeFile(path.join(root, 'real', 'f.txt'), 'x');
    await symlink(path.join(root, 'real'), path.join(root, 'alias'));
    expect(await resolveInside(root, 'alias/f.txt')).toBe(path.join(root, 'alias', 'f.txt'));
  });

  it('normalises separators and dots', () => {
    expect(checkRelative('./a//b/./c')).toBe('a/b/c');
  });
});
