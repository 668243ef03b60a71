import { describe, expect, it } from 'vitest';
import { dataChanges, schemaChanges, shapeOf } from './data-diff';

describe('data-diff', () => {
  it('names value changes by JSON path, lists and odd keys included', () => {
    const before = { id: 1, tags: ['a', 'b'], 'odd key': { x: 1 }, gone: null };
    const after = { id: 2, tags: ['a'], 'odd key': { x: 1, y: [] } };
    expect(dataChanges(before, after).changes).toEqual([
      { path: '$.gone', kind: 'removed', before: null },
      { path: '$.id', kind: 'changed', before: 1, after: 2 },
      { path: '$.tags[1]', kind: 'removed', before: 'b' },
      { path: '$["odd key"].y', kind: 'added', after: [] },
    ]);
    expect(dataChanges({ a: 1 }, { a: 1 }).changes).toEqual([]);
  });

  it('stops at the limit and says so', () => {
    const r = dataChanges(Array.from({ length: 10 }, (_, i) => i), [], 3);
    expect(r).toEqual({ changes: expect.any(Array), truncated: true });
    expect(r.changes).toHaveLength(3);
  });

  it('compares shapes with list elements folded, names a removed parent only, and counts a field turning nullable', () => {
    expect([...shapeOf({ items: [{ id: 1 }, { id: 'x' }] })].map(([p, t]) => `${p}: ${[...t].sort().join('|')}`)).toEqual(['$: object', '$.items: array', '$.items[]: object', '$.items[].id: integer|string']);
    expect(schemaChanges({ a: { b: 1, c: 's' }, n: 1, items: [{ id: 1 }] }, { n: null, items: [{ id: 2, name: 'x' }] }).changes).toEqual([
      { path: '$.a', kind: 'removed', before: 'object' },
      { path: '$.n', kind: 'typeChanged', before: 'integer', after: 'null' },
      { path: '$.items[].name', kind: 'added', after: 'string' },
    ]);
    expect(schemaChanges({ items: [1, 2] }, { items: [3] }).changes).toEqual([]);
  });
});
