import { useAppStore } from '../app/store';
import { useProjectsStore } from '../projects/store';

export interface ConnectorPaths {
  readonly projectId: string;
  /** Connector folder relative to the project root ('' for a bare connector folder). */
  readonly connectorRel: string;
  /** The connector folder's own name (the engine's folder-name rule compares it with info.json's name). */
  readonly folderName: string;
  /** Project-relative path of info.json. */
  readonly infoRel: string;
}

/** Where this window's connector lives, once the project list has been read. */
export function connectorPaths(): ConnectorPaths | null {
  const projectId = useAppStore.getState().projectId;
  const p = projectId ? useProjectsStore.getState().projects.find((x) => x.id === projectId) : undefined;
  if (!projectId || !p) return null;
  const folderName = (p.connectorRel || p.root).split(/[\\/]/).filter(Boolean).pop() ?? '';
  return { projectId, connectorRel: p.connectorRel, folderName, infoRel: p.connectorRel ? `${p.connectorRel}/info.json` : 'info.json' };
}

/** Calls `fn` once the project and its summary are known (at once if they already are). */
export function whenProjectKnown(fn: (paths: ConnectorPaths) => void): () => void {
  const now = connectorPaths();
  if (now) {
    fn(now);
    return () => undefined;
  }
  const check = () => {
    const paths = connectorPaths();
    if (!paths) return;
    off();
    fn(paths);
  };
  const offs = [useAppStore.subscribe(check), useProjectsStore.subscribe(check)];
  const off = () => offs.forEach((o) => o());
  return off;
}
