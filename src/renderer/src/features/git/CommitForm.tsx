import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { commitPlan } from '../../store/git/changes';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { commitNow } from './git-actions';

/** Message, amend, and one button that says what it will do (Commit, Commit All, Amend). */
export function CommitForm() {
  const { changes, message, amend, busy, setMessage, setAmend } = useGitStore();
  const dirty = useEditorStore((s) => s.tabs.some((t) => t.dirty));
  const msgId = useId();
  const plan = commitPlan(changes, message, amend);
  const submit = () => {
    if (plan.kind !== 'blocked' && !busy) void commitNow(plan.kind);
  };
  return (
    <form className="commit-form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <label htmlFor={msgId} className="visually-hidden">Commit message</label>
      <textarea id={msgId} className="text-input commit-message" rows={3} value={message} data-testid="commit-message"
        placeholder={`Message (Ctrl+Enter to commit on “${changes?.branch ?? 'main'}”)`}
        onChange={(e) => setMessage(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }} />
      <label className="checkbox-row small">
        <input type="checkbox" checked={amend} onChange={(e) => setAmend(e.target.checked)} data-testid="git-amend" />
        Amend the last commit{amend && !message.trim() ? ' (keeps its message)' : ''}
      </label>
      <button type="submit" className="button primary wide" disabled={busy || plan.kind === 'blocked'} title={plan.kind === 'blocked' ? plan.reason : undefined}
        data-testid="git-commit" data-plan={plan.kind}>
        <Icon name="check" /> {plan.label}
      </button>
      {dirty && <p className="muted small">Unsaved editor changes are not part of the commit until you save them.</p>}
    </form>
  );
}
