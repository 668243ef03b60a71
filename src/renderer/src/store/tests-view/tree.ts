/** The Tests view's pure part: pytest node ids grouped by file, outcomes merged in, the gutter lines of a test
 * file and which operations have a test. No store, no API: table-tested in tree.test.ts. */

export type TestOutcome = 'passed' | 'failed' | 'skipped';
/** What the view shows for one test: never run in this session, running now, or its last outcome. */
export type TestState = 'idle' | 'running' | TestOutcome;

export interface TestResultLike {
  /** pytest's node id, e.g. `tests/test_echo.py::test_echo_happy`. */
  readonly id: string;
  readonly status: TestOutcome;
  readonly durationMs?: number;
  /** A failure's output (assertion message and diff), as pytest printed it. */
  readonly message?: string;
}

export interface TestFileNode {
  /** Relative to the project root, as pytest names it. */
  readonly file: string;
  readonly tests: readonly { readonly id: string; readonly name: string }[];
}

/** `tests/test_echo.py::test_a[1]` -> file `tests/test_echo.py`, name `test_a[1]`; a class stays in the name. */
export function splitNodeId(id: string): { file: string; name: string } {
  const at = id.indexOf('::');
  return at < 0 ? { file: id, name: id } : { file: id.slice(0, at), name: id.slice(at + 2) };
}

/** Files in pytest's order of first appearance, each with its tests in collection order. */
export function groupByFile(ids: readonly string[]): TestFileNode[] {
  const files = new Map<string, { id: string; name: string }[]>();
  for (const id of ids) {
    const { file, name } = splitNodeId(id);
    const list = files.get(file) ?? [];
    if (!files.has(file)) files.set(file, list);
    if (!list.some((t) => t.id === id)) list.push({ id, name });
  }
  return [...files].map(([file, tests]) => ({ file, tests }));
}

/** A file's state from its tests': a failure wins, then running, then all passed; otherwise idle. */
export function stateOfAll(states: readonly TestState[]): TestState {
  if (states.length === 0) return 'idle';
  if (states.includes('failed')) return 'failed';
  if (states.includes('running')) return 'running';
  if (states.every((s) => s === 'passed' || s === 'skipped')) return states.includes('passed') ? 'passed' : 'skipped';
  return 'idle';
}

/** The ids a run covers, from what the user asked to run: one test, a file, or all (`undefined`). */
export function idsInScope(ids: readonly string[], scope: string | undefined): string[] {
  if (scope === undefined) return [...ids];
  if (scope.includes('::')) return ids.filter((id) => id === scope || id.startsWith(`${scope}[`));
  return ids.filter((id) => splitNodeId(id).file === scope);
}

/** Marks the scope's tests running; the others keep their last outcome. */
export function markRunning(states: Readonly<Record<string, TestState>>, ids: readonly string[]): Record<string, TestState> {
  return { ...states, ...Object.fromEntries(ids.map((id) => [id, 'running' as const])) };
}

/** A run's results over the previous states. A test of the scope the run did not report (pytest stopped, or the
 * test vanished) goes back to idle rather than spinning forever. */
export function applyResults(
  states: Readonly<Record<string, TestState>>,
  scopeIds: readonly string[],
  results: readonly TestResultLike[],
): Record<string, TestState> {
  const next: Record<string, TestState> = { ...states };
  for (const id of scopeIds) if (next[id] === 'running') next[id] = 'idle';
  for (const r of results) next[r.id] = r.status;
  return next;
}

/** The 1-based line of each test function in a Python file's text, for the gutter: `def name(` at any indent
 * (a method of a test class too), parametrised ids mapped to their function. */
export function testLines(text: string, names: readonly string[]): Map<string, number> {
  const lines = text.split('\n');
  const found = new Map<string, number>();
  for (const name of names) {
    const fn = (name.split('::').pop() ?? name).replace(/\[.*$/, '');
    const def = new RegExp(`^\\s*(?:async\\s+)?def\\s+${fn.replace(/[^\w]/g, '')}\\s*\\(`);
    const at = lines.findIndex((l) => def.test(l));
    if (at >= 0) found.set(name, at + 1);
  }
  return found;
}

// Coverage is shared with the review's Tests section (src/shared/connector/test-coverage.ts).
export { operationOfFile, coverageOf, type OperationCoverage } from '../../../../shared/connector/test-coverage';
