import { useMemo } from 'react';
import { Icon } from '../../components/Icon';
import { followDrag } from '../../hooks/follow-drag';
import { usePersistentNumber } from '../../hooks/usePersistentNumber';
import { groupByFile } from '../../store/problems/merge';
import { useProblemsStore } from '../../store/problems/store';
import { ProblemRow } from './ProblemRow';
import './problems.css';

/** The bottom panel (Ctrl/Cmd+Shift+M): the connector's findings and the editor's markers on its open files,
 * by file, live as the user types. */
export function ProblemsPanel() {
  const open = useProblemsStore((s) => s.panelOpen);
  const merged = useProblemsStore((s) => s.shown);
  const counts = useProblemsStore((s) => s.shownCounts);
  const validating = useProblemsStore((s) => s.validating);
  const error = useProblemsStore((s) => s.error);
  const [height, setHeight] = usePersistentNumber('cs.problems.height', 220);
  const groups = useMemo(() => groupByFile(merged), [merged]);
  if (!open) return null;

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const start = height;
    followDrag(e, 'y', (dy) => setHeight(Math.min(window.innerHeight - 200, Math.max(90, start - dy))));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    setHeight(Math.max(90, height + (e.key === 'ArrowUp' ? 20 : -20)));
  };

  return (
    <section className="problems-panel" style={{ height }} aria-label="Problems" data-testid="problems-panel">
      <div className="panel-resizer" role="separator" aria-orientation="horizontal" aria-label="Resize the Problems panel" tabIndex={0}
        aria-valuenow={Math.round(height)} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
      <header className="panel-header">
        <h2 className="panel-title">Problems</h2>
        <span className="count-badge" data-testid="problems-count">{merged.length}</span>
        <span className="muted small">{counts.errors} errors, {counts.warnings} warnings, {counts.infos} info</span>
        {validating && <span className="muted small">Checking the folder…</span>}
        <span className="panel-spacer" />
        <button className="icon-button" aria-label="Validate the connector again" title="Validate again" onClick={() => void useProblemsStore.getState().validate()}>
          <Icon name="refresh" size={14} />
        </button>
        <button className="icon-button" aria-label="Close Problems" title="Close (Ctrl+Shift+M)" onClick={() => useProblemsStore.getState().togglePanel(false)}>
          <Icon name="close" size={14} />
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
