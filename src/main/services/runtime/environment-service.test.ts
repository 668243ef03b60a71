import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InstallProgressEvent } from '../../../shared/models/environment';
import { createEnvironmentService, progressTracker } from './environment-service';
import { detectInterpreters } from './interpreters';
import { createRuntimeService } from './runtime-service';

// Real python3 -m venv and real pip against the machine's configured index; pip gets no retries and a 5 s timeout.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-env-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function setup(name: string, requirements: string) {
  const folder = path.join(tmp, 'projects', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'requirements.txt'), requirements);
  const stopped: string[] = [];
  const events: InstallProgressEvent[] = [];
  const env = createEnvironmentService({
    userDataDir: path.join(tmp, 'user-data'),
    connectorDirOf: async () => folder,
    settingsPython: async () => ['python3'],
    stopWorker: async (dir) => void stopped.push(dir),
    emit: (e) => events.push(e),
  });
  return { folder, env, stopped, events };
}

describe('connector environment', () => {
  it('starts on the Settings interpreter with no venv, outside the project', async () => {
    const { env, folder } = setup('fresh', 'six\n# a comment\n');
    const e = await env.environment('p1');
    expect(e.interpreter).toMatchObject({ source: 'settings', command: 'python3', found: true });
    expect(e.interpreter.version).toMatch(/^3\.\d+/);
    expect(e).toMatchObject({ selected: '', settingsInterpreter: 'python3', requirements: ['six'], packages: [], hasPackagesDir: false });
    expect(e.venv.exists).toBe(false);
    expect(e.venv.path.startsWith(path.join(tmp, 'user-data', 'environments'))).toBe(true);
    expect(e.venv.path.startsWith(folder)).toBe(false);
    expect(await env.pythonFor(folder)).toBeUndefined();
  });

  it('installs requirements.txt and a platform library into the venv, with progress, and points the runtime at it', async () => {
    const { env, folder, events, stopped } = setup('six', 'six\n');
    const r = await env.install('p2', 'run-1', ['requests-toolbelt']);
    expect(r.status, r.log).toBe('Completed');
    expect(r.failed).toEqual([]);
    expect(r.environment.venv.exists).toBe(true);
    expect(r.environment.interpreter.source).toBe('venv');
    expect(r.environment.packages.map((p) => p.name.toLowerCase())).toContain('requests-toolbelt');
    expect(r.environment.platformLibraries.find((l) => l.module === 'requests_toolbelt')?.installedVersion).toBeTruthy();
    expect(r.environment.lastInstall).toMatchObject({ status: 'Completed', extras: ['requests-toolbelt'] });
    expect(events.every((e) => e.runId === 'run-1')).toBe(true);
    expect(events.at(-1)).toMatchObject({ fraction: 1 });
    expect(events.some((e) => /Installing 2 requirements: six, requests-toolbelt/.test(e.line))).toBe(true);
    expect(stopped.length).toBeGreaterThanOrEqual(2); // before (venv rebuilt) and after (new interpreter)
    const python = await env.pythonFor(folder);
    expect(python?.[0] && existsSync(python[0])).toBe(true);
    expect(r.log).toMatch(/^Creating a virtualenv in .*\n(.*\n)*Installing 2 requirements: six, requests-toolbelt\n/);
  }, 120_000);

  it('the runtime worker runs on the venv once dependencies are installed', async () => {
    const { env, folder } = setup('uses-toolbelt', '');
    writeFileSync(path.join(folder, 'info.json'), JSON.stringify({ name: 'uses-toolbelt', version: '1.0.0', operations: [{ operation: 'which', parameters: [] }] }));
    writeFileSync(
      path.join(folder, 'connector.py'),
      'import sys\nfrom connectors.core.connector import Connector\n\n\nclass C(Connector):\n' +
        '    def execute(self, config, operation, params, **kwargs):\n        import requests_toolbelt\n        return {"exe": sys.executable, "toolbelt": requests_toolbelt.__version__}\n\n' +
        '    def check_health(self, config):\n        pass\n',
    );
    const runtime = createRuntimeService({ dataDir: path.join(tmp, 'runtime-data'), resolvePython: env.pythonFor });
    try {
      expect((await runtime.execute(folder, 'which', {}, {})).status).toBe('Failed'); // no requests_toolbelt yet
      expect((await env.install('p5', 'run-5', ['requests-toolbelt'])).status).toBe('Completed');
      const r = await runtime.execute(folder, 'which', {}, {});
      expect(r.status, r.message).toBe('Success');
      expect((r.data as { exe: string }).exe).toBe((await env.environment('p5')).venv.python);
    } finally {
      await runtime.stopAll();
    }
  }, 120_000);

  it('names the requirement that failed', async () => {
    const { env } = setup('bogus', 'six\ncs-no-such-package-77ab==1.0\n');
    const r = await env.install('p3', 'run-2');
    expect(r.status).toBe('Failed');
    expect(r.failed).toEqual(['cs-no-such-package-77ab==1.0']);
    expect(r.message).toContain('cs-no-such-package-77ab==1.0');
    expect(r.environment.lastInstall).toMatchObject({ status: 'Failed', failed: ['cs-no-such-package-77ab==1.0'] });
  }, 120_000);

  it('keeps a per-connector interpreter, refuses one that does not run, and drops a venv made by another', async () => {
    const { env, folder, stopped } = setup('pick', '');
    await env.install('p4', 'run-3');
    expect((await env.environment('p4')).venv.exists).toBe(true);
    await expect(env.setInterpreter('p4', 'cs-no-such-python')).rejects.toThrow(/does not run as a Python interpreter/);
    const picked = await env.setInterpreter('p4', 'python3 -I');
    expect(picked).toMatchObject({ selected: 'python3 -I', interpreter: { source: 'connector', command: 'python3 -I' }, venv: { exists: false } });
    expect(stopped).toContain(folder);
    expect(await env.pythonFor(folder)).toEqual(['python3', '-I']);
    expect((await env.setInterpreter('p4', '')).interpreter.source).toBe('settings');
  }, 120_000);

  it('detects the python3 on PATH', async () => {
    const found = await detectInterpreters();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => i.found && i.version && i.path)).toBe(true);
    expect(found.some((i) => i.command === 'python3')).toBe(true);
  });

  it('turns pip lines into a rising fraction', () => {
    const seen: number[] = [];
    const track = progressTracker(['a', 'b'], (_l, f) => seen.push(f));
    for (const l of ['Creating a virtualenv in x', 'Installing 2 requirements: a, b', 'Collecting a', 'Collecting dep', 'Collecting b', 'Installing collected packages: a, b'])
      track(l);
    expect(seen).toEqual([0.05, 0.1, 0.45, 0.8, 0.8, 0.9]);
  });
});
