/** Ruff (WebAssembly) settings and diagnostic mapping shared by the review and the editor, so the UI's live
 * markers and `connector-studio review` report the same things. The caller owns the wasm Workspace (the
 * services load the .wasm bytes from disk, the renderer fetches them); this module stays pure. */
import type { Finding, Severity } from '../findings';

/** The subset of ruff's wasm Diagnostic this module reads. */
export interface RuffDiagnostic {
  readonly code: string | null;
  readonly message: string;
  readonly start_location: { readonly row: number; readonly column: number };
  readonly fix: { readonly message: string | null } | null;
}

/** A wasm `Workspace` built with RUFF_SETTINGS (and PositionEncoding.Utf16, so columns match JS strings). */
export interface RuffLinter {
  check(contents: string): unknown;
}

/** Ruff's own options (pyproject [tool.ruff]); the wasm Workspace rejects unknown keys and unknown selectors.
 * Security rules the parser-based analyzers already cover (S105-S107, S113, S3xx loads, S501, S602...) are
 * left out so each problem is reported once; the S rules kept are ones those analyzers do not look for. */
export const RUFF_SETTINGS = {
  'line-length': 120,
  'target-version': 'py39',
  lint: {
    select: ['E', 'F', 'W', 'B', 'S103', 'S104', 'S108', 'S323', 'S502', 'S503', 'S504', 'S505', 'S507', 'S508', 'S509', 'S601', 'S608', 'S609', 'S612', 'S701', 'S702'],
    // B904: connectors re-raise vendor errors as ConnectorError inside except blocks by design (the Engine
    // shows only the message). E501: long user-facing messages and URLs are harmless; the formatter already
    // wraps code at line-length, and what it cannot wrap (strings) is not worth a finding.
    ignore: ['B904', 'E501'],
  },
} as const;

/** Problems that certainly fail when the code runs; everything else is a quality warning or style. */
const RUNTIME_ERRORS = new Set(['F821', 'F822', 'F823', 'F704', 'F706', 'E902']);
const STYLE = /^(W|E1|E2|E3)/;

function severityOf(code: string): Severity {
  if (RUNTIME_ERRORS.has(code)) return 'error';
  return STYLE.test(code) ? 'info' : 'warning';
}

export function toFinding(path: string, d: RuffDiagnostic): Finding {
  const where = { path, line: d.start_location.row, column: d.start_location.column };
  if (d.code === null || d.code === 'invalid-syntax')
    return { rule: 'python-syntax', source: 'python', severity: 'error', message: `Syntax error: ${d.message}`, ...where, fix: 'Correct the syntax: the server cannot import this module.' };
  const fix = d.fix?.message ?? `See https://docs.astral.sh/ruff/rules/ for ${d.code}.`;
  return { rule: d.code, source: 'ruff', severity: severityOf(d.code), message: d.message, ...where, fix };
}

/** Ruff and syntax findings for one file. */
export function ruffFindings(linter: RuffLinter, path: string, text: string): Finding[] {
  const diagnostics = linter.check(text) as RuffDiagnostic[];
  return diagnostics.map((d) => toFinding(path, d));
}
