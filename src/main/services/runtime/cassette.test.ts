import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cassetteRelPath } from '../../../shared/models/cassette';
import { SECRET, VENDOR_TOKEN, startVendor, writeHttpConnector } from './cassette-kit';
import { makeKit } from './test-kit';
import { defined } from '../../../../tests/helpers/defined';

// Real Python, real requests, a real local server: record once, then replay with the server stopped.
const kit = makeKit();
afterAll(() => kit.dispose());

describe('cassettes', () => {
  let folder: string;
  let vendor: Awaited<ReturnType<typeof startVendor>>;
  let config: Record<string, unknown>;
  // The layout the IDE and the CLI use: <project root>/tests/cassettes/<operation>-<name>.json.
  const cassette = () => path.join(kit.tmp, cassetteRelPath('fetch', 'offline'));

  beforeAll(async () => {
    folder = writeHttpConnector(path.join(kit.tmp, 'http-probe'));
    vendor = await startVendor();
    config = { server_url: vendor.url, credential: SECRET };
  });
  afterAll(() => vendor.close());

  it('records every exchange with the secrets scrubbed in all their forms, then replays it offline', async () => {
    const live = await kit.runtime.execute(folder, 'fetch', { q: 'x y' }, config, { cassette: { mode: 'record', path: cassette() } });
    expect(live).toMatchObject({ status: 'Success', data: { items: [1, 2, 3], more: { more: true } } });
    expect(vendor.hits).toHaveLength(2);

    const text = readFileSync(cassette(), 'utf8');
    for (const form of [
      SECRET,
      encodeURIComponent(SECRET),
      Buffer.from(SECRET).toString('base64').replace(/=+$/, ''),
      Buffer.from(`user:${SECRET}`).toString('base64').replace(/=+$/, ''),
      VENDOR_TOKEN,
    ])
      expect(text).not.toContain(form);
    expect(text).toContain('<scrubbed:credential>');
    expect(text).toContain('<scrubbed:access_token>');
    const saved = JSON.parse(text) as { interactions: { request: { method: string }; response: { body: { text: string } } }[] };
    expect(saved.interactions.map((i) => i.request.method)).toEqual(['POST', 'GET']);
    expect(JSON.parse(defined(saved.interactions[0], 'the first interaction').response.body.text)).toMatchObject({ token_type: 'Bearer', access_token: '<scrubbed:access_token>' });

    await vendor.close();
    const replayed = await kit.runtime.execute(folder, 'fetch', { q: 'x y' }, config, { cassette: { mode: 'replay', path: cassette() } });
    expect(replayed).toMatchObject({ status: 'Success', data: live.data });
    expect(vendor.hits).toHaveLength(2);

    const health = await kit.runtime.checkHealth(folder, config, { cassette: { mode: 'replay', path: cassette() } });
    expect(health.status).toBe('Disconnected');
    expect(health.message).toMatch(/no recorded response for POST http:\/\/127\.0\.0\.1:\d+\/items\?key=<scrubbed:credential>&q=health.*record again/);
  });

  it('names the unrecorded request even when the connector rewords the error', async () => {
    const rewording = writeHttpConnector(path.join(kit.tmp, 'rewording'));
    const code = readFileSync(path.join(rewording, 'connector.py'), 'utf8').replace(
      "        return call(config, params.get('q', 'all'))",
      "        try:\n            return call(config, params.get('q', 'all'))\n        except Exception:\n            raise ConnectorError('Cannot reach the server')",
    );
    writeFileSync(path.join(rewording, 'connector.py'), code);
    const r = await kit.runtime.execute(rewording, 'fetch', { q: 'never recorded' }, config, { cassette: { mode: 'replay', path: cassette() } });
    expect(r.status).toBe('Failed');
    expect(r.message).toMatch(/^Replay: no recorded response for POST http:\/\/127\.0\.0\.1:\d+\/items\?key=<scrubbed:credential>&q=never\+recorded .*record again\. The connector reported: Cannot reach the server$/);
    expect(r.logs.some((l) => l.level === 'WARNING' && l.message.startsWith('Replay: no recorded response'))).toBe(true);
  });

  it('fails clearly when the cassette to replay is missing', async () => {
    const missing = path.join(kit.tmp, cassetteRelPath('fetch', 'none'));
    const r = await kit.runtime.execute(folder, 'fetch', {}, config, { cassette: { mode: 'replay', path: missing } });
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('cannot read the cassette');
    expect(existsSync(missing)).toBe(false);
  });
});
