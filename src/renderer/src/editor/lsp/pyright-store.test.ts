import { describe, expect, it } from 'vitest';
import type { LspDiagnostic } from '../../../../shared/ipc/contract';
import { pyrightFindings, usePyrightStore } from './pyright-store';

const diag = (over: Partial<LspDiagnostic>): LspDiagnostic => ({ line: 3, column: 1, endLine: 3, endColumn: 5, severity: 'error', message: 'm', rule: 'reportCallIssue', ...over });

describe('pyright store', () => {
  it('keeps the latest diagnostics per file of its project only, and forgets a file that became clean', () => {
    const s = usePyrightStore.getState();
    s.reset('p1');
    s.received({ projectId: 'p1', relPath: 'c/ops.py', diagnostics: [diag({})] });
    s.received({ projectId: 'other', relPath: 'c/x.py', diagnostics: [diag({})] });
    expect(Object.keys(usePyrightStore.getState().byFile)).toEqual(['c/ops.py']);
    s.received({ projectId: 'p1', relPath: 'c/ops.py', diagnostics: [] });
    expect(usePyrightStore.getState().byFile).toEqual({});
  });

  it('gives the Problems panel findings relative to the connector folder, hints left out', () => {
    const byFile = {
      'c/utils.py': [diag({ line: 9, severity: 'warning', rule: 'reportMissingImports' }), diag({ severity: 'hint', rule: 'x' })],
      'c/ops.py': [diag({ line: 2 })],
      'tests/t.py': [diag({ line: 1 })],
    };
    expect(pyrightFindings({ byFile }, 'c')).toEqual([
      { rule: 'reportCallIssue', source: 'pyright', severity: 'error', message: 'm', path: 'ops.py', line: 2, column: 1 },
      { rule: 'reportCallIssue', source: 'pyright', severity: 'error', message: 'm', path: 'tests/t.py', line: 1, column: 1 },
      { rule: 'reportMissingImports', source: 'pyright', severity: 'warning', message: 'm', path: 'utils.py', line: 9, column: 1 },
    ]);
  });
});
