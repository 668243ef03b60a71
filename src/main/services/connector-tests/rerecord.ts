/** Re-record: a saved test's call run live against the vendor into a pending recording in the user data folder
 * (never in the project until accepted), compared with the recording the test replays. Accept moves the pending
 * cassette and run record over the test's; Keep deletes them. Both files are scrubbed by the recording itself
 * (the worker's cassette and the run record writer); a secret of the configuration that still shows in either
 * refuses the re-recording before anything is offered. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CASSETTE_NAME, HEALTH_OPERATION } from '../../../shared/models/cassette';
import type { RecordingSide, RerecordPreview, RunRecord } from '../../../shared/models/connector-tests';
import { secretValues } from '../../../shared/connector/secret-fields';
import { ServiceError } from '../errors';
import { tryReadConnectorInfo } from '../runtime/connector-info';
import type { RuntimeService } from '../runtime/types';
import { writeFileAtomic } from '../workspace/atomic-write';
import { resolveInside } from '../workspace/safe-path';
import { dataChanges, schemaChanges } from './data-diff';
import { runRecordPathOf } from './run-record';
import { testReplayOf } from './test-replay';

export interface RerecordPlace {
  readonly root: string;
  readonly connectorDir: string;
  /** This project's folder for pending recordings, in the user data folder. */
  readonly pendingDir: string;
}

function checkName(recording: string): void {
  if (!CASSETTE_NAME.test(recording) || recording.startsWith('.'))
    throw new ServiceError('VALIDATION', `"${recording}" is not a recording name: use the name Re-record answered.`);
}

const pendingOf = (pendingDir: string, recording: string) => path.join(pendingDir, `${recording}.json`);

async function interactionsOf(cassette: string): Promise<number> {
  try {
    const tape = JSON.parse(await readFile(cassette, 'utf8')) as { interactions?: unknown[] };
    return Array.isArray(tape.interactions) ? tape.interactions.length : 0;
  } catch (e) {
    throw new ServiceError('VALIDATION', `The cassette ${path.basename(cassette)} is not valid JSON (${(e as Error).message}): record it again.`);
  }
}

const sideOf = (record: RunRecord, interactions: number): RecordingSide => ({ status: record.result.status, message: record.result.message, interactions });

/** Every form a secret value could take in a file: as is, JSON-escaped, URL-encoded, base64. */
function leakIn(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), Buffer.from(s).toString('base64')].some((form) => text.includes(form)));
}

/** Runs the test `testId` live with `config` (secrets included) and answers what changed. */
export async function rerecord(place: RerecordPlace, runtime: RuntimeService, testId: string, config: Record<string, unknown>, timeoutMs?: number): Promise<RerecordPreview> {
  const test = await testReplayOf(place.root, testId);
  checkName(test.recording);
  await mkdir(place.pendingDir, { recursive: true });
  const cassette = pendingOf(place.pendingDir, test.recording);
  await discardRerecord(place.pendingDir, test.recording);
  // The recorded configuration, with the picked one's values (secrets included) over it: the vendor's address and
  // credentials are the configuration's, anything the recording had besides stays.
  const recorded = Object.fromEntries(Object.entries(test.record.config ?? {}).filter(([, v]) => !(typeof v === 'string' && v.startsWith('<scrubbed:'))));
  const live = { ...recorded, ...config };
  const options = { cassette: { mode: 'record' as const, path: cassette }, ...(timeoutMs ? { timeoutMs } : {}) };
  if (test.operation === HEALTH_OPERATION) await runtime.checkHealth(place.connectorDir, live, options);
  else await runtime.execute(place.connectorDir, test.operation, test.params, live, options);
  const runRecord = runRecordPathOf(cassette);
  if (!existsSync(cassette) || !existsSync(runRecord))
    throw new ServiceError('RUNTIME', `The live run of ${test.operation} wrote no recording (${existsSync(cassette) ? 'no run record' : 'no cassette'}): see the log, then try again.`);
  const [cassetteText, recordText] = await Promise.all([readFile(cassette, 'utf8'), readFile(runRecord, 'utf8')]);
  const secrets = secretValues(live, tryReadConnectorInfo(place.connectorDir)?.passwordFields ?? []).filter((s) => s.length >= 4);
  if (leakIn(cassetteText, secrets) || leakIn(recordText, secrets)) {
    await discardRerecord(place.pendingDir, test.recording);
    throw new ServiceError('VALIDATION', `The new recording of ${test.operation} still holds a secret of the configuration, so it was thrown away: mark the field as a password in info.json and re-record.`);
  }
  const now = JSON.parse(recordText) as RunRecord;
  const data = dataChanges(test.record.result.data, now.result.data);
  const schema = schemaChanges(test.record.result.data, now.result.data);
  const sameLogs = JSON.stringify(test.record.result.errorLogs) === JSON.stringify(now.result.errorLogs);
  return {
    testId,
    recording: test.recording,
    before: sideOf(test.record, await interactionsOf(test.cassettePath)),
    after: sideOf(now, await interactionsOf(cassette)),
    dataChanges: data.changes,
    schemaChanges: schema.changes,
    truncated: data.truncated || schema.truncated,
    unchanged: data.changes.length === 0 && test.record.result.status === now.result.status && sameLogs,
  };
}

/** Accept: the pending cassette and run record replace the recording's, each written atomically. */
export async function acceptRerecord(place: RerecordPlace, recording: string): Promise<{ cassette: string; runRecord: string }> {
  checkName(recording);
  const pending = pendingOf(place.pendingDir, recording);
  if (!existsSync(pending) || !existsSync(runRecordPathOf(pending)))
    throw new ServiceError('NOT_FOUND', `There is no new recording of ${recording} to accept (it was accepted or kept already): re-record the test again.`);
  const cassetteRel = `tests/cassettes/${recording}.json`;
  const target = await resolveInside(place.root, cassetteRel);
  const [tape, record] = await Promise.all([readFile(pending, 'utf8'), readFile(runRecordPathOf(pending), 'utf8')]);
  await writeFileAtomic(target, tape);
  await writeFileAtomic(runRecordPathOf(target), record);
  await discardRerecord(place.pendingDir, recording);
  return { cassette: cassetteRel, runRecord: `tests/cassettes/${recording}.run.json` };
}

/** Keep: the pending recording goes; the test's recording stays as it was. */
export async function discardRerecord(pendingDir: string, recording: string): Promise<void> {
  checkName(recording);
  const pending = pendingOf(pendingDir, recording);
  await Promise.all([rm(pending, { force: true }), rm(runRecordPathOf(pending), { force: true })]);
}
