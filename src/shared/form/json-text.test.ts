import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { JSONPath } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { expectDiffInside } from '../../../tests/helpers/text-diff';
import { CORPUS_DIR } from '../../../tests/helpers/tmp';
import { moveInArray } from './json-move';
import { detectFormatting, insertAt, parseJsonText, removeAt, setAt } from './json-text';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const corpus = readdirSync(CORPUS_DIR).map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name, 'info.json'), 'utf8') }));

function firstSelect(info: Json): JSONPath | null {
  for (const [i, op] of (info.operations ?? []).entries())
    for (const [j, p] of (op.parameters ?? []).entries()) if (p.type === 'select' && Array.isArray(p.options)) return ['operations', i, 'parameters', j];
  return null;
}

const clone = (v: unknown) => JSON.parse(JSON.stringify(v));

describe.each(corpus)('form edits keep $name byte-stable outside the edited node', ({ text }) => {
  const original = JSON.parse(text) as Json;

  it('an unedited save is byte-identical', () => {
    expect(parseJsonText(text).errors).toEqual([]);
    expect(setAt(text, ['name'], original.name)).toBe(text);
  });

  it('changes a title', () => {
    const after = setAt(text, ['operations', 0, 'title'], 'A Brand New Title');
    const expected = clone(original);
    expected.operations[0].title = 'A Brand New Title';
    expect(JSON.parse(after)).toEqual(expected);
    expectDiffInside(text, after, ['operations', 0]);
  });

  it('adds an option and an onchange branch to a select', () => {
    const sel = firstSelect(original);
    if (!sel) return;
    const param = sel.reduce((o: Json, k) => o[k], original) as Json;
    const withOption = insertAt(text, [...sel, 'options'], param.options.length, 'Studio Option');
    const expected = clone(original);
    const target = sel.reduce((o: Json, k) => o[k], expected) as Json;
    target.options.push('Studio Option');
    expect(JSON.parse(withOption)).toEqual(expected);
    expectDiffInside(text, withOption, [...sel, 'options']);
    const branch = [{ title: 'Extra', name: 'studio_extra', type: 'text', required: false, editable: true, visible: true }];
    const withBranch = setAt(withOption, [...sel, 'onchange', 'Studio Option'], branch);
    target.onchange = { ...(target.onchange ?? {}), 'Studio Option': branch };
    expect(JSON.parse(withBranch)).toEqual(expected);
    expectDiffInside(withOption, withBranch, sel);
  });

  it('deletes a parameter', () => {
    const i = original.operations.findIndex((op: Json) => op.parameters?.length > 0);
    if (i < 0) return;
    const after = removeAt(text, ['operations', i, 'parameters', 0]);
    const expected = clone(original);
    expected.operations[i].parameters.splice(0, 1);
    expect(JSON.parse(after)).toEqual(expected);
    expectDiffInside(text, after, ['operations', i, 'parameters']);
  });

  it('reorders two operations, each keeping its own text', () => {
    if (original.operations.length < 2) return;
    const after = moveInArray(text, ['operations'], 0, 1);
    const expected = clone(original);
    [expected.operations[0], expected.operations[1]] = [expected.operations[1], expected.operations[0]];
    expect(JSON.parse(after)).toEqual(expected);
    expectDiffInside(text, after, ['operations']);
    expect(moveInArray(after, ['operations'], 1, 0)).toBe(text);
  });
});

describe('json text helpers', () => {
  it('points at a syntax error with line and column', () => {
    const { errors } = parseJsonText('{\n  "a": 1,\n  "b": }\n');
    expect(errors[0]).toMatchObject({ line: 3, column: 8, message: 'ValueExpected' });
  });

  it('detects tabs and indentation width', () => {
    expect(detectFormatting('{\n\t"a": 1\n}')).toMatchObject({ insertSpaces: false });
    expect(detectFormatting('{\n    "a": 1\n}')).toMatchObject({ insertSpaces: true, tabSize: 4 });
  });

  it('moves an element across several positions', () => {
    const text = '[\n  1,\n  2,\n  3,\n  4\n]';
    expect(JSON.parse(moveInArray(text, [], 0, 3))).toEqual([2, 3, 4, 1]);
    expect(JSON.parse(moveInArray(text, [], 3, 1))).toEqual([1, 4, 2, 3]);
  });
});
