import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from './monaco-api';

/**
 * Text models live here, outside zustand: the store keeps relPath, etag and dirty; this keeps the buffers.
 * Dirty means "the model's alternative version differs from the one last saved", so undoing back to the
 * saved text makes a file clean again, as in VS Code.
 */
interface Entry {
  model: Monaco.editor.ITextModel;
  /** null: no saved version matches (a restored backup of a deleted file, a renamed dirty buffer). */
  savedVersion: number | null;
  listener: Monaco.IDisposable;
}

const entries = new Map<string, Entry>();
let onChange: (relPath: string, dirty: boolean) => void = () => undefined;
let monacoRef: MonacoApi | null = null;

const uriOf = (m: MonacoApi, relPath: string) => m.Uri.from({ scheme: 'file', path: `/project/${relPath}` });

export const modelRegistry = {
  setChangeListener(fn: (relPath: string, dirty: boolean) => void) {
    onChange = fn;
  },

  /** Creates the model for a file just read from disk (or replaces a stale one). */
  open(m: MonacoApi, relPath: string, text: string, language: string): Monaco.editor.ITextModel {
    monacoRef = m;
    this.dispose(relPath);
    const model = m.editor.getModel(uriOf(m, relPath)) ?? m.editor.createModel(text, language, uriOf(m, relPath));
    const entry: Entry = { model, savedVersion: model.getAlternativeVersionId(), listener: { dispose: () => undefined } };
    entry.listener = model.onDidChangeContent(() => onChange(relPath, this.isDirty(relPath)));
    entries.set(relPath, entry);
    return model;
  },

  get: (relPath: string) => entries.get(relPath)?.model ?? null,
  getText: (relPath: string) => entries.get(relPath)?.model.getValue() ?? null,
  isDirty(relPath: string) {
    const e = entries.get(relPath);
    return e ? e.savedVersion !== e.model.getAlternativeVersionId() : false;
  },
  markSaved(relPath: string) {
    const e = entries.get(relPath);
    if (e) e.savedVersion = e.model.getAlternativeVersionId();
  },
  markUnsaved(relPath: string) {
    const e = entries.get(relPath);
    if (e) e.savedVersion = null;
  },

  /** Replaces the whole text as one undoable edit (a reload keeps the user's undo history). */
  replaceText(relPath: string, text: string, asSaved: boolean) {
    const e = entries.get(relPath);
    if (!e) return;
    if (e.model.getValue() !== text) {
      e.model.pushStackElement();
      e.model.pushEditOperations([], [{ range: e.model.getFullModelRange(), text }], () => null);
      e.model.pushStackElement();
    }
    if (asSaved) this.markSaved(relPath);
    onChange(relPath, this.isDirty(relPath));
  },

  /** Model URIs are fixed, so a rename makes a new model with the same text and dirty state. */
  rename(from: string, to: string, language: string) {
    const e = entries.get(from);
    if (!e || !monacoRef) return;
    const dirty = this.isDirty(from);
    const text = e.model.getValue();
    this.dispose(from);
    this.open(monacoRef, to, text, language);
    if (dirty) this.markUnsaved(to);
  },

  dispose(relPath: string) {
    const e = entries.get(relPath);
    if (!e) return;
    e.listener.dispose();
    e.model.dispose();
    entries.delete(relPath);
  },

  disposeAll() {
    [...entries.keys()].forEach((k) => this.dispose(k));
  },
};
