import type { ProjectSummary } from '../../../../shared/models/workspace';
import { Icon } from '../../components/Icon';
import { hrefOf } from '../../hooks/route';
import { exportTgz } from '../wizard/authoring-commands';
import { relativeTime } from './relative-time';

const folderName = (root: string) => root.split(/[\\/]/).filter(Boolean).pop() ?? root;

const GIT_LABEL = { clean: 'Git: clean', changed: 'Git: changes', none: 'No git' } as const;

interface Props {
  project: ProjectSummary;
  /** Another card has the same title: name the folder so the two can be told apart. */
  showFolder?: boolean;
  onDelete(p: ProjectSummary): void;
}

/** One connector on Home. The title is a real link, so a middle click opens the project in a new tab. */
export function ProjectCard({ project: p, showFolder = false, onDelete }: Props) {
  const href = hrefOf({ page: 'project', projectId: p.id, settings: false });
  const modified = new Date(p.modifiedMs);
  return (
    <li className="project-card" data-testid="project-card" data-name={p.name} data-id={p.id}>
      <div className="card-top">
        <div className="card-icon" aria-hidden="true">
          {p.iconDataUrl ? <img src={p.iconDataUrl} alt="" /> : <span className="card-initial">{(p.label || p.name).slice(0, 1).toUpperCase()}</span>}
        </div>
        <div className="card-heading">
          <h2 className="card-title">
            <a href={href} className="card-link" data-testid="project-open">{p.label || p.name}</a>
          </h2>
          <p className="card-meta">
            <span className="mono">{p.name}</span> · <span data-testid="project-version">v{p.version}</span>
          </p>
          {showFolder && <p className="card-meta mono small" data-testid="project-folder" title={p.root}>{folderName(p.root)}/</p>}
        </div>
        {!p.readOnly && p.trusted === false && (
          <span className="git-badge restricted-badge" data-testid="project-restricted-badge" title="Restricted Mode: this came from outside the workspace; its code does not run until you open it and choose Trust">
            <Icon name="shield" size={12} /> Restricted
          </span>
        )}
        {p.readOnly ? (
          <span className="git-badge review-badge" data-testid="project-review-badge" title="Opened read-only for review; not part of the workspace until imported">
            <Icon name="review" size={12} /> Review
          </span>
        ) : (
          <span className={`git-badge git-${p.git}`} data-testid="project-git" data-state={p.git}>
            {p.git !== 'none' && <Icon name="branch" size={12} />}
            {GIT_LABEL[p.git]}
          </span>
        )}
      </div>
      {p.description && <p className="card-description">{p.description}</p>}
      {p.problem && <p className="card-problem" role="note"><Icon name="warning" size={14} /> {p.problem}</p>}
      <div className="card-footer">
        <span className="muted small">{p.publisher || 'Unknown publisher'}</span>
        <span className="muted small" title={modified.toLocaleString()}>Modified <time dateTime={modified.toISOString()}>{relativeTime(p.modifiedMs)}</time></span>
        <span className="card-actions">
          <a className="icon-button" href={href} target="_blank" rel="noopener" aria-label={`Open ${p.label || p.name} in a new tab`} title="Open in a new tab">
            <Icon name="maximize" size={14} />
          </a>
          {!p.readOnly && (
            <button className="icon-button" onClick={() => void exportTgz(false, p.id)} aria-label={`Export ${p.label || p.name} as .tgz`} title="Export .tgz" data-testid="project-export">
              <Icon name="arrowDown" size={14} />
            </button>
          )}
          {p.readOnly ? (
            <button className="icon-button" onClick={() => onDelete(p)} aria-label={`Close the review of ${p.label || p.name}`} title="Close the review (nothing is deleted)" data-testid="project-close-review">
              <Icon name="close" size={14} />
            </button>
          ) : (
            <button className="icon-button danger-hover" onClick={() => onDelete(p)} aria-label={`Delete ${p.label || p.name}`} title="Delete (move to trash)" data-testid="project-delete">
              <Icon name="trash" size={14} />
            </button>
          )}
        </span>
      </div>
    </li>
  );
}
