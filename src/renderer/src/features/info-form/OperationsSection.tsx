import { memo, useMemo } from 'react';
import type { Operation } from '../../../../shared/connector/info-json';
import { plural } from '../../../../shared/plural';
import { addOperation, deleteOperation, duplicateOperation } from '../../store/connector/item-actions';
import { useConnectorStore } from '../../store/connector/store';
import { ItemRow } from './ItemRow';
import { OperationDetails } from './OperationDetails';

const LIST = ['operations'];

/** The actions, collapsed until opened: the largest connectors have dozens, each with many parameters. */
export function OperationsSection({ operations }: { operations: unknown }) {
  const list = Array.isArray(operations) ? (operations as Operation[]) : [];
  // Keyed by content, so typing in one operation does not re-render every other row.
  const namesKey = list.map((o) => (typeof o?.operation === 'string' ? o.operation : '')).filter(Boolean).join('\n');
  const hiddenKey = list.filter((o) => o?.visible === false && typeof o.operation === 'string').map((o) => o.operation!).join('\n');
  const names = useMemo(() => (namesKey ? namesKey.split('\n') : []), [namesKey]);
  const hidden = useMemo(() => (hiddenKey ? hiddenKey.split('\n') : []), [hiddenKey]);
  return (
    <div data-pointer="/operations">
      <ul className="item-list" data-testid="op-list">
        {list.map((op, i) => (
          <OperationItem key={i} index={i} count={list.length} op={op} names={names} hidden={hidden} />
        ))}
      </ul>
      <button className="button primary small add-button" onClick={addOperation} data-testid="add-operation">+ Add operation</button>
    </div>
  );
}

const OperationItem = memo(function OperationItem({ index, count, op, names, hidden }: {
  index: number; count: number; op: Operation; names: readonly string[]; hidden: readonly string[];
}) {
  const pointer = `/operations/${index}`;
  const expanded = useConnectorStore((s) => s.expanded.includes(pointer));
  const o = op && typeof op === 'object' ? op : ({} as Operation);
  return (
    <ItemRow kind="operation" listPath={LIST} index={index} count={count} pointer={pointer} expanded={expanded}
      title={typeof o.title === 'string' ? o.title : ''} name={typeof o.operation === 'string' ? o.operation : ''}
      badges={
        <>
          {typeof o.category === 'string' && <span className="tag" title={`Category: ${o.category}`}>{o.category}</span>}
          {o.visible === false && <span className="tag" title="Not offered in playbooks; used by apiOperation">hidden</span>}
          {o.enabled === false && <span className="tag" title="Disabled: FortiSOAR does not offer it">disabled</span>}
          <span className="tag" title={plural(Array.isArray(o.parameters) ? o.parameters.length : 0, 'parameter')}>{plural(Array.isArray(o.parameters) ? o.parameters.length : 0, 'parameter')}</span>
        </>
      }
      onDuplicate={() => duplicateOperation(index)} onDelete={() => deleteOperation(index)}>
      {() => <OperationDetails index={index} op={o} opNames={names} hiddenOps={hidden} />}
    </ItemRow>
  );
});
