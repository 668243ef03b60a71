import type { ComponentType } from 'react';
import type { Field } from '../../../../shared/connector/info-json';
import { Icon } from '../../components/Icon';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { addBranch } from '../../store/connector/item-actions';
import { useConnectorStore } from '../../store/connector/store';
import { optionLabel } from './options';

/** Which onchange keys can ever match: the options, or "true"/"false" for a checkbox. */
function branchKeys(field: Field): string[] {
  if (field.type === 'checkbox') return ['true', 'false'];
  return Array.isArray(field.options) ? [...new Set(field.options.map(optionLabel))] : [];
}

/** The field list a branch shows: FieldList hands itself down, since a branch's fields may have branches too. */
export type BranchList = ComponentType<{ listPath: JSONPath; fields: unknown; hiddenOps: readonly string[] }>;

/** Fields that appear when a choice is made: one branch per option (a checkbox has "true" and "false"). */
export function OnchangeEditor({ path, field, hiddenOps, BranchList }: { path: JSONPath; field: Field; hiddenOps: readonly string[]; BranchList: BranchList }) {
  const onchange = field.onchange && typeof field.onchange === 'object' ? field.onchange : {};
  const keys = branchKeys(field);
  const orphans = Object.keys(onchange).filter((k) => !keys.includes(k));
  const store = useConnectorStore.getState();
  const branchPath = (key: string) => [...path, 'onchange', key];
  const removeBranch = (key: string) =>
    Object.keys(onchange).length === 1 ? store.set([...path, 'onchange'], undefined) : store.set(branchPath(key), undefined);

  return (
    <fieldset className="ff-group ff-wide onchange" data-pointer={pathToPointer([...path, 'onchange'])}>
      <legend>Shows more fields (onchange)</legend>
      {keys.length === 0 && <p className="muted small">Add options to show fields per choice.</p>}
      {[...keys, ...orphans].map((key) => {
        const branch = onchange[key];
        const orphan = orphans.includes(key);
        return (
          <div key={key} className={`branch${orphan ? ' orphan' : ''}`} data-testid="onchange-branch" data-key={key}>
            <div className="branch-head">
              <span>When <strong>{key}</strong> is {field.type === 'checkbox' ? 'the value' : 'chosen'}{orphan && <span className="tag tag-warn">no such option</span>}</span>
              {branch !== undefined ? (
                <button className="icon-button danger-hover" aria-label={`Remove the fields shown for ${key}`} onClick={() => removeBranch(key)}><Icon name="trash" size={14} /></button>
              ) : (
                <button className="button secondary small" onClick={() => addBranch(path, key)} data-testid="add-branch">+ Fields for “{key}”</button>
              )}
            </div>
            {branch !== undefined && <BranchList listPath={branchPath(key)} fields={branch} hiddenOps={hiddenOps} />}
          </div>
        );
      })}
    </fieldset>
  );
}
