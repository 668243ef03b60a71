import type { StateCreator } from 'zustand';
import type { TabsState } from './tabs';

export interface EditorState extends TabsState {
  readonly cursor: { line: number; column: number } | null;
}

export interface OpenAction {
  /** `background`: the tab is added behind the active one, which stays in front (nothing is revealed). */
  openFile(relPath: string, at?: { line: number; column?: number }, opts?: { background?: boolean }): Promise<void>;
  activate(relPath: string): void;
  closeTab(relPath: string): Promise<boolean>;
  closeAll(): Promise<boolean>;
  restore(): Promise<number>;
  reset(): void;
  setCursor(cursor: EditorState['cursor']): void;
}

export interface SaveAction {
  save(relPath?: string): Promise<boolean>;
  saveAll(): Promise<void>;
}

export interface DiskAction {
  filesChanged(relPaths: readonly string[]): Promise<void>;
  keepMine(relPath: string): void;
  takeTheirs(relPath: string): Promise<void>;
  renamed(from: string, to: string): void;
  deleted(relPath: string): void;
}

export interface BackupAction {
  contentChanged(relPath: string, dirty: boolean): void;
  flushBackups(): Promise<void>;
  discardBackup(relPath: string): void;
  persistSession(): void;
}

export type EditorStore = EditorState & OpenAction & SaveAction & DiskAction & BackupAction;
export type EditorSlice<T> = StateCreator<EditorStore, [['zustand/devtools', never]], [], T>;
