/**
 * Every command of the app: the palette's list, the global key bindings and the desktop menu's targets. Each
 * feature declares its own commands and wire-window.ts registers them at startup, so the palette knows no
 * feature. The palette lists them in the order they were registered.
 */
export interface Command {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  /** "Mod+Shift+P"; see store/palette/shortcuts.ts. */
  readonly shortcut?: string;
  /** Where the shortcut works when it is not window-wide (tree keys, Esc); shown in the palette, not bound globally. */
  readonly shortcutScope?: string;
  readonly inProjectOnly?: boolean;
  /** Listed in the palette and bound to its shortcut only while this holds (the active file changed on disk). */
  readonly available?: () => boolean;
  run(): unknown;
}

const registered: Command[] = [];

/** Adds commands after those registered before; returns what takes them away again. */
export function registerCommands(commands: readonly Command[]): () => void {
  for (const c of commands) {
    if (registered.some((r) => r.id === c.id) || commands.filter((o) => o.id === c.id).length > 1)
      throw new Error(`The command "${c.id}" is registered twice: give one of them another id.`);
  }
  registered.push(...commands);
  return () => {
    for (const c of commands) {
      const at = registered.indexOf(c);
      if (at >= 0) registered.splice(at, 1);
    }
  };
}

export const allCommands = (): readonly Command[] => registered;
export const findCommand = (id: string): Command | undefined => registered.find((c) => c.id === id);
export const isAvailable = (c: Command, inProject: boolean) => (inProject || !c.inProjectOnly) && (!c.available || c.available());
export const availableCommands = (inProject: boolean) => registered.filter((c) => isAvailable(c, inProject));
