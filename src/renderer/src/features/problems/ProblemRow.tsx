import { memo } from 'react';
import type { Finding } from '../../../../shared/connector/findings';
import { Icon } from '../../components/Icon';
import { describeFix, quickFixFor } from '../../store/connector/quick-fix';
import { useConnectorStore } from '../../store/connector/store';
import { revealFinding } from './reveal';

const ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

const where = (f: Finding) => (f.line !== undefined ? `Ln ${f.line}${f.column !== undefined ? `, Col ${f.column}` : ''}` : f.pointer || '');

/** One finding: click (or Enter) shows it; a quick fix is one button when a safe one exists. */
export const ProblemRow = memo(function ProblemRow({ finding }: { finding: Finding }) {
  const info = useConnectorStore((s) => (s.syntaxError ? null : s.info));
  const fix = info ? quickFixFor(info, finding) : undefined;
  return (
    <li className={`problem sev-${finding.severity}`} data-testid="problem" data-rule={finding.rule} data-severity={finding.severity} data-pointer={finding.pointer}>
      <button className="problem-main" onClick={() => void revealFinding(finding)} title={finding.fix ?? finding.message}>
        <Icon name={ICON[finding.severity]} size={14} className="problem-icon" />
        <span className="visually-hidden">{finding.severity}: </span>
        <span className="problem-message">{finding.message}</span>
        <span className="problem-meta">{finding.source === 'rules' ? finding.rule : `${finding.source} ${finding.rule}`}</span>
        <span className="problem-where">{where(finding)}</span>
      </button>
      {fix && (
        <button className="button secondary small problem-fix" onClick={() => useConnectorStore.getState().applyFix(finding)} data-testid="problem-fix"
          title="Apply the quick fix (undo with Ctrl+Z)">
          Fix: {describeFix(fix)}
        </button>
      )}
    </li>
  );
});
