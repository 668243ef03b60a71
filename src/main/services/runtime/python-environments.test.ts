import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import type { InstallProgressEvent } from '../../../shared/models/environment';
import { multipartBody, rawRequest, sandboxWithUsers, USERS } from '../../sandbox/test-kit';
import { createEnvironmentService } from './environment-service';
import { toolsDir, toolsWorkerEnv } from './python-environments';
import { createRuntimeService } from './runtime-service';
import { installPlatformVenv, venvSitePackages } from './venv-service';

// Real virtualenvs and real pip from the machine's configured index (no retries, 5 s timeout). One user data
// folder for the whole file, so its platform default and tools environment are each made once: pip is slow.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-pyenvs-'));
const userDataDir = path.join(tmp, 'user-data');
const runnable = (name: string) => fileURLToPath(new URL(`../../../../tests/fixtures/runnable/${name}`, import.meta.url));
const events: InstallProgressEvent[] = [];
const envs = createEnvironmentService({
  userDataDir,
  connectorDirOf: async (id) => path.join(tmp, 'connectors', id),
  settingsPython: async () => ['python3'],
  stopWorker: async () => undefined,
  emit: (e) => events.push(e),
});
const runtime = createRuntimeService({ dataDir: path.join(tmp, 'runtime'), resolvePython: envs.pythonFor, env: toolsWorkerEnv(userDataDir) });
afterAll(async () => {
  await runtime.stopAll();
  rmSync(tmp, { recursive: true, force: true });
});

/** A wheel made here, so a version no index has can be pinned (the connector's packages/ folder serves it). */
function wheel(folder: string, name: string, version: string, body: string): void {
  const script = `import base64, hashlib, sys, zipfile
out, name, version, body = sys.argv[1:5]
files = {name + '/__init__.py': body, name + '-' + version + '.dist-info/METADATA': 'Metadata-Version: 2.1\\nName: ' + name + '\\nVersion: ' + version + '\\n',
         name + '-' + version + '.dist-info/WHEEL': 'Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n'}
digest = lambda t: 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(t.encode()).digest()).rstrip(b'=').decode()
record = ''.join(p + ',' + digest(t) + ',' + str(len(t.encode())) + '\\n' for p, t in files.items()) + name + '-' + version + '.dist-info/RECORD,,\\n'
with zipfile.ZipFile(out, 'w') as z:
    for p, t in files.items(): z.writestr(p, t)
    z.writestr(name + '-' + version + '.dist-info/RECORD', record)
`;
  mkdirSync(folder, { recursive: true });
  execFileSync('python3', ['-c', script, path.join(folder, `${name}-${version}-py3-none-any.whl`), name, version, body]);
}

