/** The debug store against the real services through the renderer's API client: breakpoints and exception
 * settings are the project's, kept by the services across restarts, and reach every window of the project. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restartServices } from '../../../../../tests/helpers/restart-services';
import { servicesOnSample, type SampleServices } from '../../../../../tests/helpers/services';
import { servicesTransport } from '../../../../../tests/helpers/services-transport';
import { tmpDir } from '../../../../../tests/helpers/tmp';
import { initTransport } from '../../api/client';
import { useProjectsStore } from '../projects/store';
import { BREAKPOINTS_INITIAL } from './breakpoint-actions';
import { INSPECT_INITIAL } from './inspect-actions';
import { SESSION_INITIAL } from './session-actions';
import { useDebugStore } from './store';

const OPS = 'sample-threat-intel/operations.py';
const UTILS = 'sample-threat-intel/utils.py';
let s: SampleServices;

const reset = () => useDebugStore.setState({ ...SESSION_INITIAL, ...BREAKPOINTS_INITIAL, ...INSPECT_INITIAL });

beforeEach(async () => {
  s = await servicesOnSample(await tmpDir());
  initTransport(servicesTransport(s.services));
  reset();
  await useProjectsStore.getState().load();
});

afterEach(() => s.services.dispose());

/** Resolves once the store's state satisfies `holds`: waits on the store's own updates, never on a clock. */
function until<T>(store: { getState(): T; subscribe(fn: (state: T) => void): () => void }, holds: (state: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    if (holds(store.getState())) return resolve(store.getState());
    const stop = store.subscribe((state) => {
      if (!holds(state)) return;
      stop();
      resolve(state);
    });
  });
}

const lines = () => useDebugStore.getState().breakpoints.map((b) => `${b.path}:${b.line}${b.enabled ? '' : ' (disabled)'}${b.condition ? ` if ${b.condition}` : ''}${b.hitCondition ? ` hit ${b.hitCondition}` : ''}${b.logMessage ? ` log ${b.logMessage}` : ''}`);

describe('the debug store\'s breakpoints', () => {
  it('opens on a project without breakpoints: nothing set, no session, no error', async () => {
    await useDebugStore.getState().open(s.projectId);
    const st = useDebugStore.getState();
    expect({ projectId: st.projectId, breakpoints: st.breakpoints, filters: st.exceptionFilters, session: st.session, error: st.error, bpError: st.breakpointsError })
      .toEqual({ projectId: s.projectId, breakpoints: [], filters: [], session: null, error: null, bpError: null });
  });

  it('gutter clicks, a condition, a hit count and a logpoint are stored for the project and outlive a restart of the services', async () => {
    const d = useDebugStore.getState();
    await d.open(s.projectId);
    await d.toggleBreakpoint(OPS, 15);
    await d.toggleBreakpoint(OPS, 18);
    await d.toggleBreakpoint(OPS, 18);
    await d.setBreakpoint(OPS, 16, { condition: "ip == '1.2.3.4'" });
    await d.setBreakpoint(UTILS, 10, { hitCondition: '>= 2' });
    await d.setBreakpoint(OPS, 17, { logMessage: 'ip is {ip}' });
    await d.setExceptionFilter('uncaught', true);
    await d.setExceptionFilter('raised', true);
    await d.setExceptionFilter('raised', false);
    const expected = [`${OPS}:15`, `${OPS}:16 if ip == '1.2.3.4'`, `${OPS}:17 log ip is {ip}`, `${UTILS}:10 hit >= 2`];
    expect(lines()).toEqual(expected);

    // A restart: new services on the same user data folder, a fresh window.
    s = await restartServices(s);
    initTransport(servicesTransport(s.services));
    reset();
    await useDebugStore.getState().open(s.projectId);
    expect(lines()).toEqual(expected);
    expect(useDebugStore.getState().exceptionFilters).toEqual(['uncaught']);
  });

  it('a disabled breakpoint stays in the list but is not the services\' to place; enabling sends it again', async () => {
    const d = useDebugStore.getState();
    await d.open(s.projectId);
    await d.setBreakpoint(OPS, 15, { condition: 'ip' });
    await d.toggleBreakpoint(OPS, 16);
    await d.setBreakpointEnabled(OPS, 15, false);
    expect(lines()).toEqual([`${OPS}:15 (disabled) if ip`, `${OPS}:16`]);
    expect((await s.services.debug.breakpoints(s.projectId)).breakpoints.map((b) => b.line)).toEqual([16]);

    await d.setBreakpointEnabled(OPS, 15, true);
    expect((await s.services.debug.breakpoints(s.projectId)).breakpoints).toEqual([{ path: OPS, line: 15, condition: 'ip' }, { path: OPS, line: 16 }]);
    await d.setAllEnabled(false);
    expect((await s.services.debug.breakpoints(s.projectId)).breakpoints).toEqual([]);
    expect(lines()).toEqual([`${OPS}:15 (disabled) if ip`, `${OPS}:16 (disabled)`]);
    await d.removeAllBreakpoints();
    expect(lines()).toEqual([]);
  });

  it('an edit above a breakpoint moves it with its line, and the services store the new line', async () => {
    const d = useDebugStore.getState();
    await d.open(s.projectId);
    await d.toggleBreakpoint(OPS, 15);
    await d.toggleBreakpoint(OPS, 30);
    await d.breakpointsMoved(OPS, new Map([[15, 17], [30, 32]]));
    expect(lines()).toEqual([`${OPS}:17`, `${OPS}:32`]);
    expect((await s.services.debug.breakpoints(s.projectId)).breakpoints.map((b) => b.line)).toEqual([17, 32]);
  });

  it('follows a change another window of the project made', async () => {
    await useDebugStore.getState().open(s.projectId);
    await s.services.debug.setBreakpoints(s.projectId, UTILS, [{ line: 12 }]);
    await until(useDebugStore, (st) => st.breakpoints.length === 1);
    expect(lines()).toEqual([`${UTILS}:12`]);
  });

  it('a path outside the project is refused and said, and the list keeps what the user clicked', async () => {
    const d = useDebugStore.getState();
    await d.open(s.projectId);
    await d.toggleBreakpoint('../elsewhere.py', 3);
    expect(useDebugStore.getState().breakpointsError).toMatch(/^The breakpoints of \.\.\/elsewhere\.py could not be saved: /);
    expect((await s.services.debug.breakpoints(s.projectId)).breakpoints).toEqual([]);
  });
});
