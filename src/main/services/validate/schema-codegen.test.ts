import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { infoJsonSchema } from '../../../shared/connector/info-json.schema';
import { AJV_OPTIONS, generateValidatorSource } from './schema-codegen';
import type { ValidateFunction } from 'ajv';
import { validate } from './info-json-validator.generated';

const validateInfoJson = validate as unknown as ValidateFunction;

const FILE = path.join(__dirname, 'info-json-validator.generated.ts');

describe('precompiled info.json validator', () => {
  it('is up to date with the schema', () => {
    const source = generateValidatorSource();
    if (process.env.UPDATE_SCHEMA_VALIDATOR === '1') writeFileSync(FILE, source);
    expect(readFileSync(FILE, 'utf8')).toBe(source);
  });

  it('gives the same errors as a runtime-compiled validator', () => {
    const compiled = new Ajv(AJV_OPTIONS).compile(infoJsonSchema);
    const doc = { name: 1, tags: 'x', operations: [{ operation: 'a', parameters: [{ name: 'p', required: 'yes', onchange: { x: [{ visible: 'no' }] } }] }] };
    expect(validateInfoJson(doc)).toBe(false);
    expect(compiled(doc)).toBe(false);
    expect(validateInfoJson.errors).toEqual(compiled.errors);
  });
});
