/** What the generated documentation says, read from info.json once and rendered to Markdown or HTML. Pure:
 * no node: imports, so a renderer-side preview could use it too. */
import type { Field, InfoJson, Operation } from '../../../shared/connector/info-json';

export interface FieldRow {
  readonly title: string;
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  /** The default, as text ('' when none). */
  readonly defaultValue: string;
  readonly description: string;
  /** Options of a select or multiselect. */
  readonly options: readonly string[];
  /** onchange nesting: 0 for top-level fields. */
  readonly depth: number;
  /** "Shown when Authentication is Token", for fields inside onchange branches. */
  readonly condition?: string;
}

export interface ActionDoc {
  readonly operation: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly parameters: readonly FieldRow[];
  /** Pretty JSON of output_schema, or the text of a string schema; '' when there is none. */
  readonly output: string;
  /** `{{condition}}` -> example, for conditional_output_schema. */
  readonly conditionalOutputs: readonly { readonly condition: string; readonly output: string }[];
  /** The hidden operation that returns the schema at run time (api_output_schema). */
  readonly outputFrom?: string;
}

export interface PlaybookDoc {
  readonly collection: string;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly active: boolean;
}

export interface ConnectorDoc {
  readonly name: string;
  readonly label: string;
  readonly version: string;
  readonly publisher: string;
  readonly category: string;
  readonly description: string;
  readonly helpOnline: string;
  readonly certified: boolean;
  /** `data:` URL of the large icon (or the small one), when readable. */
  readonly iconDataUrl?: string;
  /** Path of the icon inside the connector folder, for Markdown. */
  readonly iconPath?: string;
  readonly configuration: readonly FieldRow[];
  readonly actions: readonly ActionDoc[];
  /** release_notes.md as written (Markdown). */
  readonly releaseNotes?: string;
  readonly playbooks: readonly PlaybookDoc[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function optionText(o: unknown): string {
  return isObject(o) ? text(o.title ?? o.value ?? o.name) : valueText(o);
}

/** Fields in display order, each onchange branch right after the field that opens it. */
export function fieldRows(list: unknown, depth = 0, condition?: string, out: FieldRow[] = []): FieldRow[] {
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    if (!isObject(raw) || raw.visible === false || raw.type === 'label') continue;
    const f = raw as Field;
    const title = text(f.title) || text(f.name);
    out.push({
      title,
      name: text(f.name),
      type: text(f.type),
      required: f.required === true,
      defaultValue: valueText(f.value),
      description: text(f.description) || text(f.tooltip),
      options: Array.isArray(f.options) ? f.options.map(optionText) : [],
      depth,
      ...(condition ? { condition } : {}),
    });
    if (!isObject(f.onchange)) continue;
    for (const [key, branch] of Object.entries(f.onchange)) fieldRows(branch, depth + 1, `${title} is ${key === 'true' ? 'checked' : key === 'false' ? 'cleared' : key}`, out);
  }
  return out;
}

function outputText(schema: unknown): string {
  if (schema === undefined || schema === null || schema === '') return '';
  if (typeof schema === 'string') return schema;
  if (isObject(schema) && Object.keys(schema).length === 0) return '';
  return JSON.stringify(schema, null, 2);
}

function actionDoc(op: Operation): ActionDoc {
  const conditional = Array.isArray(op.conditional_output_schema) ? op.conditional_output_schema : [];
  return {
    operation: text(op.operation),
    title: text(op.title) || text(op.operation),
    description: text(op.description),
    category: text(op.category),
    parameters: fieldRows(op.parameters),
    output: outputText(op.output_schema),
    conditionalOutputs: conditional.filter(isObject).map((c) => ({ condition: text(c.condition), output: outputText(c.output_schema) })),
    ...(typeof op.api_output_schema === 'string' && op.api_output_schema ? { outputFrom: op.api_output_schema } : {}),
  };
}

export interface DocInputs {
  readonly info: InfoJson;
  readonly iconDataUrl?: string;
  readonly iconPath?: string;
  readonly releaseNotes?: string;
  readonly playbooks?: readonly PlaybookDoc[];
}

export function buildConnectorDoc({ info, iconDataUrl, iconPath, releaseNotes, playbooks = [] }: DocInputs): ConnectorDoc {
  const ops = Array.isArray(info.operations) ? info.operations.filter((o): o is Operation => isObject(o) && o.visible !== false) : [];
  return {
    name: text(info.name),
    label: text(info.label) || text(info.name),
    version: text(info.version),
    publisher: text(info.publisher),
    category: Array.isArray(info.category) ? info.category.map(text).join(', ') : text(info.category),
    description: text(info.description),
    helpOnline: text(info.help_online),
    certified: info.cs_approved === true,
    ...(iconDataUrl ? { iconDataUrl } : {}),
    ...(iconPath ? { iconPath } : {}),
    configuration: fieldRows(isObject(info.configuration) ? info.configuration.fields : undefined),
    actions: ops.map(actionDoc),
    ...(releaseNotes?.trim() ? { releaseNotes } : {}),
    playbooks,
  };
}
