import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/connector/findings';
import { countFindings, findingSpans, groupByFile, LIVE_RULE_IDS, LIVE_WITH_CODE_IDS, mergeFindings, projectPath } from './merge';

const f = (rule: string, path: string, extra: Partial<Finding> = {}): Finding => ({ rule, source: 'rules', severity: 'warning', message: rule, path, ...extra });

describe('mergeFindings', () => {
  const service = [
    f('operation-category', 'info.json', { pointer: '/operations/0/category' }),
    f('icon-file-exists', 'info.json', { pointer: '/icon_small_name' }),
    f('operation-not-implemented', 'info.json', { pointer: '/operations/0', severity: 'error' }),
    f('E501', 'operations.py', { source: 'ruff', line: 3, column: 1 }),
    f('type', 'info.json', { source: 'schema', pointer: '/tags' }),
  ];

  it('runs only rules that read info.json alone live', () => {
    expect(LIVE_RULE_IDS.has('operation-category')).toBe(true);
    expect(LIVE_RULE_IDS.has('icon-file-exists')).toBe(false);
    expect(LIVE_RULE_IDS.has('operation-not-implemented')).toBe(false);
  });

  it('lets the live run replace the services on live rules and keeps the cross-file findings', () => {
    const live = [f('action-title-case', 'info.json', { pointer: '/operations/1/title' })];
    expect(mergeFindings(service, live).map((x) => x.rule).sort()).toEqual(['E501', 'action-title-case', 'icon-file-exists', 'operation-not-implemented', 'type']);
  });

  it('drops every info.json finding of the services while the live text does not parse', () => {
    const live = [f('info-json-parse', 'info.json', { severity: 'error', line: 2, column: 3 })];
    expect(mergeFindings(service, live).map((x) => x.rule)).toEqual(['info-json-parse', 'E501']);
  });

  it('keeps no rule finding of the services on any file while info.json is broken: one JSON finding, no stale dispatch warning', () => {
    const withPy = [...service, f('dispatch-entry-undeclared', 'operations.py', { line: 9, column: 5 }), f('info-json-parse', 'info.json', { source: 'json', severity: 'error' })];
    const live = [f('info-json-parse', 'info.json', { source: 'json', severity: 'error', line: 2, column: 3 })];
    expect(mergeFindings(withPy, live, LIVE_WITH_CODE_IDS).map((x) => `${x.source} ${x.rule}`)).toEqual(['json info-json-parse', 'ruff E501']);
  });

  it('lets a live run with the Python replace the dispatch findings too, on any file', () => {
    const withPy = [...service, f('dispatch-entry-undeclared', 'operations.py', { line: 9, column: 5 })];
    const live = [f('operation-not-implemented', 'info.json', { pointer: '/operations/1/operation', severity: 'error' })];
    const merged = mergeFindings(withPy, live, LIVE_WITH_CODE_IDS).map((x) => `${x.rule}@${x.pointer ?? x.line}`);
    expect(merged).toContain('operation-not-implemented@/operations/1/operation');
    expect(merged).not.toContain('operation-not-implemented@/operations/0');
    expect(merged).not.toContain('dispatch-entry-undeclared@9');
    expect(merged).toContain('E501@3');
  });

  it('keeps the services alone before the text is bound', () => {
    expect(mergeFindings(service, null)).toHaveLength(service.length);
  });
});

describe('helpers', () => {
  it('counts, groups and maps paths', () => {
    const list = [f('a', 'info.json', { severity: 'error' }), f('b', 'x.py'), f('c', 'info.json', { severity: 'info' })];
    expect(countFindings(list)).toEqual({ errors: 1, warnings: 1, infos: 1 });
    expect(groupByFile(list).map((g) => [g.path, g.findings.length])).toEqual([['info.json', 2], ['x.py', 1]]);
    expect(projectPath('demo', 'info.json')).toBe('demo/info.json');
    expect(projectPath('', 'info.json')).toBe('info.json');
  });
});

describe('findingSpans', () => {
  const text = '{\n  "name": "x",\n  "operations": [\n    {"title": "t"}\n  ]\n}\n';

  it('marks a value (not its key), a missing key on its parent line, and a bare line to its end', () => {
    const spans = findingSpans(text, [
      f('a', 'info.json', { pointer: '/name' }),
      f('b', 'info.json', { pointer: '/operations/0/category' }),
      f('c', 'x.py', { line: 3 }),
      f('d', 'info.json', { pointer: '/nope/deeper' }),
    ]);
    expect(spans[0]).toEqual({ startLineNumber: 2, startColumn: 11, endLineNumber: 2, endColumn: 14 });
    expect(spans[1]).toEqual({ startLineNumber: 4, startColumn: 5, endLineNumber: 4, endColumn: 19 });
    expect(spans[2]).toEqual({ startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 18 });
    expect(spans[3].startLineNumber).toBe(1);
  });
});
