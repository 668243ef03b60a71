/** Debug sessions against the real thing (issue 16): the sample connector in its worker, debugpy installed into a
 * tools environment of this file's own (once, by the first session, from the configured pip index), a fake vendor
 * on 127.0.0.1, every request through dispatch() as the UI sends it. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../../shared/ipc/contract';
import type { DebugStopped, DebugTerminated } from '../../../shared/models/debug';
import { processesEnded } from '../../../../tests/helpers/process-exit';
import { must, servicesOnSample, type SampleServices } from '../../../../tests/helpers/services';
import { startEchoVendor, type EchoVendor } from '../../../../tests/helpers/echo-vendor';
import { dispatch } from '../router';
import { liveDescendants } from '../runtime/process-tree';

const API_KEY = 'debug-canary-key-7f3a';
const OPERATIONS = 'sample-threat-intel/operations.py';

/** The sample's operations with a log line before the first breakpoint and an exception connector code raises. */
const operationsPy = `from connectors.core.connector import ConnectorError, get_logger

from .utils import IntelClient

logger = get_logger('sample-threat-intel')


def get_ip_reputation(config, params):
    logger.info('looking up the reputation of %s', params.get('ip'))
    ip = params.get('ip', '').strip()
    if not ip:
        raise ConnectorError('An IP address is required.')
    return IntelClient(config).get('/api/v1/ip/{0}'.format(ip))


def get_domain_reputation(config, params):
    return {'domain': params.get('domain')}


def check_health(config):
    status = IntelClient(config).get('/api/v1/status')
    return True


operations = {
    'get_ip_reputation': get_ip_reputation,
    'get_domain_reputation': get_domain_reputation,
}
`;
const lineOf = (text: string) => operationsPy.split('\n').findIndex((l) => l.includes(text)) + 1;

let dir: string;
let kit: SampleServices;
let vendor: EchoVendor;
let configId: string;
const seen: Array<{ name: EventName; payload: unknown }> = [];

