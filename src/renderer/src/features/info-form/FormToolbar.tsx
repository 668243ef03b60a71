import { Icon } from '../../components/Icon';
import { isMac } from '../../hooks/platform';
import { useConnectorStore, type FormView } from '../../store/connector/store';
import { useProblemsStore } from '../../store/problems/store';

const VIEWS: readonly { id: FormView; label: string }[] = [
  { id: 'edit', label: 'Edit' },
  { id: 'preview', label: 'Preview' },
];

/** Edit or preview, undo and redo, and the connector's problem count (opens the Problems panel). */
export function FormToolbar({ relPath }: { relPath: string }) {
  const view = useConnectorStore((s) => s.view);
  const locked = useConnectorStore((s) => s.syntaxError !== null);
  const counts = useProblemsStore((s) => s.shownCounts);
  const { setView, undo, redo } = useConnectorStore.getState();
  const mod = isMac() ? '⌘' : 'Ctrl+';
  return (
    <div className="form-toolbar">
      <div className="segmented" role="tablist" aria-label="Form view">
        {VIEWS.map((v) => (
          <button key={v.id} role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => setView(v.id)}
            data-testid={`form-view-${v.id}`}>
            {v.label}
          </button>
        ))}
      </div>
      <span className="form-path muted small" title={relPath}>{relPath}</span>
      <button className="button secondary small" onClick={undo} disabled={locked} title={`Undo (${mod}Z)`} data-testid="form-undo">Undo</button>
      <button className="button secondary small" onClick={redo} disabled={locked} title={`Redo (${mod}Shift+Z)`} data-testid="form-redo">Redo</button>
      <button className="button secondary small" onClick={() => useProblemsStore.getState().togglePanel(true)} data-testid="form-problems" title="Show Problems">
        <Icon name="error" size={14} /> {counts.errors}<span className="visually-hidden"> errors,</span>{' '}
        <Icon name="warning" size={14} /> {counts.warnings}<span className="visually-hidden"> warnings</span>
      </button>
    </div>
  );
}
