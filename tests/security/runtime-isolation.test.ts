/** The Python worker runs connector code: when it ends, nothing it started may outlive it; it cannot eat all of
 * the machine's memory; and it never sees the IDE's secrets or shares a temp folder with anyone. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/main/services/settings/settings-service';
import { isRunning, makeKit, type Kit } from '../../src/main/services/runtime/test-kit';
import { isInheritable } from '../../src/main/services/runtime/worker-env';
import { processesEnded } from '../helpers/process-exit';
import { tmpDir } from '../helpers/tmp';

const linux = process.platform === 'linux';
const posix = process.platform !== 'win32';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

/** A connector whose actions start processes that try to outlive the worker, and report what the worker sees. */
const CONNECTOR = `import json
import os
import subprocess
import sys
import tempfile
import time

from connectors.core.connector import Connector


def spawn_all(pid_file):
    plain = subprocess.Popen(['sleep', '300'])
    # setsid(): a new session and process group, out of reach of a kill of the worker's group.
    session = subprocess.Popen(['sleep', '300'], start_new_session=True)
    # A daemon: its parent (sh) exits at once, so it is orphaned as well as in its own session.
    daemon = int(subprocess.check_output(['sh', '-c', 'setsid sleep 300 >/dev/null 2>&1 & echo $!']).decode())
    pids = {'plain': plain.pid, 'session': session.pid, 'daemon': daemon}
    with open(pid_file, 'w') as f:
        json.dump(pids, f)
    return pids


class Hostile(Connector):
    def execute(self, config, operation, params, **kwargs):
        if operation == 'spawn':
            return spawn_all(params['pidFile'])
        if operation == 'spawn_and_crash':
            spawn_all(params['pidFile'])
            os._exit(5)
        if operation == 'spawn_and_hang':
            spawn_all(params['pidFile'])
            time.sleep(600)
        if operation == 'allocate':
            block = bytes(params['mb'] << 20)  # calloc: reserved, not touched
            return {'allocated': len(block) >> 20}
        if operation == 'swallow_allocation':
            try:
                bytes(params['mb'] << 20)
            except Exception as e:
                raise Exception('could not build the report: %s' % e)
        if operation == 'environment':
            return {'environ': dict(os.environ), 'tempdir': tempfile.gettempdir(), 'pid': os.getpid()}
        return {'pid': os.getpid()}
`;

const INFO = {
  name: 'hostile', label: 'Hostile', version: '1.0.0', description: 'Security test connector.', publisher: 'Tests',
  category: 'Utilities', configuration: {},
  operations: ['spawn', 'spawn_and_crash', 'spawn_and_hang', 'allocate', 'swallow_allocation', 'environment', 'quick']
    .map((operation) => ({ operation, title: operation, description: operation, parameters: [] })),
};

async function hostileConnector(): Promise<{ folder: string; pidFile: string }> {
  const root = await tmpDir('cs-isolation-');
  const folder = path.join(root, 'hostile');
  await mkdir(folder);
  await writeFile(path.join(folder, 'info.json'), JSON.stringify(INFO));
  await writeFile(path.join(folder, 'connector.py'), CONNECTOR);
  return { folder, pidFile: path.join(root, 'pids.json') };
}

type Pids = Record<'plain' | 'session' | 'daemon', number>;
const readPids = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Pids;
const survivors = (pids: Pids) => Object.entries(pids).filter(([, pid]) => isRunning(pid)).map(([name]) => name);

/** Orphaned grandchildren have no 'exit' event here: the kernel says when they end (tests/helpers/process-exit.ts). */
async function expectAllGone(pids: Pids): Promise<void> {
  await processesEnded(Object.values(pids), 5000);
  expect(survivors(pids)).toEqual([]);
}

