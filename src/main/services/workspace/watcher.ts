import { watch, type FSWatcher } from 'node:fs';
import { IGNORED_DIRS } from './file-kinds';

const relevant = (rel: string) => rel !== '' && !rel.split('/').some((seg) => IGNORED_DIRS.has(seg)) && !/(^|\/)\..*\.tmp$/.test(rel);

/**
 * One recursive watcher per open project; changes are batched so a git checkout is one event, not hundreds.
 * Node 20's recursive watcher on Linux keeps watching the old inode of a file that was replaced by a rename
 * (our atomic saves, git checkout), so after every batch the watcher is armed afresh.
 */
export interface WatcherPool {
  /** Starts watching the project's root unless it is watched already. A folder that cannot be watched is left
   * unwatched: the tree still refreshes on demand. */
  watchProject(projectId: string, root: string): void;
  stop(projectId: string): void;
  stopAll(): void;
}

export function createWatcherPool(
  onChange: (projectId: string, relPaths: string[]) => void,
  debounceMs = 120,
  log: (msg: string, extra?: unknown) => void = console.warn,
): WatcherPool {
  const watchers = new Map<string, FSWatcher>();
  const rearm = process.platform === 'linux';

  function arm(projectId: string, root: string) {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      timer = null;
      const paths = [...pending];
      pending.clear();
      if (rearm && watchers.has(projectId)) {
        watchers.get(projectId)?.close();
        arm(projectId, root);
      }
      if (paths.length) onChange(projectId, paths);
    };
    try {
      const w = watch(root, { recursive: true }, (_event, name) => {
        const rel = String(name ?? '').split(/[\\/]/).join('/');
        if (!relevant(rel)) return;
        pending.add(rel);
        timer ??= setTimeout(flush, debounceMs);
      });
      w.on('error', (e) => {
        log(`Watching ${root} for changes stopped; the tree refreshes on demand only`, e);
        stop(projectId);
      });
      watchers.set(projectId, w);
    } catch (e) {
      // Watching is a convenience: without it the tree still refreshes on demand.
      log(`Cannot watch ${root} for changes (too many watched files?); the tree refreshes on demand only`, e);
    }
  }

  function watchProject(projectId: string, root: string) {
    if (!watchers.has(projectId)) arm(projectId, root);
  }

  function stop(projectId: string) {
    watchers.get(projectId)?.close();
    watchers.delete(projectId);
  }

  return {
    watchProject,
    stop,
    stopAll: () => {
      for (const id of [...watchers.keys()]) stop(id);
    },
  };
}
