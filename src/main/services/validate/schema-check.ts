/** info.json against the JSON Schema, with ajv's standalone validator (generated from the schema by
 * schema-codegen.ts, so nothing is compiled at run time and no `new Function` is needed). */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Finding } from '../../../shared/connector/findings';
import { validate } from './info-json-validator.generated';

/** Precompiled at development time (schema-codegen.ts): no schema compilation at start-up. */
const validator = validate as unknown as ValidateFunction;

function describe(e: ErrorObject): string {
  const where = e.instancePath || 'info.json';
  if (e.keyword === 'type') return `${where} must be ${(e.params as { type: string | string[] }).type}`.replace(/,/g, ' or ');
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** Schema findings (warnings: the rule engine reports what the server refuses, with precise ids). One finding
 * per pointer; anyOf's summary error is dropped in favour of its branches' explanation. */
export function schemaFindings(info: unknown): Finding[] {
  if (validator(info)) return [];
  const byPointer = new Map<string, Finding>();
  for (const e of validator.errors ?? []) {
    if (byPointer.has(e.instancePath)) continue;
    byPointer.set(e.instancePath, {
      rule: `schema-${e.keyword.toLowerCase()}`,
      source: 'schema',
      severity: 'warning',
      message: `${describe(e)}: change the value to the documented type.`,
      path: 'info.json',
      pointer: e.instancePath,
    });
  }
  return [...byPointer.values()];
}
