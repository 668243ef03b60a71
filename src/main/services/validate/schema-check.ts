/** info.json against the JSON Schema with ajv. Services only: ajv compiles with `new Function`, which the
 * renderer's CSP forbids. Compiled once per process. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Finding } from '../../../shared/connector/findings';
import { infoJsonSchema } from '../../../shared/connector/info-json.schema';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // strict: false because the schema carries UI hints (`examples`) inside anyOf branches.
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(infoJsonSchema);
  return compiled;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || 'info.json';
  if (e.keyword === 'type') return `${where} must be ${(e.params as { type: string | string[] }).type}`.replace(/,/g, ' or ');
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** Schema findings (warnings: the rule engine reports what the server refuses, with precise ids). One finding
 * per pointer; anyOf's summary error is dropped in favour of its branches' explanation. */
export function schemaFindings(info: unknown): Finding[] {
  const validate = validator();
  if (validate(info)) return [];
  const byPointer = new Map<string, Finding>();
  for (const e of validate.errors ?? []) {
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
