import { describe, expect, it } from 'vitest';
import { validateSnapshot } from './engine';
import { CONNECTOR_CATEGORIES, OPERATION_CATEGORIES } from './info-json';
import { getAtPointer } from './json-pointer';
import { isSafeFix, normalVersion, outputSchemaEdit, quickFixChoices, quickFixEdits, quickFixes } from './quick-fixes';
import { baseSnapshot, snapshotFile } from '../../../tests/fixtures/rules/base';
import { defined } from '../../../tests/helpers/defined';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are free-form JSON */
function info(fn: (i: any) => void): any {
  const i = JSON.parse(snapshotFile(baseSnapshot(), 'info.json'));
  fn(i);
  return i;
}
const findingsOf = (i: unknown, rule: string) => {
  const s = baseSnapshot();
  return validateSnapshot({ ...s, files: { ...s.files, 'info.json': JSON.stringify(i) } }).filter((f) => f.rule === rule);
};
const fix = (rule: string) => defined(quickFixes[rule], `the quick fix of ${rule}`);

describe('version quick fixes', () => {
  it.each([
    ['1.0', '1.0.0'],
    ['v2', '2.0.0'],
    [' 1.2.3 ', '1.2.3'],
    ['01.02.003', '1.2.3'],
    [3, '3.0.0'],
    [1.5, '1.5.0'],
  ])('%j becomes %j', (from, to) => expect(normalVersion(from)).toBe(to));

  it.each([undefined, '', 'latest', '1.2.3.4', '1.x', -1, 'v'])('offers nothing for %j', (v) => expect(normalVersion(v)).toBeUndefined());

  it('fixes version-format on the value, and the finding is gone', () => {
    const i = info((x) => (x.version = '2.1'));
    expect(findingsOf(i, 'version-format')).toHaveLength(1);
    const fixed = fix('version-format')(i, '/version');
    expect(getAtPointer(fixed, '/version')).toBe('2.1.0');
    expect(findingsOf(fixed, 'version-format')).toEqual([]);
  });

  it('fixes leading zeros for certification but not a 0.x version (which version is meant is not certain)', () => {
    expect(getAtPointer(fix('version-certification')(info((x) => (x.version = '1.02.0')), '/version'), '/version')).toBe('1.2.0');
    expect(fix('version-certification')(info((x) => (x.version = '0.9.0')), '/version')).toBeUndefined();
  });
});

describe('duplicate parameter name', () => {
  it('renames the second field to a name no field of that operation has, and the finding is gone', () => {
    const i = info((x) => {
      x.operations[0].parameters[2].name = 'ip';
      x.operations[0].parameters.push({ ...x.operations[0].parameters[0], name: 'ip_2' });
    });
    const [found] = findingsOf(i, 'duplicate-parameter-name');
    const pointer = defined(found?.pointer, 'the finding pointer');
    const fixed = fix('duplicate-parameter-name')(i, pointer);
    expect(getAtPointer(fixed, pointer)).toBe('ip_3');
    expect(findingsOf(fixed, 'duplicate-parameter-name')).toEqual([]);
  });

  it('is offered in the editor but never applied on its own (the code reads the old name)', () => {
    expect(isSafeFix('duplicate-parameter-name')).toBe(false);
    expect(isSafeFix('version-format')).toBe(true);
    expect(isSafeFix('no-such-rule')).toBe(false);
  });
});

describe('category pick', () => {
  it('fixes a connector category written another way, certainly', () => {
    const i = info((x) => (x.category = 'threat  intelligence'));
    expect(findingsOf(i, 'connector-category')).toHaveLength(1);
    const fixed = fix('connector-category')(i, '/category');
    expect(getAtPointer(fixed, '/category')).toBe('Threat Intelligence');
    expect(findingsOf(fixed, 'connector-category')).toEqual([]);
  });

  it('offers every category of the list, the closest first, when none is certain', () => {
    const i = info((x) => (x.category = 'Endpoint Protection Things'));
    expect(quickFixEdits['connector-category']?.(i, '/category')).toBeUndefined();
    const offered = defined(quickFixChoices['connector-category'], 'choices')(i, '/category');
    expect(offered).toHaveLength(CONNECTOR_CATEGORIES.length);
    expect(offered[0]?.value).toMatch(/^Endpoint/);
    const picked = defined(offered[0], 'the first choice');
    expect(findingsOf({ ...i, category: picked.value }, 'connector-category')).toEqual([]);
  });

  it('offers the other operation categories for an operation', () => {
    const i = info((x) => (x.operations[0].category = 'investigate things'));
    const offered = defined(quickFixChoices['operation-category'], 'choices')(i, '/operations/0/category').map((e) => e.value);
    expect(offered[0]).toBe('investigation');
    expect(new Set(offered)).toEqual(new Set(OPERATION_CATEGORIES));
  });
});

describe('output schema from a run', () => {
  it('writes the schema of the output at the finding, and the finding is gone', () => {
    const i = info((x) => delete x.operations[0].output_schema);
    const [found] = findingsOf(i, 'output-schema-present');
    const pointer = defined(found?.pointer, 'the finding pointer');
    const edit = defined(outputSchemaEdit(pointer, { score: 87, tags: ['a'], owner: { name: 'x' } }), 'the edit');
    expect(edit).toEqual({ pointer: '/operations/0/output_schema', value: { score: '', tags: [], owner: { name: '' } } });
    const fixed = { ...i, operations: i.operations.map((o: any, n: number) => (n === 0 ? { ...o, output_schema: edit.value } : o)) };
    expect(findingsOf(fixed, 'output-schema-present')).toEqual([]);
  });

  it('offers nothing for a finding that is not about an output_schema', () => {
    expect(outputSchemaEdit('/operations/0/api_output_schema', { a: 1 })).toBeUndefined();
  });
});
