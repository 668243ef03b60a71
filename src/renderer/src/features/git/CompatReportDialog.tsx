import { useId, useMemo } from 'react';
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';
import type { CompatReport } from '../../../../shared/connector/compat/types';
import { toastError, toastSuccess } from '../../store/app/store';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { versionTags } from '../../store/git/versions';

function VersionPicker({ label, value, onChange, testId }: { label: string; value: string; onChange(v: string): void; testId: string }) {
  const all = useGitStore((s) => s.tags);
  // Version tags first, newest first; other tags after them.
  const names = useMemo(() => {
    const versions = versionTags(all);
    return [...versions, ...all.map((t) => t.name).filter((n) => !versions.includes(n))];
  }, [all]);
  const id = useId();
  return (
    <span className="compat-picker">
      <label htmlFor={id} className="small muted">{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {!value && <option value="">Choose a version</option>}
        <option value="working">Working tree</option>
        {names.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
    </span>
  );
}

function Changes({ report }: { report: CompatReport }) {
  if (!report.changes.length) return <p className="muted" data-testid="compat-none">No changes that matter to users of the connector.</p>;
  return (
    <table className="compat-table" data-testid="compat-table">
      <thead><tr><th scope="col">Change</th><th scope="col">Where</th><th scope="col">Impact</th></tr></thead>
      <tbody>
        {report.changes.map((c) => (
          <tr key={`${c.kind}:${c.path}`} data-testid="compat-change" data-breaking={c.breaking} data-kind={c.kind}>
            <td>{c.message}</td>
            <td className="mono small">{c.path}</td>
            <td>{c.breaking ? <span className="breaking-badge"><Icon name="warning" size={12} /> Breaking</span> : <span className="muted small">compatible</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function insertNotes() {
  try {
    const rel = await useGitStore.getState().insertReleaseNotes();
    toastSuccess(`Added the section to ${rel}.`);
    await useEditorStore.getState().filesChanged([rel]);
  } catch (e) {
    toastError(e);
  }
}

/** The compatibility report between two versions: breaking marks, the suggested version, a release notes draft. */
export function CompatReportDialog() {
  const { compatOpen, compatOld, compatNew, compatReport: report, compatLoading, compatError, compare, closeCompat } = useGitStore();
  if (!compatOpen) return null;
  const pick = (old: string, next: string) => old && void compare(old, next);
  return (
    <Modal title="Compatibility Report" onCancel={closeCompat} width={920} testId="compat-dialog"
      footer={<button className="button secondary" onClick={closeCompat}>Close</button>}>
      <div className="compat-controls">
        <VersionPicker label="Old" value={compatOld} onChange={(v) => pick(v, compatNew)} testId="compat-old" />
        <Icon name="chevronRight" />
        <VersionPicker label="New" value={compatNew} onChange={(v) => pick(compatOld, v)} testId="compat-new" />
      </div>
      {compatLoading && <p className="muted" role="status">Comparing…</p>}
      {compatError && <p className="inline-error" role="alert" data-testid="compat-error">{compatError}</p>}
      {report && !compatLoading && (
        <div className="compat-report" data-testid="compat-report">
          <p className={`compat-summary ${report.breaking ? 'breaking' : ''}`} data-testid="compat-summary" data-breaking={report.breaking}>
            {report.breaking ? 'Breaking changes: playbooks or configurations made for the old version can fail.' : 'No breaking changes.'}{' '}
            Suggested version: <strong data-testid="compat-suggested">{report.suggestedVersion}</strong> (from {report.old}).
          </p>
          <Changes report={report} />
          <h3 className="section-title">Release notes draft</h3>
          <pre className="release-notes-draft" data-testid="compat-notes">{report.releaseNotes}</pre>
          <button className="button primary small" onClick={() => void insertNotes()} data-testid="compat-insert">Insert into release_notes.md</button>
        </div>
      )}
    </Modal>
  );
}
