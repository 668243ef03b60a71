import { describe, expect, it } from 'vitest';
import type { SearchMatch } from '../../../../shared/models/workspace';
import { groupByFile, splitPreview } from './group';

const m = (relPath: string, line: number, column = 1, length = 3, preview = 'foo bar'): SearchMatch => ({ relPath, line, column, length, preview });

describe('groupByFile', () => {
  it('groups in first-seen order', () => {
    const g = groupByFile([m('a', 1), m('b', 2), m('a', 3)]);
    expect(g.map((x) => [x.relPath, x.matches.length])).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('splitPreview', () => {
  it('splits around the match', () => expect(splitPreview(m('a', 1, 5, 3))).toEqual({ before: 'foo ', match: 'bar', after: '' }));
  it('trims leading indentation and long prefixes', () => {
    expect(splitPreview(m('a', 1, 5, 1, '    x = 1')).before).toBe('');
    const long = `${'y'.repeat(100)}HIT`;
    const s = splitPreview(m('a', 1, 101, 3, long));
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.match).toBe('HIT');
  });
});
