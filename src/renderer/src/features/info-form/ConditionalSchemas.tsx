import { Icon } from '../../components/Icon';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { TextProp } from './controls';
import { JsonBox } from './JsonBox';

/** Output schemas chosen by a condition on the parameters, e.g. {{ vars.input.params.mode == "full" }}. */
export function ConditionalSchemas({ path, list }: { path: JSONPath; list: unknown }) {
  const items = Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  const store = useConnectorStore.getState();
  return (
    <fieldset className="ff-row ff-wide cond-schemas" data-pointer={pathToPointer(path)}>
      <legend className="ff-label">Conditional output schemas</legend>
      {items.map((item, i) => (
        <div key={i} className="cond-item" data-pointer={`${pathToPointer(path)}/${i}`}>
          <div className="cond-head">
            <span className="muted small">Schema {i + 1}</span>
            <button className="icon-button danger-hover" aria-label={`Remove conditional schema ${i + 1}`} onClick={() => store.edit({ kind: 'remove', path, index: i })}>
              <Icon name="trash" size={14} />
            </button>
          </div>
          <TextProp label="Condition" path={[...path, i, 'condition']} value={item?.condition} mono wide />
          <JsonBox label="Output schema (JSON)" path={[...path, i, 'output_schema']} value={item?.output_schema} rows={4} />
        </div>
      ))}
      <button className="button secondary small add-button" data-testid="add-conditional-schema"
        onClick={() => store.edit({ kind: 'insert', path, index: items.length, value: { condition: '', output_schema: {} } })}>
        + Add conditional schema
      </button>
    </fieldset>
  );
}
