/** A publish as a transaction against the sandbox over real HTTP, through the CLI commands: verify and smoke on
 * the server, a version that fails its health check rolled back to the kept archive of the one before, playbook
 * impact named before the upload, and `rollback` from the history. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_TYPES } from '../../shared/connector/playbooks';
import { UsageError, type CliIO, type CliCommand } from '../cli/command';
import publish from '../cli/commands/publish';
import rollback from '../cli/commands/rollback';
import { createFortiSoarClient } from '../services/publish/client';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-publish-tx-');
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let folder: string;
const env = { FSOAR_USER_DATA_DIR: path.join(tmp.dir, 'user'), SOAR_PASSWORD: USERS.admin.password };
const NAME = 'sample-threat-intel';

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  folder = copySample(tmp.dir);
  writeFileSync(path.join(tmp.dir, 'config.json'), JSON.stringify({ server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false }));
  mkdirSync(path.join(tmp.dir, 'params'));
  writeFileSync(path.join(tmp.dir, 'params', 'get_ip_reputation.json'), JSON.stringify({ ip: '9.9.9.9' }));
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

async function cli(command: CliCommand, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: tmp.dir, env };
  const code = await command.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}
const asAdmin = () => ['--server', sandbox.url, '--user', USERS.admin.name, '--password-env', 'SOAR_PASSWORD'];
const client = () => createFortiSoarClient({ url: sandbox.url, credentials: { kind: 'password', username: USERS.admin.name, password: USERS.admin.password }, env: {} });
const installed = async () => (await client().listConnectors({ name: NAME })).data.map((c) => c.version).sort();

function setVersion(version: string) {
  const info = path.join(folder, 'info.json');
  writeFileSync(info, readFileSync(info, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
}

describe('publish as a transaction, against the sandbox', () => {
  let goodConnectorPy = '';

  it('publishes 1.0.0 verified, health-checked and smoke-tested on the server (exit 0, steps in the JSON)', async () => {
    const r = await cli(publish, 'sample-threat-intel', ...asAdmin(), '--config', 'config.json', '--smoke', 'get_ip_reputation', '--params-dir', 'params', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ result: 'success', rolledBack: false, connector: { version: '1.0.0' } });
    expect(json.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'preflight:passed',
      'upload:passed',
      'install:passed',
      'verify:passed',
      'health:passed',
      'smoke:get_ip_reputation:passed',
    ]);
    for (const s of json.steps) expect(s.durationMs).toBeGreaterThanOrEqual(0);
    expect(await installed()).toEqual(['1.0.0']);
  }, 120_000);

  it('1.1.0 raising on import fails the server health check, is rolled back, and only 1.0.0 stays (exit 1)', async () => {
    goodConnectorPy = readFileSync(path.join(folder, 'connector.py'), 'utf8');
    appendFileSync(path.join(folder, 'connector.py'), "\nraise RuntimeError('broken on import in 1.1.0')\n");
    setVersion('1.1.0');
    const r = await cli(publish, 'sample-threat-intel', ...asAdmin(), '--health-config', 'default', '--verify', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ result: 'health-failed', rolledBack: true, connector: { version: '1.1.0' } });
    const byStep = Object.fromEntries(json.steps.map((s: { step: string }) => [s.step, s]));
    expect(byStep.health).toMatchObject({ status: 'failed' });
    expect(byStep.health.message).toMatch(/broken on import in 1\.1\.0/);
    expect(byStep.rollback).toMatchObject({ status: 'passed' });
    expect(byStep.rollback.message).toMatch(/sample-threat-intel 1\.0\.0 restored from its kept archive, 1\.1\.0 removed/);
    expect(json.message).toMatch(/health check says Disconnected.*Rolled back/s);
    expect(await installed()).toEqual(['1.0.0']);
    // Its configuration moved back with it, and it answers as before.
    const health = await client().healthCheck(NAME, '1.0.0', 'default');
    expect(health.status).toBe('Available');
  }, 180_000);

  it('the text output names the failed step and the rollback', async () => {
    setVersion('1.1.1');
    const r = await cli(publish, 'sample-threat-intel', ...asAdmin(), '--health-config', 'default');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Failed step: health - The server's health check says Disconnected: .*broken on import/m);
    expect(r.out).toMatch(/^Rolled back: the server is as it was before this publish\.$/m);
    expect(await installed()).toEqual(['1.0.0']);
  }, 180_000);

  it('with --no-rollback the failed version stays, and the exit is 1 all the same', async () => {
    setVersion('1.1.2');
    const r = await cli(publish, 'sample-threat-intel', ...asAdmin(), '--health-config', 'default', '--no-rollback', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ result: 'health-failed', rolledBack: false });
    expect(json.steps.some((s: { step: string }) => s.step === 'rollback')).toBe(false);
    expect(await installed()).toEqual(['1.0.0', '1.1.2']);
    // Put things back for what follows, with the command.
    const back = await cli(rollback, NAME, ...asAdmin(), '--to', '1.0.0', '--json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ ok: true, version: '1.0.0', removedVersions: ['1.1.2'] });
    expect(await installed()).toEqual(['1.0.0']);
  }, 180_000);

  it('names the server playbook step that uses an operation 1.2.0 removes, before the upload', async () => {
    writeFileSync(path.join(folder, 'connector.py'), goodConnectorPy);
    const loaded = await client().request('POST', '/api/3/workflow_collections', {
      json: {
        name: 'SOC Enrichment',
        workflows: [
          {
            name: 'Enrich Domain Indicators',
            steps: [
              { name: 'Start', stepType: `/api/3/workflow_step_types/${STEP_TYPES.manualStart}`, arguments: {} },
              { name: 'Look Up Domain', stepType: `/api/3/workflow_step_types/${STEP_TYPES.connector}`, arguments: { connector: NAME, version: '1.0.0', operation: 'get_domain_reputation', params: { domain: 'example.com' } } },
            ],
          },
          { name: 'Unrelated', steps: [{ name: 'Look Up IP', stepType: `/api/3/workflow_step_types/${STEP_TYPES.connector}`, arguments: { connector: NAME, operation: 'get_ip_reputation', params: { ip: '1.1.1.1' } } }] },
        ],
      },
    });
    expect(loaded.status).toBe(201);
    const info = JSON.parse(readFileSync(path.join(folder, 'info.json'), 'utf8'));
    info.version = '1.2.0';
    info.operations = info.operations.filter((o: { operation: string }) => o.operation !== 'get_domain_reputation');
    writeFileSync(path.join(folder, 'info.json'), JSON.stringify(info, null, 2));

    const r = await cli(publish, 'sample-threat-intel', ...asAdmin(), '--health-config', 'default');
    const impact = r.lines.findIndex((l) => /Breaks server playbook "Enrich Domain Indicators", step "Look Up Domain": Removed action .*get_domain_reputation/.test(l));
    const upload = r.lines.findIndex((l) => l.startsWith('Uploading'));
    expect(impact).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(impact);
    expect(r.out).not.toMatch(/Unrelated/);
    expect(r.code).toBe(0);
  }, 180_000);

  it('rollback without --to goes back to the version before the newest publish; unknown names and versions are usage errors', async () => {
    expect(await installed()).toEqual(['1.0.0', '1.2.0']);
    const r = await cli(rollback, NAME, ...asAdmin());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Rolled back to sample-threat-intel 1\.0\.0, removed 1\.2\.0/);
    expect(await installed()).toEqual(['1.0.0']);
    await expect(cli(rollback, 'no-such-connector', ...asAdmin())).rejects.toThrow(UsageError);
    await expect(cli(rollback, NAME, ...asAdmin(), '--to', '9.9.9')).rejects.toThrow(/No kept archive of sample-threat-intel 9\.9\.9/);
  }, 180_000);
});
