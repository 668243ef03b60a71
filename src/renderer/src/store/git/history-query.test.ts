import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../shared/models/git';
import { mergeHistory, parseHistorySearch, refLabels } from './history-query';

const entry = (sha: string): LogEntry => ({ sha, shortSha: sha.slice(0, 7), parents: [], author: 'a', email: 'a@x', date: '2024-01-01T00:00:00Z', subject: sha, body: '', refs: [] });

describe('parseHistorySearch', () => {
  it.each([
    ['', {}],
    ['fix typo', { message: 'fix typo' }],
    ['author:ann', { author: 'ann' }],
    ['Author:ann path:sample/utils.py  ref:v1.0.0 tune   it', { author: 'ann', path: 'sample/utils.py', ref: 'v1.0.0', message: 'tune it' }],
    ['path:', { message: 'path:' }],
  ])('%j', (text, query) => expect(parseHistorySearch(text)).toEqual(query));
});

describe('mergeHistory', () => {
  it('replaces on a new search and appends without duplicates on "load more"', () => {
    const shown = [entry('a'), entry('b')];
    expect(mergeHistory(shown, { entries: [entry('c')], hasMore: false }, true).map((e) => e.sha)).toEqual(['c']);
    expect(mergeHistory(shown, { entries: [entry('b'), entry('c')], hasMore: false }, false).map((e) => e.sha)).toEqual(['a', 'b', 'c']);
  });
});

describe('refLabels', () => {
  it('names the current branch, tags, local and remote branches', () => {
    expect(refLabels(['HEAD -> main', 'tag: v1.0.0', 'origin/main', 'feature'])).toEqual([
      { name: 'main', kind: 'head' },
      { name: 'v1.0.0', kind: 'tag' },
      { name: 'origin/main', kind: 'remote' },
      { name: 'feature', kind: 'branch' },
    ]);
  });
});
