/** The debug store following real sessions: the real services through the renderer's API client, debugpy
 * installed into this file's tools environment by its first session (from the configured pip index), the sample
 * connector against a vendor on 127.0.0.1. What the store holds is what the Run and Debug view and the editor show. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEchoVendor, type EchoVendor } from '../../../../../tests/helpers/echo-vendor';
import { addSpinAction } from '../../../../../tests/helpers/spin-action';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { suiteDir } from '../../../../../tests/helpers/suite-dir';
import { initTransport } from '../../api/client';
import { useProjectsStore } from '../projects/store';
import { useTestingStore } from '../testing/store';
import { BREAKPOINTS_INITIAL } from './breakpoint-actions';
import { INSPECT_INITIAL } from './inspect-actions';
import { actionLaunch, healthLaunch, type DebugLaunch } from './launches';
import { SESSION_INITIAL } from './session-actions';
import { useDebugStore } from './store';
import type { DebugStore } from './types';

const API_KEY = 'debug-store-canary-91c2';
const OPS = 'sample-threat-intel/operations.py';
/** The sample's operations.py: `ip = params.get('ip', '').strip()`, the check, the request; check_health's call. */
const IP_LINE = 15;
const RAISE_LINE = 17;
const HEALTH_LINE = 30;
const IP = '198.51.100.7';

let folder: Awaited<ReturnType<typeof suiteDir>>;
let s: SampleServices;
let vendor: EchoVendor;
let configId: string;

/** Resolves once the store's state satisfies `holds`; after `ms` it fails with what the store holds instead. */
function until(holds: (st: DebugStore) => boolean, ms = 60_000): Promise<DebugStore> {
  return new Promise((resolve, reject) => {
    if (holds(useDebugStore.getState())) return resolve(useDebugStore.getState());
    const timer = setTimeout(() => {
      stop();
      const st = useDebugStore.getState();
      reject(new Error(`The debug store did not get there in ${ms} ms: ${JSON.stringify({ session: st.session, stopped: st.stopped, ending: st.ending, error: st.error, console: st.console.slice(-8) }).slice(0, 3000)}`));
    }, ms);
    const stop = useDebugStore.subscribe((st) => {
      if (!holds(st)) return;
      clearTimeout(timer);
      stop();
      resolve(st);
    });
  });
}

const paused = (line: number) => (st: DebugStore) => st.session?.state === 'paused' && st.stopped?.frame?.line === line && st.scopes.length > 0;
const ended = (st: DebugStore) => st.session === null && st.ending !== null;
const consoleText = () => useDebugStore.getState().console.map((l) => (l.kind === 'result' ? l.value.result : l.text)).join('\n');

/** A child of the Locals scope, as the Variables view fetches it when Locals opens. */
async function local(name: string) {
  const locals = useDebugStore.getState().scopes.find((sc) => sc.name === 'Locals')!;
  await useDebugStore.getState().loadChildren({ variablesReference: locals.variablesReference });
  const state = useDebugStore.getState().children[String(locals.variablesReference)];
  if (state?.status !== 'loaded') throw new Error(`Locals did not load: ${JSON.stringify(state)}`);
  return state.items.find((v) => v.name === name);
}

function actionForm(operation: string, ip: string) {
  const t = useTestingStore.getState();
  t.selectOperation(operation);
  t.setParam('ip', ip);
  t.selectConfig(configId);
  const checked = actionLaunch(useTestingStore.getState());
  if (!checked.ok) throw new Error(`The form refused: ${JSON.stringify(checked)}`);
  return checked.launch;
}

beforeAll(async () => {
  folder = await suiteDir('cs-debug-store-');
  s = await servicesOnSample(folder.dir);
  await addSpinAction(await s.services.projects.connectorDirOf(s.projectId));
  initTransport(servicesTransport(s.services));
  vendor = await startEchoVendor(API_KEY);
  await useProjectsStore.getState().load();
  await useTestingStore.getState().open(s.projectId);
  await useDebugStore.getState().open(s.projectId);
  const t = useTestingStore.getState();
  t.newConfig();
  t.setDraft({ name: 'echo' });
  t.setDraftValue('server_url', vendor.url);
  t.setDraftValue('api_key', API_KEY);
  t.setDraftValue('verify_ssl', false);
  expect(await t.saveDraft()).toBe(true);
  configId = useTestingStore.getState().configs[0]!.id;
}, 60_000);

