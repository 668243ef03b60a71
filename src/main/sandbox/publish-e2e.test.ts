/** End to end over real HTTP: the publish flow and client against the sandbox, with the sample connector. */
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFortiSoarClient, type Credentials } from '../services/publish/client';
import { PublishError } from '../services/publish/errors';
import { createPublishHistory } from '../services/publish/history';
import { preflightSource, publishConnector, type PublishProgress } from '../services/publish/publish-flow';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-publish-e2e-');
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let folder: string;
const PASSWORD: Credentials = { kind: 'password', username: USERS.admin.name, password: USERS.admin.password };
const clientFor = (credentials: Credentials = PASSWORD, url = sandbox.url) => createFortiSoarClient({ url, credentials, env: {} });
// Between its polls the flow waits for the sandbox's background work (import job, pip), not for a real interval.
const fast = { pollIntervalMs: 30, sleep: () => sandbox.settled() };

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  folder = copySample(path.join(tmp.dir, 'src'));
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

async function failure(p: Promise<unknown>): Promise<PublishError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PublishError);
  return e as PublishError;
}

function setVersion(version: string, dir = folder) {
  const file = path.join(dir, 'info.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
}

describe('publish to the sandbox', () => {
  const history = createPublishHistory(path.join(tmp.dir, 'user'));

  it('publishes, waits for the import job and requirements, and passes a remote health check', async () => {
    const progress: PublishProgress[] = [];
    const outcome = await publishConnector(clientFor(), folder, {
      ...fast,
      onProgress: (p) => progress.push(p),
      health: { create: { name: 'default', values: { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false } } },
      history: { store: history, projectKey: 'sample', server: sandbox.url },
    });
    expect(outcome).toMatchObject({ result: 'success', replaced: false, connector: { name: 'sample-threat-intel', version: '1.0.0' }, requirements: { status: 'Completed' } });
    expect(outcome.importJob?.status).toBe('Import Complete');
    expect(outcome.health).toMatchObject({ status: 'Available', message: 'Connector is available' });
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['preflight', 'upload', 'import', 'requirements', 'health', 'configure', 'done']);
    const upload = progress.filter((p) => p.stage === 'upload');
    expect(upload.at(-1)!.sent).toBe(upload.at(-1)!.total);
    const [entry] = await history.list('sample');
    expect(entry).toMatchObject({ server: sandbox.url, connector: 'sample-threat-intel', version: '1.0.0', result: 'success', archiveSha256: outcome.archiveSha256 });
  });

  it('runs an action on the server through the installed connector', async () => {
    const result = await clientFor().execute({ connector: 'sample-threat-intel', version: '1.0.0', config: 'default', operation: 'get_ip_reputation', params: { ip: '9.9.9.9' } });
    expect(result).toMatchObject({ status: 'Success', data: { ip: '9.9.9.9', reputation: 'clean' } });
  });

  it('finds the installed version in pre-flight and refuses to publish it again without Replace', async () => {
    const pre = await preflightSource(clientFor(), folder);
    expect(pre).toMatchObject({ blocked: false, sameVersion: { version: '1.0.0' }, installed: [{ version: '1.0.0', configurations: [{ name: 'default' }] }] });
    const e = await failure(publishConnector(clientFor(), folder, fast));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/already installed.*Replace.*raise "version"/s);
  });

  it('translates the server conflict itself when the pre-flight is skipped', async () => {
    const pre = await preflightSource(clientFor(), folder);
    const client = clientFor();
    const bytes = readFileSync(path.join(sandbox.dataDir, 'connectors', String(pre.sameVersion!.id), 'package.tgz'));
    const e = await failure(client.installConnector(bytes, 'sample-threat-intel.tgz'));
    expect(e).toMatchObject({ kind: 'conflict', details: { status: 409 } });
    expect(e.message).toMatch(/Connector with same name is already active/);
  });

  it('replaces the same version, keeping its id and configuration', async () => {
    const before = await preflightSource(clientFor(), folder);
    const outcome = await publishConnector(clientFor(), folder, { ...fast, replace: true, health: { config: 'default' } });
    expect(outcome).toMatchObject({ result: 'success', replaced: true, connector: { id: before.sameVersion!.id }, health: { status: 'Available' } });
  });

  it('publishes a version bump and then uninstalls the other versions', async () => {
    const bumped = copySample(path.join(tmp.dir, 'bump'));
    setVersion('1.1.0', bumped);
    const pre = await preflightSource(clientFor(), bumped);
    expect(pre.sameVersion).toBeUndefined();
    expect(pre.installed.map((v) => v.version)).toEqual(['1.0.0']);
    const outcome = await publishConnector(clientFor(), bumped, { ...fast, deleteOtherVersions: true });
    expect(outcome.deletedVersions.map((v) => v.version)).toEqual(['1.0.0']);
    const list = await clientFor().listConnectors({ name: 'sample-threat-intel' });
    expect(list.data.map((c) => c.version)).toEqual(['1.1.0']);
  });

  it('publishes with an HMAC key pair, the multipart body signed byte for byte', async () => {
    const dir = copySample(path.join(tmp.dir, 'hmac'));
    setVersion('1.2.0', dir);
    const outcome = await publishConnector(clientFor({ kind: 'hmac', ...USERS.hmac }), dir, fast);
    expect(outcome).toMatchObject({ result: 'success', connector: { version: '1.2.0' } });
  });

  it('publishes with an API key', async () => {
    const dir = copySample(path.join(tmp.dir, 'apikey'));
    setVersion('1.3.0', dir);
    expect((await publishConnector(clientFor({ kind: 'apiKey', apiKey: USERS.apiKey }), dir, fast)).result).toBe('success');
  });
});

