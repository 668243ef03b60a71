import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntimeService } from './runtime-service';
import { processesEnded } from '../../../../tests/helpers/process-exit';
import { fixture, isRunning } from './test-kit';
import type { RuntimeService } from './types';

let runtime: RuntimeService | undefined;
let tmp = '';
afterEach(async () => {
  await runtime?.stopAll();
  rmSync(tmp, { recursive: true, force: true });
});

/** A runtime whose interpreter per connector comes from `pick` (as the environment service answers it). */
function make(pick: () => string[] | undefined): RuntimeService {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-interp-'));
  runtime = createRuntimeService({ dataDir: tmp, env: { PYTHONPATH: fixture('site-packages') }, resolvePython: async () => pick() });
  return runtime;
}
const pidOf = (r: { data: unknown }) => (r.data as { pid: number }).pid;

describe("a connector's own interpreter", () => {
  it('keeps the worker while the interpreter stays, and restarts it when the interpreter changes', async () => {
    const chosen: { command?: string[] } = {};
    const rt = make(() => chosen.command);
    const sleepy = fixture('sleepy');
    const first = pidOf(await rt.execute(sleepy, 'quick', {}, {}));
    expect(pidOf(await rt.execute(sleepy, 'quick', {}, {}))).toBe(first);
    chosen.command = ['python3', '-B'];
    const second = pidOf(await rt.execute(sleepy, 'quick', {}, {}));
    expect(second).not.toBe(first);
    expect(await processesEnded([first])).toBe(true);
    expect(isRunning(first)).toBe(false);
    expect(pidOf(await rt.execute(sleepy, 'quick', {}, {}))).toBe(second);
  });

  it('names the interpreter that could not start', async () => {
    const rt = make(() => ['cs-no-such-python']);
    const r = await rt.execute(fixture('sleepy'), 'quick', {}, {});
    expect(r).toMatchObject({ status: 'Failed', workerFailure: 'spawn' });
    expect(r.message).toMatch(/^Could not start the Python worker \(cs-no-such-python\)/);
  });
});
