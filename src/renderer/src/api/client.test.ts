import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result';
import { ApiError, isConflict } from './api-error';
import { call, initTransport } from './client';
import type { Transport } from './transport';

const fake = (answer: (channel: string, req: unknown) => unknown): Transport => ({
  kind: 'http',
  invoke: async (channel, req) => answer(channel, req) as never,
  on: () => () => undefined,
  onStatus: () => () => undefined,
});

describe('call', () => {
  it('returns the value of an ok Result', async () => {
    initTransport(fake((channel, req) => ok({ channel, req })));
    await expect(call('files.read', { projectId: 'p', relPath: 'a.py' })).resolves.toEqual({ channel: 'files.read', req: { projectId: 'p', relPath: 'a.py' } });
  });
  it('throws an ApiError that keeps the code, message, details and channel', async () => {
    initTransport(fake(() => err('CONFLICT', '"a.py" changed on disk', { currentEtag: 'e2' })));
    const e = await call('files.write', { projectId: 'p', relPath: 'a.py', text: 'x', etag: 'e1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'CONFLICT', message: '"a.py" changed on disk', details: { currentEtag: 'e2' }, channel: 'files.write' });
    expect(isConflict(e)).toBe(true);
  });
});
