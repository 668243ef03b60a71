/** A shortcut is written "Mod+Shift+P": Mod is Cmd on macOS and Ctrl elsewhere; the key is a KeyboardEvent.code name or a letter/digit. */
export interface KeyLike {
  readonly code: string;
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const CODE_OF: Record<string, string> = { ',': 'Comma', '.': 'Period', '/': 'Slash', '`': 'Backquote', Esc: 'Escape', Del: 'Delete' };

function parse(shortcut: string) {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1));
  const code = /^[A-Z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : (CODE_OF[key] ?? key);
  return { code, mod: mods.has('Mod'), ctrl: mods.has('Ctrl'), shift: mods.has('Shift'), alt: mods.has('Alt') };
}

/** Uses event.code so Alt and Shift (which change event.key, e.g. Alt+S = ß on macOS) still match. */
export function matchesShortcut(e: KeyLike, shortcut: string, isMac: boolean): boolean {
  const s = parse(shortcut);
  const wantCtrl = s.ctrl || (s.mod && !isMac);
  const wantMeta = s.mod && isMac;
  const codeMatches = e.code === s.code || (e.code === '' && e.key.toLowerCase() === s.code.replace(/^Key/, '').toLowerCase());
  return codeMatches && e.ctrlKey === wantCtrl && e.metaKey === wantMeta && e.altKey === s.alt && e.shiftKey === s.shift;
}

const MAC_SYMBOL: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' };
const KEY_LABEL: Record<string, string> = { Comma: ',', Enter: 'Enter', Escape: 'Esc', Delete: 'Delete', PageDown: 'PgDn', PageUp: 'PgUp' };

/** "Mod+Shift+P" -> "Ctrl+Shift+P", or "⇧⌘P" on macOS. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const label = KEY_LABEL[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  const mods = parts.slice(0, -1);
  if (isMac) {
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    return [...mods].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((m) => MAC_SYMBOL[m] ?? m).join('') + label;
  }
  return [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), label].join('+');
}
