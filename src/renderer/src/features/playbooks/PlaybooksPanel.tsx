import { useEffect } from 'react';
import type { PlaybookSummary } from '../../../../shared/connector/playbooks';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/app/store';
import { useProjectsStore } from '../../store/projects/store';
import { usePlaybooksStore } from '../../store/review';
import '../review/review.css';
import { generateSamplePlaybooks } from './playbook-actions';

function PlaybookItem({ p }: { p: PlaybookSummary }) {
  return (
    <li className="playbook" data-testid="playbook" data-name={p.name} data-active={p.active ? 'true' : 'false'}>
      <h3 className="playbook-name">
        <span>{p.name || '(unnamed)'}</span>
        <span className={`playbook-state ${p.active ? 'active' : 'inactive'}`}>{p.active ? 'Active' : 'Inactive'}</span>
      </h3>
      <p className="playbook-collection">{p.collection || 'No collection'}</p>
      {p.tags.length > 0 && (
        <ul className="playbook-tags" aria-label="Tags">
          {p.tags.map((t) => <li key={t} className="playbook-tag" data-testid="playbook-tag">{t}</li>)}
        </ul>
      )}
      <ol className="playbook-steps" aria-label="Steps">
        {p.steps.map((s, i) => <li key={i}>{s.name || s.kind}{s.operation && <> <span className="mono">{s.operation}</span></>}</li>)}
      </ol>
    </li>
  );
}

/** The bundled playbooks of playbooks/playbooks.json, and samples generated per visible action. */
export function PlaybooksPanel() {
  const projectId = useAppStore((s) => s.projectId);
  const readOnly = useProjectsStore((s) => s.projects.find((p) => p.id === projectId)?.readOnly === true);
  const { list, loading, generating, error } = usePlaybooksStore();
  useEffect(() => {
    if (projectId) void usePlaybooksStore.getState().load();
  }, [projectId]);
  const playbooks = list?.state === 'ok' ? list.playbooks : [];
  return (
    <section className="sidebar-view playbooks-panel" aria-label="Playbooks" data-testid="playbooks-panel" aria-busy={loading}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">Playbooks</h2>
        <button className="icon-button" aria-label="Reload playbooks" title="Reload" onClick={() => void usePlaybooksStore.getState().load()}>
          <Icon name="refresh" />
        </button>
      </div>
      <div className="playbooks-actions">
        <button className="button primary small" disabled={readOnly || generating} onClick={() => void generateSamplePlaybooks()} data-testid="playbooks-generate"
          title={readOnly ? 'A package open for review cannot be changed: import it first' : 'One inactive, tagged playbook per visible action'}>
          Generate sample playbooks
        </button>
      </div>
      {error && <p className="inline-error" role="alert">{error}</p>}
      {list?.state === 'missing' && <p className="muted pad" data-testid="playbooks-empty">This connector bundles no playbooks (no playbooks/playbooks.json).</p>}
      {(list?.state === 'empty' || (list?.state === 'ok' && !playbooks.length)) && <p className="muted pad" data-testid="playbooks-empty">playbooks/playbooks.json holds no playbooks yet.</p>}
      {list?.state === 'invalid' && <p className="inline-error" role="alert">playbooks/playbooks.json cannot be read: {list.message}</p>}
      {playbooks.length > 0 && (
        <ul className="playbook-list" data-testid="playbook-list">
          {playbooks.map((p, i) => <PlaybookItem key={`${p.collection}/${p.name}/${i}`} p={p} />)}
        </ul>
      )}
    </section>
  );
}
