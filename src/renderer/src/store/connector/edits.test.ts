import { describe, expect, it } from 'vitest';
import { ancestorsToExpand, applyFormEdit, duplicateOf, indexMapFor, newField, newOperation, remapPointers, uniqueName, type FormEdit } from './edits';

const TEXT = `{
    "name": "demo",
    "x-vendor": {"keep": true},
    "operations": [
        {"operation": "a", "title": "A"},
        {"operation": "b", "title": "B"},
        {"operation": "c", "title": "C"}
    ]
}`;

const run = (edit: FormEdit, text = TEXT) => applyFormEdit(text, JSON.parse(text), edit);

describe('applyFormEdit', () => {
  it('sets a value in place, keeping unknown keys and indentation', () => {
    const out = run({ kind: 'set', path: ['operations', 1, 'title'], value: 'Bee' });
    expect(out).toBe(TEXT.replace('"title": "B"', '"title": "Bee"'));
  });

  it('removes a key when the value is undefined, and leaves the text alone when it was absent', () => {
    expect(JSON.parse(run({ kind: 'set', path: ['name'], value: undefined })).name).toBeUndefined();
    expect(run({ kind: 'set', path: ['tooltip'], value: undefined })).toBe(TEXT);
  });

  it('inserts, creating the array when it is missing', () => {
    const out = JSON.parse(run({ kind: 'insert', path: ['operations'], index: 1, value: { operation: 'z' } }));
    expect(out.operations.map((o: { operation: string }) => o.operation)).toEqual(['a', 'z', 'b', 'c']);
    const created = JSON.parse(run({ kind: 'insert', path: ['operations', 0, 'parameters'], index: 0, value: { name: 'p' } }));
    expect(created.operations[0].parameters).toEqual([{ name: 'p' }]);
  });

  it('removes and moves array items, keeping each item byte for byte', () => {
    expect(JSON.parse(run({ kind: 'remove', path: ['operations'], index: 0 })).operations).toHaveLength(2);
    const moved = run({ kind: 'move', path: ['operations'], from: 0, to: 2 });
    expect(JSON.parse(moved).operations.map((o: { operation: string }) => o.operation)).toEqual(['b', 'c', 'a']);
    expect(moved).toContain('{"operation": "a", "title": "A"}');
    expect(moved).toContain('"x-vendor": {"keep": true}');
  });
});

describe('new items', () => {
  it('picks unused names', () => {
    expect(uniqueName('x', ['x', 'x_2'])).toBe('x_3');
    expect(newOperation([{ operation: 'new_action' }]).operation).toBe('new_action_2');
    expect(newField([], 'select').options).toEqual(['Option 1']);
  });

  it('duplicates with a fresh name and title', () => {
    const copy = duplicateOf({ operation: 'get', title: 'Get', annotation: 'get', parameters: [{ name: 'p' }] }, [{ operation: 'get' }], 'operation');
    expect(copy).toEqual({ operation: 'get_copy', title: 'Get (copy)', annotation: 'get_copy', parameters: [{ name: 'p' }] });
  });
});

describe('remapPointers', () => {
  const ptrs = ['/operations/0', '/operations/1/parameters/2', '/operations/2', '/configuration/fields/0'];

  it.each<[FormEdit, string[]]>([
    [{ kind: 'move', path: ['operations'], from: 0, to: 2 }, ['/operations/2', '/operations/0/parameters/2', '/operations/1', '/configuration/fields/0']],
    [{ kind: 'remove', path: ['operations'], index: 1 }, ['/operations/0', '/operations/1', '/configuration/fields/0']],
    [{ kind: 'insert', path: ['operations'], index: 1, value: {} }, ['/operations/0', '/operations/2/parameters/2', '/operations/3', '/configuration/fields/0']],
  ])('%j', (edit, want) => {
    expect(remapPointers(ptrs, edit.path, indexMapFor(edit)!)).toEqual(want);
  });
});

describe('ancestorsToExpand', () => {
  it('opens the operation and every field on the way to a nested pointer', () => {
    expect(ancestorsToExpand('/operations/3/parameters/2/onchange/Advanced/0/name')).toEqual([
      '/operations/3',
      '/operations/3/parameters/2',
      '/operations/3/parameters/2/onchange/Advanced/0',
    ]);
    expect(ancestorsToExpand('/configuration/fields/1/type')).toEqual(['/configuration/fields/1']);
    expect(ancestorsToExpand('/name')).toEqual([]);
  });
});
