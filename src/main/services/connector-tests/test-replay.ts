/** What a saved test replays: the recording its function names (`replay("<operation>-<NAME>")`), with the run
 * record's operation, parameters and configuration, and the cassette that answers offline. "Debug test" runs this
 * call in the connector's worker under the debugger; re-recording runs it live. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CASSETTES_DIR } from '../../../shared/models/cassette';
import type { RunRecord } from '../../../shared/models/connector-tests';
import { ServiceError } from '../errors';
import { resolveInside } from '../workspace/safe-path';
import { runRecordPathOf } from './run-record';

export interface TestReplay {
  /** `<operation>-<NAME>`: the cassette's and run record's name without extension. */
  readonly recording: string;
  readonly operation: string;
  readonly params: Record<string, unknown>;
  /** The run record's configuration, each scrubbed secret as the stand-in the project's helper gives it
   * (`cs-test-<FIELD>`): the cassette scrubs it back to the placeholder it recorded. */
  readonly config: Record<string, unknown>;
  /** Absolute paths inside the project. */
  readonly cassettePath: string;
  readonly runRecordPath: string;
  readonly record: RunRecord;
}

const TEST_ID = /^(tests\/test_[A-Za-z0-9_.-]*\.py)::([A-Za-z_][A-Za-z0-9_]*)$/;
const RECORDING = /\breplay\(\s*["']([A-Za-z0-9._-]{1,200})["']/;

/** The same stand-ins as tests/connector_studio_helpers.py's `_stand_ins`. */
export function standIns(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('<scrubbed:') ? `cs-test-${k}` : v]));
}

/** The body of the top-level function `fn` in `text`, up to the next top-level line. */
function bodyOf(text: string, fn: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`def ${fn}(`));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end] ?? ''))) end++;
  return lines.slice(start, end).join('\n');
}

export async function testReplayOf(root: string, testId: string): Promise<TestReplay> {
  const m = TEST_ID.exec(testId);
  if (!m) throw new ServiceError('VALIDATION', `"${testId}" is not a test of this project: give tests/test_<name>.py::<test function>.`);
  const [, relPath = '', fn = ''] = m;
  const file = await resolveInside(root, relPath);
  if (!existsSync(file)) throw new ServiceError('NOT_FOUND', `${relPath} does not exist: refresh the Tests view.`);
  const body = bodyOf(await readFile(file, 'utf8'), fn);
  if (body === undefined) throw new ServiceError('NOT_FOUND', `${relPath} has no test ${fn}: refresh the Tests view.`);
  const recording = RECORDING.exec(body)?.[1];
  if (!recording)
    throw new ServiceError('VALIDATION', `${fn} replays no recording (it has no replay("<operation>-<NAME>") call): only tests made with Save as test can be debugged or re-recorded this way.`);
  const cassettePath = await resolveInside(root, `${CASSETTES_DIR}/${recording}.json`);
  const runRecordPath = runRecordPathOf(cassettePath);
  if (!existsSync(cassettePath) || !existsSync(runRecordPath))
    throw new ServiceError('NOT_FOUND', `The recording ${recording} that ${fn} replays is missing (${CASSETTES_DIR}/${recording}.json and .run.json): record it again.`);
  let record: RunRecord;
  try {
    record = JSON.parse(await readFile(runRecordPath, 'utf8')) as RunRecord;
  } catch (e) {
    throw new ServiceError('VALIDATION', `${CASSETTES_DIR}/${recording}.run.json is not valid JSON (${(e as Error).message}): fix it or record it again.`);
  }
  if (typeof record.operation !== 'string' || !record.operation)
    throw new ServiceError('VALIDATION', `${CASSETTES_DIR}/${recording}.run.json names no operation: record it again.`);
  return { recording, operation: record.operation, params: record.params ?? {}, config: standIns(record.config ?? {}), cassettePath, runRecordPath, record };
}
