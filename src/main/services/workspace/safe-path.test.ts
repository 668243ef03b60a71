import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { checkRelative, isBelow, resolveInside } from './safe-path';

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

describe('isBelow', () => {
  const root = path.join(path.sep, 'work', 'project');
  it('is true below the folder, and for the folder itself only when asked', () => {
    expect(isBelow(root, path.join(root, 'a', 'b.py'))).toBe(true);
    expect(isBelow(root, root)).toBe(false);
    expect(isBelow(root, root, { orEqual: true })).toBe(true);
  });
  it('is false beside or above the folder, and for a sibling whose name starts the same', () => {
    expect(isBelow(root, path.join(root, '..', 'other'))).toBe(false);
    expect(isBelow(root, path.dirname(root), { orEqual: true })).toBe(false);
    expect(isBelow(root, `${root}-copy`)).toBe(false);
  });
  it('counts a name that merely starts with two dots as inside', () => {
    expect(isBelow(root, path.join(root, '..cache', 'x'))).toBe(true);
  });
});
