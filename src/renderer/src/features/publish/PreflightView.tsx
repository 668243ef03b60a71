import { Icon } from '../../components/Icon';
import type { CompatReport } from '../../../../shared/connector/compat/types';
import type { Finding } from '../../../../shared/connector/findings';
import type { PreflightResult } from '../../../../shared/models/publish';
import { toastError, toastSuccess } from '../../store/app/store';
import { usePublishStore } from '../../store/publish/publish-store';
import { plural } from '../../../../shared/plural';

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

/** Already installed: Replace it (with the worker cache warning), or publish a new version next to it. */
function SameVersionChoice({ pre }: { pre: PreflightResult }) {
  const replace = usePublishStore((s) => s.options.replace);
  const suggested = usePublishStore((s) => s.versions.againstInstalled?.report.suggestedVersion ?? pre.server?.report.suggestedVersion);
  return (
    <div className="same-version" data-testid="same-version" role="group" aria-label="This version is installed">
      <p className="small"><Icon name="warning" size={14} /> {pre.connector.name} {pre.connector.version} is already installed on this server.</p>
      <p className="small breaking-text" data-testid="same-version-cache">
        Replacing a version in place can leave its old code running in the server's workers until they restart, so an action may behave as before. A new patch version avoids that.
      </p>
      <div className="button-row">
        <button className="button primary small" onClick={() => void bump('patch')} data-testid="publish-bump-offer">Bump to the next patch version</button>
        {(['minor', 'major'] as const).map((l) => <button key={l} className="button secondary small" onClick={() => void bump(l)} data-testid={`publish-bump-${l}`}>Bump {l}</button>)}
        {suggested && <span className="small muted">(the report suggests {suggested})</span>}
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={replace} onChange={(e) => usePublishStore.getState().setOptions({ replace: e.target.checked })} data-testid="publish-replace" />
        Replace the installed version anyway
      </label>
    </div>
  );
}

/** Changes of a report, breaking first. */
function Changes({ report }: { report: CompatReport }) {
  const sorted = [...report.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
  if (!sorted.length) return null;
  return (
    <ul className="compat-changes">
      {sorted.slice(0, 8).map((c) => (
        <li key={`${c.kind}-${c.path}`} className={c.breaking ? 'breaking-text' : 'muted'} data-testid="compat-change" data-breaking={c.breaking}>
          {c.breaking ? 'Breaking: ' : ''}{c.message}
        </li>
      ))}
      {sorted.length > 8 && <li className="muted">… and {sorted.length - 8} more</li>}
    </ul>
  );
}

const pairSummary = (r: CompatReport) =>
  r.changes.length === 0 ? 'no changes.' : `${plural(r.changes.length, 'change')}, ${r.breaking ? 'breaking' : 'none breaking'}; suggested version ${r.suggestedVersion}.`;

interface Pair {
  readonly id: string;
  readonly label: string;
  readonly report: CompatReport;
}

/** Local, last tag and server-installed side by side, then the report between each pair, breaking ones first. */
function Versions({ pre }: { pre: PreflightResult }) {
  const versions = usePublishStore((s) => s.versions);
  const installed = pre.server?.version ?? pre.installed[0]?.version;
  const pairs: Pair[] = [
    ...(pre.server ? [{ id: 'server-local', label: `Server ${pre.server.version} → local ${pre.connector.version}`, report: pre.server.report }] : []),
    ...(versions.againstLastTag ? [{ id: 'tag-local', label: `Last tag ${versions.againstLastTag.tag} → local ${pre.connector.version}`, report: versions.againstLastTag.report }] : []),
    ...(pre.tagToServer ? [{ id: 'tag-server', label: `Last tag ${pre.tagToServer.tag} → server ${pre.server?.version ?? ''}`, report: pre.tagToServer.report }] : []),
  ].sort((a, b) => Number(b.report.breaking) - Number(a.report.breaking));
  return (
    <div className="versions-view small" data-testid="publish-versions">
      <div className="versions-columns">
        <div className="version-card"><span className="muted">Local folder</span><strong data-testid="publish-local">{pre.connector.version}</strong></div>
        <div className="version-card"><span className="muted">Last git tag</span><strong data-testid="publish-last-tag">{versions.lastTag ?? 'none'}</strong></div>
        <div className="version-card"><span className="muted">On the server</span><strong data-testid="publish-installed">{installed ?? 'none'}</strong>
          {pre.installed.length > 1 && <span className="muted">also {pre.installed.slice(1).map((v) => v.version).join(', ')}</span>}
        </div>
      </div>
      {pairs.map((p) => (
        <div key={p.id} className="compat-pair" data-testid={`publish-compat-${p.id}`} data-breaking={p.report.breaking}>
          <p className={p.report.breaking ? 'breaking-text' : 'muted'}>{p.label}: {pairSummary(p.report)}</p>
          <Changes report={p.report} />
        </div>
      ))}
    </div>
  );
}

/** The playbook steps this version breaks, named before the user confirms. */
function Impact({ pre }: { pre: PreflightResult }) {
  const impact = pre.impact ?? [];
  if (!impact.length && !pre.impactNote) return null;
  return (
    <div className="preflight-problems playbook-impact" data-testid="playbook-impact">
      {impact.length > 0 && <strong className="small">Playbooks this version breaks ({plural(impact.length, 'step')})</strong>}
      <ul>
        {impact.map((i, n) => (
          <li key={n} className="small" data-testid="playbook-impact-step" data-playbook={i.playbook} data-step={i.step}>
            <span className="badge">{i.source === 'server' ? 'server' : 'sample'}</span> <strong>{i.playbook}</strong>{i.collection ? <span className="muted"> ({i.collection})</span> : null} › step <strong>{i.step}</strong>: {i.message}
          </li>
        ))}
      </ul>
      {pre.impactNote && <p className="small muted">{pre.impactNote}</p>}
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
        {pre.blocked ? 'blocked: fix the errors below' : `ready${warnings ? ` (${plural(warnings, 'warning')})` : ''}`}
      </p>
      <Findings title="Errors" items={errors} testId="preflight-errors" />
      <Findings title="The server's import would refuse" items={pre.importProblems} testId="preflight-import" />
      <Versions pre={pre} />
      <Impact pre={pre} />
      {pre.sameVersion && <SameVersionChoice pre={pre} />}
    </div>
  );
}
