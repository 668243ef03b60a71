import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { toastError } from '../../store/app/store';
import { useEditorStore } from '../../store/editor/store';
import { isPagePath } from '../editor/page-tabs';
import { useDocsStore } from '../../store/review';
import '../review/review.css';

/** Switching to a file (tree, tabs, a finding) means the user is done looking at the docs. A page tab is no file:
 * Getting Started, opening while a project loads, must not close the docs the user just asked for. */
function useHideOnFileSwitch() {
  useEffect(
    () =>
      useEditorStore.subscribe((s, prev) => {
        if (s.active !== prev.active && s.active !== null && !isPagePath(s.active)) useDocsStore.getState().hide();
      }),
    [],
  );
}

const run = (work: () => Promise<void>) => () => void work().catch(toastError);

/**
 * The generated documentation as it will be published. It is the connector's own text, so it renders in an
 * iframe with an empty sandbox: no scripts, no same-origin access, no navigation of this window.
 */
export function DocsPreview() {
  useHideOnFileSwitch();
  const { open, html, loading, error } = useDocsStore();
  const { hide, refresh, exportMarkdown, exportHtml } = useDocsStore.getState();
  if (!open) return null;
  return (
    <section className="docs-preview" aria-label="Documentation preview" data-testid="docs-preview">
      <div className="docs-toolbar">
        <h2 className="docs-title">Documentation preview</h2>
        <button className="button secondary small" onClick={run(refresh)} disabled={loading} data-testid="docs-refresh">Refresh</button>
        <button className="button secondary small" onClick={run(exportMarkdown)} data-testid="docs-export-markdown">Export Markdown</button>
        <button className="button secondary small" onClick={run(exportHtml)} data-testid="docs-export-html">Export HTML</button>
        <button className="icon-button" onClick={hide} aria-label="Close the documentation preview" title="Close" data-testid="docs-close">
          <Icon name="close" />
        </button>
      </div>
      {error && <p className="inline-error docs-state" role="alert">{error}</p>}
      {!html && loading && <p className="muted docs-state" role="status">Generating the documentation…</p>}
      {html && <iframe className="docs-frame" title="Generated documentation" sandbox="" srcDoc={html} data-testid="docs-frame" />}
    </section>
  );
}
