import type { Command } from '../../store/palette/commands';
import { openGettingStarted, openKeyboardShortcuts } from './welcome';

/** The walkthrough and the list of keys, each a tab the user can close and reopen from here. */
export const WELCOME_COMMANDS: readonly Command[] = [
  { id: 'help.gettingStarted', category: 'Help', title: 'Getting Started', inProjectOnly: true, run: openGettingStarted },
  { id: 'help.keyboardShortcuts', category: 'Help', title: 'Keyboard Shortcuts', inProjectOnly: true, run: openKeyboardShortcuts },
];
