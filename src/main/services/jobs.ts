import type { JobDone, JobStarted } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { ServiceError, toResult } from './errors';

export interface JobKind<T> {
  /** Why a second job with a busy key is refused, and what to do. */
  readonly busyMessage: string;
  /** Where each started job's outcome goes (an event to the UI). */
  readonly done: (e: JobDone<T>) => void;
  readonly log?: (msg: string, extra?: unknown) => void;
}

/** The running jobs of one kind. A key says what must not run twice at once (a connector's venv, a run id): a
 * second job on a busy key is refused at once with CONFLICT instead of racing the first one. */
export interface JobRegistry<T> {
  /** Runs the work as the key's one job and returns its outcome (the CLI and tests wait for it). `afterwards` runs
   * once the key is free, whatever the outcome, before the outcome is given. CONFLICT while the key is busy. */
  run(key: string, work: () => Promise<T>, afterwards?: () => Promise<void>): Promise<T>;
  /** Starts the work and answers at once with `runId`; the outcome comes through the kind's `done`. CONFLICT
   * while the key is busy. */
  start(key: string, runId: string, work: () => Promise<T>, afterwards?: () => Promise<void>): JobStarted;
  isRunning(key: string): boolean;
}

export function createJobRegistry<T>(kind: JobKind<T>): JobRegistry<T> {
  const running = new Set<string>();

  function claim(key: string): void {
    if (running.has(key)) throw new ServiceError('CONFLICT', kind.busyMessage);
    running.add(key);
  }

  /** Runs the work as the key's one job and returns its outcome (the CLI and tests wait for it). `afterwards` runs
   * once the key is free, whatever the outcome, before the outcome is given. */
  async function run(key: string, work: () => Promise<T>, afterwards?: () => Promise<void>): Promise<T> {
    claim(key);
    return settle(key, work, afterwards);
  }

  async function settle(key: string, work: () => Promise<T>, afterwards?: () => Promise<void>): Promise<T> {
    try {
      return await work();
    } finally {
      running.delete(key);
      await afterwards?.();
    }
  }

  /** Starts the work and answers at once; its outcome, or its failure as an AppError, comes through `done` tagged
   * with the run id after the key is free again (so the UI may start the next one as soon as it hears). */
  function start(key: string, runId: string, work: () => Promise<T>, afterwards?: () => Promise<void>): JobStarted {
    claim(key);
    void settle(key, work, afterwards)
      .then((value) => ok(value))
      .catch((e: unknown) => toResult(e, kind.log))
      .then((result) => {
        try {
          kind.done({ runId, ...result });
        } catch (e) {
          kind.log?.(`Could not report the end of job ${runId}`, e);
        }
      });
    return { runId };
  }

  return { run, start, isRunning: (key: string) => running.has(key) };
}
