import { describe, expect, it } from 'vitest';
import { buildReport, compareFindings, ruleCatalogue, validateSnapshot } from './engine';
import type { Finding } from './findings';
import { quickFixEdits, quickFixes } from './quick-fixes';
import { baseSnapshot, snapshotFile, type MutableSnapshot } from '../../../tests/fixtures/rules/base';
import { buildCase, ruleCase } from '../../../tests/fixtures/rules/cases';
import { defined } from '../../../tests/helpers/defined';

/* eslint-disable @typescript-eslint/no-explicit-any */
function withInfo(fn: (i: any) => void): MutableSnapshot {
  const s = baseSnapshot();
  const info = JSON.parse(snapshotFile(s, 'info.json'));
  fn(info);
  s.files['info.json'] = JSON.stringify(info);
  return s;
}
const rules = (findings: Finding[]) => findings.map((f) => f.rule);

describe('rule catalogue', () => {
  it('has at least 40 rules with unique kebab-case ids and words for the UI', () => {
    expect(ruleCatalogue.length).toBeGreaterThanOrEqual(40);
    const ids = ruleCatalogue.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ruleCatalogue) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(20);
    }
  });
});

describe('validateSnapshot', () => {
  it('reports only info-json-parse when info.json is missing, has a BOM, or is not an object', () => {
    const missing = baseSnapshot();
    delete missing.files['info.json'];
    expect(rules(validateSnapshot(missing))).toEqual(['info-json-parse']);
    const bom = baseSnapshot();
    bom.files['info.json'] = '\ufeff' + bom.files['info.json'];
    expect(rules(validateSnapshot(bom))).toEqual(['info-json-parse']);
    const list = baseSnapshot();
    list.files['info.json'] = '[]';
    expect(validateSnapshot(list)).toMatchObject([{ rule: 'info-json-parse', severity: 'error', path: 'info.json' }]);
  });

  it('points at line and column of a JSON syntax error', () => {
    const s = baseSnapshot();
    s.files['info.json'] = '{\n  "name": "x",\n  oops\n}';
    expect(validateSnapshot(s)[0]).toMatchObject({ rule: 'info-json-parse', line: 3, column: 3 });
  });

  it('skips code rules with metadataOnly', () => {
    const s = buildCase(ruleCase('connector-py-present').fail);
    expect(rules(validateSnapshot(s))).toContain('connector-py-present');
    expect(validateSnapshot({ ...s, metadataOnly: true })).toEqual([]);
  });

  it('keeps unknown keys quiet (vendor extras, typos, server-export keys)', () => {
    const s = withInfo((i) => Object.assign(i, { id: 12, active: true, decription: 'typo', operations: i.operations.map((o: any) => ({ ...o, http_method: 'GET' })) }));
    expect(validateSnapshot(s)).toEqual([]);
  });

  it('accepts what published connectors do: non-identifier parameter names, string integer defaults, 0.x versions', () => {
    const s = withInfo((i) => {
      i.operations[0].parameters[0].name = 'filter.in.incident_id_list';
      i.operations[1].parameters[0].name = 'urn:sap:cloud:scim:schemas:extension:custom:2.0:Group:name';
      i.version = '0.0.1';
      i.operations[0].parameters[1].onchange.Full[0].value = '10';
    });
    expect(validateSnapshot(s).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('flags a branch field that shadows a field of the level above (both are shown)', () => {
    const s = withInfo((i) => (i.operations[0].parameters[3].onchange.true[0].name = 'ip'));
    expect(validateSnapshot(s)).toMatchObject([{ rule: 'duplicate-parameter-name', pointer: '/operations/0/parameters/3/onchange/true/0/name' }]);
  });

  it('escapes pointer tokens and orders pointers numerically', () => {
    const s = withInfo((i) => {
      i.operations[0].parameters[1].options = ['Fast', 'a/b~c'];
      i.operations[0].parameters[1].onchange = { 'a/b~c': [{ name: 'x', type: 'text', required: false, editable: true, visible: true, description: 'A field in a branch.' }] };
    });
    expect(validateSnapshot(s)).toMatchObject([{ rule: 'field-title-present', pointer: '/operations/0/parameters/1/onchange/a~1b~0c/0/title' }]);
    const a = { rule: 'x', source: 'rules', severity: 'info', message: '', path: 'info.json' } as const;
    const sorted = [{ ...a, pointer: '/operations/10/title' }, { ...a, pointer: '/operations/9/title' }, { ...a, pointer: '/name' }].sort(compareFindings);
    expect(sorted.map((f) => f.pointer)).toEqual(['/name', '/operations/9/title', '/operations/10/title']);
  });

  it('emits findings with DESIGN.md keys in order and no undefined values', () => {
    const [f] = validateSnapshot(buildCase(ruleCase('dispatch-key-unreachable').fail)).filter((x) => x.rule === 'dispatch-key-unreachable');
    expect(Object.keys(defined(f, 'the finding'))).toEqual(['rule', 'source', 'severity', 'message', 'path', 'line', 'column', 'fix']);
    expect(Object.values(defined(f, 'the finding'))).not.toContain(undefined);
  });

  it('builds the report shape', () => {
    const s = buildCase(ruleCase('version-certification').fail);
    const report = buildReport(s, validateSnapshot(s));
    expect(report).toEqual({ connector: 'acme-intel', version: '0.0.11', findings: [expect.objectContaining({ rule: 'version-certification' })], summary: { errors: 0, warnings: 1, infos: 0 } });
  });
});

describe('quick fixes', () => {
  const fixable = Object.keys(quickFixEdits);

  it.each(fixable)('%s: a fixed info.json no longer has the finding, and the input is not mutated', (id) => {
    const fixture: Record<string, (i: any) => void> = {
      'select-default-in-options': (i) => (i.operations[0].parameters[1].value = 'full'),
      'operation-category': (i) => (i.operations[0].category = 'Investigaton'),
      'field-type-known': (i) => (i.operations[0].parameters[0].type = 'Text'),
      'version-certification': (i) => (i.version = '01.2.03'),
    };
    const s = fixture[id] ? withInfo(fixture[id]) : buildCase(ruleCase(id).fail);
    const before = JSON.parse(snapshotFile(s, 'info.json'));
    const snapshotText = JSON.stringify(before);
    const found = validateSnapshot(s).filter((f) => f.rule === id);
    expect(found.length).toBeGreaterThan(0);
    let info: unknown = before;
    for (const f of found) info = defined(quickFixes[id], `the quick fix of ${id}`)(info, f.pointer!) ?? info;
    expect(JSON.stringify(before)).toBe(snapshotText);
    const after = validateSnapshot({ ...s, files: { ...s.files, 'info.json': JSON.stringify(info) } });
    expect(after.filter((f) => f.rule === id)).toEqual([]);
  });

  it('offers no fix when the intent is unclear', () => {
    const s = buildCase(ruleCase('select-default-in-options').fail);
    const info = JSON.parse(snapshotFile(s, 'info.json'));
    expect(defined(quickFixes['select-default-in-options'])(info, '/operations/0/parameters/1/value')).toBeUndefined();
    info.operations[0].category = 'utilities';
    expect(defined(quickFixEdits['operation-category'])(info, '/operations/0/category')).toBeUndefined();
  });

  it('gives jsonc-friendly edits', () => {
    const info = JSON.parse(snapshotFile(buildCase(ruleCase('tooltip-not-empty').fail), 'info.json'));
    expect(defined(quickFixEdits['tooltip-not-empty'])(info, '/configuration/fields/0/tooltip')).toEqual({ pointer: '/configuration/fields/0/tooltip', remove: true });
  });
});
