import { describe, expect, it } from 'vitest';
import { RUFF_SETTINGS } from '../../../shared/connector/security/ruff';
import { lintPython, ruffVersion } from './ruff-node';

describe('ruff from WebAssembly in Node', () => {
  it('is the same package and version the renderer loads', async () => {
    const pkg = (await import('@astral-sh/ruff-wasm-web/package.json', { with: { type: 'json' } })).default as { version: string };
    expect(ruffVersion()).toBe(pkg.version);
  });

  it('finds an unused import with its line and column', () => {
    const findings = lintPython({ 'utils.py': '"""Copyright"""\nimport os\nimport json\n\nprint(json.dumps({}))\n' });
    expect(findings).toEqual([
      { rule: 'F401', source: 'ruff', severity: 'warning', message: expect.stringContaining('`os` imported but unused'), path: 'utils.py', line: 2, column: 8, fix: expect.any(String) },
    ]);
  });

  it('reports a syntax error as an error with line and column', () => {
    const [f] = lintPython({ 'operations.py': 'x = 1\ndef broken(:\n    return x\n' });
    expect(f).toMatchObject({ rule: 'python-syntax', source: 'python', severity: 'error', path: 'operations.py', line: 2, column: 12 });
    expect(f?.message).toMatch(/^Syntax error: Expected a parameter/);
  });

  it('lints every .py file and nothing else', () => {
    const findings = lintPython({ 'a.py': 'import os\n', 'pkg/b.py': 'import sys\n', 'info.json': '{"import": "os"}' });
    expect(findings.map((f) => f.path)).toEqual(['a.py', 'pkg/b.py']);
  });

  it('selects only rule families the wasm build knows (it rejects unknown selectors)', () => {
    expect(RUFF_SETTINGS.lint.select).toEqual(expect.arrayContaining(['E', 'F', 'W', 'B']));
    expect(lintPython({ 'x.py': 'x = 1\n' })).toEqual([]);
  });
});
