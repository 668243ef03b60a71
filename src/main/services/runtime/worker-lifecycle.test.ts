import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRunnerPath } from './runtime-service';
import { processesEnded } from '../../../../tests/helpers/process-exit';
import { fixture, isRunning, makeKit, type Kit } from './test-kit';

let kit: Kit;
afterEach(() => kit?.dispose());
const pidOf = (r: { data: unknown }) => (r.data as { pid: number }).pid;
const posix = process.platform !== 'win32';

describe('timeouts', () => {
  it('kill the worker, say so, keep what was logged, and a fresh worker answers the next call', async () => {
    kit = makeKit();
    const sleepy = fixture('sleepy');
    const first = pidOf(await kit.runtime.execute(sleepy, 'quick', {}, {}));
    const r = await kit.runtime.execute(sleepy, 'hang', {}, {}, { timeoutMs: 1000 });
    expect(r).toMatchObject({ status: 'Failed', workerFailure: 'timeout', stdout: 'waiting...\n', data: null });
    expect(r.message).toBe('Operation "hang" timed out after 1 s; the Python worker was stopped and restarted.');
    expect(r.logs[0]?.message).toBe('about to wait for a server that never answers');
    expect(r.durationMs).toBeGreaterThanOrEqual(1000);
    expect(await processesEnded([first])).toBe(true);
    expect(isRunning(first)).toBe(false);
    const next = await kit.runtime.execute(sleepy, 'quick', {}, {});
    expect(next.status).toBe('Success');
    expect(pidOf(next)).not.toBe(first);
  });
});

describe('crashes', () => {
  it('become a failed call with the stderr tail, and the next call restarts the worker', async () => {
    kit = makeKit();
    const crashy = fixture('crashy');
    const first = pidOf(await kit.runtime.execute(crashy, 'quick', {}, {}));
    const r = await kit.runtime.execute(crashy, 'crash', {}, {});
    expect(r).toMatchObject({ status: 'Failed', workerFailure: 'crash', data: null });
    expect(r.message).toMatch(/^The Python worker crashed \(exit code 3\) during operation "crash"/);
    expect(r.message).toContain('native library says: fatal error 42');
    expect(r.logs.map((l) => l.message)).toEqual(['going down']);
    const next = await kit.runtime.execute(crashy, 'quick', {}, {});
    expect(next.status).toBe('Success');
    expect(pidOf(next)).not.toBe(first);
  });

  it('a missing interpreter is a failed call, never a throw', async () => {
    kit = makeKit({ pythonCommand: ['no-such-python-3'] });
    const r = await kit.runtime.execute(fixture('hello-world'), 'trivial', {}, {});
    expect(r).toMatchObject({ status: 'Failed', workerFailure: 'spawn' });
    expect(r.message).toMatch(/^Could not start the Python worker \(no-such-python-3\): .*ENOENT/);
    expect(await kit.runtime.checkHealth(fixture('hello-world'), {})).toMatchObject({ status: 'Disconnected', workerFailure: 'spawn' });
  });
});

describe('reload', () => {
  it('applies saved edits, including names bound by from-imports', async () => {
    kit = makeKit();
    const folder = kit.copy('hello-world');
    expect((await kit.runtime.execute(folder, 'greet', { name: 'Ada' }, {})).data).toMatchObject({ greeting: 'Hello Ada' });
    writeFileSync(path.join(folder, 'constants.py'), "GREETING = 'Hi'\n");
    // No re-import per call: the edit waits for reload.
    expect((await kit.runtime.execute(folder, 'greet', { name: 'Ada' }, {})).data).toMatchObject({ greeting: 'Hello Ada' });
    await kit.runtime.reload(folder);
    expect((await kit.runtime.execute(folder, 'greet', { name: 'Ada' }, {})).data).toMatchObject({ greeting: 'Hi Ada' });
  });

  it('reports a broken edit as a load failure and recovers once it is fixed', async () => {
    kit = makeKit();
    const folder = kit.copy('hello-world');
    await kit.runtime.execute(folder, 'trivial', {}, {});
    const constants = path.join(folder, 'constants.py');
    writeFileSync(constants, 'GREETING = (\n');
    await kit.runtime.reload(folder);
    const broken = await kit.runtime.execute(folder, 'trivial', {}, {});
    expect(broken).toMatchObject({ status: 'Failed', message: expect.stringMatching(/^Could not load the connector: SyntaxError/) });
    expect(broken.logs.at(-1)!.message).toContain('constants.py');
    writeFileSync(constants, "GREETING = 'Hey'\n");
    await kit.runtime.reload(folder);
    expect(await kit.runtime.execute(folder, 'greet', {}, {})).toMatchObject({ status: 'Success', data: { greeting: 'Hey world' } });
  });
});

