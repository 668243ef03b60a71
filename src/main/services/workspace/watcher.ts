import { watch, type FSWatcher } from 'node:fs';
import { IGNORED_DIRS } from './file-kinds';

/** One recursive watcher per open project; changes are batched so a git checkout is one event, not hundreds. */
export function createWatcherPool(onChange: (projectId: string, relPaths: string[]) => void, debounceMs = 120) {
  const watchers = new Map<string, FSWatcher>();

  function watchProject(projectId: string, root: string) {
    if (watchers.has(projectId)) return;
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      timer = null;
      const paths = [...pending];
      pending.clear();
      if (paths.length) onChange(projectId, paths);
    };
    try {
      const w = watch(root, { recursive: true }, (_event, name) => {
        const rel = String(name ?? '').split(/[\\/]/).join('/');
        if (!rel || rel.split('/').some((seg) => IGNORED_DIRS.has(seg)) || /(^|\/)\..*\.tmp$/.test(rel)) return;
        pending.add(rel);
        timer ??= setTimeout(flush, debounceMs);
      });
      w.on('error', () => stop(projectId));
      watchers.set(projectId, w);
    } catch {
      // Watching is a convenience: without it the tree still refreshes on demand.
    }
  }

  function stop(projectId: string) {
    watchers.get(projectId)?.close();
    watchers.delete(projectId);
  }

  return { watchProject, stop, stopAll: () => [...watchers.keys()].forEach(stop) };
}
