/** A connector project's pytest tests (issue 17): run records beside the cassettes, tests generated from them,
 * and what a run of the tests found. The Tests view, `connector-studio test` and CI read the same shapes. */

/** `<project root>/tests`: the generated tests and the helper module they import. */
export const TESTS_DIR = 'tests';
/** The helper module every generated test imports (written once into the project, nothing of the IDE in it). */
export const TEST_HELPER_FILE = 'tests/connector_studio_helpers.py';
/** The environment variable naming the folder of the framework shims (`connectors.core...`) for a project's pytest. */
export const RUNTIME_ENV = 'CS_RUNTIME';

/** `tests/cassettes/<operation>-<NAME>.run.json`, written beside a recording's cassette: what the run was given
 * and what it answered. Secret configuration values are `<scrubbed:FIELD>`. */
export interface RunRecord {
  readonly operation: string;
  readonly params: Record<string, unknown>;
  readonly config: Record<string, unknown>;
  readonly result: {
    readonly status: string;
    readonly message: string;
    readonly data: unknown;
    /** The messages the connector logged at error level (or above), in order. */
    readonly errorLogs: string[];
  };
}

/** `exact`: the data must equal the recorded data; `schemaKeys`: only the keys of the operation's output_schema
 * are compared (their values as recorded). */
export type TestDataMode = 'exact' | 'schemaKeys';

/** `tests/test_<operation>.py`, relative to the project root. */
export const testFileRelPath = (operation: string): string => `${TESTS_DIR}/test_${operation}.py`;

export interface SavedTest {
  /** Relative to the project root: `tests/test_<operation>.py`. */
  readonly relPath: string;
  /** The test function for this recording: `test_<operation>_<name>` (name's non-identifier characters as `_`). */
  readonly functionName: string;
  /** pytest's node id of the test, `tests/test_<op>.py::test_<op>_<name>`. */
  readonly nodeId: string;
  /** False when the file already had this recording's test: it is rewritten in place, never duplicated. */
  readonly added: boolean;
}

/** One collected test. */
export interface CollectedTest {
  /** pytest's node id relative to the project root, e.g. `tests/test_get_ip.py::test_get_ip_happy`. */
  readonly id: string;
  /** The file, relative to the project root. */
  readonly relPath: string;
  /** The function name (with parameters, when parametrized). */
  readonly name: string;
  /** 1-based line of the test function in its file, when known (for the editor gutter). */
  readonly line?: number;
}

export interface TestCollection {
  readonly tests: CollectedTest[];
  /** pytest's own words when the collection failed (a syntax error in a test file, a failed import). */
  readonly errors: string[];
}

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestOutcome {
  readonly id: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  /** A failure's or skip's one-line reason. */
  readonly message?: string;
  /** A failure's full report (pytest's traceback with the assertion's diff). */
  readonly details?: string;
  /** 1-based line of the test function, when known. */
  readonly line?: number;
}

export interface TestSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface TestRunReport {
  readonly tests: TestOutcome[];
  readonly summary: TestSummary;
  /** pytest's exit code: 0 all passed, 1 some failed, 5 none collected, others an error of pytest or a test file. */
  readonly exitCode: number;
  /** Collection errors (a test file that does not import), in pytest's words. */
  readonly errors: string[];
  /** pytest's whole console output, for the Output tab. */
  readonly output: string;
  readonly durationMs: number;
}

/** The `--json` shape of `connector-studio test`. */
export interface TestCliJson {
  readonly tests: { id: string; status: TestStatus; durationMs: number; message?: string }[];
  readonly summary: TestSummary;
}

/** What a run covers: a file (relative to the project root, `tests/test_x.py`) or a node id (`tests/test_x.py::test_y`);
 * absent: every `tests/test_*.py`. */
export type TestTarget = string;

/** One difference between the recorded data and a live re-run's, at a JSON path (`$.items[0].id`). */
export interface DataChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One difference between the shapes of the two data (every element of a list counted as `[]`): a key that
 * appeared or went away, or a value whose type changed (`string` -> `number`). */
export interface SchemaChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'typeChanged';
  /** The type(s) seen, e.g. `string`, `number | null`. */
  readonly before?: string;
  readonly after?: string;
}

/** What a recording answered and what the live re-run answers (before Accept or Keep). */
export interface RecordingSide {
  readonly status: string;
  readonly message: string;
  /** How many HTTP exchanges the cassette holds. */
  readonly interactions: number;
}

/** Re-record (issue 17): a saved test's call run live against the vendor into a pending recording, compared
 * with the cassette's. Accept rewrites the cassette and run record with it; Keep throws it away. */
export interface RerecordPreview {
  readonly testId: string;
  /** `<operation>-<NAME>`. */
  readonly recording: string;
  readonly before: RecordingSide;
  readonly after: RecordingSide;
  /** At most MAX_CHANGES of each; `truncated` says there were more. */
  readonly dataChanges: DataChange[];
  readonly schemaChanges: SchemaChange[];
  readonly truncated: boolean;
  /** Status, data and errors logged are as recorded. */
  readonly unchanged: boolean;
}
