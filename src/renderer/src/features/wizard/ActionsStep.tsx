import { useState } from 'react';
import type { WizardAction } from '../../../../shared/connector/wizard';
import { Icon } from '../../components/Icon';
import { issuesAt, newAction, removeAt, replaceAt, type DraftAction } from '../../store/wizard/draft';
import { useWizardStore } from '../../store/wizard/store';
import { ActionEditor } from './ActionEditor';
import { useIssues } from './issues-context';
import { plural } from '../../../../shared/plural';

/** Actions: tick the template's suggestions, edit them, add your own. */
export function ActionsStep() {
  const draft = useWizardStore((s) => s.draft);
  const { setActions } = useWizardStore.getState();
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const list = draft.actions;
  const toggle = (key: number) => setOpened(opened.has(key) ? new Set([...opened].filter((k) => k !== key)) : new Set([...opened, key]));
  const add = () => {
    const made = newAction(draft);
    setActions([...list, made]);
    setOpened(new Set([...opened, made.key]));
  };
  const included = list.filter((a) => a.included).length;
  return (
    <div data-testid="wz-actions-step">
      <p className="wz-intro">
        {included} of {plural(list.length, 'action')} selected. Each becomes an operation in info.json and a function in operations.py
        that calls the endpoint you give; the output schema lists the keys it returns, so playbooks can pick them.
      </p>
      <ul className="wz-cards" aria-label="Actions">
        {list.map((a, i) => (
          <ActionCard key={a.key} item={a} index={i} open={opened.has(a.key)} onToggle={() => toggle(a.key)}
            onChange={(next) => setActions(replaceAt(list, i, next))} onRemove={() => setActions(removeAt(list, i))} />
        ))}
      </ul>
      <button type="button" className="button secondary small" onClick={add} data-testid="wz-add-action"><Icon name="filePlus" /> Add action</button>
    </div>
  );
}

interface CardProps {
  item: DraftAction;
  index: number;
  open: boolean;
  onToggle(): void;
  onChange(a: DraftAction): void;
  onRemove(): void;
}

function ActionCard({ item, index, open, onToggle, onChange, onRemove }: CardProps) {
  const { issues, shown } = useIssues();
  const path = `actions/${index}`;
  const errors = item.included ? issuesAt(issues, path, true).filter((i) => i.severity === 'error' && shown(i.field, false)).length : 0;
  // After a refused Next, cards hiding errors open by themselves.
  const attempted = useWizardStore((s) => s.attempted.has('actions'));
  const expanded = open || (attempted && errors > 0);
  const a = item.action;
  const title = a.title || a.operation || 'New action';
  const set = (action: WizardAction) => onChange({ ...item, action });
  return (
    <li className={`wz-card${item.included ? '' : ' excluded'}`} data-testid="wz-action" data-operation={a.operation}>
      <div className="wz-card-header">
        <label className="wz-check wz-include">
          <input type="checkbox" checked={item.included} onChange={(e) => onChange({ ...item, included: e.target.checked })}
            aria-label={`Include ${title}`} data-testid="wz-action-include" />
        </label>
        <button type="button" className="wz-card-toggle" aria-expanded={expanded} onClick={onToggle} data-testid="wz-action-toggle">
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} />
          <span className="wz-card-title">{title}</span>
          <span className="muted mono small">{a.operation} · {plural(a.parameters.length, 'parameter')}</span>
          {!item.suggested && <span className="badge">custom</span>}
          {errors > 0 && <span className="wz-error-count">{plural(errors, 'error')}</span>}
        </button>
        {!item.suggested && (
          <div className="wz-card-actions">
            <button type="button" className="icon-button danger-hover" aria-label={`Remove ${title}`} onClick={onRemove}><Icon name="trash" /></button>
          </div>
        )}
      </div>
      {expanded && <ActionEditor action={a} path={path} onChange={set} />}
      {!expanded && a.description && <p className="wz-card-summary indent muted">{a.description}</p>}
    </li>
  );
}
