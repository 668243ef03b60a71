import { useEffect } from 'react';
import { isMac } from '../../hooks/platform';
import { useAppStore } from '../../store/app/store';
import { useDialogsStore } from '../../store/dialogs/store';
import { matchesShortcut } from '../../store/palette/shortcuts';
import { availableCommands } from './commands';
import { toggleFullScreen } from './app-commands';

/**
 * Window-wide key bindings from the command list. Capture phase, so they win over Monaco's own bindings
 * (Ctrl+G, Ctrl+S) and over the browser's (print, find). A modal dialog takes every key for itself.
 */
export function useGlobalShortcuts() {
  useEffect(() => {
    const mac = isMac();
    const onKey = (e: KeyboardEvent) => {
      if (useDialogsStore.getState().current) return;
      const inProject = useAppStore.getState().projectId !== null;
      const cmd = availableCommands(inProject).find((c) => c.shortcut && !c.shortcutScope && matchesShortcut(e, c.shortcut, mac));
      if (!cmd) return;
      e.preventDefault();
      e.stopPropagation();
      void cmd.run();
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
