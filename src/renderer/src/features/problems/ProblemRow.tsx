import { memo } from 'react';
import type { Finding } from '../../../../shared/connector/findings';
import { Icon } from '../../components/Icon';
import { modelRegistry } from '../../editor/model-registry';
import { connectorPaths } from '../../store/connector/project';
import { fixOffersFor } from '../../store/connector/quick-fix';
import { useConnectorStore } from '../../store/connector/store';
import { projectPath } from '../../store/problems/merge';
import { useTestingStore } from '../../store/testing/store';
import { applyRuffFix, ruffFixFor } from '../python-lint/ruff-fix-registry';
import { revealFinding } from './reveal';

const ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

const meta = (f: Finding) => (f.source === 'rules' ? f.rule : `${f.source} ${f.rule}`);
const where = (f: Finding) => (f.line !== undefined ? `Ln ${f.line}${f.column !== undefined ? `, Col ${f.column}` : ''}` : f.pointer || '');

/** Ruff's own fix for a ruff finding on an open Python file, with the model to apply it to. */
function ruffFixOf(f: Finding) {
  const paths = connectorPaths();
  const model = paths && f.source === 'ruff' && f.line !== undefined && f.column !== undefined ? modelRegistry.get(projectPath(paths.connectorRel, f.path)) : null;
  const fix = model && f.line !== undefined && f.column !== undefined ? ruffFixFor(model, f.rule, f.line, f.column) : undefined;
  return model && fix ? { title: fix.title, apply: () => applyRuffFix(model, fix) } : undefined;
}

/** One finding: click (or Enter) shows it; a quick fix is one button when a safe one exists, and a list to pick
 * from when the fix is one value of a list (a category). */
export const ProblemRow = memo(function ProblemRow({ finding }: { finding: Finding }) {
  const info = useConnectorStore((s) => (s.syntaxError ? null : s.info));
  // A Test Actions run's output can write an output_schema a finding asks for.
  useTestingStore((s) => s.runs);
  const offers = info ? fixOffersFor(info, finding) : [];
  const certain = offers.find((o) => o.kind === 'fix');
  const choices = offers.filter((o) => o.kind === 'choice');
  const ruff = ruffFixOf(finding);
  const fix = certain ? { title: certain.title, apply: () => useConnectorStore.getState().applyFixEdit(certain.edit) } : ruff;
  return (
    <li className={`problem sev-${finding.severity}`} data-testid="problem" data-rule={finding.rule} data-severity={finding.severity} data-pointer={finding.pointer}>
      <button className="problem-main" onClick={() => void revealFinding(finding)} title={finding.fix ?? finding.message}>
        <Icon name={ICON[finding.severity]} size={14} className="problem-icon" />
        <span className="visually-hidden">{finding.severity}: </span>
        <span className="problem-message" title={finding.message}>{finding.message}</span>
        <span className="problem-meta" title={meta(finding)}>{meta(finding)}</span>
        <span className="problem-where" title={where(finding)}>{where(finding)}</span>
      </button>
      {fix && (
        <button className="button secondary small problem-fix" onClick={fix.apply} data-testid="problem-fix" title={`Fix: ${fix.title} (undo with Ctrl+Z)`}>
          Fix: {fix.title}
        </button>
      )}
      {choices.length > 0 && (
        <select className="select small problem-pick" value="" data-testid="problem-pick" aria-label={`Pick a value for ${finding.pointer ?? finding.rule}`}
          title="Pick a value from the list (undo with Ctrl+Z)"
          onChange={(e) => {
            const picked = choices[Number(e.target.value)];
            if (picked) useConnectorStore.getState().applyFixEdit(picked.edit);
          }}>
          <option value="" disabled>Pick…</option>
          {choices.map((c, i) => <option key={c.title} value={i}>{String(c.edit.value)}</option>)}
        </select>
      )}
    </li>
  );
});
