import { Icon } from '../../components/Icon';
import type { Finding } from '../../../../shared/connector/findings';
import type { PreflightResult } from '../../../../shared/models/publish';
import { toastError, toastSuccess } from '../../store/app/store';
import { usePublishStore } from '../../store/publish/publish-store';
import { compatSummary } from '../../store/publish/versions';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

function Findings({ title, items, testId }: { title: string; items: Finding[]; testId: string }) {
  if (!items.length) return null;
  return (
    <div className="preflight-problems" data-testid={testId}>
      <strong className="small">{title}</strong>
      <ul>
        {items.slice(0, 12).map((f, i) => <li key={i} className="small"><span className="mono">{f.path}{f.pointer ?? ''}</span>: {f.message}</li>)}
        {items.length > 12 && <li className="small muted">… and {items.length - 12} more</li>}
      </ul>
    </div>
  );
}

async function bump(level: 'major' | 'minor' | 'patch') {
  try {
    toastSuccess(`The version is now ${await usePublishStore.getState().bump(level)} (the previous one is tagged).`);
  } catch (e) {
    toastError(e);
  }
}

/** Already installed: Replace it, or publish a new version next to it. */
function SameVersionChoice({ pre }: { pre: PreflightResult }) {
  const replace = usePublishStore((s) => s.options.replace);
  const suggested = usePublishStore((s) => s.versions.againstInstalled?.report.suggestedVersion);
  return (
    <div className="same-version" data-testid="same-version" role="group" aria-label="This version is installed">
      <p className="small"><Icon name="warning" size={14} /> {pre.connector.name} {pre.connector.version} is already installed on this server.</p>
      <label className="checkbox-row">
        <input type="checkbox" checked={replace} onChange={(e) => usePublishStore.getState().setOptions({ replace: e.target.checked })} data-testid="publish-replace" />
        Replace the installed version
      </label>
      <div className="button-row">
        <span className="small muted">or start a new version{suggested ? ` (the report suggests ${suggested})` : ''}:</span>
        {(['patch', 'minor', 'major'] as const).map((l) => <button key={l} className="button secondary small" onClick={() => void bump(l)} data-testid={`publish-bump-${l}`}>Bump {l}</button>)}
      </div>
    </div>
  );
}

function Versions({ pre }: { pre: PreflightResult }) {
  const versions = usePublishStore((s) => s.versions);
  const against = versions.againstInstalled;
  const sinceTag = versions.againstLastTag;
  // One line when the last tag is the installed version: the same report.
  const sameReport = sinceTag && against && sinceTag.tag === `v${against.version}`;
  return (
    <div className="versions-view small" data-testid="publish-versions">
      <span>Local <strong data-testid="publish-local">{pre.connector.version}</strong></span>
      <span>Last tag <strong data-testid="publish-last-tag">{versions.lastTag ?? 'none'}</strong></span>
      <span>Installed <strong data-testid="publish-installed">{pre.installed.map((v) => v.version).join(', ') || 'none'}</strong></span>
      {sinceTag && (
        <p className={sinceTag.report.breaking ? 'breaking-text' : 'muted'} data-testid="publish-compat-tag">
          {compatSummary(sameReport ? `the last tag ${sinceTag.tag} (installed)` : `the last tag ${sinceTag.tag}`, sinceTag.report, pre.connector.version)}
        </p>
      )}
      {against && !sameReport && (
        <p className={against.report.breaking ? 'breaking-text' : 'muted'} data-testid="publish-compat">
          {compatSummary(`the installed ${against.version}`, against.report, pre.connector.version)}
        </p>
      )}
    </div>
  );
}

/** What the pre-flight found: the package, blocking errors, the server's own import rules, installed versions. */
export function PreflightView({ pre }: { pre: PreflightResult }) {
  const errors = pre.validation.findings.filter((f) => f.severity === 'error');
  const { warnings } = pre.validation.summary;
  return (
    <div className="preflight" data-testid="preflight" data-blocked={pre.blocked}>
      <p className="small">
        <Icon name={pre.blocked ? 'error' : 'check'} size={14} className={pre.blocked ? 'fail-icon' : 'ok-icon'} />{' '}
        {pre.connector.label ?? pre.connector.name} {pre.connector.version} · {pre.archive.fileName}, {kb(pre.archive.bytes)} ·{' '}
        {pre.blocked ? 'blocked: fix the errors below' : `ready${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`}
      </p>
      <Findings title="Errors" items={errors} testId="preflight-errors" />
      <Findings title="The server's import would refuse" items={pre.importProblems} testId="preflight-import" />
      <Versions pre={pre} />
      {pre.sameVersion && <SameVersionChoice pre={pre} />}
    </div>
  );
}
