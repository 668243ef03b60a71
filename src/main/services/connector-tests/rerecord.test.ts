// Re-record against a real vendor on 127.0.0.1 with real Python: the code changed since the recording, so the
// live run answers other data; the preview names what changed in the data and in its shape; Keep leaves the
// recording, Accept rewrites it scrubbed, and the test then passes offline against the new recording.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { SECRET, startVendor, writeHttpConnector } from '../runtime/cassette-kit';
import { createPythonEnvironments } from '../runtime/python-environments';
import { createRuntimeService } from '../runtime/runtime-service';
import type { RuntimeService } from '../runtime/types';
import { saveTest } from './generate';
import { createPytestInstaller } from './pytest-install';
import { createPytestRunner } from './pytest-runner';
import { acceptRerecord, discardRerecord, rerecord } from './rerecord';
import { withRunRecords } from './run-record';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', '..', 'resources');

describe('re-recording a saved test', () => {
  let root: string;
  let connector: string;
  let runtime: RuntimeService;
  const warnings: string[] = [];

  beforeEach(async () => {
    root = await tmpDir('cs-rerecord-');
    connector = writeHttpConnector(path.join(root, 'http-probe'));
    runtime = withRunRecords(createRuntimeService({ dataDir: path.join(root, '.data'), runnerPath: path.join(RESOURCES, 'python', 'runner.py') }), (m) => warnings.push(m));
  });
  afterEach(async () => runtime.stopAll());

  it('shows what changed in the data and its shape, keeps the recording on Keep, rewrites it scrubbed on Accept', async () => {
    const vendor = await startVendor();
    const config = { server_url: vendor.url, credential: SECRET };
    const cassette = path.join(root, 'tests', 'cassettes', 'fetch-happy.json');
    await runtime.execute(connector, 'fetch', { q: 'x' }, config, { cassette: { mode: 'record', path: cassette } });
    const saved = await saveTest({ root, connectorDir: connector, resourcesDir: RESOURCES, operation: 'fetch', name: 'happy', mode: 'exact' });
    const original = { tape: readFileSync(cassette, 'utf8'), record: readFileSync(cassette.replace(/\.json$/, '.run.json'), 'utf8') };

    // The connector now answers two items and a count instead of `more`.
    const code = path.join(connector, 'connector.py');
    writeFileSync(code, readFileSync(code, 'utf8').replace("return {'items': login['items'], 'more': r2.json()}", "return {'items': login['items'][:2], 'count': 2}"));
    await runtime.reload(connector); // as the file watcher does on a save
    const place = { root, connectorDir: connector, pendingDir: path.join(root, '.data', 'rerecord', 'p1') };
    const preview = await rerecord(place, runtime, saved.nodeId, config);
    expect(preview).toMatchObject({ testId: saved.nodeId, recording: 'fetch-happy', before: { status: 'Success', interactions: 2 }, after: { status: 'Success', interactions: 2 }, unchanged: false, truncated: false });
    expect(preview.dataChanges).toEqual([
      { path: '$.more', kind: 'removed', before: { more: true } },
      { path: '$.items[2]', kind: 'removed', before: 3 },
      { path: '$.count', kind: 'added', after: 2 },
    ]);
    expect(preview.schemaChanges).toEqual([
      { path: '$.more', kind: 'removed', before: 'object' },
      { path: '$.count', kind: 'added', after: 'integer' },
    ]);
    // Nothing of the project changed yet, and the pending recording holds no form of the secret the vendor echoed.
    expect(readFileSync(cassette, 'utf8')).toBe(original.tape);
    for (const f of ['fetch-happy.json', 'fetch-happy.run.json']) {
      const text = readFileSync(path.join(place.pendingDir, f), 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
    }

    await discardRerecord(place.pendingDir, preview.recording);
    expect(existsSync(path.join(place.pendingDir, 'fetch-happy.json'))).toBe(false);
    expect(readFileSync(cassette, 'utf8')).toBe(original.tape);
    await expect(acceptRerecord(place, 'fetch-happy')).rejects.toThrow(/no new recording of fetch-happy to accept/);

    await rerecord(place, runtime, saved.nodeId, config);
    await vendor.close();
    expect(await acceptRerecord(place, 'fetch-happy')).toEqual({ cassette: 'tests/cassettes/fetch-happy.json', runRecord: 'tests/cassettes/fetch-happy.run.json' });
    const record = JSON.parse(readFileSync(cassette.replace(/\.json$/, '.run.json'), 'utf8'));
    expect(record).toMatchObject({ operation: 'fetch', params: { q: 'x' }, config: { server_url: vendor.url, credential: '<scrubbed:credential>' }, result: { data: { items: [1, 2], count: 2 } } });
    expect(readFileSync(cassette, 'utf8')).not.toContain(SECRET);

    // The vendor is gone: the test replays the accepted recording and passes.
    const installer = createPytestInstaller({
      environments: async () => ({ pythonFor: async () => undefined, installToolsFor: async () => { throw new Error('pytest must come from the interpreter here'); } }),
      pythons: createPythonEnvironments(path.join(root, '.data')),
      pythonCommand: async () => ['python3'],
    });
    const pytest = createPytestRunner({ resourcesDir: RESOURCES, userDataDir: path.join(root, '.data'), pythonFor: installer.pythonFor, ensurePytest: installer.ensurePytest });
    const green = await pytest.run({ root, connectorDir: connector });
    expect(green.tests.map((t) => [t.id, t.status, t.details ?? ''])).toEqual([[saved.nodeId, 'passed', '']]);
    expect(warnings).toEqual([]);
  }, 120_000);

  it('refuses a test that replays no recording, and recording names that are not names', async () => {
    const place = { root, connectorDir: connector, pendingDir: path.join(root, '.data', 'rerecord', 'p1') };
    writeFileSync(path.join(root, 'x.txt'), 'outside the pending folder');
    const refused: string[] = [];
    for (const name of ['../x', '../../x.txt', '.hidden', 'a/b', '']) {
      await acceptRerecord(place, name).catch((e: Error) => refused.push(e.message));
      await discardRerecord(place.pendingDir, name).catch((e: Error) => refused.push(e.message));
    }
    expect(refused).toHaveLength(10);
    expect(refused.every((m) => /is not a recording name/.test(m))).toBe(true);
    expect(existsSync(path.join(root, 'x.txt'))).toBe(true);
    await expect(rerecord(place, runtime, 'tests/test_fetch.py::test_fetch_none', {})).rejects.toThrow(/does not exist|has no test/);
  });
});
