import type { WizardField } from '../../../../shared/connector/wizard';
import { Icon } from '../../components/Icon';
import { moveItem, newField, removeAt, replaceAt } from '../../store/wizard/draft';
import { FieldEditor } from './FieldEditor';

interface FieldListProps {
  fields: readonly WizardField[];
  /** Answers path of the list, e.g. "configuration" or "actions/1/parameters". */
  path: string;
  kind: 'field' | 'parameter';
  onChange(fields: WizardField[]): void;
}

export function FieldList({ fields, path, kind, onChange }: FieldListProps) {
  const add = () => onChange([...fields, newField(fields.map((f) => f.name), kind === 'field' ? 'field' : 'param')]);
  return (
    <>
      <ul className="wz-cards" aria-label={kind === 'field' ? 'Configuration fields' : 'Parameters'}>
        {fields.map((f, i) => (
          <FieldEditor key={i} field={f} path={`${path}/${i}`} index={i} count={fields.length} kind={kind}
            onChange={(next) => onChange(replaceAt(fields, i, next))}
            onRemove={() => onChange(removeAt(fields, i))}
            onMove={(by) => onChange(moveItem(fields, i, i + by))} />
        ))}
      </ul>
      {!fields.length && <p className="muted wz-empty">{kind === 'field' ? 'No configuration fields: the connector needs no settings.' : 'No parameters.'}</p>}
      <button type="button" className="button secondary small" onClick={add} data-testid={`wz-add-${kind}`}>
        <Icon name="filePlus" /> Add {kind}
      </button>
    </>
  );
}