describe.runIf(linux)('every process a connector starts ends with its worker', () => {
  it('when the worker crashes', async () => {
    const { folder, pidFile } = await hostileConnector();
    kit = makeKit();
    const r = await kit.runtime.execute(folder, 'spawn_and_crash', { pidFile }, {});
    expect(r).toMatchObject({ status: 'Failed', workerFailure: 'crash' });
    expect(r.message).toMatch(/^The Python worker crashed \(exit code 5\)/);
    await expectAllGone(readPids(pidFile));
  });

  it('when the worker is stopped', async () => {
    const { folder, pidFile } = await hostileConnector();
    kit = makeKit();
    const r = await kit.runtime.execute(folder, 'spawn', { pidFile }, {});
    expect(r.status).toBe('Success');
    const pids = readPids(pidFile);
    expect(survivors(pids)).toEqual(['plain', 'session', 'daemon']);
    await kit.runtime.stop(folder);
    await expectAllGone(pids);
  });

  it('when a call times out', async () => {
    const { folder, pidFile } = await hostileConnector();
    kit = makeKit();
    const r = await kit.runtime.execute(folder, 'spawn_and_hang', { pidFile }, {}, { timeoutMs: 2000 });
    expect(r.workerFailure).toBe('timeout');
    await expectAllGone(readPids(pidFile));
  });

  it('when the runtime is disposed (stopAll)', async () => {
    const { folder, pidFile } = await hostileConnector();
    kit = makeKit();
    await kit.runtime.execute(folder, 'spawn', { pidFile }, {});
    await kit.runtime.stopAll();
    await expectAllGone(readPids(pidFile));
  });
});

describe.runIf(linux)('the worker memory limit', () => {
  it('is on by default at 2 GiB', () => {
    expect(DEFAULT_SETTINGS.workerMemoryLimitMb).toBe(2048);
  });

  it('fails a connector that allocates more, with a message naming the limit, and the worker keeps answering', async () => {
    const { folder } = await hostileConnector();
    kit = makeKit({ memoryLimitMb: 300 });
    const r = await kit.runtime.execute(folder, 'allocate', { mb: 1024 }, {});
    expect(r.status).toBe('Failed');
    expect(r.message).toContain("The connector used more than 300 MB, the worker's memory limit (Settings > Runtime)");
    expect((await kit.runtime.execute(folder, 'allocate', { mb: 10 }, {})).data).toEqual({ allocated: 10 });
  });

  it('is named even when the connector wraps the MemoryError in its own exception', async () => {
    const { folder } = await hostileConnector();
    kit = makeKit({ memoryLimitMb: 300 });
    const r = await kit.runtime.execute(folder, 'swallow_allocation', { mb: 1024 }, {});
    expect(r.message).toContain("The connector used more than 300 MB, the worker's memory limit (Settings > Runtime)");
  });

  it('is off at 0', async () => {
    const { folder } = await hostileConnector();
    kit = makeKit({ memoryLimitMb: 0 });
    // A gigabyte of zeroes is reserved, not touched: this costs the machine almost nothing.
    expect(await kit.runtime.execute(folder, 'allocate', { mb: 1024 }, {})).toMatchObject({ status: 'Success', data: { allocated: 1024 } });
  });
});

