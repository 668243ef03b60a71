import { isInside } from '../workspace/tree-model';
import { languageFor } from './languages';

/** 'page': a tab of the app's own (Getting Started, Keyboard Shortcuts, a diff), named `<page>/<Title>`, never a file. */
export type TabKind = 'text' | 'image' | 'binary' | 'page';
export type BackupState = 'none' | 'pending' | 'saved';

export interface Tab {
  readonly relPath: string;
  readonly kind: TabKind;
  readonly language: string;
  /** The version on disk our buffer is based on; null when the file does not exist on disk. */
  readonly etag: string | null;
  readonly dirty: boolean;
  readonly readOnly: boolean;
  readonly notice?: string;
  readonly imageSrc?: string;
  /** Set while a newer version exists on disk and we hold unsaved edits: the user chooses. */
  readonly diskEtag?: string | null;
  readonly backup: BackupState;
}

export interface TabsState {
  readonly tabs: readonly Tab[];
  readonly active: string | null;
}

export const findTab = (s: TabsState, relPath: string | null) => (relPath === null ? undefined : s.tabs.find((t) => t.relPath === relPath));
export const hasDiskChange = (t: Tab) => t.diskEtag !== undefined;

/** Opens (or focuses) a tab; a new tab goes right of the active one, as in VS Code. */
export function openTab(s: TabsState, tab: Tab): TabsState {
  if (findTab(s, tab.relPath)) return { ...s, active: tab.relPath };
  const at = s.active === null ? s.tabs.length : s.tabs.findIndex((t) => t.relPath === s.active) + 1;
  return { tabs: [...s.tabs.slice(0, at), tab, ...s.tabs.slice(at)], active: tab.relPath };
}

export const activate = (s: TabsState, relPath: string): TabsState => (findTab(s, relPath) ? { ...s, active: relPath } : s);

/** Removes a tab; when it was active, its right neighbour (or else its left) becomes active. */
export function closeTab(s: TabsState, relPath: string): TabsState {
  const i = s.tabs.findIndex((t) => t.relPath === relPath);
  if (i < 0) return s;
  const tabs = s.tabs.filter((_, j) => j !== i);
  const active = s.active !== relPath ? s.active : (tabs[i] ?? tabs[i - 1])?.relPath ?? null;
  return { tabs, active };
}

export function patchTab(s: TabsState, relPath: string, patch: Partial<Omit<Tab, 'relPath'>>): TabsState {
  return { ...s, tabs: s.tabs.map((t) => (t.relPath === relPath ? { ...t, ...patch } : t)) };
}

/** After a successful write: the buffer now matches the disk. */
export function applyFileSaved(s: TabsState, relPath: string, etag: string, stillDirty = false): TabsState {
  const t = findTab(s, relPath);
  if (!t) return s;
  const { diskEtag: _gone, ...rest } = t;
  return { ...s, tabs: s.tabs.map((x) => (x === t ? { ...rest, etag, dirty: stillDirty, backup: stillDirty ? t.backup : 'none' } : x)) };
}

/** A file or folder moved: tabs inside it follow, keeping their order, buffers and state. */
export function applyRename(s: TabsState, from: string, to: string): TabsState {
  const moved = (p: string) => (isInside(p, from) ? to + p.slice(from.length) : p);
  return {
    tabs: s.tabs.map((t) => (isInside(t.relPath, from) ? { ...t, relPath: moved(t.relPath), language: t.kind === 'text' ? languageFor(moved(t.relPath)) : t.language } : t)),
    active: s.active === null ? null : moved(s.active),
  };
}

/** Tabs a rename or delete of `relPath` affects. */
export const tabsInside = (s: TabsState, relPath: string) => s.tabs.filter((t) => isInside(t.relPath, relPath));

export const dirtyTabs = (s: TabsState) => s.tabs.filter((t) => t.dirty);
