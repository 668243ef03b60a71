import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Events } from '../../../../shared/ipc/contract';

type Progress = Events['package.progress'];
const api = vi.hoisted(() => ({
  listeners: new Set<(e: Progress) => void>(),
  calls: [] as { channel: string; req: Record<string, unknown>; resolve: (v: unknown) => void }[],
  /** Told of every call, so a test waits for the store's call instead of polling for it. */
  onCall: [] as Array<() => void>,
}));
vi.mock('../../api/client', () => ({
  onEvent: (_name: string, fn: (e: Progress) => void) => {
    api.listeners.add(fn);
    return () => api.listeners.delete(fn);
  },
  call: (channel: string, req: Record<string, unknown>) =>
    new Promise((resolve) => {
      api.calls.push({ channel, req, resolve });
      api.onCall.splice(0).forEach((heard) => heard());
    }),
}));
vi.mock('../projects/store', () => ({ useProjectsStore: { getState: () => ({ load: async () => undefined }) } }));

const { useAuthoringStore } = await import('./authoring');
const emit = (e: Progress) => api.listeners.forEach((fn) => fn(e));
const firstCall = () => (api.calls.length > 0 ? Promise.resolve() : new Promise<void>((heard) => api.onCall.push(heard)));
const RESULT = { file: '/w/a.tgz', fileName: 'a.tgz', bytes: 10, name: 'a', version: '1.0.0', entries: ['a/', 'a/info.json'], base64: '' };

beforeEach(() => {
  api.calls.length = 0;
  api.onCall.length = 0;
  useAuthoringStore.setState({ exporting: null, dialog: null, busy: false });
});

describe('export progress in the authoring store', () => {
  it('tracks package.progress for its own runId while the export runs, then clears', async () => {
    const done = useAuthoringStore.getState().exportPackage('p1');
    await firstCall();
    expect(api.calls).toHaveLength(1);
    const { channel, req, resolve } = api.calls[0];
    expect(channel).toBe('package.export');
    const runId = req.runId as string;
    expect(runId).toMatch(/^export-/);
    expect(useAuthoringStore.getState().exporting).toEqual({ runId, projectId: 'p1', done: 0, total: 0 });

    emit({ runId, projectId: 'p1', done: 3, total: 40 });
    emit({ runId: 'someone-else', projectId: 'p1', done: 39, total: 40 });
    expect(useAuthoringStore.getState().exporting).toMatchObject({ done: 3, total: 40 });
    emit({ runId, projectId: 'p1', done: 2, total: 40 }); // a late, older event never moves it back
    expect(useAuthoringStore.getState().exporting).toMatchObject({ done: 3 });

    resolve(RESULT);
    await expect(done).resolves.toEqual(RESULT);
    expect(useAuthoringStore.getState().exporting).toBeNull();
    expect(api.listeners.size).toBe(0);
    emit({ runId, projectId: 'p1', done: 40, total: 40 }); // trailing event after the response
    expect(useAuthoringStore.getState().exporting).toBeNull();
    expect(useAuthoringStore.getState().dialog).toMatchObject({ kind: 'exported', projectId: 'p1' });
  });

  it('passes the skipped stray files of an import on', async () => {
    const outcome = useAuthoringStore.getState().importPackage('x.tgz', 'AA==');
    await firstCall();
    expect(api.calls).toHaveLength(1);
    api.calls[0].resolve({ id: 'p2', name: 'plain', version: '2.0.0', skipped: ['._plain'], warnings: ['Skipped "._plain": a stray file'] });
    await expect(outcome).resolves.toEqual({
      kind: 'imported',
      project: { id: 'p2', name: 'plain', version: '2.0.0' },
      skipped: ['._plain'],
      warnings: ['Skipped "._plain": a stray file'],
    });
  });
});
