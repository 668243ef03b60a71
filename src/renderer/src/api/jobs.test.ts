import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { ApiError } from './api-error';
import { initTransport } from './client';
import { runJob } from './jobs';
import type { Transport } from './transport';

/** A transport whose services answer `start` and push events when the test says so. */
function fakeServices(start: (channel: string, req: { runId: string }) => Result<unknown>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const asked: string[] = [];
  const transport: Transport = {
    kind: 'ipc',
    invoke: async (channel, req) => {
      asked.push(channel);
      return start(channel, req as { runId: string }) as never;
    },
    on: (event, fn) => {
      const set = listeners.get(event) ?? new Set();
      set.add(fn as (p: unknown) => void);
      listeners.set(event, set);
      return () => void set.delete(fn as (p: unknown) => void);
    },
    onStatus: () => () => undefined,
  };
  initTransport(transport);
  return {
    asked,
    emit: (event: string, payload: unknown) => [...(listeners.get(event) ?? [])].forEach((fn) => fn(payload)),
    listening: (event: string) => listeners.get(event)?.size ?? 0,
  };
}

const REQ = { projectId: 'p', runId: 'mine' };

describe('runJob', () => {
  it('resolves with the value of its own done event, ignoring other runs, and stops listening', async () => {
    const svc = fakeServices((_c, req) => ok({ runId: req.runId }));
    const job = runJob('runtime.installDependencies', REQ);
    await Promise.resolve();
    svc.emit('runtime.installDone', { runId: 'other', ok: true, value: 'not mine' });
    svc.emit('runtime.installDone', { runId: 'mine', ok: true, value: { status: 'Completed' } });
    await expect(job).resolves.toEqual({ status: 'Completed' });
    expect(svc.asked).toEqual(['runtime.installDependencies']);
    expect(svc.listening('runtime.installDone')).toBe(0);
  });

  it('throws a failed job as the ApiError a request would have thrown: code, message, details, channel', async () => {
    const svc = fakeServices((_c, req) => ok({ runId: req.runId }));
    const job = runJob('publish.run', { ...REQ, profileId: 'x' }).catch((e: unknown) => e);
    svc.emit('publish.done', { runId: 'mine', ...err('FORBIDDEN', 'The server refused the password.', { kind: 'auth', status: 401 }) });
    const e = await job;
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: 'The server refused the password.', details: { kind: 'auth', status: 401 }, channel: 'publish.run' });
  });

  it('throws a refusal to start (a second install) at once and stops listening', async () => {
    const svc = fakeServices(() => err('CONFLICT', 'Dependencies are already being installed for this connector.'));
    const e = await runJob('runtime.installDependencies', REQ).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CONFLICT', channel: 'runtime.installDependencies' });
    expect(svc.listening('runtime.installDone')).toBe(0);
  });

  it('takes a done event that arrives before the answer to the start', async () => {
    const svc: ReturnType<typeof fakeServices> = fakeServices((_c, req) => {
      svc.emit('runtime.installDone', { runId: req.runId, ok: true, value: 'quick' });
      return ok({ runId: req.runId });
    });
    await expect(runJob('runtime.installDependencies', REQ)).resolves.toBe('quick');
  });
});
