// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { COMMAND_ORDER } from '../../wire-window';
import { formatShortcut } from '../../store/palette/shortcuts';
import { keyRows, matchesKeyFilter } from './key-rows';

const rows = () => keyRows(COMMAND_ORDER.flat(), (s) => formatShortcut(s, false));

describe('the Keyboard Shortcuts page', () => {
  it('lists every command that has a key, the editor\'s own keys included, and no command twice', () => {
    const withKeys = COMMAND_ORDER.flat().filter((c) => c.shortcut);
    expect(rows().map((r) => r.id)).toEqual(withKeys.map((c) => c.id));
    expect(new Set(rows().map((r) => r.id)).size).toBe(rows().length);
    expect(rows().find((r) => r.id === 'editor.goToDefinition')).toMatchObject({ keys: 'F12', where: 'Editor' });
    expect(rows().find((r) => r.id === 'editor.replaceAll')).toMatchObject({ keys: 'Ctrl+Alt+Enter', where: 'Find widget' });
  });
  it('finds a binding by its key, its name or where it works', () => {
    const find = (f: string) => rows().filter((r) => matchesKeyFilter(r, f)).map((r) => r.id);
    expect(find('F12')).toContain('editor.goToDefinition');
    expect(find('ctrl+alt+enter')).toEqual(expect.arrayContaining(['editor.replaceAll', 'view.fullScreen']));
    expect(find('save all')).toEqual(['file.saveAll']);
    expect(find('explorer delete')).toContain('file.delete');
    expect(find('no such key anywhere')).toEqual([]);
  });
});
