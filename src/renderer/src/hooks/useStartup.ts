import { useEffect, useState } from 'react';
import { call, onConnection, transportKind } from '../api/client';
import { toastError, useAppStore } from '../store/app/store';
import { useSettingsStore } from '../store/settings/store';
import { parseRoute } from './route';
import { navigate } from './useRoute';

/**
 * Before the first screen: settings (for the theme), app info, the connection state, and a crash check. When the
 * last session left unsaved edits and the window opened on Home, it goes to that project so they come back.
 */
export function useStartup(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const off = onConnection((s) => useAppStore.getState().setConnection(s));
    void (async () => {
      try {
        await Promise.all([useSettingsStore.getState().load(), useAppStore.getState().loadInfo()]);
        showStartupNotices();
        if (parseRoute(window.location.hash).page === 'home' && isFreshStart()) await reopenUnsavedWork();
      } catch (e) {
        toastError(e);
      } finally {
        setReady(true);
      }
    })();
    return off;
  }, []);
  return ready;
}

/** What the host could not use at start (a malformed settings.json it moved aside), once per window. */
function showStartupNotices() {
  if (sessionStorage.getItem('cs.noticesShown')) return;
  sessionStorage.setItem('cs.noticesShown', '1');
  const { info, toast } = useAppStore.getState();
  for (const n of info?.notices ?? []) toast('warning', n);
}

/**
 * Only a fresh start jumps to unsaved work: in browser mode the page came through the launch URL (its token
 * redirect), on desktop it is the window's first load. A second browser tab opened on Home stays on Home.
 */
function isFreshStart(): boolean {
  const first = !sessionStorage.getItem('cs.started');
  sessionStorage.setItem('cs.started', '1');
  if (transportKind() === 'ipc') return first;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return (nav?.redirectCount ?? 0) > 0;
}

async function reopenUnsavedWork() {
  const backups = await call('backup.list', {});
  const latest = backups[backups.length - 1];
  if (!latest) return;
  const projects = await call('projects.list', {});
  if (projects.some((p) => p.id === latest.projectId)) navigate({ page: 'project', projectId: latest.projectId, settings: false });
}
