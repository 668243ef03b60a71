import { describe, expect, it } from 'vitest';
// The largest published connector, read through Vite like any asset (the renderer may not import node:fs).
import CORTEX from '../../../../../tests/fixtures/corpus/connectors/paloalto-cortex-xdr/info.json?raw';
import { diffText, locatePointer, pathToPointer, pointerToPath, readDoc, shareStructure } from './document';


describe('readDoc', () => {
  it('parses an object', () => {
    expect(readDoc('{"name": "x"}')).toEqual({ ok: true, info: { name: 'x' } });
  });

  it('points at the first syntax error by line and column', () => {
    const r = readDoc('{\n  "name": "x",\n  "version" "1"\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.line, r.error.column]).toEqual([3, 13]);
  });

  it('refuses a document that is not an object', () => {
    expect(readDoc('[1]').ok).toBe(false);
  });
});

describe('shareStructure', () => {
  it('keeps untouched subtrees identical so memoised rows skip rendering', () => {
    const prev = JSON.parse(CORTEX);
    const next = JSON.parse(CORTEX);
    next.operations[3].title = 'Changed';
    const shared = shareStructure(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared.operations[2]).toBe(prev.operations[2]);
    expect(shared.operations[3]).not.toBe(prev.operations[3]);
    expect(shared.operations[3].parameters).toBe(prev.operations[3].parameters);
    expect(shared).toEqual(next);
  });

  it('returns the previous tree when nothing changed', () => {
    const prev = JSON.parse(CORTEX);
    expect(shareStructure(prev, JSON.parse(CORTEX))).toBe(prev);
  });

  it('notices removed keys and changed lengths', () => {
    const prev = { a: 1, b: [1, 2] };
    expect(shareStructure(prev, { a: 1 })).toEqual({ a: 1 });
    expect(shareStructure(prev, { a: 1, b: [1] })).toEqual({ a: 1, b: [1] });
  });
});

describe('diffText', () => {
  it.each([
    ['abc', 'abc', null],
    ['abc', 'abXc', { start: 2, end: 2, text: 'X' }],
    ['abcd', 'ad', { start: 1, end: 3, text: '' }],
    ['aaa', 'aaaa', { start: 3, end: 3, text: 'a' }],
  ])('%s -> %s', (a, b, want) => {
    expect(diffText(a, b)).toEqual(want);
  });
});

describe('pointers and paths', () => {
  const doc = { operations: [{ parameters: [{ name: 'x' }] }], 'a/b': 1 };

  it('numbers array indices only', () => {
    expect(pointerToPath(doc, '/operations/0/parameters/0/name')).toEqual(['operations', 0, 'parameters', 0, 'name']);
    expect(pointerToPath({ m: { 0: 1 } }, '/m/0')).toEqual(['m', '0']);
    expect(pathToPointer(['a/b', 0])).toBe('/a~1b/0');
  });

  it('locates a scalar from its key to its value, and falls back to the closest ancestor', () => {
    const text = '{\n  "operations": [\n    { "title": "T" }\n  ]\n}';
    const exact = locatePointer(text, '/operations/0/title')!;
    expect(text.slice(exact.offset, exact.offset + exact.length)).toBe('"T"');
    const missing = locatePointer(text, '/operations/0/category')!;
    expect(missing.exact).toBe(false);
    expect(text[missing.offset]).toBe('{');
    const array = locatePointer(text, '/operations')!;
    expect(text.slice(array.offset, array.offset + array.length)).toBe('"operations"');
  });
});
