import { useId } from 'react';
import { isMac } from '../../hooks/platform';
import { formatShortcut } from '../../store/palette/shortcuts';
import { pickable } from '../../store/testing/operations';
import { useTestingStore } from '../../store/testing/store';
import { DebugButton } from '../debug/DebugButton';
import { CassetteControl } from './CassetteControl';
import { DynamicForm } from './DynamicForm';
import { RunSummary } from './RunSummary';

/** Ctrl/Cmd+Enter anywhere in the panel runs the action, as in the palette's "Run Action". */
const onKeyDown = (e: React.KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
    e.preventDefault();
    void useTestingStore.getState().run();
  }
};

/** Test Actions: pick an operation, fill its parameters, run it in the simulated runtime; the result, its logs and
 * the run history are in the panel's Output tab, wide, and a line here says how the last run went. */
export function ActionsPanel() {
  const { info, operation, showHidden, paramsRaw, paramErrors, runningId, runError, configs, selectedConfigId } = useTestingStore();
  const s = useTestingStore.getState();
  const opId = useId();
  const cfgId = useId();
  const ops = pickable(info?.operations ?? [], showHidden);
  const op = info?.operations.find((o) => o.operation === operation);
  const hiddenCount = (info?.operations ?? []).filter((o) => o.hidden).length;
  return (
    <div className="tc-panel" onKeyDown={onKeyDown} data-testid="actions-panel">
      <div className="tc-field">
        <label htmlFor={opId} className="tc-label">Action</label>
        <select id={opId} className="select wide" value={operation ?? ''} onChange={(e) => s.selectOperation(e.target.value || null)} data-testid="action-select">
          {!op && <option value="">Select an action…</option>}
          {ops.map((o) => <option key={o.operation} value={o.operation}>{o.title}{o.hidden ? ' (hidden)' : ''}{o.disabled ? ' (disabled)' : ''}</option>)}
        </select>
        {hiddenCount > 0 && (
          <label className="tc-check small">
            <input type="checkbox" checked={showHidden} onChange={(e) => s.setShowHidden(e.target.checked)} data-testid="show-hidden" /> Show {hiddenCount} hidden
          </label>
        )}
      </div>
      <div className="tc-field">
        <label htmlFor={cfgId} className="tc-label">Configuration</label>
        <select id={cfgId} className="select wide" value={selectedConfigId ?? ''} onChange={(e) => s.selectConfig(e.target.value || null)} data-testid="run-config">
          <option value="">{op && !op.configRequired ? 'None (this action needs none)' : 'None'}</option>
          {configs.map((c) => <option key={c.id} value={c.id}>{c.name}{c.isDefault ? ' (default)' : ''}</option>)}
        </select>
      </div>
      {op && (
        <>
          {op.description && <p className="tc-help">{op.description}</p>}
          <h3 className="tc-title">Parameters</h3>
          <DynamicForm fields={op.parameters} raw={paramsRaw} errors={paramErrors} apiOptions onChange={s.setParam} />
          <CassetteControl operation={op.operation} />
          <div className="button-row">
            <button className="button primary small" disabled={!!runningId} onClick={() => void s.run()} data-testid="run-action"
              title={`Run (${formatShortcut('Mod+Enter', isMac())})`}>
              {runningId ? 'Running…' : 'Run'} <kbd>{formatShortcut('Mod+Enter', isMac())}</kbd>
            </button>
            {runningId && <button className="button secondary small danger-text" onClick={() => void s.stop()} data-testid="run-stop">Stop</button>}
            <DebugButton kind="action" busy={!!runningId} />
          </div>
        </>
      )}
      {runError && <p className="field-error" role="alert" data-testid="run-error">{runError}</p>}
      <RunSummary />
    </div>
  );
}
