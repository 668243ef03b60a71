import type * as Monaco from 'monaco-editor';

/** The one code editor of this window, for commands that act on it (go to line, reveal a search match). */
let instance: Monaco.editor.IStandaloneCodeEditor | null = null;
let pendingReveal: { relPath: string; line: number; column: number; focus: boolean } | null = null;

export const editorInstance = {
  set(e: Monaco.editor.IStandaloneCodeEditor | null) {
    instance = e;
  },
  get: () => instance,
  /** Reveals now if the file is showing, else when the editor shows it next; `focus` false leaves focus alone. */
  reveal(relPath: string, line: number, column = 1, focus = true) {
    pendingReveal = { relPath, line, column, focus };
    this.applyPendingReveal(relPath);
  },
  applyPendingReveal(relPath: string) {
    const model = instance?.getModel();
    if (!instance || !pendingReveal || pendingReveal.relPath !== relPath || !model || !model.uri.path.endsWith(`/${relPath}`)) return;
    const line = Math.min(Math.max(1, pendingReveal.line), model.getLineCount());
    const column = Math.min(Math.max(1, pendingReveal.column), model.getLineMaxColumn(line));
    const { focus } = pendingReveal;
    pendingReveal = null;
    instance.setPosition({ lineNumber: line, column });
    instance.revealPositionInCenter({ lineNumber: line, column });
    if (focus) instance.focus();
  },
  focus: () => instance?.focus(),
};
