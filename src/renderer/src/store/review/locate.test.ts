import { describe, expect, it } from 'vitest';
import { positionAt, positionOfPointer, projectPathOf } from './locate';

const INFO = `{
  "name": "x",
  "operations": [
    {
      "operation": "get_ip",
      "parameters": [{ "name": "ip" }]
    }
  ]
}
`;

describe('positionAt', () => {
  it.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 2, column: 1 }],
    [4, { line: 2, column: 3 }],
  ])('offset %i is %j', (offset, pos) => expect(positionAt('{\n  "a": 1\n}', offset)).toEqual(pos));
});

describe('positionOfPointer', () => {
  it('finds a nested property, at its value', () => {
    expect(positionOfPointer(INFO, '/operations/0/operation')).toEqual({ line: 5, column: 20 });
  });
  it('finds an element inside an array on one line', () => {
    expect(positionOfPointer(INFO, '/operations/0/parameters/0/name')).toEqual({ line: 6, column: 32 });
  });
  it('falls back to the nearest ancestor that exists', () => {
    expect(positionOfPointer(INFO, '/operations/0/output_schema')?.line).toBe(4);
  });
  it('gives up on text that is not JSON', () => {
    expect(positionOfPointer('', '/name')).toBeNull();
  });
});

describe('projectPathOf', () => {
  it.each([
    ['', 'info.json', 'info.json'],
    ['x', 'operations.py', 'x/operations.py'],
  ])('(%s, %s) -> %s', (rel, path, out) => expect(projectPathOf(rel, path)).toBe(out));
});
