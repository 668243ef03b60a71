/** Issue 3's round trip through the form's own edit path (applyFormEdit) over every corpus info.json: each
 * scripted gesture changes text only inside the edited node and parses to the original plus that change.
 * A connector without what a gesture needs (a select, a second operation) gets it first by another form edit,
 * so no corpus file skips a gesture. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { JSONPath } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { expectDiffInside } from '../helpers/text-diff';
import { CORPUS_DIR } from '../helpers/tmp';
import { applyFormEdit, newOperation, type FormEdit } from '../../src/renderer/src/store/connector/edits';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const corpus = readdirSync(CORPUS_DIR).map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name, 'info.json'), 'utf8') }));

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const at = (doc: Json, p: JSONPath): Json => p.reduce((o: Json, k) => o[k as string], doc);

/** Applies one gesture and checks both promises: the changed text sits inside `inside`, and it parses to `expected`. */
function gesture(text: string, edit: FormEdit, inside: JSONPath, expected: Json): string {
  const after = applyFormEdit(text, JSON.parse(text), edit);
  expect(JSON.parse(after)).toEqual(expected);
  expectDiffInside(text, after, inside);
  return after;
}

function firstSelect(info: Json): JSONPath | null {
  for (const [i, op] of (info.operations ?? []).entries())
    for (const [j, p] of (op.parameters ?? []).entries()) if (p.type === 'select' && Array.isArray(p.options)) return ['operations', i, 'parameters', j];
  return null;
}

/** The path of a select parameter; when there is none, the form's Add Parameter puts one in the first operation. */
function withSelect(text: string): { text: string; sel: JSONPath } {
  const doc = JSON.parse(text) as Json;
  const found = firstSelect(doc);
  if (found) return { text, sel: found };
  const params = (doc.operations[0].parameters ?? []) as Json[];
  const select = { title: 'Mode', name: 'studio_mode', type: 'select', options: ['First'], required: false, editable: true, visible: true };
  const expected = clone(doc);
  expected.operations[0].parameters = [...params, select];
  const next = gesture(text, { kind: 'insert', path: ['operations', 0, 'parameters'], index: params.length, value: select }, ['operations', 0], expected);
  return { text: next, sel: ['operations', 0, 'parameters', params.length] };
}

describe.each(corpus)('the form edits $name in place', ({ text }) => {
  const original = JSON.parse(text) as Json;

  it('saves with no edit byte-identical, and a value set to itself changes nothing', () => {
    expect(applyFormEdit(text, original, { kind: 'set', path: ['label'], value: original.label })).toBe(text);
  });

  it('changes an operation title', () => {
    const expected = clone(original);
    expected.operations[0].title = 'A Brand New Title';
    gesture(text, { kind: 'set', path: ['operations', 0, 'title'], value: 'A Brand New Title' }, ['operations', 0], expected);
  });

  it('adds an option to a select, then an onchange branch that option reveals', () => {
    const prepared = withSelect(text);
    const doc = JSON.parse(prepared.text) as Json;
    const options = at(doc, prepared.sel).options as string[];
    const expected = clone(doc);
    at(expected, prepared.sel).options.push('Studio Option');
    const withOption = gesture(prepared.text, { kind: 'insert', path: [...prepared.sel, 'options'], index: options.length, value: 'Studio Option' }, [...prepared.sel, 'options'], expected);
    const branch = [{ title: 'Extra', name: 'studio_extra', type: 'text', required: false, editable: true, visible: true }];
    at(expected, prepared.sel).onchange = { ...(at(expected, prepared.sel).onchange ?? {}), 'Studio Option': branch };
    gesture(withOption, { kind: 'set', path: [...prepared.sel, 'onchange', 'Studio Option'], value: branch }, prepared.sel, expected);
  });

  it('deletes a parameter', () => {
    const i = original.operations.findIndex((op: Json) => op.parameters?.length > 0);
    const expected = clone(original);
    expected.operations[i].parameters.splice(0, 1);
    gesture(text, { kind: 'remove', path: ['operations', i, 'parameters'], index: 0 }, ['operations', i, 'parameters'], expected);
  });

  it('reorders two operations, and moving back restores the text', () => {
    let start = text;
    if (original.operations.length < 2) {
      const added = clone(original);
      const op = newOperation(original.operations);
      added.operations.push(op);
      start = gesture(text, { kind: 'insert', path: ['operations'], index: 1, value: op }, ['operations'], added);
    }
    const doc = JSON.parse(start) as Json;
    const expected = clone(doc);
    [expected.operations[0], expected.operations[1]] = [expected.operations[1], expected.operations[0]];
    const moved = gesture(start, { kind: 'move', path: ['operations'], from: 0, to: 1 }, ['operations'], expected);
    expect(applyFormEdit(moved, JSON.parse(moved), { kind: 'move', path: ['operations'], from: 1, to: 0 })).toBe(start);
  });
});
