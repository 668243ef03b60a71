import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../services/runtime/test-kit';
import { cliIn } from '../cli-test-kit';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-platform-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(path.join(tmp, name), text), path.join(tmp, name));
const cli = cliIn(tmp);
const connector = fixture('platform-user');

describe('connector-studio run and the simulated platform', () => {
  const config = file('config.json', '{}');
  const alert = file('alert.json', '{"name": "from the CLI"}');
  const page = file('page.json', '{"limit": 10, "page": 1}');

  it('keeps records in memory for one command, and says what the run created', async () => {
    const r = await cli('run', connector, 'create_alert', '--config', config, '--params', alert);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Platform record created: Alert \/api\/3\/alerts\/[0-9a-f-]{36}$/m);
    const listed = await cli('run', connector, 'list_page', '--config', config, '--params', page, '--json');
    expect(JSON.parse(listed.out)).toMatchObject({ status: 'Success', data: { total: 0 } });
  });

  it('--platform-data DIR keeps them there, so the next command sees them', async () => {
    const dir = path.join(tmp, 'platform');
    for (let i = 0; i < 2; i++) expect((await cli('run', connector, 'create_alert', '--config', config, '--params', alert, '--platform-data', 'platform')).code).toBe(0);
    expect(existsSync(path.join(dir, 'records', 'alerts.json'))).toBe(true);
    const listed = await cli('run', connector, 'list_page', '--config', config, '--params', page, '--platform-data', dir, '--json');
    expect(JSON.parse(listed.out)).toMatchObject({ status: 'Success', data: { total: 2, names: ['from the CLI', 'from the CLI'] } });
    const health = await cli('health', connector, '--config', config, '--platform-data', dir);
    expect(health.code, health.out).toBe(0);
  });
});
