/** Keeps the project's pyright server in step with the open Python models: open, debounced full-text
 * changes, close. Calls for one file go out one after another, so the server never sees them reordered. */
import type * as Monaco from 'monaco-editor';
import { call } from '../../api/client';
import { reportInBackground } from '../../store/app/store';
import type { MonacoApi } from '../monaco-api';
import { isProjectPython, projectRelPath } from './project-models';

const DEBOUNCE_MS = 150;

interface Synced {
  readonly projectId: string;
  readonly relPath: string;
  timer?: ReturnType<typeof setTimeout>;
  /** The last call sent for this file; the next one waits for it. */
  chain: Promise<unknown>;
  subs: Monaco.IDisposable[];
}

export interface DocSync {
  /** Sends a pending change now; resolves once the server has every keystroke of the model. */
  flush(model: Monaco.editor.ITextModel): Promise<void>;
  /** The project of a synced model (requests about it must name the same project). */
  projectOf(model: Monaco.editor.ITextModel): string | null;
  dispose(): void;
}

export function startDocSync(m: MonacoApi, projectId: () => string | null): DocSync {
  const synced = new Map<Monaco.editor.ITextModel, Synced>();

  const send = (s: Synced, fn: () => Promise<unknown>) => {
    // A failed call (host restarting) must not block the ones after it.
    s.chain = s.chain.then(fn).catch(reportInBackground('Sending a document to the Python language server'));
    return s.chain;
  };

  const sendChange = (model: Monaco.editor.ITextModel, s: Synced) => {
    clearTimeout(s.timer);
    s.timer = undefined;
    if (model.isDisposed()) return s.chain;
    const text = model.getValue();
    const version = model.getVersionId();
    return send(s, () => call('lsp.change', { projectId: s.projectId, relPath: s.relPath, text, version }));
  };

  function open(model: Monaco.editor.ITextModel) {
    const id = projectId();
    const relPath = projectRelPath(model);
    if (synced.has(model) || !id || relPath === null || !isProjectPython(model)) return;
    const s: Synced = { projectId: id, relPath, chain: Promise.resolve(), subs: [] };
    synced.set(model, s);
    const text = model.getValue();
    void send(s, () => call('lsp.open', { projectId: id, relPath, text, version: model.getVersionId() }));
    s.subs.push(model.onDidChangeContent(() => {
      clearTimeout(s.timer);
      s.timer = setTimeout(() => void sendChange(model, s), DEBOUNCE_MS);
    }));
  }

  function close(model: Monaco.editor.ITextModel) {
    const s = synced.get(model);
    if (!s) return;
    synced.delete(model);
    clearTimeout(s.timer);
    s.subs.forEach((d) => d.dispose());
    void send(s, () => call('lsp.close', { projectId: s.projectId, relPath: s.relPath }));
  }

  const watch = (model: Monaco.editor.ITextModel) => {
    open(model);
    const subs = [
      model.onWillDispose(() => {
        close(model);
        subs.forEach((d) => d.dispose());
      }),
      model.onDidChangeLanguage(() => (isProjectPython(model) ? open(model) : close(model))),
    ];
  };

  m.editor.getModels().forEach(watch);
  const created = m.editor.onDidCreateModel(watch);

  return {
    flush: async (model) => {
      const s = synced.get(model);
      if (s) await (s.timer ? sendChange(model, s) : s.chain);
    },
    projectOf: (model) => synced.get(model)?.projectId ?? null,
    dispose: () => {
      created.dispose();
      [...synced.keys()].forEach(close);
    },
  };
}
