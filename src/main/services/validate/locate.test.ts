import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { chooseConnectorFolder, findConnectorFolder, locateConnectorDir } from './locate';

describe('chooseConnectorFolder: one rule for projects, validate/package/publish and git versions', () => {
  it.each<[string, string, boolean, string[], ReturnType<typeof chooseConnectorFolder>]>([
    ['a bare connector folder', 'acme', true, ['other'], { rel: '' }],
    ['a repository with one connector', 'whatever', false, ['acme'], { rel: 'acme' }],
    ['a repository named after one of several', 'connector-acme', false, ['zeta', 'acme'], { rel: 'acme' }],
    ['hidden children', 'repo', false, ['.git', '.venv'], { none: true }],
    ['one visible child beside hidden ones', 'repo', false, ['.hidden', 'acme'], { rel: 'acme' }],
    ['nothing', 'repo', false, [], { none: true }],
    // The project list once opened the alphabetically first of these and hid the other.
    ['several, none named like the folder', 'repo', false, ['zeta', 'acme'], { several: ['acme', 'zeta'] }],
  ])('%s', (_, name, own, children, want) => expect(chooseConnectorFolder(name, own, children)).toEqual(want));
});

describe('on disk', () => {
  const connector = async (dir: string) => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'info.json'), '{}');
  };

  it('finds the folder itself or its child, and refuses an ambiguous folder with the names', async () => {
    const root = path.join(await tmpDir(), 'connector-acme');
    await connector(path.join(root, 'acme'));
    await connector(path.join(root, 'beta'));
    expect(await findConnectorFolder(root)).toEqual({ rel: 'acme' });
    expect(await locateConnectorDir(root)).toBe(path.join(root, 'acme'));
    expect(await locateConnectorDir(path.join(root, 'beta'))).toBe(path.join(root, 'beta'));
    const other = path.join(path.dirname(root), 'two');
    await connector(path.join(other, 'b'));
    await connector(path.join(other, 'a'));
    expect(await findConnectorFolder(other)).toEqual({ several: ['a', 'b'] });
    await expect(locateConnectorDir(other)).rejects.toThrow(/several connectors \(a, b\): name one of them/);
    // info.json must be a file: a folder of that name is no connector.
    await mkdir(path.join(other, 'c', 'info.json'), { recursive: true });
    expect(await findConnectorFolder(path.join(other, 'c'))).toEqual({ none: true });
    expect(await findConnectorFolder(path.join(other, 'missing'))).toEqual({ none: true });
  });
});