describe('the worker environment', () => {
  const planted = {
    CONNECTOR_STUDIO_LAUNCH_TOKEN: 'launch-token-7f3a9c1e5b',
    CONNECTOR_STUDIO_ASKPASS_TOKEN: 'askpass-token-2d8e4f6a0c',
    ACME_SERVICE_SECRET: 'acme-secret-9b1d3f5h7j',
    GITHUB_TOKEN: 'ghp_fakefakefakefakefakefake1234',
    AWS_SECRET_ACCESS_KEY: 'aws-secret-key-0a2c4e6g8i',
    DB_PASSWORD: 'db-password-1q3e5t7u9o',
    GIT_ASKPASS: '/opt/ide/askpass.sh',
    ELECTRON_RUN_AS_NODE: '1',
    HTTPS_PROXY: 'http://proxy.example.test:3128',
  };
  const saved: Record<string, string | undefined> = {};
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });

  it('holds no IDE token, secret or credential, keeps what Python needs, and has its own temp folder', async () => {
    for (const [k, v] of Object.entries(planted)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    const { folder } = await hostileConnector();
    kit = makeKit();
    const r = await kit.runtime.execute(folder, 'environment', {}, {});
    expect(r.status).toBe('Success');
    const { environ, tempdir } = r.data as { environ: Record<string, string>; tempdir: string };

    const text = JSON.stringify(environ);
    // By name, and by value under any other name (ELECTRON_RUN_AS_NODE's '1' is too common to look for).
    const leaked = Object.entries(planted).filter(([k, v]) => k !== 'HTTPS_PROXY' && (k in environ || (v.length > 1 && text.includes(v))));
    expect(leaked).toEqual([]);
    expect(Object.keys(environ).filter((k) => /^(CONNECTOR_STUDIO_|ELECTRON_|GIT_|npm_|VITEST)/i.test(k))).toEqual([]);
    expect(environ.HTTPS_PROXY).toBe(planted.HTTPS_PROXY);
    expect(environ.PATH).toContain(process.env.PATH); // a pyenv shim may put its own folder first
    if (process.env.HOME) expect(environ.HOME).toBe(process.env.HOME);
    expect(environ.CS_DATA_DIR).toBe(kit.dataDir);

    // Its own temp folder: fresh, private, and gone with the worker.
    expect(path.resolve(tempdir)).not.toBe(path.resolve(os.tmpdir()));
    for (const name of ['TMPDIR', 'TEMP', 'TMP']) expect(environ[name]).toBe(tempdir);
    expect(existsSync(tempdir)).toBe(true);
    if (posix) expect(statSync(tempdir).mode & 0o777).toBe(0o700);
    await kit.runtime.stop(folder);
    expect(existsSync(tempdir)).toBe(false);
    const next = await kit.runtime.execute(folder, 'environment', {}, {});
    expect((next.data as { tempdir: string }).tempdir).not.toBe(tempdir);
  });
});

describe('which names a worker inherits', () => {
  const refused = [
    'CONNECTOR_STUDIO_ASKPASS_TOKEN', 'CONNECTOR_STUDIO_ASKPASS_PORT', 'CONNECTOR_STUDIO_PYTHON', 'FSOAR_USER_DATA_DIR',
    'FSOAR_E2E', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS', 'npm_config_registry', 'VSCODE_GIT_IPC_HANDLE', 'GIT_ASKPASS',
    'SSH_ASKPASS', 'SSH_AUTH_SOCK', 'GPG_AGENT_INFO', 'DBUS_SESSION_BUS_ADDRESS', 'KRB5CCNAME', 'XAUTHORITY',
    'GITHUB_TOKEN', 'GH_TOKEN', 'NPM_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
    'AZURE_CLIENT_SECRET', 'GOOGLE_APPLICATION_CREDENTIALS', 'OPENAI_API_KEY', 'DB_PASSWORD', 'PGPASSWORD',
    'MYSQL_PWD', 'VAULT_TOKEN', 'SECRET_HOME', 'PYTHON_KEYRING_PASSWORD', 'XDG_SESSION_COOKIE', 'LC_SECRET',
    'LD_PRELOAD', 'PWD', 'OLDPWD', 'EDITOR', 'DISPLAY', 'HISTFILE', 'MAIL', 'ACME_PRIVATE_KEY', 'SIGNING_KEY',
  ];
  const kept = [
    'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TERM', 'HTTPS_PROXY',
    'https_proxy', 'NO_PROXY', 'REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE', 'PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV',
    'LD_LIBRARY_PATH', 'JAVA_HOME', 'ORACLE_HOME', 'XDG_RUNTIME_DIR', 'SystemRoot', 'WINDIR', 'COMSPEC', 'PATHEXT',
    'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramFiles(x86)',
  ];

  it(`refuses ${refused.length} names of tokens, credentials and the IDE's own settings`, () => {
    expect(refused.filter(isInheritable)).toEqual([]);
  });

  it(`keeps ${kept.length} names Python, HTTP clients and Windows need`, () => {
    expect(kept.filter((n) => !isInheritable(n))).toEqual([]);
  });
});
