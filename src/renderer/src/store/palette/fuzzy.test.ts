import { describe, expect, it } from 'vitest';
import { fuzzyScore, rankByTitle, rankPaths } from './fuzzy';

describe('fuzzyScore', () => {
  it('needs every character in order', () => {
    expect(fuzzyScore('cpy', 'connector.py')).not.toBeNull();
    expect(fuzzyScore('ypc', 'connector.py')).toBeNull();
  });
  it('prefers consecutive letters', () => {
    expect(fuzzyScore('conn', 'connector.py')!).toBeGreaterThan(fuzzyScore('conn', 'c_o_n_n.py')!);
  });
  it('empty query matches everything', () => expect(fuzzyScore('', 'x')).toBe(0));
});

describe('rankPaths', () => {
  const paths = ['conn/info.json', 'conn/connector.py', 'conn/operations.py', 'README.md', 'conn/images/icon.png'];
  it('ranks a file-name match first', () => expect(rankPaths(paths, 'info')[0]).toBe('conn/info.json'));
  it('drops non-matches', () => expect(rankPaths(paths, 'zzz')).toEqual([]));
  it('keeps order without a query, up to the limit', () => expect(rankPaths(paths, '', 2)).toEqual(paths.slice(0, 2)));
});

describe('rankByTitle', () => {
  const cmds = [{ title: 'Save All' }, { title: 'Save' }, { title: 'Toggle Theme' }];
  it('filters and ranks', () => {
    expect(rankByTitle(cmds, 'save').map((c) => c.title)).toEqual(['Save', 'Save All']);
    expect(rankByTitle(cmds, 'theme').map((c) => c.title)).toEqual(['Toggle Theme']);
  });

  it('lists images last, with or without a query', () => {
    const files = ['c/images/large.png', 'c/images/small.svg', 'c/connector.py', 'c/info.json', 'c/operations.py'];
    expect(rankPaths(files, '')).toEqual(['c/connector.py', 'c/info.json', 'c/operations.py', 'c/images/large.png', 'c/images/small.svg']);
    expect(rankPaths(files, 'c').slice(-2)).toEqual(['c/images/large.png', 'c/images/small.svg']);
  });
});
