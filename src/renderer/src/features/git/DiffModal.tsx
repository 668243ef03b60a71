import { useEffect, useRef } from 'react';
import { loadMonaco } from '../../editor/monaco-loader';
import { languageFor } from '../../store/editor/languages';
import { useGitStore } from '../../store/git/store';
import type { DiffView } from '../../store/git/types';
import { useSettingsStore } from '../../store/settings/store';
import { closePage, openPage, pagePath } from '../editor/page-tabs';
import { baseName } from '../../store/workspace/tree-model';

/** Monaco's diff editor over two throw-away models; they never enter the editor's model registry. */
function DiffEditor({ view }: { view: DiffView }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let dispose = () => undefined as void;
    let gone = false;
    void loadMonaco().then((m) => {
      if (gone || !host.current) return;
      const language = languageFor(view.relPath);
      const original = m.editor.createModel(view.diff.original, language);
      const modified = m.editor.createModel(view.diff.modified, language);
      const editor = m.editor.createDiffEditor(host.current, {
        readOnly: true, originalEditable: false, automaticLayout: true, renderSideBySide: true, scrollBeyondLastLine: false,
        theme: useSettingsStore.getState().settings?.theme === 'light' ? 'vs' : 'vs-dark', minimap: { enabled: false },
      });
      editor.setModel({ original, modified });
      // Start at the first change, not the top of a long file; "ready" once the diff is computed and shown.
      const shown = editor.onDidUpdateDiff(() => {
        shown.dispose();
        editor.revealFirstDiff();
        if (host.current) host.current.dataset.ready = 'true';
      });
      dispose = () => {
        shown.dispose();
        editor.dispose();
        original.dispose();
        modified.dispose();
      };
    });
    return () => {
      gone = true;
      dispose();
    };
  }, [view]);
  return <div ref={host} className="diff-editor" data-testid="diff-editor" />;
}

function note(view: DiffView): string | null {
  if (view.diff.binary) return 'This file is binary: there is no text to compare.';
  if (view.diff.tooLarge) return 'This file is too large to compare here.';
  if (!view.diff.originalExists) return 'A new file.';
  if (!view.diff.modifiedExists) return 'The file was deleted.';
  return null;
}

/** A file's changes side by side (working tree, index, or one commit against its parent), in an editor tab. */
function DiffPage({ view, tabPath }: { view: DiffView; tabPath: string }) {
  const text = note(view);
  return (
    <section className="diff-page" aria-label={view.title} data-testid="diff-view">
      <header className="diff-page-head">
        <h1 className="diff-page-title" title={view.title}>{view.title}</h1>
        <button className="button secondary small" onClick={() => void closePage(tabPath)} data-testid="diff-close">Close</button>
      </header>
      <div className="diff-labels small muted">
        <span data-testid="diff-original-label">{view.originalLabel}</span>
        <span data-testid="diff-modified-label">{view.modifiedLabel}</span>
      </div>
      {text && <p className="small muted" data-testid="diff-note">{text}</p>}
      {!view.diff.binary && !view.diff.tooLarge && <DiffEditor view={view} />}
    </section>
  );
}

/** Each diff the git view asks for opens as an editor tab, as VS Code's do; closing the tab forgets it. */
export function DiffModal() {
  const view = useGitStore((s) => s.diff);
  useEffect(() => {
    if (!view) return;
    const key = `diff/${view.title}`;
    const tabPath = pagePath(key);
    openPage({
      key,
      title: `${baseName(view.relPath)} ↔ ${view.originalLabel}`,
      render: () => <DiffPage view={view} tabPath={tabPath} />,
      onClose: () => {
        if (useGitStore.getState().diff === view) useGitStore.getState().closeDiff();
      },
    });
  }, [view]);
  return null;
}
