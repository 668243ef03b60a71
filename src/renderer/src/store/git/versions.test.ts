import { describe, expect, it } from 'vitest';
import type { TagInfo } from '../../../../shared/models/git';
import { insertReleaseNotes, lastVersionTag, releaseNotesPath, versionSpec, versionTags } from './versions';

const tag = (name: string): TagInfo => ({ name, sha: 'x', annotated: false, message: '' });

describe('version tags', () => {
  it('keeps version tags only, newest version first (numerically, not by text)', () => {
    const tags = ['v1.2.0', 'release-candidate', 'v1.10.0', 'v2', 'v1.9.3', 'vnext'].map(tag);
    expect(versionTags(tags)).toEqual(['v2', 'v1.10.0', 'v1.9.3', 'v1.2.0']);
    expect(lastVersionTag(tags)).toBe('v2');
    expect(lastVersionTag([tag('wip')])).toBeUndefined();
  });
  it('names the sides as versions.compare reads them', () => {
    expect(versionSpec('working')).toBeUndefined();
    expect(versionSpec('v1.0.0')).toBe('git:v1.0.0');
    expect(releaseNotesPath('sample')).toBe('sample/release_notes.md');
    expect(releaseNotesPath('')).toBe('release_notes.md');
  });
});

describe('insertReleaseNotes', () => {
  const old = "# What's new in 1.0.0\n\n- First version.\n";
  const draft = '## Sample Threat Intel 2.0.0\n\n#### Breaking Changes\n\n- Removed the parameter ip.\n';
  it('puts the section on top of the existing notes', () => {
    expect(insertReleaseNotes(old, draft)).toBe(`${draft.trim()}\n\n${old.trim()}\n`);
  });
  it('replaces a placeholder section of the same version instead of stacking copies', () => {
    const placeholder = "# What's new in 2.0.0\n\n- Describe the changes in this version.\n\n" + old;
    const once = insertReleaseNotes(placeholder, draft);
    expect(once).not.toContain('Describe the changes');
    expect(insertReleaseNotes(once, draft)).toBe(once);
  });
  it('writes a new file when there were no notes', () => expect(insertReleaseNotes('', draft)).toBe(draft));
});
