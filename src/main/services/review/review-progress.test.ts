/** A review's progress per section (pending, running, done with counts, in that order, the last one agreeing with
 * the report), the Tests section built from the project's test files, and pyright's findings taken from a language
 * server that has them instead of a run of its own. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewProgress } from '../../../shared/models/review';
import { SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import { createReviewService } from './review-service';
import type { ReviewFinding } from './types';

const service = createReviewService();
const RANK = { pending: 0, running: 1, done: 2 } as const;

/** A project `connector-acme/acme/` with three operations (one hidden) and a test for one of them. */
async function projectWithOneTest(): Promise<string> {
  const root = path.join(await tmpDir('review-coverage-'), 'connector-acme');
  const dir = path.join(root, 'acme');
  await mkdir(path.join(root, 'tests'), { recursive: true });
  await mkdir(dir, { recursive: true });
  const op = (operation: string, title: string, extra: object = {}) => ({ operation, title, description: `${title} from Acme.`, category: 'investigation', annotation: operation, enabled: true, parameters: [], output_schema: { id: '' }, ...extra });
  const info = {
    name: 'acme',
    label: 'Acme',
    version: '1.0.0',
    publisher: 'Acme',
    description: 'Looks things up in Acme.',
    category: 'Threat Intelligence',
    cs_approved: false,
    cs_compatible: true,
    configuration: { fields: [] },
    operations: [op('get_item', 'Get Item'), op('list_items', 'List Items'), op('internal_sync', 'Internal Sync', { visible: false })],
  };
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  await writeFile(path.join(dir, 'connector.py'), 'def check(config):\n    return True\n');
  await writeFile(path.join(root, 'tests', 'test_get_item.py'), 'def test_get_item_happy():\n    assert True\n\n\nasync def test_get_item_empty():\n    assert True\n');
  // Not a test file of an operation: `tests/helpers.py` counts for nothing.
  await writeFile(path.join(root, 'tests', 'helpers.py'), 'def test_nothing():\n    pass\n');
  return root;
}

describe('review progress and coverage', () => {
  it('sends every section pending, then running, then done with its counts, the last event agreeing with the report', async () => {
    const root = path.join(await tmpDir('review-progress-'), 'connector-sample-threat-intel');
    await cp(SAMPLE_PROJECT, root, { recursive: true });
    // A syntax error pyright and ruff report: the Python section's counts are not all zero.
    await writeFile(path.join(root, 'sample-threat-intel', 'broken.py'), 'def broken(:\n    pass\n');
    const events: ReviewProgress[] = [];
    const report = await service.review(root, { onProgress: (p) => events.push(p) });

    expect(events[0]?.sections.map((s) => s.state)).toEqual(report.sections.map(() => 'pending'));
    for (const e of events) expect(e.sections.map((s) => s.id)).toEqual(report.sections.map((s) => s.id));
    for (const { id } of report.sections) {
      const states = events.map((e) => e.sections.find((s) => s.id === id)!.state);
      // Never backwards: pending, then running, then done, and done only once at the end.
      expect(states.map((s) => RANK[s])).toEqual([...states.map((s) => RANK[s])].sort());
      expect(states.at(-1)).toBe('done');
    }
    const last = events.at(-1)!;
    for (const s of report.sections) {
      const count = (sev: ReviewFinding['severity']) => s.findings.filter((f) => f.severity === sev).length;
      expect(last.sections.find((p) => p.id === s.id)?.counts, s.id).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    }
    expect(last.sections.find((s) => s.id === 'python')?.counts?.errors).toBeGreaterThan(0);
  }, 120_000);

  it('lists each shown operation without a test as an info in the Tests section, counting tests/test_<operation>.py', async () => {
    const root = await projectWithOneTest();
    const report = await service.review(root, { typedFindings: async () => [] });
    const tests = report.sections.find((s) => s.id === 'tests')!.findings;
    expect(tests.map((f) => `${f.severity} ${f.rule} ${f.path} ${f.pointer ?? '-'} ${f.message}`)).toEqual([
      'info operation-without-test info.json - Check Health (check_health) has no test.',
      'info operation-without-test info.json /operations/1 List Items (list_items) has no test.',
    ]);
    // Reviewing the connector folder itself finds the project's tests beside it.
    const inner = await service.review(path.join(root, 'acme'), { typedFindings: async () => [] });
    expect(inner.sections.find((s) => s.id === 'tests')!.findings).toEqual(tests);
    expect(report.summary.infos).toBeGreaterThanOrEqual(2);
  });

  it("takes pyright's findings from a language server that has checked the files, and runs pyright when it cannot say", async () => {
    const root = await projectWithOneTest();
    const fromServer: ReviewFinding = { rule: 'reportUndefinedVariable', source: 'pyright', severity: 'error', message: '"x" is not defined', path: 'connector.py', line: 2, column: 12 };
    const asked: string[][] = [];
    const served = await service.review(root, { typedFindings: async (files) => (asked.push(Object.keys(files)), [fromServer]) });
    expect(asked).toEqual([['connector.py']]);
    expect(served.sections.find((s) => s.id === 'python')!.findings).toContainEqual(fromServer);
    // Undefined: the server has not checked these files; the review's own pyright run finds the code clean.
    const ran = await service.review(root, { typedFindings: async () => undefined });
    expect(ran.sections.find((s) => s.id === 'python')!.findings.filter((f) => f.source === 'pyright')).toEqual([]);
  }, 120_000);
});
