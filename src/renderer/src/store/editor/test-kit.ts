import type { EditorHost } from './host';

/**
 * For the editor store's tests (no production code imports it): an EditorHost whose buffers are strings in memory,
 * so the store's save, backup and disk-change flows run against real services without Monaco. `type` is the user
 * typing into an open buffer, as Monaco reports it.
 */
export function memoryHost() {
  const buffers = new Map<string, { text: string; saved: string | null }>();
  let listener: (relPath: string, dirty: boolean) => void = () => undefined;
  const isDirty = (relPath: string) => {
    const b = buffers.get(relPath);
    return b ? b.text !== b.saved : false;
  };
  const host: EditorHost = {
    // Restoring a tab only waits for it; nothing in these tests uses the module.
    loadMonaco: async () => ({}) as Awaited<ReturnType<EditorHost['loadMonaco']>>,
    openBuffer: async (relPath, text) => void buffers.set(relPath, { text, saved: text }),
    model: () => null,
    text: (relPath) => buffers.get(relPath)?.text ?? null,
    isDirty,
    markSaved: (relPath) => {
      const b = buffers.get(relPath);
      if (b) b.saved = b.text;
    },
    markUnsaved: (relPath) => {
      const b = buffers.get(relPath);
      if (b) b.saved = null;
    },
    replaceText: (relPath, text, asSaved) => {
      const b = buffers.get(relPath);
      if (!b) return;
      b.text = text;
      if (asSaved) b.saved = text;
      listener(relPath, isDirty(relPath));
    },
    rename: () => undefined,
    dispose: (relPath) => void buffers.delete(relPath),
    disposeAll: () => buffers.clear(),
    onBufferChange: (l) => void (listener = l),
    shownEditor: () => null,
    reveal: () => undefined,
  };
  const type = (relPath: string, text: string) => {
    const b = buffers.get(relPath);
    if (!b) throw new Error(`${relPath} has no buffer`);
    b.text = text;
    listener(relPath, isDirty(relPath));
  };
  return { host, type };
}
