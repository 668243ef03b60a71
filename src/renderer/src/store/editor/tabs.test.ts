import { describe, expect, it } from 'vitest';
import { applyFileSaved, applyRename, closeTab, dirtyTabs, openTab, patchTab, type Tab, type TabsState } from './tabs';

const tab = (relPath: string, extra: Partial<Tab> = {}): Tab => ({
  relPath, kind: 'text', language: 'python', etag: 'e1', dirty: false, readOnly: false, backup: 'none', ...extra,
});
const state = (paths: string[], active: string | null = paths[0] ?? null): TabsState => ({ tabs: paths.map((p) => tab(p)), active });
const order = (s: TabsState) => s.tabs.map((t) => t.relPath);

describe('openTab', () => {
  it('inserts right of the active tab and activates it', () => {
    const s = openTab(state(['a', 'b'], 'a'), tab('c'));
    expect(order(s)).toEqual(['a', 'c', 'b']);
    expect(s.active).toBe('c');
  });
  it('only focuses an already open file', () => {
    const s = openTab(state(['a', 'b'], 'a'), tab('b', { dirty: true }));
    expect(order(s)).toEqual(['a', 'b']);
    expect(s.tabs[1].dirty).toBe(false);
    expect(s.active).toBe('b');
  });
  it('appends when nothing is active', () => expect(order(openTab({ tabs: [], active: null }, tab('x')))).toEqual(['x']));
});

describe('closeTab', () => {
  it.each([
    [['a', 'b', 'c'], 'b', 'b', 'c'],
    [['a', 'b', 'c'], 'c', 'c', 'b'],
    [['a', 'b', 'c'], 'a', 'b', 'a'],
    [['a'], 'a', 'a', null],
  ] as const)('tabs %j active %s, close %s -> active %s', (paths, active, close, next) => {
    expect(closeTab(state([...paths], active), close).active).toBe(next);
  });
  it('ignores unknown tabs', () => {
    const s = state(['a']);
    expect(closeTab(s, 'zz')).toBe(s);
  });
});

describe('applyFileSaved', () => {
  it('clears dirty, disk change and backup and takes the new etag', () => {
    const s = patchTab(state(['a']), 'a', { dirty: true, diskEtag: 'e9', backup: 'saved' });
    const t = applyFileSaved(s, 'a', 'e2').tabs[0];
    expect(t).toMatchObject({ etag: 'e2', dirty: false, backup: 'none' });
    expect(t.diskEtag).toBeUndefined();
  });
  it('keeps dirty when the user typed during the save', () => {
    const s = patchTab(state(['a']), 'a', { dirty: true, backup: 'pending' });
    expect(applyFileSaved(s, 'a', 'e2', true).tabs[0]).toMatchObject({ etag: 'e2', dirty: true, backup: 'pending' });
  });
});

describe('applyRename', () => {
  it('renames a file tab and its language', () => {
    const s = applyRename(state(['x/a.py', 'b.py'], 'x/a.py'), 'x/a.py', 'x/a.json');
    expect(order(s)).toEqual(['x/a.json', 'b.py']);
    expect(s.tabs[0].language).toBe('json');
    expect(s.active).toBe('x/a.json');
  });
  it('moves every tab inside a renamed folder but not a sibling with the same prefix', () => {
    const s = applyRename(state(['x/a.py', 'x/b/c.md', 'xy.py'], 'xy.py'), 'x', 'z/x');
    expect(order(s)).toEqual(['z/x/a.py', 'z/x/b/c.md', 'xy.py']);
    expect(s.active).toBe('xy.py');
  });
});

it('lists dirty tabs', () => {
  expect(dirtyTabs(patchTab(state(['a', 'b']), 'b', { dirty: true })).map((t) => t.relPath)).toEqual(['b']);
});
