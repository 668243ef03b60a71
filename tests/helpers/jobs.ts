import type { JobChannel, JobDone, JobValue, Req } from '../../src/shared/ipc/contract';
import { JOB_DONE_EVENTS } from '../../src/shared/ipc/channels';
import type { Result } from '../../src/shared/result';
import type { Services } from '../../src/main/services/index';
import { dispatch } from '../../src/main/services/router';

export interface JobAnswer<T> {
  /** What the request answered at once: the run id, or the refusal (validation, trust, CONFLICT). */
  readonly started: Result<{ runId: string }>;
  /** The done event's outcome; the refusal again when the job never started. */
  readonly done: Result<T>;
}

/** Starts a job through the router as the UI does (listening before asking) and waits for its done event. */
export async function dispatchJob<C extends JobChannel>(s: Services, channel: C, req: Req<C>): Promise<JobAnswer<JobValue<C>>> {
  const doneEvent: string = JOB_DONE_EVENTS[channel];
  let off = () => {};
  const done = new Promise<Result<JobValue<C>>>((resolve) => {
    off = s.events.subscribe((name, payload) => {
      const e = payload as JobDone<JobValue<C>>;
      if (name !== doneEvent || e.runId !== req.runId) return;
      const { runId: _runId, ...result } = e;
      resolve(result as Result<JobValue<C>>);
    });
  });
  try {
    const started = (await dispatch(s, channel, req)) as Result<{ runId: string }>;
    return { started, done: started.ok ? await done : started };
  } finally {
    off();
  }
}
