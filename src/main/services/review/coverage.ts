/** The review's Tests section: an info for every operation (and the health check) without a test in the
 * project's tests/test_<operation>.py, counted as the Tests view counts (src/shared/connector/test-coverage.ts).
 * The review reads the test files on disk instead of running pytest's collection: a test is a `def test_...`. */
import { readFile } from 'node:fs/promises';
import type { InfoJson } from '../../../shared/connector/info-json';
import { coverageOf, coveredOperations } from '../../../shared/connector/test-coverage';
import { testFileRelPath } from '../../../shared/models/connector-tests';
import { testFilesOf } from '../connector-tests/pytest-runner';
import { resolveInside } from '../workspace/safe-path';
import { OPERATION_WITHOUT_TEST } from './sections';
import type { ReviewFinding } from './types';

const TEST_DEF = /^\s*(?:async\s+)?def\s+test\w*\s*\(/gm;

/** `tests/test_*.py` of the project with the test functions each defines. */
async function testFiles(projectRoot: string) {
  return Promise.all(
    testFilesOf(projectRoot).map(async (file) => {
      const text = await readFile(await resolveInside(projectRoot, file), 'utf8');
      return { file, tests: text.match(TEST_DEF) ?? [] };
    }),
  );
}

export async function coverageFindings(info: InfoJson, projectRoot: string): Promise<ReviewFinding[]> {
  const operations = info.operations ?? [];
  // An operation without a name cannot have a test file; validation reports it.
  const named = operations.flatMap((o) => (typeof o.operation === 'string' && o.operation ? [{ operation: o.operation, title: o.title, visible: o.visible }] : []));
  const rows = coverageOf(coveredOperations(named), await testFiles(projectRoot));
  return rows
    .filter((r) => r.tests === 0)
    .map((r) => {
      const index = operations.findIndex((o) => o.operation === r.operation);
      return {
        rule: OPERATION_WITHOUT_TEST,
        source: 'rules' as const,
        severity: 'info' as const,
        message: `${r.title} (${r.operation}) has no test.`,
        path: 'info.json',
        ...(index >= 0 ? { pointer: `/operations/${index}` } : {}),
        fix: `Record a run of it and choose "Save as test" (writes ${testFileRelPath(r.operation)}), or run \`connector-studio test <folder> --new-from <cassette>\`.`,
      };
    });
}
