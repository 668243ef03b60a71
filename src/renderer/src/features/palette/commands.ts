import type { Command } from '../../store/palette/commands';
import { usePaletteStore } from '../../store/palette/store';

/** The palette's own entries: commands, quick open, go to line. */
export const PALETTE_COMMANDS: readonly Command[] = [
  { id: 'palette.commands', category: 'View', title: 'Show All Commands', shortcut: 'Mod+Shift+P', run: () => usePaletteStore.getState().show('>') },
  { id: 'palette.files', category: 'Go', title: 'Go to File…', shortcut: 'Mod+P', inProjectOnly: true, run: () => usePaletteStore.getState().show('') },
  { id: 'editor.goToLine', category: 'Go', title: 'Go to Line…', shortcut: 'Ctrl+G', inProjectOnly: true, run: () => usePaletteStore.getState().show(':') },
];
