import { useEffect } from 'react';
import { isMac } from '../../hooks/platform';
import { useAppStore } from '../../store/app/store';
import { useDialogsStore } from '../../store/dialogs/store';
import { allCommands, isAvailable } from '../../store/palette/commands';
import { matchesShortcut } from '../../store/palette/shortcuts';
import { toggleFullScreen } from './app-commands';

/** The widget a key goes to first when the focus is inside it, named as commands' `shortcutScope` names it. */
function focusedScope(target: EventTarget | null): string | null {
  return target instanceof Element && target.closest('.monaco-editor .find-widget') ? 'Find widget' : null;
}

/**
 * Window-wide key bindings from the command list. A key that the focused widget binds itself (Ctrl+Alt+Enter is
 * Replace All in Monaco's find widget, Toggle Full Screen elsewhere) is left to that widget. Capture phase, so they win over Monaco's own bindings
 * (Ctrl+G, Ctrl+S) and over the browser's (print, find). A modal dialog takes every key for itself.
 */
export function useGlobalShortcuts() {
  useEffect(() => {
    const mac = isMac();
    const onKey = (e: KeyboardEvent) => {
      if (useDialogsStore.getState().current) return;
      const scope = focusedScope(e.target);
      if (scope && allCommands().some((c) => c.shortcutScope === scope && c.shortcut && matchesShortcut(e, c.shortcut, mac))) return;
      const cmd = allCommands().find((c) => c.shortcut && !c.shortcutScope && matchesShortcut(e, c.shortcut, mac));
      if (!cmd) return;
      // Ours even where the command does not apply (Ctrl+S on Home must not open the browser's "Save page").
      e.preventDefault();
      e.stopPropagation();
      const inProject = useAppStore.getState().projectId !== null;
      if (isAvailable(cmd, inProject)) void cmd.run();
    };
    // Bubble phase: Esc first closes Monaco's widgets (find, suggest), which stop it; only a free Esc leaves full screen.
    const onEsc = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && useAppStore.getState().fullScreen && !useDialogsStore.getState().current) toggleFullScreen(false);
    };
    const onFullscreenChange = () => !document.fullscreenElement && useAppStore.getState().fullScreen && useAppStore.getState().setFullScreen(false);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keydown', onEsc);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keydown', onEsc);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
    };
  }, []);
}
