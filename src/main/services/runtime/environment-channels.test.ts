import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, servicesOnSample } from '../../../../tests/helpers/services';
import type { JobDone } from '../../../shared/ipc/contract';
import type { InstallOutcome, InstallProgressEvent } from '../../../shared/models/environment';
import type { Services } from '../index';
import { dispatch } from '../router';
import { defined } from '../../../../tests/helpers/defined';

// The environment channels through the router, on the bundled sample, with real python3 and pip.
let tmp: string;
let s: Services;
let projectId: string;
let connectorDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-env-channels-'));
  ({ services: s, projectId } = await servicesOnSample(tmp));
  connectorDir = await s.projects.connectorDirOf(projectId);
}, 60_000);
afterAll(async () => {
  await s?.dispose();
  await rm(tmp, { recursive: true, force: true });
});

describe('runtime environment channels', () => {
  it('refuse extras that are not platform libraries', async () => {
    const r = await dispatch(s, 'runtime.installDependencies', { projectId, runId: 'r0', extras: ['left-pad'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
  });

  it('install as a job with progress events and a done event, and a second install at the same time is refused at once', async () => {
    await writeFile(path.join(connectorDir, 'requirements.txt'), 'six\n');
    const events: InstallProgressEvent[] = [];
    const order: string[] = [];
    let off = () => {};
    const finished = new Promise<JobDone<InstallOutcome>>((resolve) => {
      off = s.events.subscribe((name, payload) => {
        if (name === 'runtime.installProgress') events.push(payload as InstallProgressEvent);
        if (name !== 'runtime.installDone') return;
        order.push(`done:${(payload as JobDone<InstallOutcome>).runId}`);
        resolve(payload as JobDone<InstallOutcome>);
      });
    });
    const answers = await Promise.all(
      ['r1', 'r2'].map(async (runId) => {
        const r = await dispatch(s, 'runtime.installDependencies', { projectId, runId });
        order.push(`${r.ok ? 'started' : 'refused'}:${runId}`);
        return r;
      }),
    );
    // Whichever reached the service first installs; the other is refused rather than racing it on the same venv.
    const winner = answers.findIndex((r) => r.ok);
    const runId = winner === 0 ? 'r1' : 'r2';
    const won = defined(answers[winner], 'the install that started');
    const refused = defined(answers[1 - winner], 'the install that was refused');
    expect(must(won)).toEqual({ runId });
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    const done = await finished;
    off();
    // Both requests answered before pip was through: nothing held a request open for the install.
    expect(order.slice(2)).toEqual([`done:${runId}`]);
    expect(done).toMatchObject({ runId, ok: true, value: { status: 'Completed', environment: { venv: { exists: true }, interpreter: { source: 'venv' } } } });
    expect(events.length).toBeGreaterThan(1);
    expect(new Set(events.map((e) => e.runId))).toEqual(new Set([runId]));
    const env = must(await dispatch(s, 'runtime.environment', { projectId }));
    expect(env.requirements).toEqual(['six']);
    // The install's hold on the venv ended with its done event: removing it is no longer refused.
    expect(must(await dispatch(s, 'runtime.removeEnvironment', { projectId })).venv.exists).toBe(false);
  }, 120_000);

  it('lists the interpreters on PATH and sets one for the connector', async () => {
    const found = must(await dispatch(s, 'runtime.interpreters', {}));
    expect(found.some((i) => i.command === 'python3')).toBe(true);
    const env = must(await dispatch(s, 'runtime.setInterpreter', { projectId, interpreter: 'python3' }));
    expect(env).toMatchObject({ selected: 'python3', interpreter: { source: 'connector' } });
    const bad = await dispatch(s, 'runtime.setInterpreter', { projectId, interpreter: 'cs-no-such-python' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
  }, 60_000);
});
