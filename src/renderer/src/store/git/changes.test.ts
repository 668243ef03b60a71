import { describe, expect, it } from 'vitest';
import type { GitChanges } from '../../../../shared/models/git';
import { canOpen, changeCount, commitPlan, diffModeOf, splitPath } from './changes';
import { cloneFolderOf } from './clone-store';
import { gitProgressOf, percent } from './progress';

const changes = (o: Partial<GitChanges> = {}): GitChanges => ({ isRepo: true, branch: 'main', staged: [], unstaged: [], conflicted: [], ...o });
const file = (relPath: string) => ({ relPath, state: 'modified' as const });

describe('commitPlan', () => {
  it.each([
    ['not a repository', null, 'msg', false, { kind: 'blocked', reason: 'Not a git repository.' }],
    ['conflicts first', changes({ conflicted: [file('a')], staged: [file('b')] }), 'msg', false, { kind: 'blocked', reason: 'Resolve and stage the conflicted files first.' }],
    ['a message', changes({ staged: [file('a')] }), '  ', false, { kind: 'blocked', label: 'Commit', reason: 'Write a commit message.' }],
    ['nothing at all', changes(), 'msg', false, { kind: 'blocked', reason: 'Nothing to commit.' }],
    ['staged files', changes({ staged: [file('a')], unstaged: [file('b')] }), 'msg', false, { kind: 'commit', label: 'Commit' }],
    ['nothing staged: everything', changes({ unstaged: [file('a')] }), 'msg', false, { kind: 'commitAll', label: 'Commit All' }],
    ['amend needs neither', changes(), '', true, { kind: 'amend' }],
    ['a merge waits for its conflicts', changes({ merging: true, conflicted: [file('a')] }), 'msg', false, { kind: 'blocked', label: 'Commit Merge' }],
    ['a merge resolved to this side commits with nothing staged', changes({ merging: true }), 'msg', false, { kind: 'commit', label: 'Commit Merge' }],
    ['a merge commits the index, never all', changes({ merging: true, unstaged: [file('b')] }), 'msg', false, { kind: 'commit', label: 'Commit Merge' }],
    ['a merge needs a message', changes({ merging: true, staged: [file('a')] }), ' ', false, { kind: 'blocked', reason: 'Write a commit message.' }],
    ['a merge cannot be amended', changes({ merging: true }), 'msg', true, { kind: 'blocked', label: 'Amend Last Commit' }],
  ])('%s', (_name, c, message, amend, expected) => expect(commitPlan(c, message as string, amend as boolean)).toMatchObject(expected));
});

describe('change rows', () => {
  it('splits paths and knows what opens', () => {
    expect(splitPath('sample/lib/utils.py')).toEqual({ name: 'utils.py', dir: 'sample/lib' });
    expect(splitPath('new-dir/')).toEqual({ name: 'new-dir', dir: '' });
    expect(canOpen({ relPath: 'a.py', state: 'deleted' })).toBe(false);
    expect(canOpen({ relPath: 'dir/', state: 'untracked' })).toBe(false);
    expect(diffModeOf('staged')).toBe('staged');
    expect(diffModeOf('conflicted')).toBe('unstaged');
    expect(changeCount(changes({ staged: [file('a')], unstaged: [file('a'), file('b')] }))).toBe(3);
  });
});

describe('progress and clone names', () => {
  it('follows only the operation it started', () => {
    expect(gitProgressOf({ id: 'git:push:p1', title: 'git push', fraction: 0.5 }, 'push', 'p1')).toEqual({ title: 'git push', fraction: 0.5, message: undefined });
    expect(gitProgressOf({ id: 'git:push:p1', title: 'git push', done: true }, 'push', 'p1')).toBeNull();
    expect(gitProgressOf({ id: 'git:push:p2', title: 'git push' }, 'push', 'p1')).toBeUndefined();
    expect(percent({ title: '', fraction: 0.456 })).toBe(46);
    expect(percent(null)).toBeUndefined();
  });
  it.each([
    ['https://github.com/acme/connector-x.git', 'connector-x'],
    ['git@github.com:acme/connector-y.git', 'connector-y'],
    ['/srv/repos/connector-z/', 'connector-z'],
  ])('%s clones into %s', (url, folder) => expect(cloneFolderOf(url)).toBe(folder));
});
