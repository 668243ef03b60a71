/** Ruff's own fixes for its findings (unused imports, f-strings without placeholders, trailing whitespace...):
 * the wasm diagnostics carry them as text edits. Pure: no Monaco import, so it is tested in node with the real
 * ruff module. */

/** A ruff wasm position: 1-based row, 1-based column (UTF-16 units with PositionEncoding.Utf16). */
interface RuffLocation {
  readonly row: number;
  readonly column: number;
}

/** The part of ruff's wasm Diagnostic its fixes need. */
export interface RuffFixable {
  readonly code: string | null;
  readonly start_location: RuffLocation;
  readonly fix: {
    readonly message: string | null;
    readonly edits: readonly { readonly content: string | null; readonly location: RuffLocation; readonly end_location: RuffLocation }[];
  } | null;
}

/** A Monaco-shaped edit: 1-based lines and columns. */
export interface RangeEdit {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly text: string;
}

export interface RuffFix {
  /** Ruff's words, e.g. "Remove unused import: `os`". */
  readonly title: string;
  readonly edits: readonly RangeEdit[];
}

/** The fix ruff offers for one diagnostic, or undefined (a syntax error, a rule without a fix). */
export function ruffFix(d: RuffFixable): RuffFix | undefined {
  if (!d.code || !d.fix || d.fix.edits.length === 0) return undefined;
  return {
    title: d.fix.message ?? `Fix ${d.code}`,
    edits: d.fix.edits.map((e) => ({
      startLineNumber: e.location.row, startColumn: e.location.column, endLineNumber: e.end_location.row, endColumn: e.end_location.column, text: e.content ?? '',
    })),
  };
}

/** The fix of the diagnostic that starts at `line`:`column` with `code` (a marker or a Problems row names it so). */
export function ruffFixAt(diagnostics: readonly RuffFixable[], code: string, line: number, column: number): RuffFix | undefined {
  const d = diagnostics.find((x) => x.code === code && x.start_location.row === line && x.start_location.column === column);
  return d && ruffFix(d);
}

/** `text` with the edits applied (ruff's edits of one fix never overlap); what the editor does, for tests. */
export function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  const sorted = [...edits].sort((a, b) => offset(b.startLineNumber, b.startColumn) - offset(a.startLineNumber, a.startColumn));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.startLineNumber, e.startColumn)) + e.text + out.slice(offset(e.endLineNumber, e.endColumn));
  return out;
}
