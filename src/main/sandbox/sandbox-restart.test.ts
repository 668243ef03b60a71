/** What the sandbox keeps on disk survives a restart: installed versions, configurations, the package files. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createFortiSoarClient } from '../services/publish/client';
import { publishConnector } from '../services/publish/publish-flow';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-sandbox-restart-');
afterAll(() => tmp.dispose());

it('keeps connectors and configurations across a restart, and answers health from them', async () => {
  const intel = await startIntelStub();
  const data = path.join(tmp.dir, 'data');
  const credentials = { kind: 'apiKey' as const, apiKey: USERS.apiKey };
  try {
    const first = await sandboxWithUsers(data);
    const values = { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false };
    const outcome = await publishConnector(createFortiSoarClient({ url: first.url, credentials, env: {} }), copySample(tmp.dir), { pollIntervalMs: 30, sleep: () => first.settled(), health: { create: { name: 'prod', values } } });
    expect(outcome.result).toBe('success');
    await first.close();

    const second = await sandboxWithUsers(data);
    try {
      const client = createFortiSoarClient({ url: second.url, credentials, env: {} });
      const [row] = (await client.listConnectors({ name: 'sample-threat-intel' })).data;
      expect(row).toMatchObject({ id: outcome.connector.id, version: '1.0.0', requirements_installed: 'Completed', configuration: [{ name: 'prod', default: true }] });
      expect(existsSync(path.join(data, 'connectors', String(row.id), 'sample-threat-intel', 'connector.py'))).toBe(true);
      expect(existsSync(path.join(data, 'connectors', String(row.id), 'package.tgz'))).toBe(true);
      expect(await client.healthCheck('sample-threat-intel', '1.0.0', 'prod')).toMatchObject({ status: 'Available' });
      const [config] = await client.listConfigurations();
      expect(config.config).toMatchObject({ server_url: intel.url, api_key: '********' });
    } finally {
      await second.close();
    }
  } finally {
    await intel.close();
  }
});
