import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut, type KeyLike } from './shortcuts';

const ev = (code: string, mods: Partial<KeyLike> = {}, key = ''): KeyLike => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('matchesShortcut', () => {
  it.each([
    [ev('KeyP', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+P', false, true],
    [ev('KeyP', { metaKey: true, shiftKey: true }), 'Mod+Shift+P', true, true],
    [ev('KeyP', { ctrlKey: true }), 'Mod+Shift+P', false, false],
    [ev('KeyP', { ctrlKey: true, shiftKey: true }), 'Mod+P', false, false],
    [ev('KeyS', { ctrlKey: true, altKey: true }, 'ß'), 'Mod+Alt+S', false, true],
    [ev('Comma', { ctrlKey: true }), 'Mod+,', false, true],
    [ev('F2'), 'F2', false, true],
    [ev('KeyG', { ctrlKey: true }), 'Ctrl+G', true, true],
    [ev('', { ctrlKey: true }, 's'), 'Mod+S', false, true],
  ])('%o vs %s (mac %s) -> %s', (e, s, mac, expected) => expect(matchesShortcut(e, s, mac)).toBe(expected));
});

describe('formatShortcut', () => {
  it.each([
    ['Mod+Shift+P', false, 'Ctrl+Shift+P'],
    ['Mod+Shift+P', true, '⇧⌘P'],
    ['Mod+Alt+S', true, '⌥⌘S'],
    ['Mod+,', false, 'Ctrl+,'],
    ['F2', false, 'F2'],
    ['Ctrl+G', true, '⌃G'],
  ])('%s (mac %s) -> %s', (s, mac, out) => expect(formatShortcut(s, mac)).toBe(out));
});
