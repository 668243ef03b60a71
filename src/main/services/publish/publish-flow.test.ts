/** The publish flow against scripted servers: the answers the sandbox never gives (a conflict that is not
 * one, failed jobs, 5xx, silence), and the error translations themselves. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../../../../tests/helpers/test-clock';
import { createFortiSoarClient } from './client';
import { PublishError, translateHttpError } from './errors';
import { GOLDEN_DIR, startReplayServer, type ReplayServer, type Transcript } from './golden-kit';
import { publishConnector } from './publish-flow';

const SAMPLE = path.resolve(GOLDEN_DIR, '../../../resources/samples/connector-sample-threat-intel/sample-threat-intel');
const LIST = '/api/integration/connectors/?name=sample-threat-intel&page_size=100';
const UPLOAD = '/api/3/solutionpacks/install?$type=connector';
const EMPTY_LIST = { status: 'Success', totalItems: 0, itemsPerPage: 100, nextPage: null, previousPage: null, data: [] };
const RECORD = { id: 12, name: 'sample-threat-intel', version: '1.0.0', status: 'Completed', installed: true, requirements_installed: 'In-Progress' };

const step = (method: string, p: string, status: number, json?: unknown): Transcript => ({
  file: `${method} ${p}`,
  title: '',
  request: { method, path: p },
  response: { status, json },
  expect: { status },
});

let replay: ReplayServer | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

async function flow(steps: Transcript[], o: Parameters<typeof publishConnector>[2] = {}) {
  replay = await startReplayServer(steps);
  const client = createFortiSoarClient({ url: replay.url, credentials: { kind: 'apiKey', apiKey: 'k' }, env: {} });
  // The waits between polls and the import timeout pass on a test clock: the replay server answers at once.
  const clock = testClock();
  return publishConnector(client, SAMPLE, { pollIntervalMs: 20, now: clock.now, sleep: clock.sleep, ...o });
}

async function failure(p: Promise<unknown>): Promise<PublishError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PublishError);
  return e as PublishError;
}

describe('publish flow with scripted answers', () => {
  it('says when "already active" is not the same version being installed', async () => {
    const e = await failure(flow([step('GET', LIST, 200, EMPTY_LIST), step('POST', UPLOAD, 400, { '@type': 'Error', 'hydra:description': 'Connector with same name is already active' })]));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/"Connector with same name is already active", but sample-threat-intel 1\.0\.0 was not installed when we looked/);
    expect(replay!.problems).toEqual([]);
  });

  it('reports an import job that failed', async () => {
    const job = { '@id': '/api/3/import_jobs/j1', uuid: 'j1', status: 'In Progress' };
    const outcome = await flow([
      step('GET', LIST, 200, EMPTY_LIST),
      step('POST', UPLOAD, 200, { ...RECORD, importJob: job }),
      step('GET', '/api/3/import_jobs/j1', 200, { uuid: 'j1', status: 'In Progress' }),
      step('GET', '/api/3/import_jobs/j1', 200, { uuid: 'j1', status: 'failed', message: 'Invalid connector.py' }),
    ]);
    expect(outcome).toMatchObject({ result: 'import-failed', message: 'The import job ended with "failed": Invalid connector.py.' });
  });

  it('reports requirements that failed, with the server output, when there is no import job', async () => {
    const outcome = await flow([
      step('GET', LIST, 200, EMPTY_LIST),
      step('POST', UPLOAD, 200, RECORD),
      step('POST', '/api/integration/connectors/12/', 200, { ...RECORD, requirements_installed: 'Failed', install_result: { message: 'pip failed', output: 'No matching distribution' } }),
    ]);
    expect(outcome).toMatchObject({ result: 'requirements-failed', requirements: { status: 'Failed', output: 'No matching distribution' } });
  });

  it('gives up on an import job that never ends, saying it may still finish', async () => {
    const job = { '@id': '/api/3/import_jobs/j1', uuid: 'j1', status: 'Queued' };
    const polls = Array.from({ length: 30 }, () => step('GET', '/api/3/import_jobs/j1', 200, { uuid: 'j1', status: 'In Progress' }));
    const e = await failure(flow([step('GET', LIST, 200, EMPTY_LIST), step('POST', UPLOAD, 200, { ...RECORD, importJob: job }), ...polls], { importTimeoutMs: 150 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not finish the import job within 150 ms\. It may still finish/);
  });

  it('translates a 5xx with an HTML body', async () => {
    replay = await startReplayServer([step('GET', LIST, 502, undefined)]);
    const client = createFortiSoarClient({ url: replay.url, credentials: { kind: 'apiKey', apiKey: 'k' }, env: {} });
    const e = await failure(client.listConnectors({ name: 'sample-threat-intel', pageSize: 100 }));
    expect(e).toMatchObject({ kind: 'server', code: 'UNAVAILABLE', details: { status: 502 } });
    expect(e.message).toMatch(/failed with HTTP 502\. Try again in a minute/);
  });

  it('times out a server that accepts the connection and never answers', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const client = createFortiSoarClient({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, credentials: { kind: 'apiKey', apiKey: 'k' }, env: {}, timeoutMs: 300 });
      const e = await failure(client.checkCredentials());
      expect(e.kind).toBe('timeout');
      expect(e.message).toBe('The server did not answer within 300 ms (GET /api/3/people). The server may be busy or the network slow: try again, or raise the timeout in the server profile.');
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});

describe('translateHttpError', () => {
  const ctx = { method: 'POST', path: '/api/3/solutionpacks/install?$type=connector', authKind: 'password' as const, action: 'install connectors' };
  it.each([
    [401, {}, 'auth', /user name or password/],
    [403, { message: 'Could not validate HMAC fingerprint' }, 'hmac-trailing-slash', /trailing "\/"/],
    [403, { 'hydra:description': 'Access Denied' }, 'permission', /may not install connectors \(HTTP 403\): "Access Denied"\. Ask a FortiSOAR administrator/],
    [409, {}, 'conflict', /Replace/],
    [413, {}, 'too-large', /upload limit/],
    [404, {}, 'not-found', /has no \/api\/3\/solutionpacks\/install \(HTTP 404\)/],
    [400, { message: 'Invalid info.json' }, 'bad-request', /"Invalid info.json"/],
    [503, 'Service Unavailable', 'server', /HTTP 503: "Service Unavailable"/],
  ])('HTTP %i -> %s', (status, body, kind, message) => {
    const e = translateHttpError(status, body, typeof body === 'string' ? body : JSON.stringify(body), ctx);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });
});
