import { useState } from 'react';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { Icon } from '../../components/Icon';
import { trustProject } from './trust-commands';

/** Restricted Mode, as VS Code has it: shown above the IDE for a project that came from outside (an import, a
 * clone, a folder opened from elsewhere) until the user trusts it. Reviews say it in their own banner. */
export function RestrictedBanner({ project }: { project: ProjectSummary | undefined }) {
  const [busy, setBusy] = useState(false);
  if (!project || project.readOnly || project.trusted !== false) return null;
  const name = project.label || project.name;
  return (
    <div className="banner banner-warning restricted-banner" role="region" aria-label="Restricted Mode" data-testid="restricted-banner">
      <Icon name="shield" />
      <span className="banner-text">
        <strong>Restricted Mode.</strong> {name} came from outside this workspace, so none of its code runs: no health check
        or action, no virtualenv of its own, no git hooks or filters of its repository. Trust it only if you know where it came from.
      </span>
      <button className="button primary small" disabled={busy} data-testid="trust-project"
        onClick={() => {
          setBusy(true);
          void trustProject(project.id).finally(() => setBusy(false));
        }}>
        Trust
      </button>
    </div>
  );
}
