import { KNOWN_FIELD_TYPES, type Field } from '../../../../shared/connector/info-json';
import { PLACEHOLDER } from '../../../../shared/connector/template-text';
import type { JSONPath } from '../../store/connector/document';
import { editFieldTitle } from '../../store/connector/follow-title';
import { useConnectorStore } from '../../store/connector/store';
import { CheckProp, Group, SelectProp, TextProp } from './controls';
import { DefaultInput } from './DefaultInput';
import { OnchangeEditor, type BranchList } from './OnchangeEditor';
import { OptionsEditor } from './OptionsEditor';

const TYPES = [...KNOWN_FIELD_TYPES];
const CHOICE_TYPES = new Set(['select', 'multiselect']);
const TEXT_TYPES = new Set(['text', 'textarea', 'password', 'email', 'url', 'domain', 'ipv4', 'ipv6', 'filehash', 'phone', 'integer', 'decimal']);
const KNOWN_KEYS = new Set(['name', 'title', 'type', 'required', 'editable', 'visible', 'description', 'tooltip', 'value', 'options', 'placeholder', 'onchange', 'apiOperation', 'validation', 'class']);

/** The names of the field's list, so a name that follows its title stays unique there. */
function siblingNames(path: JSONPath): string[] {
  const list = path.slice(0, -1).reduce<unknown>((n, k) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[k as string] : undefined), useConnectorStore.getState().info);
  return Array.isArray(list) ? list.map((f) => (f && typeof f === 'object' && typeof (f as Field).name === 'string' ? (f as Field).name! : '')).filter(Boolean) : [];
}

/** Every documented property of a field; keys the form does not know are listed so nobody wonders where they went. */
export function FieldDetails({ path, field, hiddenOps, BranchList }: { path: JSONPath; field: Field; hiddenOps: readonly string[]; BranchList: BranchList }) {
  const type = typeof field.type === 'string' ? field.type : '';
  const at = (...k: (string | number)[]) => [...path, ...k];
  const validation = field.validation && typeof field.validation === 'object' ? field.validation : {};
  const extra = Object.keys(field).filter((k) => !KNOWN_KEYS.has(k));
  return (
    <div className="ff-grid">
      <TextProp label="Title" path={at('title')} value={field.title} onEdit={(t) => editFieldTitle(path, field, t, siblingNames(path))} />
      <TextProp label="Name" path={at('name')} value={field.name} mono hint="The key the code reads" />
      <SelectProp label="Type" path={at('type')} value={field.type} options={TYPES} />
      <TextProp label="Description" path={at('description')} value={field.description} multiline optional placeholder={PLACEHOLDER.fieldDescription} />
      <TextProp label="Tooltip" path={at('tooltip')} value={field.tooltip} optional />
      <TextProp label="Placeholder" path={at('placeholder')} value={field.placeholder} optional />
      <div className="ff-flags ff-wide">
        <CheckProp label="Required" path={at('required')} value={field.required} />
        <CheckProp label="Visible" path={at('visible')} value={field.visible} fallback />
        <CheckProp label="Editable" path={at('editable')} value={field.editable} fallback />
      </div>
      <DefaultInput path={at('value')} field={field} />
      {CHOICE_TYPES.has(type) && <OptionsEditor path={at('options')} options={field.options} />}
      {(CHOICE_TYPES.has(type) || type === 'checkbox') && <OnchangeEditor path={path} field={field} hiddenOps={hiddenOps} BranchList={BranchList} />}
      {TEXT_TYPES.has(type) && (
        <Group title="Validation">
          <TextProp label="Pattern (regular expression)" path={at('validation', 'pattern')} value={validation.pattern} optional mono />
          <TextProp label="Message when it does not match" path={at('validation', 'patternError')} value={validation.patternError} optional />
        </Group>
      )}
      <TextProp label="Group (class)" path={at('class')} value={field.class} optional hint="Fields with the same class are shown together" />
      <SelectProp label="Options from operation (apiOperation)" path={at('apiOperation')} value={field.apiOperation} options={hiddenOps} optional
        hint="A hidden operation whose result fills the choices" />
      {extra.length > 0 && <p className="ff-extra ff-wide muted small">Also kept (edit in JSON): {extra.join(', ')}</p>}
    </div>
  );
}
