// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { monacoEditorHost } from './editor/editor-host';
import { editorHost } from './store/editor/host';
import { allCommands } from './store/palette/commands';
import { COMMAND_ORDER, wireWindow } from './wire-window';

vi.mock('./api/client', () => ({ onEvent: () => () => undefined, call: () => Promise.reject(new Error('no services in this test')) }));

describe('wiring the window', () => {
  it('registers every feature\'s commands once, in the palette\'s order, and hands the stores the editor', () => {
    expect(() => editorHost()).toThrow(/wireWindow\(\)/);
    wireWindow();
    wireWindow();
    expect(allCommands()).toEqual(COMMAND_ORDER.flat());
    expect(allCommands().slice(0, 3).map((c) => c.id)).toEqual(['palette.commands', 'palette.files', 'editor.goToLine']);
    expect(editorHost()).toBe(monacoEditorHost);
  });

  it('binds no window-wide shortcut to two commands', () => {
    const global = COMMAND_ORDER.flat().filter((c) => c.shortcut && !c.shortcutScope);
    // Off macOS, Mod is Ctrl: the strictest reading.
    const byKey = new Map<string, string[]>();
    for (const c of global) {
      const key = c.shortcut!.replace('Mod', 'Ctrl');
      byKey.set(key, [...(byKey.get(key) ?? []), c.id]);
    }
    const clashes = [...byKey].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}: ${ids.join(', ')}`);
    expect(clashes).toEqual([]);
    expect(global.length).toBeGreaterThan(20);
  });

  it('names every command for the palette: a category and a title', () => {
    for (const c of COMMAND_ORDER.flat()) expect(c.category && c.title, c.id).toBeTruthy();
  });
});
