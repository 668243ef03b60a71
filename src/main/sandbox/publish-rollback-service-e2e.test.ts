/** The app's side of a publish transaction against the sandbox: a failing smoke action rolls the server back by
 * default and is kept with "keep anyway"; the history's one-click roll back puts a kept archive back and refuses
 * any file that is not one of this project's kept archives. Also: the pre-flight's three-way comparison and the
 * playbook impact of the connector's own sample playbooks. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_TYPES } from '../../shared/connector/playbooks';
import { isServiceError } from '../services/errors';
import { createPublishService } from '../services/publish/publish-service';
import { createFileSecretStore } from '../services/secrets/file-secret-store';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-publish-rollback-');
const userDataDir = path.join(tmp.dir, 'user');
const service = createPublishService({ userDataDir, secrets: createFileSecretStore(userDataDir), env: {}, log: () => undefined });
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let profileId: string;
let source: string;
const NAME = 'sample-threat-intel';
const versions = async () => (await service.installedVersions(profileId, NAME)).map((v) => v.version).sort();

function setVersion(version: string) {
  const info = path.join(source, 'info.json');
  writeFileSync(info, readFileSync(info, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
}

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  profileId = (await service.saveProfile({ name: 'Sandbox', url: sandbox.url, auth: 'password', username: USERS.admin.name, secret: USERS.admin.password })).id;
  source = copySample(tmp.dir);
  const health = { create: { name: 'default', values: { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false } } };
  expect((await service.publish({ profileId, source, projectKey: 'p1', health, verify: true })).result).toBe('success');
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

describe('the app publish as a transaction', () => {
  it('a smoke action that fails rolls 1.1.0 back; "keep anyway" leaves it installed', async () => {
    setVersion('1.1.0');
    // The stub answers 404 for domains: the action fails on the server.
    const smoke = [{ operation: 'get_domain_reputation', params: { domain: 'example.com' } }];
    const failed = await service.publish({ profileId, source, projectKey: 'p1', health: { config: 'default' }, smoke });
    expect(failed).toMatchObject({ result: 'smoke-failed', rolledBack: true, previousVersion: '1.0.0' });
    expect(failed.steps?.find((s) => s.step === 'smoke:get_domain_reputation')).toMatchObject({ status: 'failed' });
    expect(failed.steps?.find((s) => s.step === 'smoke:get_domain_reputation')?.message).toMatch(/CS-INTEGRATION-5/);
    expect(await versions()).toEqual(['1.0.0']);

    const kept = await service.publish({ profileId, source, projectKey: 'p1', health: { config: 'default' }, smoke, keepOnFailure: true });
    expect(kept).toMatchObject({ result: 'smoke-failed', rolledBack: false });
    expect(kept.notes.join(' ')).toMatch(/Kept sample-threat-intel 1\.1\.0 on the server as asked/);
    expect(await versions()).toEqual(['1.0.0', '1.1.0']);
  }, 120_000);

  it('the history rolls back to a kept archive in one call, and refuses files that are not its kept archives', async () => {
    const history = await service.history('p1');
    const good = history.find((e) => e.result === 'success' && e.version === '1.0.0');
    expect(good?.archivePath).toBeDefined();
    const r = await service.rollback({ profileId, projectKey: 'p1', archive: path.basename(good!.archivePath!) });
    expect(r).toMatchObject({ ok: true, version: '1.0.0', removedVersions: ['1.1.0'] });
    expect(await versions()).toEqual(['1.0.0']);
    expect((await service.history('p1')).at(-1)).toMatchObject({ kind: 'rollback', result: 'rollback', version: '1.0.0', rolledBack: true });

    // Hostile names: outside paths, traversal, another project's folder, a file that is no kept archive.
    mkdirSync(path.join(userDataDir, 'publish', 'archives', 'p1'), { recursive: true });
    writeFileSync(path.join(userDataDir, 'publish', 'archives', 'p1', 'planted.tgz'), 'not an archive');
    const hostile = ['../../../../etc/passwd', '/etc/passwd', `../p2/${path.basename(good!.archivePath!)}`, 'planted.tgz', '..', 'nope.tgz'];
    let refused = 0;
    for (const archive of hostile) {
      const e = await service.rollback({ profileId, projectKey: 'p1', archive }).then(() => undefined, (x: unknown) => x);
      if (isServiceError(e) && ['NOT_FOUND', 'VALIDATION', 'OUTSIDE_WORKSPACE'].includes(e.code)) refused++;
    }
    expect(refused).toBe(hostile.length);
    expect(await versions()).toEqual(['1.0.0']);
  }, 120_000);

  it('pre-flight compares with the server version and names the sample playbook steps a removed operation breaks', async () => {
    const info = JSON.parse(readFileSync(path.join(source, 'info.json'), 'utf8'));
    info.version = '2.0.0';
    info.operations = info.operations.filter((o: { operation: string }) => o.operation !== 'get_ip_reputation');
    writeFileSync(path.join(source, 'info.json'), JSON.stringify(info, null, 2));
    const samples = {
      type: 'workflow_collections',
      data: [{ name: 'Sample - Sample Threat Intel - 2.0.0', workflows: [{ name: 'Get IP Reputation', steps: [{ name: 'Get IP Reputation', stepType: `/api/3/workflow_step_types/${STEP_TYPES.connector}`, arguments: { connector: NAME, operation: 'get_ip_reputation', params: { ip: '' } } }] }] }],
    };
    writeFileSync(path.join(source, 'playbooks', 'playbooks.json'), JSON.stringify(samples));
    const pre = await service.preflight(profileId, source);
    expect(pre.server).toMatchObject({ version: '1.0.0', report: { breaking: true } });
    expect(pre.server?.report.changes.find((c) => c.kind === 'operation-removed')?.path).toBe('operations/get_ip_reputation');
    expect(pre.impact).toEqual([
      expect.objectContaining({ source: 'sample', playbook: 'Get IP Reputation', step: 'Get IP Reputation', operation: 'get_ip_reputation', change: 'operation-removed' }),
    ]);
    // Not a git project: no tag to compare with, and no error for it.
    expect(pre.tagToServer).toBeUndefined();
  }, 60_000);
});
