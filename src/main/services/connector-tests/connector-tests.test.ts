// Real Python, real requests, a real vendor on 127.0.0.1 and real pytest: record a run, make its test, stop the
// vendor, run the test offline; then change what the operation answers and see the test fail with the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { SECRET, startVendor, writeHttpConnector } from '../runtime/cassette-kit';
import { createRuntimeService } from '../runtime/runtime-service';
import { createPythonEnvironments } from '../runtime/python-environments';
import type { RuntimeService } from '../runtime/types';
import { saveTest } from './generate';
import { createPytestInstaller } from './pytest-install';
import { createPytestRunner } from './pytest-runner';
import { withRunRecords } from './run-record';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', '..', 'resources');

describe('tests from recorded runs', () => {
  let root: string;
  let connector: string;
  let runtime: RuntimeService;
  const warnings: string[] = [];

  beforeEach(async () => {
    root = await tmpDir('cs-ctests-');
    connector = writeHttpConnector(path.join(root, 'http-probe'));
    runtime = withRunRecords(createRuntimeService({ dataDir: path.join(root, '.data'), runnerPath: path.join(RESOURCES, 'python', 'runner.py') }), (m) => warnings.push(m));
  });
  afterEach(async () => runtime.stopAll());

  function runner() {
    const installer = createPytestInstaller({
      environments: async () => ({
        pythonFor: async () => undefined,
        installToolsFor: async () => {
          throw new Error('pytest must come from the interpreter here');
        },
      }),
      pythons: createPythonEnvironments(path.join(root, '.data')),
      pythonCommand: async () => ['python3'],
    });
    return createPytestRunner({ resourcesDir: RESOURCES, userDataDir: path.join(root, '.data'), pythonFor: installer.pythonFor, ensurePytest: installer.ensurePytest });
  }

  it('records a run record, makes one test per recording, and replays it offline', async () => {
    const vendor = await startVendor();
    const cassette = path.join(root, 'tests', 'cassettes', 'fetch-happy.json');
    const config = { server_url: vendor.url, credential: SECRET };
    const live = await runtime.execute(connector, 'fetch', { q: 'x' }, config, { cassette: { mode: 'record', path: cassette } });
    await vendor.close();
    expect(live.status).toBe('Success');

    const record = JSON.parse(readFileSync(path.join(root, 'tests', 'cassettes', 'fetch-happy.run.json'), 'utf8'));
    expect(record).toEqual({ operation: 'fetch', params: { q: 'x' }, config: { server_url: vendor.url, credential: '<scrubbed:credential>' }, result: { status: 'Success', message: expect.any(String), data: { items: [1, 2, 3], more: { more: true } }, errorLogs: [] } });
    expect(readFileSync(path.join(root, 'tests', 'cassettes', 'fetch-happy.run.json'), 'utf8')).not.toContain(SECRET);

    const saved = await saveTest({ root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'fetch', name: 'happy', mode: 'exact' });
    expect(saved).toEqual({ relPath: 'tests/test_fetch.py', functionName: 'test_fetch_happy', nodeId: 'tests/test_fetch.py::test_fetch_happy', added: true });
    const again = await saveTest({ root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'fetch', name: 'happy', mode: 'exact' });
    expect(again.added).toBe(false);
    expect(readFileSync(path.join(root, saved.relPath), 'utf8').match(/def test_fetch_happy\(/g)).toHaveLength(1);
    expect(existsSync(path.join(root, 'tests', 'connector_studio_helpers.py'))).toBe(true);

    const pytest = runner();
    const listed = await pytest.list({ root, connectorDir: connector });
    expect(listed.tests).toEqual([{ id: 'tests/test_fetch.py::test_fetch_happy', relPath: 'tests/test_fetch.py', name: 'test_fetch_happy', line: 4 }]);

    const green = await pytest.run({ root, connectorDir: connector });
    expect(green.output).toContain('1 passed');
    expect(green.tests).toEqual([expect.objectContaining({ id: 'tests/test_fetch.py::test_fetch_happy', status: 'passed' })]);
    expect(green.exitCode).toBe(0);

    // The operation now answers something else: the test fails and shows what differs.
    writeFileSync(path.join(connector, 'connector.py'), readFileSync(path.join(connector, 'connector.py'), 'utf8').replace("'items': login['items']", "'items': login['items'][:2]"));
    const red = await pytest.run({ root, connectorDir: connector }, { target: 'tests/test_fetch.py::test_fetch_happy' });
    expect(red.exitCode).toBe(1);
    expect(red.summary).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(red.tests[0]?.details).toMatch(/assert .*==/);
    expect(red.tests[0]?.details).toContain('3');
    expect(warnings).toEqual([]);
  }, 120_000);

  it('keeps a secret the vendor echoes out of the run record, and the test of it still passes offline', async () => {
    writeFileSync(path.join(connector, 'connector.py'), readFileSync(path.join(connector, 'connector.py'), 'utf8').replace("return {'items': login['items'], 'more': r2.json()}", "return {'echo': login['echo'], 'key': key, 'more': r2.json()}"));
    const vendor = await startVendor();
    const cassette = path.join(root, 'tests', 'cassettes', 'fetch-echo.json');
    const live = await runtime.execute(connector, 'fetch', { q: 'x' }, { server_url: vendor.url, credential: SECRET }, { cassette: { mode: 'record', path: cassette } });
    await vendor.close();
    expect(live.status).toBe('Success');
    const record = readFileSync(path.join(root, 'tests', 'cassettes', 'fetch-echo.run.json'), 'utf8');
    expect(record).not.toContain(SECRET);
    expect(record).not.toContain(Buffer.from(SECRET).toString('base64'));
    await saveTest({ root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'fetch', name: 'echo', mode: 'exact' });
    const green = await runner().run({ root, connectorDir: connector });
    expect(green.tests.map((t) => [t.status, t.details ?? ''])).toEqual([['passed', '']]);
  }, 120_000);

  it('fails naming the request a replay misses, and never calls out', async () => {
    const vendor = await startVendor();
    const cassette = path.join(root, 'tests', 'cassettes', 'fetch-q.json');
    await runtime.execute(connector, 'fetch', { q: 'x' }, { server_url: vendor.url, credential: SECRET }, { cassette: { mode: 'record', path: cassette } });
    await saveTest({ root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'fetch', name: 'q', mode: 'exact' });
    const runRecord = path.join(root, 'tests', 'cassettes', 'fetch-q.run.json');
    writeFileSync(runRecord, readFileSync(runRecord, 'utf8').replace('"q": "x"', '"q": "other"'));
    const red = await runner().run({ root, connectorDir: connector });
    expect(vendor.hits).toHaveLength(2); // the two recorded requests; the replay reached no server
    await vendor.close();
    expect(red.tests[0]?.status).toBe('failed');
    expect(red.tests[0]?.details).toMatch(/no recorded response for POST http:\/\/127\.0\.0\.1:\d+\/items\?key=<scrubbed:credential>&q=other/);
  }, 120_000);
});
