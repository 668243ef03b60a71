import { editorInstance } from '../../editor/editor-instance';
import type { Command } from '../../store/palette/commands';

/** Runs one of Monaco's own actions on the editor (focused first, as its key would find it). */
const monaco = (action: string) => () => {
  const ed = editorInstance.get();
  if (!ed) return;
  ed.focus();
  return ed.getAction(action)?.run() ?? ed.trigger('palette', action, {});
};

/**
 * The code editor's own keys, in the one registry so the palette and the Keyboard Shortcuts page list them. Monaco
 * binds them itself: `shortcutScope` keeps the window-wide handler off them.
 */
export const EDITOR_KEY_COMMANDS: readonly Command[] = [
  { id: 'editor.find', category: 'Editor', title: 'Find', shortcut: 'Mod+F', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('actions.find') },
  { id: 'editor.replace', category: 'Editor', title: 'Replace', shortcut: 'Mod+H', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.startFindReplaceAction') },
  { id: 'editor.replaceAll', category: 'Editor', title: 'Replace All', shortcut: 'Mod+Alt+Enter', shortcutScope: 'Find widget', inProjectOnly: true, run: monaco('editor.action.replaceAll') },
  { id: 'editor.findNext', category: 'Editor', title: 'Find Next', shortcut: 'Enter', shortcutScope: 'Find widget', inProjectOnly: true, run: monaco('editor.action.nextMatchFindAction') },
  { id: 'editor.goToDefinition', category: 'Editor', title: 'Go to Definition', shortcut: 'F12', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.revealDefinition') },
  { id: 'editor.suggest', category: 'Editor', title: 'Trigger Suggestions', shortcut: 'Ctrl+Space', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.triggerSuggest') },
  { id: 'editor.parameterHints', category: 'Editor', title: 'Show Parameter Hints', shortcut: 'Mod+Shift+Space', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.triggerParameterHints') },
  { id: 'editor.comment', category: 'Editor', title: 'Toggle Line Comment', shortcut: 'Mod+/', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.commentLine') },
  { id: 'editor.undo', category: 'Editor', title: 'Undo', shortcut: 'Mod+Z', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('undo') },
  { id: 'editor.redo', category: 'Editor', title: 'Redo', shortcut: 'Mod+Shift+Z', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('redo') },
  { id: 'editor.selectNextOccurrence', category: 'Editor', title: 'Add Selection to Next Find Match', shortcut: 'Mod+D', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.addSelectionToNextFindMatch') },
  { id: 'editor.moveLineUp', category: 'Editor', title: 'Move Line Up', shortcut: 'Alt+ArrowUp', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.moveLinesUpAction') },
  { id: 'editor.moveLineDown', category: 'Editor', title: 'Move Line Down', shortcut: 'Alt+ArrowDown', shortcutScope: 'Editor', inProjectOnly: true, run: monaco('editor.action.moveLinesDownAction') },
];
