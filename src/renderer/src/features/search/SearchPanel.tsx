import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon';
import { editorSelectors, useEditorStore } from '../../store/editor/store';
import { useSearchStore } from '../../store/search/store';
import { SearchResults } from './SearchResults';
import { plural } from '../../../../shared/plural';

function Toggle({ on, label, text, onClick }: { on: boolean; label: string; text: string; onClick(): void }) {
  return (
    <button type="button" className={`toggle${on ? ' on' : ''}`} aria-pressed={on} aria-label={label} title={label} onClick={onClick}>
      {text}
    </button>
  );
}

/** Find in files, with replace across files; files open with unsaved edits are skipped and listed. */
export function SearchPanel() {
  const s = useSearchStore();
  const dirtyCount = useEditorStore((st) => editorSelectors.dirtyPaths(st).length);
  const queryInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    queryInput.current?.focus();
    queryInput.current?.select();
  }, [s.focusRequest]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s.run();
  };

  return (
    <section className="sidebar-view" aria-label="Search">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Search</h2>
      </div>
      <form className="search-form" onSubmit={submit} data-testid="search-form">
        <div className="search-row">
          <button type="button" className="icon-button" aria-label={s.showReplace ? 'Hide replace' : 'Show replace'} aria-expanded={s.showReplace}
            onClick={() => s.setShowReplace(!s.showReplace)} data-testid="search-toggle-replace">
            <Icon name={s.showReplace ? 'chevronDown' : 'chevronRight'} size={14} />
          </button>
          <div className="input-with-toggles">
            <input ref={queryInput} className="text-input" value={s.query} onChange={(e) => s.setQuery(e.target.value)} placeholder="Search"
              aria-label="Search in files" spellCheck={false} data-testid="search-query" />
            <Toggle on={s.matchCase} label="Match case" text="Aa" onClick={s.toggleMatchCase} />
            <Toggle on={s.isRegex} label="Use regular expression" text=".*" onClick={s.toggleRegex} />
          </div>
        </div>
        {s.showReplace && (
          <div className="search-row">
            <span className="icon-spacer" />
            <input className="text-input" value={s.replacement} onChange={(e) => s.setReplacement(e.target.value)} placeholder="Replace"
              aria-label="Replace with" spellCheck={false} data-testid="replace-input" />
            <button type="button" className="button secondary small" disabled={!s.query} onClick={() => void s.replaceAll()} data-testid="replace-all">
              Replace All
            </button>
          </div>
        )}
        <button type="submit" className="visually-hidden" tabIndex={-1}>Search</button>
      </form>
      {s.showReplace && dirtyCount > 0 && <p className="muted small pad">Files with unsaved changes are skipped by Replace All.</p>}
      {s.searching && <p className="muted pad" role="status">Searching…</p>}
      {s.error && <p className="inline-error" role="alert">{s.error}</p>}
      {s.lastReplace && (
        <p className="search-replaced" role="status" data-testid="replace-summary">
          Replaced {plural(s.lastReplace.replacements, 'occurrence')} in {plural(s.lastReplace.changedFiles.length, 'file')}.
          {s.lastReplace.skipped.length > 0 && ` Skipped (unsaved changes): ${s.lastReplace.skipped.join(', ')}.`}
        </p>
      )}
      <SearchResults />
    </section>
  );
}
