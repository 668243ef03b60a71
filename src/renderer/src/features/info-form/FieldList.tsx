import { memo } from 'react';
import type { Field } from '../../../../shared/connector/info-json';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { addField, deleteItem, duplicateField } from '../../store/connector/item-actions';
import { useConnectorStore } from '../../store/connector/store';
import { FieldDetails } from './FieldDetails';
import { ItemRow } from './ItemRow';

interface FieldListProps {
  readonly listPath: JSONPath;
  readonly fields: unknown;
  /** Names of hidden operations, the candidates for apiOperation. */
  readonly hiddenOps: readonly string[];
  readonly addLabel?: string;
}

/** Configuration fields, an operation's parameters, or one onchange branch: the same editor at every depth. */
export const FieldList = memo(function FieldList({ listPath, fields, hiddenOps, addLabel = 'Add field' }: FieldListProps) {
  const list = Array.isArray(fields) ? (fields as Field[]) : [];
  const base = pathToPointer(listPath);
  return (
    <div className="field-list" data-pointer={base}>
      {list.length > 0 && (
        <ul className="item-list">
          {list.map((f, i) => (
            <FieldItem key={i} listPath={listPath} index={i} count={list.length} field={f} hiddenOps={hiddenOps} />
          ))}
        </ul>
      )}
      <button className="button secondary small add-button" onClick={() => addField(listPath)} data-testid="add-field">+ {addLabel}</button>
    </div>
  );
});

const FieldItem = memo(function FieldItem({ listPath, index, count, field, hiddenOps }: {
  listPath: JSONPath; index: number; count: number; field: Field; hiddenOps: readonly string[];
}) {
  const pointer = `${pathToPointer(listPath)}/${index}`;
  const expanded = useConnectorStore((s) => s.expanded.includes(pointer));
  const f = field && typeof field === 'object' ? field : ({} as Field);
  const branches = f.onchange && typeof f.onchange === 'object' ? Object.keys(f.onchange).length : 0;
  return (
    <ItemRow kind="field" listPath={listPath} index={index} count={count} pointer={pointer} expanded={expanded}
      title={typeof f.title === 'string' ? f.title : ''} name={typeof f.name === 'string' ? f.name : ''}
      badges={
        <>
          <span className="tag">{typeof f.type === 'string' ? f.type : '?'}</span>
          {f.required === true && <span className="tag tag-strong">required</span>}
          {f.visible === false && <span className="tag">hidden</span>}
          {branches > 0 && <span className="tag" title="Shows more fields depending on its value">onchange {branches}</span>}
        </>
      }
      onDuplicate={() => duplicateField(listPath, index)} onDelete={() => deleteItem(listPath, index)}>
      {() => <FieldDetails path={[...listPath, index]} field={f} hiddenOps={hiddenOps} BranchList={FieldList} />}
    </ItemRow>
  );
});
