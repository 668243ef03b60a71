import { describe, expect, it } from 'vitest';
import type { BackupEntry, SessionState } from '../../../../shared/models/workspace';
import { mergeSession, planRestore } from './session';

const backup = (projectId: string, relPath: string): BackupEntry => ({ projectId, relPath, text: 'x', baseEtag: 'e', savedAt: 1 });

describe('mergeSession', () => {
  const s: SessionState = { openProjects: [{ projectId: 'a', tabs: ['1'] }, { projectId: 'b', tabs: ['2'] }] };
  it('replaces only this project', () => {
    expect(mergeSession(s, 'a', ['x', 'y'], 'y').openProjects).toEqual([{ projectId: 'b', tabs: ['2'] }, { projectId: 'a', tabs: ['x', 'y'], active: 'y' }]);
  });
  it('drops the project when no tab is open', () => {
    expect(mergeSession(s, 'a', [], null).openProjects).toEqual([{ projectId: 'b', tabs: ['2'] }]);
  });
});

describe('planRestore', () => {
  it('reopens session tabs in order, attaches backups, then adds backup-only files', () => {
    const s: SessionState = { openProjects: [{ projectId: 'p', tabs: ['a.py', 'b.json'], active: 'b.json' }] };
    const plan = planRestore(s, [backup('p', 'b.json'), backup('p', 'c.md'), backup('q', 'z')], 'p');
    expect(plan.items.map((i) => [i.relPath, Boolean(i.backup)])).toEqual([['a.py', false], ['b.json', true], ['c.md', true]]);
    expect(plan.active).toBe('b.json');
  });
  it('activates the first item when the session has none for this project', () => {
    expect(planRestore({ openProjects: [] }, [backup('p', 'c.md')], 'p').active).toBe('c.md');
    expect(planRestore({ openProjects: [] }, [], 'p')).toEqual({ items: [], active: null });
  });
});
