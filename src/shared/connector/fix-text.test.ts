import { afterEach, describe, expect, it } from 'vitest';
import { validateSnapshot } from './engine';
import { applySafeFixes, filesFixes } from './fix-text';
import { baseSnapshot } from '../../../tests/fixtures/rules/base';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are free-form JSON */
function files(fn: (i: any) => void): Record<string, string> {
  const s = baseSnapshot();
  const info = JSON.parse(s.files['info.json']!);
  fn(info);
  return { ...s.files, 'info.json': JSON.stringify(info, null, 2) };
}
const findings = (f: Record<string, string>) => validateSnapshot({ ...baseSnapshot(), files: f });

describe('applySafeFixes', () => {
  afterEach(() => delete filesFixes['test-header']);

  it('edits only the fixed values of info.json, and leaves offered-only fixes (a rename) alone', () => {
    const f = files((i) => {
      i.version = '2';
      i.operations[0].parameters[2].name = 'ip';
    });
    const { edits, fixed } = applySafeFixes(f, findings(f));
    expect(fixed.map((x) => x.rule)).toEqual(['version-format']);
    expect(edits).toEqual([{ path: 'info.json', text: f['info.json']!.replace('"version": "2"', '"version": "2.0.0"') }]);
  });

  it('runs a registered whole-file fix (the copyright block hook) once for all its findings', () => {
    const calls: number[] = [];
    filesFixes['test-header'] = (all, found) => {
      calls.push(found.length);
      const edits = Object.entries(all).filter(([p]) => p.endsWith('.py')).map(([p, text]) => ({ path: p, text: `# header\n${text}` }));
      return { edits, change: 'Insert the header' };
    };
    const f = files(() => undefined);
    const found = ['connector.py', 'operations.py'].map((path) => ({ rule: 'test-header', source: 'rules' as const, severity: 'warning' as const, message: 'no header', path }));
    const { edits, fixed } = applySafeFixes(f, found);
    expect(calls).toEqual([2]);
    expect(edits.map((e) => e.path).sort()).toEqual(Object.keys(f).filter((p) => p.endsWith('.py')).sort());
    expect(fixed.every((x) => x.rule === 'test-header' && x.message === 'Insert the header')).toBe(true);
  });

  it('offers nothing on an info.json that does not parse', () => {
    const f = { ...baseSnapshot().files, 'info.json': '{ "version": "1.0"' };
    expect(applySafeFixes(f, [{ rule: 'version-format', source: 'rules', severity: 'error', message: 'x', path: 'info.json', pointer: '/version' }])).toEqual({ edits: [], fixed: [] });
  });
});
