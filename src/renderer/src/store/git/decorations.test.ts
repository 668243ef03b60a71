import { describe, expect, it } from 'vitest';
import { gitDecorations, gitLetter } from './decorations';

describe('gitDecorations', () => {
  it('is empty outside a repository', () => {
    expect(gitDecorations({ isRepo: false, files: [] }).files.size).toBe(0);
    expect(gitDecorations(null).dirs.size).toBe(0);
  });
  it('maps files and marks their folders', () => {
    const d = gitDecorations({ isRepo: true, files: [{ relPath: 'a/b/c.py', state: 'modified' }, { relPath: 'new/', state: 'untracked' }] });
    expect(d.files.get('a/b/c.py')).toBe('modified');
    expect(d.files.get('new')).toBe('untracked');
    expect([...d.dirs].sort()).toEqual(['a', 'a/b', 'new']);
  });
  it('has a letter per state', () => expect(gitLetter('untracked')).toBe('U'));
});
