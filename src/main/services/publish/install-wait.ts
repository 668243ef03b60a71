/** After an upload: the import job, then requirements.txt, polled until they finish (publish and rollback both
 * wait this way). */
import { PublishError, duration } from './errors';
import type { FortiSoarClient } from './client';
import type { ConnectorDetails, ImportJob, InstallRecord } from './types';

export interface PollTiming {
  readonly intervalMs: number;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface InstallTimeouts {
  readonly importTimeoutMs?: number;
  readonly requirementsTimeoutMs?: number;
}

const IN_PROGRESS = /progress|pending|queued|running|^$/i;

async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean, o: PollTiming & { timeoutMs: number; what: string }): Promise<T> {
  const until = o.now().getTime() + o.timeoutMs;
  // Quick first looks (a small import finishes in well under a second), then every intervalMs.
  for (let wait = Math.min(200, o.intervalMs); ; wait = Math.min(wait * 2, o.intervalMs)) {
    const v = await read();
    if (done(v)) return v;
    if (o.now().getTime() > until)
      throw new PublishError(`The server did not finish ${o.what} within ${duration(o.timeoutMs)}.`, {
        kind: 'timeout',
        hint: 'It may still finish: look at the connector on the server in a few minutes, or publish again with a longer wait.',
      });
    await o.sleep(wait);
  }
}

export type InstallWait =
  | { readonly ok: true; readonly job?: ImportJob; readonly details: ConnectorDetails; readonly requirements: { status: string; output?: string } }
  | { readonly ok: false; readonly job?: ImportJob; readonly result: 'import-failed' | 'requirements-failed'; readonly message: string; readonly requirements: { status: string; output?: string } };

/** Waits for the import job (when the server started one) and for requirements.txt; says which of them failed. */
export async function waitForInstall(client: FortiSoarClient, record: InstallRecord, timing: PollTiming, t: InstallTimeouts = {}, onStage?: (stage: 'import' | 'requirements') => void): Promise<InstallWait> {
  let job: ImportJob | undefined;
  if (record.importJob?.uuid) {
    onStage?.('import');
    const uuid = record.importJob.uuid;
    job = await poll(() => client.importJob(uuid), (j) => !IN_PROGRESS.test(j.status), { ...timing, timeoutMs: t.importTimeoutMs ?? 300_000, what: 'the import job' });
    if (!/complete/i.test(job.status)) {
      const why = typeof job.message === 'string' ? `: ${job.message}` : '';
      return { ok: false, job, result: 'import-failed', message: `The import job ended with "${job.status}"${why}.`, requirements: { status: 'Not started' } };
    }
  }
  onStage?.('requirements');
  const details = await poll(() => client.connectorDetails(record.id), (d) => !IN_PROGRESS.test(d.requirements_installed ?? 'Completed'), {
    ...timing,
    timeoutMs: t.requirementsTimeoutMs ?? 600_000,
    what: 'installing requirements.txt',
  });
  const requirements = { status: details.requirements_installed ?? 'Completed', output: details.install_result?.output };
  if (!/complete|success/i.test(requirements.status))
    return { ok: false, job, result: 'requirements-failed', message: `Installed, but requirements.txt failed to install (${requirements.status}).`, requirements };
  return { ok: true, job, details, requirements };
}
