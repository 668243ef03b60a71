/** Which operations have a test: shared by the Tests view (from pytest's collection) and the review (from the
 * test files on disk), so both count the same way. */

/** The operation a generated test file covers: `tests/test_<operation>.py`. */
export function operationOfFile(file: string): string | null {
  const m = /(?:^|\/)test_(.+)\.py$/.exec(file);
  return m?.[1] ?? null;
}

export interface OperationCoverage {
  readonly operation: string;
  readonly title: string;
  readonly tests: number;
}

/** A test file and its tests, as far as coverage needs it. */
export interface CoverageFile {
  readonly file: string;
  readonly tests: readonly unknown[];
}

/** Which operations have a test: a test in `tests/test_<operation>.py` counts for it (Save as test writes there);
 * check_health counts as the health check's file. */
export function coverageOf(operations: readonly { readonly operation: string; readonly title?: string }[], files: readonly CoverageFile[]): OperationCoverage[] {
  const counts = new Map<string, number>();
  for (const f of files) {
    const op = operationOfFile(f.file);
    if (op) counts.set(op, (counts.get(op) ?? 0) + f.tests.length);
  }
  return operations.map((o) => ({ operation: o.operation, title: o.title || o.operation, tests: counts.get(o.operation) ?? 0 }));
}

/** The operations coverage is counted for: the health check, then every operation info.json shows. */
export function coveredOperations(operations: readonly { readonly operation: string; readonly title?: string; readonly visible?: boolean }[]) {
  return [{ operation: 'check_health', title: 'Check Health' }, ...operations.filter((o) => o.visible !== false)];
}
