import { describe, expect, it } from 'vitest';
import { editorFindings, MARKER_OWNER, type EditorMarker } from './marker-findings';

const marker = (over: Partial<EditorMarker>): EditorMarker => ({
  owner: 'python-lint', resource: { path: '/project/sample/operations.py' }, severity: 'warning',
  message: '`os` imported but unused\nFix: remove it', source: 'ruff', code: 'F401', startLineNumber: 3, startColumn: 8, ...over,
});

describe('editorFindings', () => {
  it('turns a ruff marker into a finding with a connector-relative path and a one-line message', () => {
    expect(editorFindings([marker({})], 'sample')).toEqual([
      { rule: 'F401', source: 'ruff', severity: 'warning', message: '`os` imported but unused', path: 'operations.py', line: 3, column: 8 },
    ]);
  });

  it('reads pyright codes given as objects and keeps the security source', () => {
    const found = editorFindings([
      marker({ owner: 'pyright', source: 'pyright', code: { value: 'reportCallIssue' }, severity: 'error' }),
      marker({ source: 'security', code: 'tls-verify-disabled' }),
    ], 'sample');
    expect(found.map((f) => `${f.source}:${f.rule}:${f.severity}`)).toEqual(['pyright:reportCallIssue:error', 'security:tls-verify-disabled:warning']);
  });

  it('leaves out hints, the connector findings shown as markers, and files outside the connector folder', () => {
    const found = editorFindings([
      marker({ severity: 'hint' }),
      marker({ owner: MARKER_OWNER }),
      marker({ resource: { path: '/project/tests/test_ops.py' } }),
      marker({ resource: { path: '/project/sample-other/x.py' } }),
    ], 'sample');
    expect(found).toEqual([]);
  });

  it('takes every project file when the connector is the project root, and names an unknown source python', () => {
    const [f] = editorFindings([marker({ resource: { path: '/project/utils.py' }, source: undefined, code: undefined })], '');
    expect(f).toMatchObject({ path: 'utils.py', source: 'python', rule: 'python' });
  });
});

describe('editorFindings keeps the list true', () => {
  it('drops the JSON service markers of a broken info.json (the rule engine gives the one JSON finding) and names the others json', () => {
    const json = (path: string) => marker({ owner: 'json', source: undefined, code: undefined, severity: 'error', message: 'Colon expected', resource: { path } });
    const found = editorFindings([json('/project/sample/info.json'), json('/project/sample/info.json'), json('/project/sample/playbooks/playbooks.json')], 'sample');
    expect(found.map((f) => `${f.source} ${f.path}`)).toEqual(['json playbooks/playbooks.json']);
  });

  it('leaves out the markers Monaco keeps for files that are closed', () => {
    const open = new Set(['/project/sample/connector.py']);
    const found = editorFindings([marker({}), marker({ resource: { path: '/project/sample/connector.py' } })], 'sample', (p) => open.has(p));
    expect(found.map((f) => f.path)).toEqual(['connector.py']);
  });
});