afterEach(async () => {
  // A failed test must not leave a session that the next one's start would meet.
  if (useDebugStore.getState().session?.sessionId) await useDebugStore.getState().stop();
  // A session that does not end after Stop is a failure of its own, not something to step over.
  await until((st) => st.session === null, 30_000);
  await useDebugStore.getState().removeAllBreakpoints();
  for (const f of useDebugStore.getState().exceptionFilters) await useDebugStore.getState().setExceptionFilter(f, false);
});

afterAll(async () => {
  await s?.services.dispose();
  await vendor?.close();
  await folder?.remove();
});

describe('the debug store following a session', () => {
  it('Debug on the form\'s action: paused on the breakpoint, params in Locals, a step, a watch and the console, then the result as a run in Output', async () => {
    const d = useDebugStore.getState();
    await d.toggleBreakpoint(OPS, IP_LINE);
    expect(await d.start(actionForm('get_ip_reputation', IP))).toBe(true);

    // The run is in the Test view's Output at once, and is what Run Last / Debug Last repeat.
    const t = useTestingStore.getState();
    expect(t.runs[0]).toMatchObject({ operation: 'get_ip_reputation', status: 'running', title: 'Get IP Reputation (debug)', params: { ip: IP } });
    expect(t.lastRun).toMatchObject({ kind: 'action', operation: 'get_ip_reputation', params: { ip: IP }, configId });

    // First use installs debugpy: the session says so while it starts, then stops at the breakpoint.
    const st = await until(paused(IP_LINE), 180_000);
    expect(consoleText()).toMatch(/debugpy/);
    expect(st.stopped).toMatchObject({ reason: 'breakpoint', frame: { path: OPS, line: IP_LINE, name: 'get_ip_reputation', origin: 'connector' } });
    expect(st.frames[0]).toMatchObject({ name: 'get_ip_reputation', path: OPS });
    expect(st.selectedFrameId).toBe(st.frames[0]!.id);
    expect(st.expanded).toMatchObject({ Locals: true });
    expect(await local('params')).toMatchObject({ value: `{'ip': '${IP}'}` });
    // The configuration's secret never reaches the store unmasked.
    expect(await local('config')).toMatchObject({ masked: true });
    expect(JSON.stringify(useDebugStore.getState())).not.toContain(API_KEY);

    // `ip` does not exist before the line runs; after Step Over the watch has its value.
    await d.addWatch('ip');
    expect(useDebugStore.getState().watches[0]?.value).toMatchObject({ error: true, result: expect.stringMatching(/NameError/) });
    await d.stepOver();
    await until(paused(IP_LINE + 1));
    await until((x) => x.watches[0]?.value?.result === `'${IP}'`);
    expect(useDebugStore.getState().stopped?.reason).toBe('step');

    await d.evaluateInConsole("ip.split('.')[0]");
    const last = useDebugStore.getState().console.at(-1);
    expect(last?.kind === 'result' && last.value.result).toBe("'198'");

    await d.continue();
    const end = await until(ended);
    expect(end.ending).toMatchObject({ title: 'Get IP Reputation', outcome: 'Success' });
    expect(end.frames).toEqual([]);
    expect(end.watches[0]?.expression).toBe('ip');
    const run = useTestingStore.getState().runs[0]!;
    expect(run).toMatchObject({ status: 'Success', result: { data: { ip: IP, score: 87 } } });
    // The connector's log lines of the debugged run streamed into its Output, as a Run's do.
    expect(run.output.length).toBeGreaterThan(0);
    d.removeAllWatches();
  }, 240_000);

  it('Raised Exceptions stops where the connector raises; turned off in the live session, the run ends Failed', async () => {
    const d = useDebugStore.getState();
    await d.setExceptionFilter('raised', true);
    // A blank IP: the form would refuse it, the connector's own check raises.
    const launch: DebugLaunch = { target: { kind: 'execute', operation: 'get_ip_reputation', params: { ip: ' ' }, configId }, title: 'Get IP Reputation', lastRun: { kind: 'action', operation: 'get_ip_reputation', title: 'Get IP Reputation', raw: { ip: ' ' }, params: { ip: ' ' }, configId } };
    expect(await d.start(launch)).toBe(true);
    const st = await until(paused(RAISE_LINE), 120_000);
    expect(st.stopped?.reason).toBe('exception');
    expect(consoleText()).toMatch(/Paused on exception.*An IP address is required/);

    await d.setExceptionFilter('raised', false);
    await d.continue();
    const end = await until(ended);
    expect(end.ending).toMatchObject({ outcome: 'Failed', message: 'An IP address is required.' });
    expect(useTestingStore.getState().runs[0]).toMatchObject({ status: 'Failed' });
  }, 180_000);

  it('Restart runs the same call again under a new session (the old one\'s end is not this one\'s); Stop ends it, leaving no session', async () => {
    const d = useDebugStore.getState();
    await d.toggleBreakpoint(OPS, IP_LINE);
    await d.start(actionForm('get_ip_reputation', IP));
    const first = await until(paused(IP_LINE), 120_000);
    const { runId, sessionId: old } = first.session!;

    await d.restart();
    const again = await until((x) => paused(IP_LINE)(x) && x.session?.sessionId !== old, 120_000);
    expect(again.session).toMatchObject({ runId, state: 'paused' });
    expect(again.endedSessionIds).toContain(old);
    expect(again.ending).toBeNull();

    await d.stop();
    const end = await until(ended);
    expect(end.ending?.outcome).toBe('stopped');
    expect(useTestingStore.getState().runs[0]).toMatchObject({ runId, status: 'error', stopped: true });
    expect(await s.services.debug.sessions(s.projectId)).toEqual([]);
  }, 240_000);

  it('a window that reloads while paused follows the session again: its stop, frames and variables', async () => {
    const d = useDebugStore.getState();
    await d.toggleBreakpoint(OPS, IP_LINE);
    await d.start(actionForm('get_ip_reputation', IP));
    const before = await until(paused(IP_LINE), 120_000);

    // The reload: this window's state is gone; the services still hold the paused session.
    useDebugStore.setState({ ...SESSION_INITIAL, ...BREAKPOINTS_INITIAL, ...INSPECT_INITIAL });
    await useDebugStore.getState().open(s.projectId);
    const after = await until(paused(IP_LINE));
    expect(after.session).toMatchObject({ runId: before.session!.runId, sessionId: before.session!.sessionId, state: 'paused' });
    expect(after.frames[0]?.name).toBe('get_ip_reputation');
    expect(await local('params')).toMatchObject({ value: `{'ip': '${IP}'}` });
    expect(after.breakpoints.map((b) => b.line)).toEqual([IP_LINE]);
    await useDebugStore.getState().continue();
    expect((await until(ended)).ending?.outcome).toBe('Success');
  }, 180_000);

  it('Pause stops a call that runs on with no breakpoint (Running once it logs), where it is; Stop ends it', async () => {
    const d = useDebugStore.getState();
    const launch: DebugLaunch = { target: { kind: 'execute', operation: 'spin', params: {} }, title: 'Spin Forever', lastRun: { kind: 'action', operation: 'spin', title: 'Spin Forever', raw: {}, params: {} } };
    await d.start(launch);
    await until((st) => st.session?.state === 'running', 120_000);
    await d.pause();
    const st = await until((x) => x.session?.state === 'paused' && x.scopes.length > 0);
    expect(st.stopped?.reason).toBe('pause');
    expect(st.frames[0]).toMatchObject({ name: 'spin', path: OPS });
    expect(Number((await local('turns'))?.value)).toBeGreaterThan(0);
    await d.stop();
    expect((await until(ended)).ending?.outcome).toBe('stopped');
  }, 180_000);

  it('Debug beside Check Health: paused in check_health, then the configuration\'s health shows the result', async () => {
    const d = useDebugStore.getState();
    await d.toggleBreakpoint(OPS, HEALTH_LINE);
    await d.start(healthLaunch(configId, useTestingStore.getState().configs));
    expect(useTestingStore.getState().health[configId]?.running).toBe(true);
    const st = await until(paused(HEALTH_LINE), 120_000);
    expect(st.frames[0]?.name).toBe('check_health');
    await d.continue();
    await until(ended);
    expect(useTestingStore.getState().health[configId]).toMatchObject({ running: false, result: { status: 'Available' } });
    expect(useTestingStore.getState().lastRun).toEqual({ kind: 'health', configId });
  }, 180_000);
});
