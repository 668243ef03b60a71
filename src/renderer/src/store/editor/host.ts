/**
 * The editor as the stores see it: the text buffers of open files and the editor on screen. The stores hold
 * tabs, etags and dirty flags; the buffers themselves live in Monaco (editor/model-registry.ts), which loads
 * lazily and whose setup imports features that import these stores. So the stores never import the editor:
 * wire-window.ts hands them this port at startup (attachEditorHost in ./store.ts), and tests hand them a fake.
 */
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';

export interface EditorHost {
  /** Monaco, loaded once for the window on first use. */
  loadMonaco(): Promise<MonacoApi>;
  /** Creates the buffer of a text file just read (or replaces a stale one), loading Monaco first if need be. */
  openBuffer(relPath: string, text: string, language: string): Promise<void>;
  /** The buffer's model, for edits that keep the user's undo history; null when the file has no buffer. */
  model(relPath: string): Monaco.editor.ITextModel | null;
  text(relPath: string): string | null;
  /** The buffer differs from the version last saved (undoing back to it makes the file clean again). */
  isDirty(relPath: string): boolean;
  markSaved(relPath: string): void;
  /** No saved version matches any more (a restored backup of a deleted file). */
  markUnsaved(relPath: string): void;
  /** Replaces the whole text as one undoable edit; `asSaved` makes the new text the saved version. */
  replaceText(relPath: string, text: string, asSaved: boolean): void;
  /** Moves a buffer to a new path, keeping its text and dirty state. */
  rename(from: string, to: string, language: string): void;
  dispose(relPath: string): void;
  disposeAll(): void;
  /** Called on every edit of a buffer with its dirty state afterwards. */
  onBufferChange(listener: (relPath: string, dirty: boolean) => void): void;
  /** The code editor on screen, or null while none is mounted. */
  shownEditor(): Monaco.editor.IStandaloneCodeEditor | null;
  /** Shows a position now if the file is on screen, else when the editor shows it next. */
  reveal(relPath: string, line: number, column?: number, focus?: boolean): void;
}

let current: EditorHost | null = null;

/** Use attachEditorHost (./store.ts), which also routes the buffers' edits to the editor store. */
export function registerEditorHost(host: EditorHost): void {
  current = host;
}

export function editorHost(): EditorHost {
  if (!current) throw new Error('The editor is not attached to the stores yet: wireWindow() (src/renderer/src/wire-window.ts) must run before the first render.');
  return current;
}
