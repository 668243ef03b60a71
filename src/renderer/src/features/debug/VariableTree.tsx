import { useEffect, useState } from 'react';
import type { DebugVariable } from '../../../../shared/models/debug';
import { Icon } from '../../components/Icon';
import { useDebugStore } from '../../store/debug/store';
import { childrenKey, childrenPlan, PAGE, rangeLabel, rangePlan, shownSlice, type ChildrenRequest, type RangeNode } from '../../store/debug/variables';
import { ROW_ATTR } from './tree-keys';

/** A value as a tree node: the Variables view's entries, a watch's result, a value printed in the Debug Console. */
export interface ValueLike {
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly variablesReference: number;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  readonly masked?: boolean;
  readonly error?: boolean;
}

const INDENT = 12;

/** Python reprs coloured as VS Code colours them: strings, numbers, None/True/False. */
export function valueClass(value: string): string {
  if (/^(['"]|[bfru]{1,2}['"])/i.test(value)) return 'dv-string';
  if (/^-?\d/.test(value)) return 'dv-number';
  if (/^(None|True|False)$/.test(value)) return 'dv-keyword';
  return 'dv-other';
}

/** A secret's value as the services sent it (already masked): shown as is, never asked for again unmasked. */
export function ValueText({ v }: { v: Pick<ValueLike, 'value' | 'masked' | 'error'> }) {
  return (
    <>
      <span className={`dv-value ${v.error ? 'dv-error' : valueClass(v.value)}`} data-testid="variable-value">{v.value}</span>
      {v.masked && <span className="dv-masked" title="A secret of the configuration, masked as in the logs">masked</span>}
    </>
  );
}

interface NodeProps {
  readonly v: ValueLike;
  /** Where the node sits ("Locals/params"): its open state is kept under it across stops. */
  readonly path: string;
  readonly depth: number;
  /** False when the value's handle is gone (the session ran on): it no longer opens. */
  readonly live: boolean;
  /** Extra content at the right of the row (a watch's buttons). */
  readonly actions?: React.ReactNode;
  readonly testId?: string;
}

/** One value and, when open, its children (fetched on first open). */
export function VariableNode({ v, path, depth, live, actions, testId = 'variable' }: NodeProps) {
  const open = useDebugStore((s) => !!s.expanded[path]);
  const expandable = v.variablesReference > 0 && live;
  const toggle = () => expandable && useDebugStore.getState().setExpanded(path, !open);
  return (
    <>
      <div className="dv-row" role="treeitem" aria-level={depth + 1} aria-expanded={expandable ? open : undefined} tabIndex={-1} {...{ [ROW_ATTR]: '' }}
        style={{ paddingLeft: 8 + depth * INDENT }} onClick={toggle} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle())}
        title={v.type ? `${v.name}: ${v.type}` : v.name} data-testid={testId} data-name={v.name}>
        <span className="dv-twistie">{expandable && <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />}</span>
        <span className="dv-name">{v.name}</span>
        {v.value !== '' && <span className="dv-sep">: </span>}
        <ValueText v={v} />
        {actions && <span className="dv-actions">{actions}</span>}
      </div>
      {expandable && open && <ChildrenOf v={v} path={path} depth={depth + 1} />}
    </>
  );
}

function ChildrenOf({ v, path, depth }: { v: ValueLike; path: string; depth: number }) {
  const plan = childrenPlan(v);
  return (
    <div role="group">
      {plan.first && <Fetched request={plan.first} path={path} depth={depth} />}
      {plan.ranges.map((r) => <RangeView key={r.start} r={r} path={path} depth={depth} />)}
    </div>
  );
}

function RangeView({ r, path, depth }: { r: RangeNode; path: string; depth: number }) {
  const label = rangeLabel(r);
  const me = `${path}/${label}`;
  const open = useDebugStore((s) => !!s.expanded[me]);
  const toggle = () => useDebugStore.getState().setExpanded(me, !open);
  const plan = open ? rangePlan(r) : null;
  return (
    <>
      <div className="dv-row" role="treeitem" aria-level={depth + 1} aria-expanded={open} tabIndex={-1} {...{ [ROW_ATTR]: '' }}
        style={{ paddingLeft: 8 + depth * INDENT }} onClick={toggle} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle())} data-testid="variable-range">
        <span className="dv-twistie"><Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} /></span>
        <span className="dv-name">{label}</span>
      </div>
      {plan && (
        <div role="group">
          {plan.first && <Fetched request={plan.first} path={me} depth={depth + 1} />}
          {plan.ranges.map((sub) => <RangeView key={sub.start} r={sub} path={me} depth={depth + 1} />)}
        </div>
      )}
    </>
  );
}

/** Children of one request, fetched when first shown; a long answer shows PAGE rows at a time. */
function Fetched({ request, path, depth }: { request: ChildrenRequest; path: string; depth: number }) {
  const key = childrenKey(request);
  const state = useDebugStore((s) => s.children[key]);
  const live = useDebugStore((s) => s.session?.state === 'paused');
  const [shown, setShown] = useState(PAGE);
  useEffect(() => {
    if (!state) void useDebugStore.getState().loadChildren(request);
    // `key` names the request: a new object with the same key is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, state]);
  const pad = { paddingLeft: 8 + depth * INDENT + 16 };
  if (!state || state.status === 'loading') return <div className="dv-row dv-note muted" style={pad}>Loading…</div>;
  if (state.status === 'error') return <div className="dv-row dv-note dv-error" style={pad} role="alert">{state.error}</div>;
  if (state.items.length === 0) return <div className="dv-row dv-note muted" style={pad}>No items</div>;
  const items = shownSlice(state.items, shown);
  return (
    <>
      {items.map((c: DebugVariable, i) => <VariableNode key={`${c.name}#${i}`} v={c} path={`${path}/${c.name}`} depth={depth} live={live} />)}
      {items.length < state.items.length && (
        <button className="dv-row dv-more" style={pad} onClick={() => setShown(shown + PAGE)} data-testid="variable-more">
          Show {Math.min(PAGE, state.items.length - items.length)} more ({state.items.length - items.length} not shown)
        </button>
      )}
    </>
  );
}
