import type { Events, JobChannel, JobDone, JobValue, Req } from '../../../shared/ipc/contract';
import { JOB_DONE_EVENTS } from '../../../shared/ipc/channels';
import { ApiError } from './api-error';
import { call, onEvent } from './client';

/** Starts long work (a job channel) and resolves with its outcome from the done event, or throws its failure as an
 * ApiError, exactly as `call` would have. It listens before asking, so a job that ends quickly is not missed; a
 * refusal (validation, CONFLICT) throws at once. */
export function runJob<C extends JobChannel>(channel: C, req: Req<C>): Promise<JobValue<C>> {
  return new Promise<JobValue<C>>((resolve, reject) => {
    const off = onEvent(JOB_DONE_EVENTS[channel], (payload: Events[(typeof JOB_DONE_EVENTS)[C]]) => {
      const e = payload as JobDone<JobValue<C>>;
      if (e.runId !== req.runId) return;
      off();
      if (e.ok) resolve(e.value);
      else reject(new ApiError(channel, e.error));
    });
    call(channel, req).catch((e: unknown) => {
      off();
      reject(e);
    });
  });
}
