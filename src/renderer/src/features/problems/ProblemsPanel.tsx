import { useMemo } from 'react';
import { countsText } from '../../../../shared/plural';
import { Icon } from '../../components/Icon';
import { groupByFile } from '../../store/problems/merge';
import { useProblemsStore } from '../../store/problems/store';
import { ProblemRow } from './ProblemRow';
import './problems.css';

/** The bottom panel's Problems tab (Ctrl/Cmd+Shift+M): the connector's findings and the editor's markers on its open
 * files, by file, live as the user types. The panel (features/bottom-panel) owns its height, tab and closing. */
export function ProblemsPanel() {
  const merged = useProblemsStore((s) => s.shown);
  const counts = useProblemsStore((s) => s.shownCounts);
  const validating = useProblemsStore((s) => s.validating);
  const error = useProblemsStore((s) => s.error);
  const groups = useMemo(() => groupByFile(merged), [merged]);

  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="panel-header">
        <h2 className="panel-title visually-hidden">Problems</h2>
        <span className="count-badge" data-testid="problems-count">{merged.length}</span>
        <span className="muted small" data-testid="problems-counts" data-errors={counts.errors} data-warnings={counts.warnings} data-infos={counts.infos}>
          {countsText(counts)}
        </span>
        {validating && <span className="muted small">Checking the folder…</span>}
        <span className="panel-spacer" />
        <button className="icon-button" aria-label="Validate the connector again" title="Validate again" onClick={() => void useProblemsStore.getState().validate()}>
          <Icon name="refresh" size={14} />
        </button>
      </header>
      <div className="problems-body">
        {error && <p className="inline-error" role="alert">Validation failed: {error}</p>}
        {!error && merged.length === 0 && <p className="muted pad">{validating ? 'Checking…' : 'No problems found in this connector.'}</p>}
        {groups.map((g) => (
          <div key={g.path} className="problem-group">
            <h3 className="problem-file"><span className="mono">{g.path}</span> <span className="count-badge">{g.findings.length}</span></h3>
            <ul className="problem-list" aria-label={`Problems in ${g.path}`}>
              {g.findings.map((f, i) => <ProblemRow key={`${f.rule}|${f.pointer ?? ''}|${f.line ?? ''}|${i}`} finding={f} />)}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
