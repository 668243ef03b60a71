import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/connector/findings';
import { ruffMarkers, securityMarkers, type RuffDiagnosticWithEnd } from './markers';

const diag = (over: Partial<RuffDiagnosticWithEnd>): RuffDiagnosticWithEnd => ({
  code: 'F401',
  message: '`os` imported but unused',
  start_location: { row: 1, column: 8 },
  end_location: { row: 1, column: 10 },
  fix: { message: 'Remove unused import: `os`' },
  ...over,
});

describe('ruffMarkers', () => {
  it('keeps ruff\'s span, names ruff and the rule, and adds the fix', () => {
    expect(ruffMarkers('a.py', [diag({})])).toEqual([
      { startLineNumber: 1, startColumn: 8, endLineNumber: 1, endColumn: 10, severity: 'warning', source: 'ruff', code: 'F401', message: '`os` imported but unused\nFix: Remove unused import: `os`' },
    ]);
  });
  it('widens a zero-width span to one character so it shows', () => {
    const [m] = ruffMarkers('a.py', [diag({ code: 'W292', end_location: { row: 1, column: 8 }, fix: null })]);
    expect([m.startColumn, m.endColumn, m.severity]).toEqual([8, 9, 'info']);
  });
  it('reports a syntax error as an error from "python"', () => {
    const [m] = ruffMarkers('a.py', [diag({ code: null, message: 'Expected an expression', fix: null })]);
    expect([m.source, m.code, m.severity]).toEqual(['python', 'python-syntax', 'error']);
  });
});

describe('securityMarkers', () => {
  const finding = (line: number, column: number): Finding => ({ rule: 'tls-verify-disabled', source: 'security', severity: 'error', message: 'TLS off', path: 'a.py', line, column, fix: 'Pass verify=config.verify_ssl' });
  const lines = ['import requests', "r = requests.get(u, verify=False, timeout=5)"];
  const lineText = (n: number) => lines[n - 1] ?? '';

  it('covers the keyword argument it points at', () => {
    const col = lines[1].indexOf('verify') + 1;
    const [m] = securityMarkers([finding(2, col)], lineText);
    expect(lines[1].slice(m.startColumn - 1, m.endColumn - 1)).toBe('verify=False');
    expect([m.source, m.code, m.severity]).toEqual(['security', 'tls-verify-disabled', 'error']);
    expect(m.message).toBe('TLS off\nFix: Pass verify=config.verify_ssl');
  });
  it('covers a dotted call name', () => {
    const [m] = securityMarkers([finding(2, 5)], lineText);
    expect(lines[1].slice(m.startColumn - 1, m.endColumn - 1)).toBe('requests.get');
  });
  it('marks at least one character where no word starts', () => {
    const [m] = securityMarkers([finding(2, 17)], lineText);
    expect(m.endColumn - m.startColumn).toBe(1);
  });
});
