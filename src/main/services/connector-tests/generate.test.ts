import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { saveTest } from './generate';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', '..', 'resources');
const BLOCK = '"""\nCopyright start\nMIT License\nCopyright (c) 2026 Acme Corp\nCopyright end\n"""\n';

async function project(certified: boolean) {
  const root = await tmpDir('cs-gen-');
  const connector = path.join(root, 'acme');
  mkdirSync(connector);
  mkdirSync(path.join(root, 'tests', 'cassettes'), { recursive: true });
  writeFileSync(path.join(connector, 'connector.py'), `${certified ? BLOCK : ''}from connectors.core.connector import Connector\n`);
  writeFileSync(path.join(connector, 'info.json'), JSON.stringify({ name: 'acme', operations: [{ operation: 'get_ip', output_schema: { ip: '', score: '' } }] }));
  for (const name of ['one', 'two']) {
    writeFileSync(path.join(root, 'tests', 'cassettes', `get_ip-${name}.json`), '{"version": 1, "interactions": []}');
    writeFileSync(path.join(root, 'tests', 'cassettes', `get_ip-${name}.run.json`), JSON.stringify({ operation: 'get_ip', params: {}, config: {}, result: { status: 'Success', message: '', data: {}, errorLogs: [] } }));
  }
  return { root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'get_ip' };
}

describe('saveTest', () => {
  it('adds one function per recording, rewrites one saved again, and checks only output_schema keys when asked', async () => {
    const p = await project(false);
    await saveTest({ ...p, name: 'one', mode: 'exact' });
    // Exact data needs only replay: nothing imported goes unused.
    expect(readFileSync(path.join(p.root, 'tests', 'test_get_ip.py'), 'utf8').startsWith('from connector_studio_helpers import replay\n')).toBe(true);
    const second = await saveTest({ ...p, name: 'two', mode: 'schemaKeys' });
    expect(second).toMatchObject({ functionName: 'test_get_ip_two', added: true });
    expect((await saveTest({ ...p, name: 'one', mode: 'exact' })).added).toBe(false);
    const text = readFileSync(path.join(p.root, 'tests', 'test_get_ip.py'), 'utf8');
    expect(text.match(/^def test_get_ip_\w+\(/gm)).toEqual(['def test_get_ip_one(', 'def test_get_ip_two(']);
    expect(text).toContain(`keys = ["ip","score"]\n    assert only_keys(result['data'], keys) == only_keys(recorded['result']['data'], keys)`);
    expect(text.startsWith('from connector_studio_helpers import only_keys, replay\n')).toBe(true);
  });

  it('carries the connector\'s copyright block in certified mode, in the test and the helper', async () => {
    const p = await project(true);
    await saveTest({ ...p, name: 'one', mode: 'exact' });
    expect(readFileSync(path.join(p.root, 'tests', 'test_get_ip.py'), 'utf8').startsWith(`${BLOCK}\nfrom connector_studio_helpers`)).toBe(true);
    expect(readFileSync(path.join(p.root, 'tests', 'connector_studio_helpers.py'), 'utf8').startsWith(`${BLOCK}\n"""Helpers for this project's tests`)).toBe(true);
  });

  it('refuses a recording without its run record', async () => {
    const p = await project(false);
    await expect(saveTest({ ...p, name: 'three', mode: 'exact' })).rejects.toThrow(/no recording "three" of get_ip.*run it with Record first/);
  });
});