/** The first event `name` matching `pred`, already seen or still to come. */
function next<E extends EventName>(name: E, pred: (p: Events[E]) => boolean, timeoutMs = 90_000): Promise<Events[E]> {
  const matches = (n: EventName, p: unknown) => n === name && pred(p as Events[E]);
  const found = seen.find((e) => matches(e.name, e.payload));
  if (found) return Promise.resolve(found.payload as Events[E]);
  const story = () => seen.filter((e) => e.name.startsWith('debug.') || e.name === 'runtime.installDone').map((e) => `${e.name} ${JSON.stringify(e.payload).slice(0, 400)}`).join('\n');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no ${name} event within ${timeoutMs} ms; the debug events:\n${story()}`))), timeoutMs);
    const off = kit.services.events.subscribe((n, p) => {
      if (!matches(n, p)) return;
      clearTimeout(timer);
      off();
      resolve(p as unknown as Events[E]);
    });
  });
}

let stops = 0;
/** The session's next stop after the ones already taken. */
async function nextStop(sessionId: string): Promise<DebugStopped> {
  const n = ++stops;
  let count = 0;
  const stop = next('debug.stopped', (p) => p.sessionId === sessionId && ++count === n);
  // A session that ends instead fails at once, saying how.
  const end = ended(sessionId).then((e) => Promise.reject(new Error(`the session ended instead of stopping: ${JSON.stringify(e).slice(0, 2000)}`)));
  return Promise.race([stop, end]);
}
const ended = (sessionId: string) => next('debug.terminated', (p) => p.sessionId === sessionId);
const call = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => must(await r);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cs-debug-'));
  kit = await servicesOnSample(dir);
  kit.services.events.subscribe((name, payload) => void seen.push({ name, payload }));
  await writeFile(path.join(kit.projectRoot, OPERATIONS), operationsPy);
  vendor = await startEchoVendor(API_KEY);
  const saved = await call(dispatch(kit.services, 'testConfig.save', { projectId: kit.projectId, config: { name: 'echo', values: { server_url: vendor.url, api_key: API_KEY, verify_ssl: false } } }));
  configId = saved.config.id;
}, 60_000);

afterAll(async () => {
  await kit?.services.dispose();
  await vendor?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a debug session of an action', () => {
  it('installs debugpy on first use, stops at a breakpoint in operations.py, shows params, steps one line, evaluates, masks the secret, continues to the result', async () => {
    const { services, projectId } = kit;
    const bp = lineOf("ip = params.get('ip'");
    const runId = 'debug-run-1';
    stops = 0;
    const { sessionId } = await call(
      dispatch(services, 'debug.start', {
        projectId,
        runId,
        target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: '198.51.100.7' }, configId },
        // A logpoint prints (secrets masked) and never stops.
        breakpoints: [{ path: OPERATIONS, line: bp }, { path: OPERATIONS, line: bp + 3, logMessage: 'checked {ip} with {config["api_key"]}' }],
      }),
    );
    const stop = await nextStop(sessionId);
    // First use: the tools environment was installed with progress for this run.
    expect(seen.some((e) => e.name === 'runtime.installProgress' && (e.payload as Events['runtime.installProgress']).runId === runId)).toBe(true);
    expect(stop).toMatchObject({ projectId, runId, reason: 'breakpoint', frame: { path: OPERATIONS, line: bp, name: 'get_ip_reputation', origin: 'connector' } });
    // The log line before the breakpoint reached the Output while the connector is paused.
    expect(seen.some((e) => e.name === 'runtime.output' && (e.payload as Events['runtime.output']).runId === runId && (e.payload as Events['runtime.output']).text.includes('looking up the reputation of 198.51.100.7'))).toBe(true);
    expect(await call(dispatch(services, 'debug.sessions', { projectId }))).toMatchObject([{ sessionId, state: 'paused' }]);

    const { frames } = await call(dispatch(services, 'debug.stackTrace', { projectId, sessionId }));
    // Just my code: the connector's frames only (operations.py under connector.py's execute), no shim or runner.
    expect(frames.map((f) => f.origin)).toEqual(frames.map(() => 'connector'));
    expect(frames[0]).toMatchObject({ path: OPERATIONS, line: bp });
    const scopes = await call(dispatch(services, 'debug.scopes', { projectId, sessionId, frameId: frames[0]!.id }));
    const locals = scopes.find((s) => s.name === 'Locals')!;
    const vars = await call(dispatch(services, 'debug.variables', { projectId, sessionId, variablesReference: locals.variablesReference }));
    const params = vars.find((v) => v.name === 'params');
    expect(params?.value).toBe("{'ip': '198.51.100.7'}");
    expect(params?.variablesReference).toBeGreaterThan(0);
    const children = await call(dispatch(services, 'debug.variables', { projectId, sessionId, variablesReference: params!.variablesReference }));
    expect(children.find((v) => v.name === "'ip'")?.value).toBe("'198.51.100.7'");
    // The configuration's secret is masked wherever it shows: the config value, its field, an expression.
    const config = vars.find((v) => v.name === 'config')!;
    expect(config.value).not.toContain(API_KEY);
    expect(config).toMatchObject({ masked: true });
    const fields = await call(dispatch(services, 'debug.variables', { projectId, sessionId, variablesReference: config.variablesReference }));
    expect(fields.find((v) => v.name === "'api_key'")).toMatchObject({ value: "'********'", masked: true });

    await call(dispatch(services, 'debug.next', { projectId, sessionId }));
    const stepped = await nextStop(sessionId);
    expect(stepped).toMatchObject({ reason: 'step', frame: { path: OPERATIONS, line: bp + 1 } });

    expect(await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression: 'ip', context: 'watch' }))).toMatchObject({ result: "'198.51.100.7'", type: 'str' });
    expect(await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression: "config['api_key'] + '!'", context: 'repl' }))).toMatchObject({ result: "'********!'", masked: true });
    expect(await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression: 'no_such_name', context: 'watch' }))).toMatchObject({ error: true, result: expect.stringMatching(/NameError/) });

    await call(dispatch(services, 'debug.continue', { projectId, sessionId }));
    const end = (await ended(sessionId)) as Extract<DebugTerminated, { kind: 'execute' }>;
    expect(end.kind).toBe('execute');
    const logpoint = seen.filter((e) => e.name === 'debug.output' && (e.payload as Events['debug.output']).sessionId === sessionId).map((e) => (e.payload as Events['debug.output']).text);
    expect(logpoint).toContain('checked 198.51.100.7 with ********\n');
    expect(end.result).toMatchObject({ status: 'Success', operation: 'get_ip_reputation', data: { ip: '198.51.100.7', score: 87 } });
    // Logs are masked as in a Run (the data is the vendor's answer, shown as it came, as a Run shows it).
    expect(JSON.stringify(end.result.logs)).not.toContain(API_KEY);
    expect(await call(dispatch(services, 'debug.sessions', { projectId }))).toEqual([]);
    // A session that ended answers NOT_FOUND.
    const late = await dispatch(services, 'debug.continue', { projectId, sessionId });
    expect(late.ok ? 'ok' : late.error.code).toBe('NOT_FOUND');
  }, 240_000);

  it('breaks where connector code raises (not in the framework shims), then finishes with the failure', async () => {
    const { services, projectId } = kit;
    const raise = lineOf("raise ConnectorError('An IP address is required.')");
    stops = 0;
    must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
    const { sessionId } = await call(
      dispatch(services, 'debug.start', { projectId, runId: 'debug-run-2', target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: '' }, configId }, exceptionFilters: ['raised'] }),
    );
    const stop = await nextStop(sessionId);
    expect(stop).toMatchObject({ reason: 'exception', frame: { path: OPERATIONS, line: raise, origin: 'connector' } });
    expect(stop.description ?? stop.text ?? '').toMatch(/An IP address is required/);
    // The exception passes through the connector's own frames on its way out; none of the stops is in a shim.
    let end: DebugTerminated | undefined;
    void ended(sessionId).then((e) => (end = e));
    for (let more = stop; ; ) {
      expect(more.frame?.origin).toBe('connector');
      await call(dispatch(services, 'debug.continue', { projectId, sessionId }));
      const after = await Promise.race([nextStop(sessionId), ended(sessionId)]);
      if ('kind' in after) break;
      more = after;
    }
    await ended(sessionId);
    expect(end).toMatchObject({ kind: 'execute', result: { status: 'Failed', message: 'An IP address is required.' } });
    // The filters are the project's: kept for the next session.
    expect((await call(dispatch(services, 'debug.breakpoints', { projectId }))).exceptionFilters).toEqual(['raised']);

    // 'uncaught': the runner catches every exception, so it is where the exception leaves the connector's code.
    stops = 0;
    const second = await call(
      dispatch(services, 'debug.start', { projectId, runId: 'debug-run-2b', target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: '  ' }, configId }, exceptionFilters: ['uncaught'] }),
    );
    const leaving = await nextStop(second.sessionId);
    expect(leaving).toMatchObject({ reason: 'exception', frame: { origin: 'connector' } });
    expect(leaving.frame?.path).toMatch(/^sample-threat-intel\/(connector|operations)\.py$/);
    await call(dispatch(services, 'debug.continue', { projectId, sessionId: second.sessionId }));
    expect(await ended(second.sessionId)).toMatchObject({ kind: 'execute', result: { status: 'Failed' } });
    must(await dispatch(services, 'debug.setExceptionFilters', { projectId, filters: [] }));
  }, 120_000);

  it("keeps the call's timeout still while paused, and refuses a second session of the project", async () => {
    const { services, projectId } = kit;
    const bp = lineOf("ip = params.get('ip'");
    // A warm worker (debugpy listening, the connector imported), so the short timeout below counts only the pause.
    const warm = await call(dispatch(services, 'debug.start', { projectId, runId: 'debug-run-warm', target: { kind: 'execute', operation: 'get_domain_reputation', params: {}, configId } }));
    await ended(warm.sessionId);
    must(await dispatch(services, 'settings.update', { patch: { runtimeTimeoutSec: 2 } }));
    try {
      stops = 0;
      const { sessionId } = await call(
        dispatch(services, 'debug.start', { projectId, runId: 'debug-run-4', target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: '192.0.2.1' }, configId }, breakpoints: [{ path: OPERATIONS, line: bp }] }),
      );
      await nextStop(sessionId);
      const again = await dispatch(services, 'debug.start', { projectId, runId: 'debug-run-5', target: { kind: 'health', configId } });
      expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
      // Paused for longer than the 2 s timeout (a slow watch expression, evaluated in the paused frame): the call is
      // not ended for it.
      const slow = await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression: "__import__('time').sleep(2.5) or 'slept'", context: 'watch' }));
      expect(slow).toMatchObject({ result: "'slept'" });
      must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
      await call(dispatch(services, 'debug.continue', { projectId, sessionId }));
      const end = (await ended(sessionId)) as Extract<DebugTerminated, { kind: 'execute' }>;
      expect(end.result.workerFailure).toBeUndefined();
      expect(end.result.status, end.result.message).toBe('Success');
    } finally {
      must(await dispatch(services, 'settings.update', { patch: { runtimeTimeoutSec: 60 } }));
    }
  }, 120_000);

  it('restarts and stops a paused health check: the worker and every process below it end, and the next run starts afresh', async () => {
    const { services, projectId } = kit;
    const bp = lineOf("status = IntelClient(config).get('/api/v1/status')");
    stops = 0;
    const first = await call(dispatch(services, 'debug.start', { projectId, runId: 'debug-run-3', target: { kind: 'health', configId }, breakpoints: [{ path: OPERATIONS, line: bp }] }));
    await nextStop(first.sessionId);
    // Restart (Ctrl+Shift+F5): the paused session ends, a new one runs the same target to the same breakpoint.
    const { sessionId } = await call(dispatch(services, 'debug.restart', { projectId, sessionId: first.sessionId }));
    expect(await ended(first.sessionId)).toMatchObject({ kind: 'stopped', runId: 'debug-run-3' });
    stops = 0;
    expect(await nextStop(sessionId)).toMatchObject({ runId: 'debug-run-3', reason: 'breakpoint', frame: { path: OPERATIONS, line: bp, name: 'check_health' } });
    // The paused worker names itself and its supervisor (isolation.py), the process the runtime started.
    const ask = async (expression: string) => Number((await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression, context: 'repl' }))).result);
    const [worker, supervisor] = [await ask("__import__('os').getpid()"), await ask("__import__('os').getppid()")];
    const pids = [supervisor, ...liveDescendants(supervisor)];
    expect(pids).toContain(worker);
    must(await dispatch(services, 'debug.stop', { projectId, sessionId }));
    expect(await ended(sessionId)).toMatchObject({ kind: 'stopped' });
    expect(await processesEnded(pids)).toBe(true);
    must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
    const health = await call(dispatch(services, 'runtime.health', { projectId, configId }));
    expect(health.status, health.message).toBe('Available');
  }, 120_000);
});

describe('saving while paused', () => {
  it('reloads the saved code for the next run once the paused one ends, as without the debugger', async () => {
    const { services, projectId } = kit;
    const bp = lineOf("ip = params.get('ip'");
    await call(dispatch(services, 'files.read', { projectId, relPath: OPERATIONS })); // the project is watched
    stops = 0;
    const { sessionId } = await call(
      dispatch(services, 'debug.start', { projectId, runId: 'debug-run-6', target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: '192.0.2.9' }, configId }, breakpoints: [{ path: OPERATIONS, line: bp }] }),
    );
    await nextStop(sessionId);
    const saved = next('files.changed', (p) => p.projectId === projectId && p.relPaths.includes(OPERATIONS));
    const edited = operationsPy.replace("return {'domain': params.get('domain')}", "return {'domain': params.get('domain'), 'edited': True}");
    await call(dispatch(services, 'files.write', { projectId, relPath: OPERATIONS, text: edited }));
    await saved;
    must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
    await call(dispatch(services, 'debug.continue', { projectId, sessionId }));
    expect(await ended(sessionId)).toMatchObject({ kind: 'execute', result: { status: 'Success' } });
    const after = await call(dispatch(services, 'runtime.execute', { projectId, runId: 'after-save', operation: 'get_domain_reputation', params: { domain: 'example.org' }, configId }));
    expect(after.data).toEqual({ domain: 'example.org', edited: true });
    await writeFile(path.join(kit.projectRoot, OPERATIONS), operationsPy);
  }, 120_000);
});

describe('breakpoints', () => {
  it('are kept per project in the user data folder, one per line, and never outside the project', async () => {
    const { services, projectId, userDataDir } = kit;
    const placed = await call(dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [{ line: 12, condition: "ip == ''" }, { line: 9, logMessage: 'ip is {params}' }, { line: 12, hitCondition: '2' }] }));
    expect(placed).toEqual([
      { path: OPERATIONS, line: 9, logMessage: 'ip is {params}' },
      { path: OPERATIONS, line: 12, hitCondition: '2' },
    ]);
    const stored = JSON.parse(await readFile(path.join(userDataDir, 'debug', `${projectId}.json`), 'utf8'));
    expect(stored.breakpoints).toEqual(placed);
    expect((await call(dispatch(services, 'debug.breakpoints', { projectId }))).breakpoints).toEqual(placed);
    for (const outside of ['../x.py', '/etc/passwd', 'a/../../x.py']) {
      const r = await dispatch(services, 'debug.setBreakpoints', { projectId, path: outside, breakpoints: [{ line: 1 }] });
      expect(r.ok, outside).toBe(false);
    }
    must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
  });
});

describe('a debug session of a saved test', () => {
  it("replays the test's recording from its cassette in the worker, stops at a breakpoint in connector code, and reaches no vendor", async () => {
    const { services, projectId } = kit;
    const recorded = await call(dispatch(services, 'runtime.execute', { projectId, runId: 'record-dbg', operation: 'get_ip_reputation', params: { ip: '203.0.113.9' }, configId, cassette: { mode: 'record', name: 'dbg' } }));
    expect(recorded.status).toBe('Success');
    const saved = await call(dispatch(services, 'tests.saveAsTest', { projectId, operation: 'get_ip_reputation', name: 'dbg' }));
    const vendorRequests = vendor.requests.length;
    const bp = lineOf("ip = params.get('ip'");
    stops = 0;
    const { sessionId } = await call(dispatch(services, 'debug.start', { projectId, runId: 'debug-test-1', target: { kind: 'test', testId: saved.nodeId }, breakpoints: [{ path: OPERATIONS, line: bp }] }));
    const stop = await nextStop(sessionId);
    expect(stop).toMatchObject({ reason: 'breakpoint', frame: { path: OPERATIONS, line: bp, origin: 'connector' } });
    expect(await call(dispatch(services, 'debug.sessions', { projectId }))).toMatchObject([{ sessionId, state: 'paused', target: { kind: 'test', testId: saved.nodeId } }]);
    // The run record's parameters, as the test replays them.
    expect(await call(dispatch(services, 'debug.evaluate', { projectId, sessionId, expression: "params['ip']", context: 'watch' }))).toMatchObject({ result: "'203.0.113.9'" });
    must(await dispatch(services, 'debug.setBreakpoints', { projectId, path: OPERATIONS, breakpoints: [] }));
    await call(dispatch(services, 'debug.continue', { projectId, sessionId }));
    expect(await ended(sessionId)).toMatchObject({ kind: 'execute', result: { status: 'Success', data: { ip: '203.0.113.9', score: 87 } } });
    expect(vendor.requests.length).toBe(vendorRequests);
  }, 240_000);

  it('refuses a test that is not a saved test of the project, before any session starts', async () => {
    const { services, projectId } = kit;
    const refused: Array<[string, string]> = [];
    for (const testId of ['../outside.py::test_x', 'tests/test_get_ip_reputation.py::test_missing', 'tests/../../x.py::test_y', 'tests/test_none.py::test_z']) {
      const r = await dispatch(services, 'debug.start', { projectId, runId: `refused-${refused.length}`, target: { kind: 'test', testId } });
      refused.push([testId, r.ok ? 'started' : r.error.code]);
    }
    expect(refused).toEqual([
      ['../outside.py::test_x', 'VALIDATION'],
      ['tests/test_get_ip_reputation.py::test_missing', 'NOT_FOUND'],
      ['tests/../../x.py::test_y', 'VALIDATION'],
      ['tests/test_none.py::test_z', 'NOT_FOUND'],
    ]);
    expect(await call(dispatch(services, 'debug.sessions', { projectId }))).toEqual([]);
  });
});
