import type { Command } from '../../store/palette/commands';

export interface KeyRow {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly keys: string;
  readonly where: string;
}

/** The bindings of the registered commands, in registration order; a command without a key is not a binding. */
export function keyRows(commands: readonly Command[], format: (shortcut: string) => string): KeyRow[] {
  return commands
    .filter((c) => c.shortcut)
    .map((c) => ({ id: c.id, category: c.category, title: c.title, keys: format(c.shortcut!), where: c.shortcutScope ?? 'Anywhere' }));
}

/** Every word of the filter must appear in the row's command, category, key or place; case and "+" spacing ignored. */
export function matchesKeyFilter(row: KeyRow, filter: string): boolean {
  const hay = `${row.category} ${row.title} ${row.keys} ${row.where}`.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}
