import { describe, expect, it } from 'vitest';
import { schemaVerdict } from './schema-verdict';

describe('schemaVerdict', () => {
  it('an empty output_schema is undeclared, never "matches", whatever the run-time comparison found', () => {
    expect(schemaVerdict({}, [], [])).toBe('undeclared');
    expect(schemaVerdict([], [], [])).toBe('undeclared');
    expect(schemaVerdict(undefined, [], [])).toBe('undeclared');
    expect(schemaVerdict('', [], [])).toBe('undeclared');
  });
  it('a declared schema with no missing or extra key matches; any difference is a difference', () => {
    expect(schemaVerdict({ ip: '' }, [], [])).toBe('matches');
    expect(schemaVerdict({ ip: '' }, ['ip'], [])).toBe('differs');
    expect(schemaVerdict({}, [], ['ip'])).toBe('differs');
  });
});