describe('publish failures, translated', () => {
  it('a wrong password: 401 with what to check', async () => {
    const e = await failure(publishConnector(clientFor({ ...PASSWORD, password: 'wrong' }), folder, fast));
    expect(e).toMatchObject({ kind: 'auth', code: 'FORBIDDEN', details: { status: 401 } });
    expect(e.message).toMatch(/refused the user name or password \(HTTP 401\)\. Check both in the server profile/);
  });

  it('HMAC on an integration path without its trailing slash: the 403 explained', async () => {
    const e = await failure(clientFor({ kind: 'hmac', ...USERS.hmac }).request('GET', '/api/integration/connectors?name=sample-threat-intel'));
    expect(e.kind).toBe('hmac-trailing-slash');
    expect(e.message).toMatch(/403 "Could not validate HMAC fingerprint".*add the trailing "\/"/s);
  });

  it('a wrong HMAC private key: 401 that mentions the key pair and the clock', async () => {
    const e = await failure(clientFor({ kind: 'hmac', publicKey: USERS.hmac.publicKey, privateKey: 'wrong' }).listConnectors());
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/HMAC signature.*clock/s);
  });

  it('a read-only API key: 403 asks for a role', async () => {
    const dir = copySample(path.join(tmp.dir, 'ro'));
    setVersion('2.0.0', dir);
    const e = await failure(publishConnector(clientFor({ kind: 'apiKey', apiKey: USERS.readonlyKey }), dir, fast));
    expect(e.kind).toBe('permission');
    expect(e.message).toMatch(/may not install connectors \(HTTP 403\).*role/s);
  });

  it('a dead server: the TCP step, with what to check', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const e = await failure(clientFor(PASSWORD, `http://127.0.0.1:${port}`).login());
    expect(e.kind).toBe('tcp');
    expect(e.message).toBe(`Nothing answers at 127.0.0.1:${port} (TCP: connection refused). Check the port in the URL and that the server is running.`);
  });

  it('a package the server import refuses is stopped by pre-flight, and by the server too', async () => {
    const dir = copySample(path.join(tmp.dir, 'reserved'));
    const info = path.join(dir, 'info.json');
    writeFileSync(info, readFileSync(info, 'utf8').replace('"name": "server_url"', '"name": "name"'));
    setVersion('3.0.0', dir);
    const e = await failure(publishConnector(clientFor(), dir, fast));
    expect(e.kind).toBe('preflight');
    expect(e.message).toMatch(/reserved name/);
    const archive = await import('../services/publish/archive').then((m) => m.prepareArchive(dir));
    try {
      const server = await failure(clientFor().installConnector(archive.bytes, 'sample-threat-intel.tgz'));
      expect(server).toMatchObject({ kind: 'bad-request', details: { status: 400 } });
      expect(server.details.serverMessage).toMatch(/^Import failed: .*reserved name/);
    } finally {
      await archive.dispose();
    }
  });

  it('a package over the upload limit: 413 explained', async () => {
    const small = await sandboxWithUsers(path.join(tmp.dir, 'small'), { maxUploadBytes: 1000 });
    try {
      const e = await failure(publishConnector(clientFor(PASSWORD, small.url), folder, fast));
      expect(e.kind).toBe('too-large');
      expect(e.message).toMatch(/too large \(HTTP 413\)\. Leave out files/);
    } finally {
      await small.close();
    }
  });

  it('requirements that cannot install: the outcome says so with pip\'s words', async () => {
    const dir = copySample(path.join(tmp.dir, 'reqs'));
    writeFileSync(path.join(dir, 'requirements.txt'), 'definitely-not-a-package-cs==0.0.1\n');
    setVersion('4.0.0', dir);
    const outcome = await publishConnector(clientFor(), dir, fast);
    expect(outcome).toMatchObject({ result: 'requirements-failed', requirements: { status: 'Failed' } });
    expect(outcome.requirements.output).toMatch(/definitely-not-a-package-cs/);
  }, 60_000);
});
