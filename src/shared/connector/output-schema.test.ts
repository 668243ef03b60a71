import { describe, expect, it } from 'vitest';
import { schemaFromOutput } from './output-schema';

describe('schemaFromOutput', () => {
  it('turns an object into its keys with empty example values, as published connectors write output_schema', () => {
    expect(schemaFromOutput({ ip: '198.51.100.7', score: 87, malicious: true, seen: null, categories: ['scanner', 'botnet'] }))
      .toEqual({ ip: '', score: '', malicious: '', seen: '', categories: [] });
  });

  it('keeps nested objects and makes a list of objects one example element with the keys of all of them', () => {
    const data = { data: { items: [{ id: 1, tags: ['a'] }, { id: 2, owner: { name: 'x' } }], total: 2 }, links: [] };
    expect(schemaFromOutput(data)).toEqual({ data: { items: [{ id: '', tags: [], owner: { name: '' } }], total: '' }, links: [] });
  });

  it('describes a top-level list, a list of lists and a plain value', () => {
    expect(schemaFromOutput([{ a: 1 }, { b: { c: 2 } }])).toEqual([{ a: '', b: { c: '' } }]);
    expect(schemaFromOutput([[{ a: 1 }], [{ b: 2 }]])).toEqual([[{ a: '', b: '' }]]);
    expect(schemaFromOutput(['x', 'y'])).toEqual([]);
    expect(schemaFromOutput([])).toEqual([]);
    expect(schemaFromOutput('text')).toBe('');
    expect(schemaFromOutput(null)).toBe('');
  });

  it('merges a key that is an object in one element and missing or null in another', () => {
    expect(schemaFromOutput([{ a: null }, { a: { b: 1 } }, {}])).toEqual([{ a: { b: '' } }]);
  });

  it('reads a bounded sample of a huge list', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? { id: i, late: true } : { id: i }));
    expect(schemaFromOutput(rows)).toEqual([{ id: '' }]);
  });

  it('gives keys the run-time comparison accepts: the data has exactly the keys of the schema', () => {
    const data = { ip: '1.2.3.4', country: 'NL' };
    expect(Object.keys(schemaFromOutput(data) as object)).toEqual(Object.keys(data));
  });
});
