import { describe, expect, it } from 'vitest';
import type { JobDone } from '../../shared/ipc/contract';
import { ServiceError } from './errors';
import { createJobRegistry } from './jobs';

/** A job's work that ends when the test says so. */
function gate<T>() {
  let open!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)));
  return { work: () => promise, open, fail };
}

function registry() {
  const done: JobDone<string>[] = [];
  const logged: string[] = [];
  let heard: (e: JobDone<string>) => void = () => {};
  const jobs = createJobRegistry<string>({
    busyMessage: 'Busy: wait for it.',
    done: (e) => (done.push(e), heard(e)),
    log: (m) => logged.push(m),
  });
  const next = () => new Promise<JobDone<string>>((resolve) => (heard = resolve));
  return { jobs, done, logged, next };
}

describe('job registry', () => {
  it('answers at once, refuses a second job on a busy key with CONFLICT, and reports the value tagged with the run id', async () => {
    const { jobs, done, next } = registry();
    const g = gate<string>();
    expect(jobs.start('venv-a', 'r1', g.work)).toEqual({ runId: 'r1' });
    expect(jobs.isRunning('venv-a')).toBe(true);
    expect(() => jobs.start('venv-a', 'r2', g.work)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'Busy: wait for it.' }));
    await expect(jobs.run('venv-a', async () => 'x')).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another key is another job.
    expect(jobs.start('venv-b', 'r3', async () => 'b')).toEqual({ runId: 'r3' });
    expect(await next()).toEqual({ runId: 'r3', ok: true, value: 'b' });
    expect(done.map((d) => d.runId)).toEqual(['r3']);
    const heard = next();
    g.open('a');
    expect(await heard).toEqual({ runId: 'r1', ok: true, value: 'a' });
  });

  it('frees the key and runs `afterwards` before the done event, so the UI may start the next job as soon as it hears', async () => {
    const { jobs, next } = registry();
    const steps: string[] = [];
    const heard = next();
    jobs.start('k', 'r1', async () => (steps.push('work'), 'v'), async () => void steps.push(`afterwards, running=${jobs.isRunning('k')}`));
    await heard;
    steps.push('done');
    expect(steps).toEqual(['work', 'afterwards, running=false', 'done']);
    expect(jobs.start('k', 'r2', async () => 'again')).toEqual({ runId: 'r2' });
  });

  it('reports a service failure as its AppError, code, message and details, and an unexpected one as INTERNAL, logged', async () => {
    const { jobs, logged, next } = registry();
    let heard = next();
    jobs.start('k', 'r1', async () => {
      throw new ServiceError('FORBIDDEN', 'The server refused the password.', { kind: 'auth', status: 401 });
    });
    expect(await heard).toEqual({ runId: 'r1', ok: false, error: { code: 'FORBIDDEN', message: 'The server refused the password.', details: { kind: 'auth', status: 401 } } });
    expect(logged).toEqual([]);
    heard = next();
    const g = gate<string>();
    jobs.start('k', 'r2', g.work);
    g.fail(new TypeError('x is undefined'));
    const failed = await heard;
    expect(failed).toMatchObject({ runId: 'r2', ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/x is undefined.*log/) } });
    expect(logged).toEqual(['Unexpected error in a service']);
    expect(jobs.isRunning('k')).toBe(false);
  });

  it('run() waits for the outcome and frees the key on failure too', async () => {
    const { jobs, done } = registry();
    expect(await jobs.run('k', async () => 'v')).toBe('v');
    await expect(jobs.run('k', async () => Promise.reject(new ServiceError('VALIDATION', 'bad')))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(jobs.isRunning('k')).toBe(false);
    expect(done).toEqual([]);
  });
});
