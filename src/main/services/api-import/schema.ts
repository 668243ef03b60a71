/** What a JSON schema or an example becomes: a sample value (the mock vendor's answer) and FortiSOAR's
 * output_schema (keys with "" leaves, arrays holding one item's shape). Depth-capped: dereferenced schemas can
 * be circular. */
import type { ApiSchema } from '../../../shared/models/api-import';

const MAX_DEPTH = 8;
const MAX_KEYS = 200;

const asSchema = (v: unknown): ApiSchema | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as ApiSchema) : undefined);

/** allOf merged, the first of oneOf/anyOf taken: one shape the form and the mock can use. */
export function flatten(schema: ApiSchema | undefined, depth = 0): ApiSchema | undefined {
  if (!schema || depth > MAX_DEPTH) return schema;
  const allOf = Array.isArray(schema.allOf) ? (schema.allOf as unknown[]).map(asSchema).filter((s): s is ApiSchema => !!s) : [];
  const one = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
  if (!allOf.length && !one?.length) return schema;
  const merged: ApiSchema = { ...schema };
  delete merged.allOf;
  delete merged.oneOf;
  delete merged.anyOf;
  const parts = [...allOf, ...(one?.length ? [asSchema(one[0])].filter((s): s is ApiSchema => !!s) : [])].map((s) => flatten(s, depth + 1) ?? {});
  const properties: Record<string, unknown> = { ...(asSchema(merged.properties) ?? {}) };
  const required = new Set<string>(Array.isArray(merged.required) ? (merged.required as string[]) : []);
  for (const p of parts) {
    Object.assign(properties, asSchema(p.properties) ?? {});
    if (Array.isArray(p.required)) for (const r of p.required as string[]) required.add(r);
    for (const k of ['type', 'items', 'enum', 'format', 'example', 'description'] as const) if (merged[k] === undefined && p[k] !== undefined) merged[k] = p[k];
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required];
  return merged;
}

export function schemaType(schema: ApiSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const t = Array.isArray(schema.type) ? (schema.type as unknown[]).find((x) => x !== 'null') : schema.type;
  if (typeof t === 'string') return t;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function sampleString(s: ApiSchema, name: string): string {
  if (Array.isArray(s.enum) && s.enum.length) return String(s.enum[0]);
  switch (s.format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    default:
      return name ? `${name}` : 'string';
  }
}

/** A value that fits the schema: its example, its first enum, or made from its type. */
export function sampleFromSchema(schema: ApiSchema | undefined, name = '', depth = 0): unknown {
  const s = flatten(schema, depth);
  if (!s || depth > MAX_DEPTH) return null;
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  switch (schemaType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = Object.entries(asSchema(s.properties) ?? {}).slice(0, MAX_KEYS);
      for (const [key, sub] of props) out[key] = sampleFromSchema(asSchema(sub), key, depth + 1);
      return out;
    }
    case 'array': {
      const item = sampleFromSchema(asSchema(s.items), name, depth + 1);
      return item === null ? [] : [item];
    }
    case 'integer':
      return Array.isArray(s.enum) && s.enum.length ? s.enum[0] : typeof s.minimum === 'number' ? s.minimum : 1;
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1.5;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(s, name);
    case undefined:
    default:
      return null;
  }
}

/** FortiSOAR's output_schema from a sample value: every leaf "", lists keep the shape of their first item. */
export function outputSchemaFromValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '';
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== null && v !== undefined);
    return first !== undefined && typeof first === 'object' ? [outputSchemaFromValue(first, depth + 1)] : [];
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_KEYS)) out[k] = outputSchemaFromValue(v, depth + 1);
    return out;
  }
  return '';
}

/** The output_schema of a response: from its example when it has one, else from its schema; {} when neither. */
export function outputSchemaFor(schema: ApiSchema | undefined, example: unknown): Record<string, unknown> | unknown[] {
  const fromExample = example !== undefined ? outputSchemaFromValue(example) : undefined;
  const value = fromExample !== undefined && fromExample !== '' ? fromExample : schema ? outputSchemaFromValue(sampleFromSchema(schema)) : {};
  if (value === '' || value === null) return {};
  return value as Record<string, unknown> | unknown[];
}

export function isEmptyOutput(v: unknown): boolean {
  return v === null || typeof v !== 'object' || Object.keys(v).length === 0;
}
