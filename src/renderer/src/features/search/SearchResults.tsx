import { useMemo, useState } from 'react';
import { FileIcon } from '../../components/FileIcon';
import { Icon } from '../../components/Icon';
import { useEditorStore } from '../../store/editor/store';
import { groupByFile, splitPreview } from '../../store/search/group';
import { useSearchStore } from '../../store/search/store';
import { plural } from '../../../../shared/plural';

/** Matches grouped per file; each match is a button that opens the file at that spot. */
export function SearchResults() {
  const result = useSearchStore((s) => s.result);
  const groups = useMemo(() => groupByFile(result?.matches ?? []), [result]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  if (!result) return null;
  const toggle = (p: string) => setCollapsed((c) => (c.has(p) ? new Set([...c].filter((x) => x !== p)) : new Set([...c, p])));
  const open = (relPath: string, line: number, column: number) => void useEditorStore.getState().openFile(relPath, { line, column });

  return (
    <div className="search-results" data-testid="search-results">
      <p className="search-summary muted" role="status" data-testid="search-summary">
        {plural(result.matches.length, 'result')} in {plural(groups.length, 'file')}
        {result.truncated ? ' (first results only: refine the search)' : ''}
      </p>
      <ul className="result-files">
        {groups.map((g) => (
          <li key={g.relPath} data-testid="search-file" data-path={g.relPath}>
            <button className="result-file" aria-expanded={!collapsed.has(g.relPath)} onClick={() => toggle(g.relPath)}>
              <Icon name={collapsed.has(g.relPath) ? 'chevronRight' : 'chevronDown'} size={14} />
              <FileIcon name={g.relPath} />
              <span className="result-name">{g.relPath.slice(g.relPath.lastIndexOf('/') + 1)}</span>
              <span className="result-dir">{g.relPath.slice(0, Math.max(0, g.relPath.lastIndexOf('/')))}</span>
              <span className="count-badge">{g.matches.length}</span>
            </button>
            {!collapsed.has(g.relPath) && (
              <ul className="result-matches">
                {g.matches.map((m) => {
                  const p = splitPreview(m);
                  return (
                    <li key={`${m.line}:${m.column}`}>
                      <button className="result-match" onClick={() => open(m.relPath, m.line, m.column)} data-testid="search-match"
                        aria-label={`${m.relPath} line ${m.line}: ${m.preview.trim()}`}>
                        <span className="result-line">{m.line}</span>
                        <span>{p.before}<mark>{p.match}</mark>{p.after}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
