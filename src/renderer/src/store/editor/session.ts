import type { BackupEntry, SessionState } from '../../../../shared/models/workspace';

/** Replaces this project's entry in the shared session file; other windows' projects stay as they are. */
export function mergeSession(s: SessionState, projectId: string, tabs: readonly string[], active: string | null): SessionState {
  const others = s.openProjects.filter((p) => p.projectId !== projectId);
  const mine = { projectId, tabs: [...tabs], ...(active ? { active } : {}) };
  return { openProjects: tabs.length ? [...others, mine] : others };
}

export interface RestoreItem {
  readonly relPath: string;
  readonly backup?: BackupEntry;
}

/** What to reopen for a project: last session's tabs in order, then files that only have a backup. */
export function planRestore(s: SessionState, backups: readonly BackupEntry[], projectId: string): { items: RestoreItem[]; active: string | null } {
  const entry = s.openProjects.find((p) => p.projectId === projectId);
  const mine = backups.filter((b) => b.projectId === projectId);
  const byPath = new Map(mine.map((b) => [b.relPath, b]));
  const fromSession = (entry?.tabs ?? []).map((relPath) => ({ relPath, backup: byPath.get(relPath) }));
  const extra = mine.filter((b) => !entry?.tabs.includes(b.relPath)).map((b) => ({ relPath: b.relPath, backup: b }));
  const items = [...fromSession, ...extra];
  const active = entry?.active && items.some((i) => i.relPath === entry.active) ? entry.active : (items[0]?.relPath ?? null);
  return { items, active };
}