describe('the platform default', () => {
  it('loads a connector that imports arrow without declaring it, which fails on the plain interpreter', async () => {
    const folder = path.join(tmp, 'connectors', 'paloalto');
    cpSync(runnable('paloalto-cortex-xdr'), folder, { recursive: true });
    expect((await envs.environmentOf(folder)).kind).toBe('interpreter');
    const bare = await runtime.checkHealth(folder, {});
    expect(bare.message).toMatch(/No module named 'arrow'/);

    const made = await envs.createPlatformFor(folder, 'make-platform');
    // Every library this machine's index lacks is named; the others are in.
    expect(made.message, made.log).toMatch(made.failed.length ? new RegExp(`pip could not install: ${made.failed.join(', ')}`) : /Platform libraries installed/);
    const e = made.environment;
    expect(e).toMatchObject({ kind: 'platform', interpreter: { source: 'platform' }, platform: { exists: true, failed: made.failed } });
    expect(e.platform.path.startsWith(path.join(userDataDir, 'platform-env', 'py3.'))).toBe(true);
    expect(e.platformLibraries.find((l) => l.module === 'arrow')?.installedVersion).toBeTruthy();
    expect(e.platformLibraries.find((l) => l.module === 'requests_toolbelt')?.installedVersion).toBeTruthy();
    expect(await envs.pythonFor(folder)).toEqual([e.platform.python]);
    expect(envs.venvsOf(folder)).toEqual([envs.venvOf(folder), e.platform.path]); // what pyright resolves against
    expect(events.filter((x) => x.runId === 'make-platform').at(-1)).toMatchObject({ fraction: 1 });

    const loaded = await runtime.checkHealth(folder, {});
    expect(loaded.message).not.toMatch(/No module named/);
    expect(loaded.logs.some((l) => l.message.includes('Invoking check_health')), loaded.message).toBe(true);
  }, 180_000);

  it('is what the sandbox runs an uploaded connector without requirements on', async () => {
    const src = path.join(tmp, 'sandbox-src');
    cpSync(runnable('paloalto-cortex-xdr'), path.join(src, 'paloalto-cortex-xdr'), { recursive: true });
    await create({ gzip: true, file: path.join(tmp, 'paloalto.tgz'), cwd: src, portable: true }, ['paloalto-cortex-xdr']);
    const sandbox = await sandboxWithUsers(path.join(tmp, 'sandbox'), { platform: envs.platformOf });
    try {
      const auth = { authorization: `API-KEY ${USERS.apiKey}` };
      const upload = multipartBody('file', 'paloalto.tgz', 'application/gzip', readFileSync(path.join(tmp, 'paloalto.tgz')));
      const installed = await rawRequest(sandbox.url, 'POST', '/api/3/solutionpacks/install?$type=connector', { ...auth, 'content-type': upload.contentType }, upload.body);
      expect(installed.status, installed.text).toBe(200);
      const { id, version } = installed.json as { id: number; version: string };
      await sandbox.settled();
      const body = JSON.stringify({ connector: id, connector_name: 'paloalto-cortex-xdr', connector_version: version, name: 'default', default: true, config: {} });
      const config = await rawRequest(sandbox.url, 'POST', '/api/integration/configuration/', { ...auth, 'content-type': 'application/json' }, body);
      expect(config.status, config.text).toBe(201);
      const configId = (config.json as { config_id: string }).config_id;
      const health = await rawRequest(sandbox.url, 'GET', `/api/integration/connectors/healthcheck/paloalto-cortex-xdr/${version}/?config=${configId}`, auth);
      expect(health.text).not.toMatch(/No module named/);
      expect((health.json as { status: string }).status).toBe('Disconnected'); // the connector's own error: no server_url
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('names a library pip cannot install and installs the others', async () => {
    const venv = path.join(tmp, 'partial', 'venv');
    const r = await installPlatformVenv(venv, ['requests-toolbelt', 'cs-no-such-package-5e1d'], { python: ['python3'] });
    expect(r).toMatchObject({ status: 'Failed', failed: ['cs-no-such-package-5e1d'], message: 'pip could not install: cs-no-such-package-5e1d; the other platform libraries are installed.' });
    expect(existsSync(path.join((await venvSitePackages(venv))!, 'requests_toolbelt'))).toBe(true);
  }, 120_000);
});

describe('the tools environment', () => {
  it("is on the worker's path behind the connector's own packages: a version the connector pins wins", async () => {
    const folder = path.join(tmp, 'connectors', 'pins-jinja2');
    mkdirSync(folder, { recursive: true });
    wheel(path.join(folder, 'packages'), 'jinja2', '2.99.0', "__version__ = '2.99.0'\n");
    writeFileSync(path.join(folder, 'requirements.txt'), 'jinja2==2.99.0\n');
    writeFileSync(path.join(folder, 'info.json'), JSON.stringify({ name: 'pins-jinja2', version: '1.0.0', operations: [{ operation: 'which', parameters: [] }] }));
    writeFileSync(
      path.join(folder, 'connector.py'),
      'import sys\nfrom connectors.core.connector import Connector\n\n\nclass C(Connector):\n' +
        '    def execute(self, config, operation, params, **kwargs):\n        import debugpy, jinja2\n' +
        '        return {"jinja2": jinja2.__version__, "debugpy": debugpy.__file__, "path": sys.path}\n\n' +
        '    def check_health(self, config):\n        pass\n',
    );

    const tools = await envs.installToolsFor(folder, 'tools');
    expect(tools.status, tools.log).toBe('Completed');
    expect(tools.environment.tools.packages.map((p) => p.name.toLowerCase())).toEqual(expect.arrayContaining(['debugpy', 'pytest', 'jinja2']));
    const installed = await envs.installIn(folder, 'install');
    expect(installed.status, installed.log).toBe('Completed');
    // The IDE's tools never go into the connector's environment.
    expect(installed.environment.packages.map((p) => p.name.toLowerCase())).toEqual(['jinja2']);

    const r = await runtime.execute(folder, 'which', {}, {});
    expect(r.status, r.message).toBe('Success');
    const data = r.data as { jinja2: string; debugpy: string; path: string[] };
    expect(data.jinja2).toBe('2.99.0');
    const tdir = toolsDir(userDataDir, tools.environment.platform.pythonVersion!);
    expect(data.debugpy.startsWith(tdir)).toBe(true);
    const own = (await venvSitePackages(installed.environment.venv.path))!;
    expect(data.path.indexOf(tdir)).toBeGreaterThan(data.path.indexOf(own));
    expect(data.path.indexOf(own)).toBeGreaterThanOrEqual(0);
    expect(data.path.at(-1)).toBe(tdir);
  }, 180_000);
});
