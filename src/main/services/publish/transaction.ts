/** A publish as a transaction: each step timed and recorded (passed, failed with the server's words, skipped), the
 * installed connector compared with what was built, and smoke actions run on the server. */
import type { InfoJson } from '../../../shared/connector/info-json';
import type { SmokeAction, TransactionStep, TransactionStepName } from '../../../shared/models/publish';
import type { FortiSoarClient } from './client';
import type { ConnectorDetails } from './types';

export interface StepRecorder {
  readonly steps: TransactionStep[];
  /** Runs `work` as `step`: passed when it resolves, failed (with the error's message) when it throws. */
  run<T>(step: TransactionStepName, work: () => Promise<T>, passedMessage?: (v: T) => string | undefined): Promise<T>;
  /** Records a step whose outcome was decided without a throw (a health check that answered "Disconnected"). */
  finish(step: TransactionStepName, startedAt: number, status: TransactionStep['status'], message?: string): void;
  skip(step: TransactionStepName, message: string): void;
  now(): number;
}

export function stepRecorder(onStep?: (s: TransactionStep) => void, clock: () => number = Date.now): StepRecorder {
  const steps: TransactionStep[] = [];
  const push = (s: TransactionStep) => {
    steps.push(s);
    onStep?.(s);
  };
  const finish = (step: TransactionStepName, startedAt: number, status: TransactionStep['status'], message?: string) =>
    push({ step, status, durationMs: Math.max(0, clock() - startedAt), ...(message ? { message } : {}) });
  return {
    steps,
    now: clock,
    finish,
    skip: (step, message) => push({ step, status: 'skipped', durationMs: 0, message }),
    async run(step, work, passedMessage) {
      const started = clock();
      try {
        const v = await work();
        finish(step, started, 'passed', passedMessage?.(v));
        return v;
      } catch (e) {
        finish(step, started, 'failed', (e as Error).message);
        throw e;
      }
    },
  };
}

const names = (ops: ReadonlyArray<{ operation?: unknown }> | undefined) =>
  new Set((ops ?? []).map((o) => o.operation).filter((o): o is string => typeof o === 'string'));

/** What the server says it installed against what was built: name, version, operations, and the archive's checksum
 * where the server exposes it (the sandbox's `archive_sha256`; the reference names no such field on FortiSOAR).
 * Returns the differences, empty when they agree. */
export function verifyInstalled(details: ConnectorDetails & { archive_sha256?: unknown }, built: InfoJson, sha256: string): string[] {
  const problems: string[] = [];
  if (details.name !== built.name) problems.push(`the server has "${details.name}" where "${String(built.name)}" was built`);
  if (details.version !== built.version) problems.push(`the server has version ${details.version} where ${String(built.version)} was built`);
  const want = names(Array.isArray(built.operations) ? (built.operations as Array<{ operation?: unknown }>) : []);
  const have = names(details.operations);
  const missing = [...want].filter((o) => !have.has(o));
  const extra = [...have].filter((o) => !want.has(o));
  if (missing.length) problems.push(`operations missing on the server: ${missing.join(', ')}`);
  if (extra.length) problems.push(`operations on the server that were not built: ${extra.join(', ')} (old code still installed?)`);
  if (typeof details.archive_sha256 === 'string' && details.archive_sha256 !== sha256)
    problems.push(`the server's archive checksum ${details.archive_sha256.slice(0, 12)}… is not the uploaded ${sha256.slice(0, 12)}…`);
  return problems;
}

/** Runs one smoke action on the server; throws with the server's message when the action fails. */
export async function runSmoke(client: FortiSoarClient, connector: { name: string; version: string }, config: string | undefined, action: SmokeAction): Promise<string> {
  const r = await client.execute({ connector: connector.name, version: connector.version, config: config ?? '', operation: action.operation, params: action.params ?? {} });
  if (r.status !== 'Success') throw new Error(`The action ${action.operation} failed on the server: ${r.message}`);
  return `${action.operation} returned ${r.data === null || r.data === undefined ? 'nothing' : typeof r.data === 'object' ? 'data' : String(r.data).slice(0, 60)}`;
}
