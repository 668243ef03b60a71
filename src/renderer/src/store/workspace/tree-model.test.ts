import { describe, expect, it } from 'vitest';
import type { FileNode } from '../../../../shared/models/workspace';
import { allFiles, ancestorsOf, findNode, flattenVisible, nameProblem, parentOf, pruneExpanded, targetDirOf } from './tree-model';

const f = (relPath: string): FileNode => ({ name: relPath.split('/').pop()!, relPath, kind: 'file' });
const d = (relPath: string, children: FileNode[]): FileNode => ({ name: relPath.split('/').pop()!, relPath, kind: 'dir', children });
const root = d('', [d('conn', [d('conn/images', [f('conn/images/logo.png')]), f('conn/connector.py'), f('conn/info.json')]), f('README.md')]);

describe('flattenVisible', () => {
  it('shows only top level when nothing is expanded', () => {
    expect(flattenVisible(root, new Set()).map((r) => r.node.relPath)).toEqual(['conn', 'README.md']);
  });
  it('descends into expanded folders with depth', () => {
    const rows = flattenVisible(root, new Set(['conn', 'conn/images']));
    expect(rows.map((r) => `${r.depth}:${r.node.relPath}`)).toEqual([
      '0:conn', '1:conn/images', '2:conn/images/logo.png', '1:conn/connector.py', '1:conn/info.json', '0:README.md',
    ]);
    expect(rows[0].expanded).toBe(true);
  });
  it('hides children of a collapsed folder even if a deeper one is expanded', () => {
    expect(flattenVisible(root, new Set(['conn/images'])).map((r) => r.node.relPath)).toEqual(['conn', 'README.md']);
  });
});

describe('paths', () => {
  it.each([
    ['a/b/c.py', 'a/b'],
    ['c.py', ''],
  ])('parentOf(%s) = %s', (p, parent) => expect(parentOf(p)).toBe(parent));
  it('lists ancestors', () => expect(ancestorsOf('a/b/c.py')).toEqual(['a', 'a/b']));
  it('finds nodes and files', () => {
    expect(findNode(root, 'conn/images')?.kind).toBe('dir');
    expect(findNode(root, 'nope')).toBeNull();
    expect(allFiles(root)).toHaveLength(4);
  });
  it.each([
    [null, ''],
    ['conn', 'conn'],
    ['conn/info.json', 'conn'],
    ['README.md', ''],
  ])('targetDirOf(%s) = %s', (sel, dir) => expect(targetDirOf(root, sel)).toBe(dir));
  it('prunes folders that no longer exist', () => expect(pruneExpanded(root, ['conn', 'gone'])).toEqual(['conn']));
});

describe('nameProblem', () => {
  it.each(['', '  ', 'a/b', 'a\\b', '..', 'a:b', 'bad\u0001name'])('refuses %j', (n) => expect(nameProblem(n)).not.toBeNull());
  it.each(['x.py', 'my file.md', '.gitignore'])('accepts %j', (n) => expect(nameProblem(n)).toBeNull());
});
