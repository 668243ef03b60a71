/** JSON Schema (draft-07) for info.json, as plain data. The services compile it with ajv; the renderer must
 * not (ajv compiles with `new Function`, which the CSP blocks) and uses the rule engine instead.
 *
 * Deliberately permissive: unknown keys are always allowed (real connectors carry vendor extras, typos such as
 * `decription` and server-export keys), and only types are checked. What the server refuses is reported by the
 * rule engine with a precise rule id, so schema findings are warnings. */
import { CONNECTOR_CATEGORIES, INGESTION_MODES, KNOWN_FIELD_TYPES, OPERATION_CATEGORIES } from './info-json';

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const strList = { type: 'array', items: str } as const;

const field = {
  type: 'object',
  title: 'Field',
  description: 'A configuration field or an operation parameter.',
  properties: {
    name: { ...str, description: 'The key under which the value reaches the connector code.' },
    title: { ...str, description: 'Label shown in the form.' },
    type: { ...str, examples: [...KNOWN_FIELD_TYPES] },
    required: bool,
    editable: bool,
    visible: bool,
    description: str,
    tooltip: { type: ['string', 'null'] },
    options: { type: 'array', description: 'Choices of a select or multiselect.' },
    onchange: {
      type: 'object',
      description: 'Option value (or "true"/"false" on a checkbox) -> fields shown when it is selected.',
      additionalProperties: { type: 'array', items: { $ref: '#/definitions/field' } },
    },
    apiOperation: { ...str, description: 'Hidden operation whose result fills the options.' },
    validation: {
      type: 'object',
      properties: { pattern: str, patternError: str },
    },
    class: str,
  },
} as const;

const operation = {
  type: 'object',
  title: 'Operation',
  properties: {
    operation: { ...str, description: 'The name passed to execute(); unique within the connector.' },
    title: str,
    description: str,
    parameters: { type: 'array', items: { $ref: '#/definitions/field' } },
    annotation: str,
    category: { ...str, examples: OPERATION_CATEGORIES },
    enabled: bool,
    visible: bool,
    is_config_required: bool,
    output_schema: { type: ['object', 'array', 'string'] },
    conditional_output_schema: {
      type: 'array',
      items: { type: 'object', properties: { condition: str } },
    },
    api_output_schema: str,
    tooltip: str,
  },
} as const;

export const infoJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://connector-studio.local/schemas/info.json',
  title: 'FortiSOAR connector info.json',
  type: 'object',
  definitions: { field, operation },
  properties: {
    name: { ...str, description: 'Equals the folder name; starts with a letter or _.' },
    label: str,
    version: { ...str, examples: ['1.0.0'] },
    description: str,
    publisher: str,
    category: { anyOf: [str, strList], examples: CONNECTOR_CATEGORIES },
    icon_small_name: str,
    icon_medium_name: str,
    icon_large_name: str,
    help_online: { type: ['string', 'null'] },
    help_file: str,
    configuration: {
      type: 'object',
      properties: { fields: { type: 'array', items: { $ref: '#/definitions/field' } } },
    },
    operations: { type: 'array', items: { $ref: '#/definitions/operation' } },
    cs_compatible: bool,
    cs_approved: bool,
    ingestion_supported: bool,
    ingestion_modes: { type: 'array', items: { ...str, examples: INGESTION_MODES } },
    tags: { type: 'array' },
  },
} as const;

export type InfoJsonSchema = typeof infoJsonSchema;
