import { useEffect } from 'react';
import { useEditorStore } from '../store/editor/store';

/** Closing the tab with unsaved work asks first; the backups are flushed either way. */
export function useBeforeUnload() {
  useEffect(() => {
    const handler = (e: BeforeUnloadEvent) => {
      const editor = useEditorStore.getState();
      void editor.flushBackups();
      if (!editor.tabs.some((t) => t.dirty)) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, []);
}
