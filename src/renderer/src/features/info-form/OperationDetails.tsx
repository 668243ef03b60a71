import { useRef } from 'react';
import { OPERATION_CATEGORIES, type Operation } from '../../../../shared/connector/info-json';
import { PLACEHOLDER } from '../../../../shared/connector/template-text';
import { editOperationTitle } from '../../store/connector/follow-title';
import { operationRenamed } from '../../store/connector/item-actions';
import { CheckProp, Group, SelectProp, TextProp } from './controls';
import { ConditionalSchemas } from './ConditionalSchemas';
import { FieldList } from './FieldList';
import { JsonBox } from './JsonBox';

const KNOWN_KEYS = new Set(['operation', 'title', 'description', 'parameters', 'annotation', 'category', 'enabled', 'visible', 'is_config_required',
  'output_schema', 'conditional_output_schema', 'api_output_schema', 'tooltip']);

/** One action: identity and flags, output schemas, and its parameters. */
export function OperationDetails({ index, op, opNames, hiddenOps }: { index: number; op: Operation; opNames: readonly string[]; hiddenOps: readonly string[] }) {
  const at = (...k: (string | number)[]) => ['operations', index, ...k];
  const extra = Object.keys(op).filter((k) => !KNOWN_KEYS.has(k));
  // The operation's name when the title started carrying it along: its code follows once, when the title is left.
  const renamedFrom = useRef<string | null>(null);
  const editTitle = (title: string) => {
    if (renamedFrom.current === null && typeof op.operation === 'string') renamedFrom.current = op.operation;
    editOperationTitle(index, op, title, opNames);
  };
  const titleDone = () => {
    const from = renamedFrom.current;
    renamedFrom.current = null;
    if (from !== null && typeof op.operation === 'string') operationRenamed(from, op.operation);
  };
  return (
    <div className="ff-grid">
      <TextProp label="Title" path={at('title')} value={op.title} onEdit={editTitle} onCommit={titleDone} />
      <TextProp label="Operation" path={at('operation')} value={op.operation} mono hint="The name execute() receives"
        onCommit={(before, after) => operationRenamed(before, after)} />
      <TextProp label="Description" path={at('description')} value={op.description} multiline optional placeholder={PLACEHOLDER.operationDescription} />
      <SelectProp label="Category" path={at('category')} value={op.category} options={OPERATION_CATEGORIES} optional />
      <TextProp label="Annotation" path={at('annotation')} value={op.annotation} optional mono hint="Lower-case words joined by _" />
      <TextProp label="Tooltip" path={at('tooltip')} value={op.tooltip} optional />
      <div className="ff-flags ff-wide">
        <CheckProp label="Enabled" path={at('enabled')} value={op.enabled} fallback />
        <CheckProp label="Visible in playbooks" path={at('visible')} value={op.visible} fallback />
        <CheckProp label="Needs a configuration" path={at('is_config_required')} value={op.is_config_required} fallback />
      </div>
      <Group title="Parameters">
        <FieldList listPath={at('parameters')} fields={op.parameters} hiddenOps={hiddenOps} addLabel="Add parameter" />
      </Group>
      <Group title="Output">
        <JsonBox label="Output schema (JSON)" path={at('output_schema')} value={op.output_schema} />
        <SelectProp label="Output schema from operation (api_output_schema)" path={at('api_output_schema')} value={op.api_output_schema}
          options={opNames.filter((n) => n !== op.operation)} optional />
        <ConditionalSchemas path={at('conditional_output_schema')} list={op.conditional_output_schema} />
      </Group>
      {extra.length > 0 && <p className="ff-extra ff-wide muted small">Also kept (edit in JSON): {extra.join(', ')}</p>}
    </div>
  );
}
