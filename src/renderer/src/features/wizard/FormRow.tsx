import { useId, type ReactNode } from 'react';
import type { AnswerIssue } from '../../../../shared/connector/wizard';
import { Icon } from '../../components/Icon';
import { useIssues } from './issues-context';

export interface ControlProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid': boolean;
  onBlur(): void;
}

interface RowProps {
  label: string;
  /** The answers path the issues are filed under, e.g. "name" or "configuration/0/title". */
  field: string;
  hasValue: boolean;
  help?: ReactNode;
  required?: boolean;
  className?: string;
  children(control: ControlProps): ReactNode;
}

/** A labelled control with its help text and its live issues: errors once shown, warnings and notes always. */
export function FormRow({ label, field, hasValue, help, required, className, children }: RowProps) {
  const id = useId();
  const { issues, shown, touch } = useIssues();
  const mine = issues.filter((i) => i.field === field && (i.severity !== 'error' || shown(field, hasValue)));
  const invalid = mine.some((i) => i.severity === 'error');
  return (
    <div className={`wz-row${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="wz-label">{label}{required && <span className="wz-required" aria-hidden="true"> *</span>}</label>
      {children({ id, 'aria-describedby': `${id}-help ${id}-issues`, 'aria-invalid': invalid, onBlur: () => touch(field) })}
      {help && <p id={`${id}-help`} className="wz-help">{help}</p>}
      <IssueList id={`${id}-issues`} issues={mine} field={field} />
    </div>
  );
}

const ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

export function IssueList({ id, issues, field }: { id?: string; issues: readonly AnswerIssue[]; field?: string }) {
  return (
    <ul id={id} className="wz-issues" data-field={field}>
      {issues.map((i) => (
        <li key={`${i.field}:${i.message}`} className={`wz-issue wz-${i.severity}`} data-testid={`issue-${i.severity}`}>
          <Icon name={ICON[i.severity]} size={14} /> <span>{i.message}</span>
        </li>
      ))}
    </ul>
  );
}
