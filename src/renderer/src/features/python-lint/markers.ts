/** Findings as Monaco marker data (pure: no Monaco import, so it is tested in node). */
import type { Finding, Severity } from '../../../../shared/connector/findings';
import { toFinding, type RuffDiagnostic } from '../../../../shared/connector/security/ruff';

export interface MarkerSpan {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

export interface LintMarker extends MarkerSpan {
  readonly severity: Severity;
  readonly message: string;
  /** Which checker said so: "ruff", "python" (syntax) or "security". Monaco shows it after the message. */
  readonly source: string;
  readonly code: string;
}

/** The wasm diagnostic also carries where the problem ends; the shared Finding keeps only the start. */
export interface RuffDiagnosticWithEnd extends RuffDiagnostic {
  readonly end_location: { readonly row: number; readonly column: number };
}

const messageOf = (f: Finding) => (f.fix ? `${f.message}\nFix: ${f.fix}` : f.message);

function toMarker(f: Finding, span: MarkerSpan): LintMarker {
  return { ...span, severity: f.severity, message: messageOf(f), source: f.source, code: f.rule };
}

export function ruffMarkers(path: string, diagnostics: readonly RuffDiagnosticWithEnd[]): LintMarker[] {
  return diagnostics.map((d) => {
    const start = { startLineNumber: d.start_location.row, startColumn: d.start_location.column };
    const sameSpot = d.end_location.row === d.start_location.row && d.end_location.column <= d.start_location.column;
    // Zero-width spans (a missing newline at the end, some syntax errors) would not show at all.
    const end = sameSpot ? { endLineNumber: start.startLineNumber, endColumn: start.startColumn + 1 } : { endLineNumber: d.end_location.row, endColumn: d.end_location.column };
    return toMarker(toFinding(path, d), { ...start, ...end });
  });
}

/** The analyzers report where a problem starts; the marker covers the expression there, e.g. `verify=False`. */
export function securityMarkers(findings: readonly Finding[], lineText: (line: number) => string): LintMarker[] {
  return findings.map((f) => {
    const line = f.line ?? 1;
    const column = f.column ?? 1;
    const rest = lineText(line).slice(column - 1);
    const length = /^[\w.]+(?:\s*=\s*[\w.]+)?/.exec(rest)?.[0].length ?? 0;
    return toMarker(f, { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + Math.max(1, length) });
  });
}