describe('output cap', () => {
  it('cuts stdout at the cap with a notice', async () => {
    kit = makeKit({ outputCapBytes: 2000 });
    const r = await kit.runtime.execute(fixture('hello-world'), 'flood', { lines: 1000 }, {});
    expect(r).toMatchObject({ status: 'Success', data: { done: true } });
    const [kept, notice] = r.stdout.split('\n[Connector Studio: ');
    expect(kept?.length).toBe(2000);
    expect(notice).toMatch(/^\d+ more characters of stdout were cut at the 2000 bytes output cap]/);
  });
});

describe('data cap', () => {
  it('replaces data over the cap with the start of its JSON text, and says so', async () => {
    kit = makeKit({ dataCapBytes: 500 });
    const r = await kit.runtime.execute(fixture('hello-world'), 'echo', { blob: 'x'.repeat(2000) }, {});
    expect(r.status).toBe('Success');
    expect(r.data).toMatch(/^\{"params":\{"blob":"xxx/);
    expect((r.data as string).length).toBe(500);
    expect(r.logs.at(-1)!.message).toMatch(/^The result data \(\d+ characters of JSON\) was over the 500-character cap/);
    expect(r.schema).toEqual({ missing: [], extra: [] });
  });
});

describe('no orphan processes', () => {
  it('queues concurrent calls to one worker', async () => {
    kit = makeKit();
    const hello = fixture('hello-world');
    const results = await Promise.all([1, 2, 3, 4].map((n) => kit.runtime.execute(hello, 'greet', { name: String(n) }, {})));
    expect(results.map((r) => (r.data as { greeting: string }).greeting)).toEqual(['Hello 1', 'Hello 2', 'Hello 3', 'Hello 4']);
  });

  it.runIf(posix)('stopAll ends every worker and the processes connectors started', async () => {
    kit = makeKit();
    const started = await kit.runtime.execute(fixture('sleepy'), 'child', {}, {});
    const child = (started.data as { child: number }).child;
    await kit.runtime.execute(fixture('hello-world'), 'trivial', {}, {});
    await kit.runtime.execute(fixture('crashy'), 'quick', {}, {});
    const pids = kit.runtime.workers().map((w) => w.pid);
    expect(pids).toHaveLength(3);
    expect([...pids, child].every(isRunning)).toBe(true);
    await kit.runtime.stopAll();
    expect(kit.runtime.workers()).toEqual([]);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(await processesEnded([child])).toBe(true);
    expect(isRunning(child)).toBe(false);
  });

  it.runIf(posix)('a worker exits by itself when its parent dies', async () => {
    // A plain Node parent that starts a worker the way the service does, then is killed without cleanup.
    const script = `const { spawn } = require('node:child_process');
      const w = spawn('python3', [${JSON.stringify(defaultRunnerPath())}, ${JSON.stringify(fixture('hello-world'))}],
        { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
      console.log(w.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    const workerPid = Number(await new Promise<string>((r) => parent.stdout.once('data', (b: Buffer) => r(b.toString()))));
    // spawn() has returned a pid, so the process exists: no waiting for it to start.
    expect(isRunning(workerPid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await processesEnded([workerPid])).toBe(true);
    expect(isRunning(workerPid)).toBe(false);
  });
});
