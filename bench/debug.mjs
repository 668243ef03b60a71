// debug.start_to_stopped_ms: from the UI's `debug.start` (pressing Debug on an action) to the `debug.stopped` event
// that carries the line for the editor, with debugpy installed and the connector's worker running.
// debug.step_ms: from `debug.next` (Step Over, F10) to the `debug.stopped` event of the next line.
// Both through dispatch() and the event bus, as the window and the browser tab reach them.
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, emit, loadTs, median, tmp } from './lib.mjs';

const SESSIONS = 7;
const FIXTURE = path.join(ROOT, 'tests/fixtures/runtime/hello-world');
const OPERATIONS = 'hello-world/operations.py';
const BREAKPOINT = 22; // text = '{} {}'.format(GREETING, ...) in greet

export async function benchDebug() {
  const [{ createServices }, { dispatch }] = await Promise.all([loadTs('src/main/services/index.ts'), loadTs('src/main/services/router.ts')]);
  const home = tmp('cs-bench-debug-');
  const workspace = path.join(home, 'workspace');
  await mkdir(path.join(workspace, 'bench-debug'), { recursive: true });
  await cp(FIXTURE, path.join(workspace, 'bench-debug', 'hello-world'), { recursive: true });
  const services = await createServices({ userDataDir: path.join(home, 'data'), resourcesDir: path.join(ROOT, 'resources'), appVersion: 'bench', mode: 'browser', workspaceOverride: workspace });
  try {
    const [project] = await services.projects.list();
    const must = async (channel, req) => {
      const r = await dispatch(services, channel, req);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    /** The next event `name` of the session, resolved from the bus as it comes. */
    const next = (name, sessionOf) =>
      new Promise((resolve) => {
        const off = services.events.subscribe((n, p) => {
          if (n !== name || p.sessionId !== sessionOf()) return;
          off();
          resolve(p);
        });
      });
    const session = async (measure) => {
      let id;
      const t0 = performance.now();
      const stopped = next('debug.stopped', () => id);
      const ended = next('debug.terminated', () => id);
      ({ sessionId: id } = await must('debug.start', {
        projectId: project.id,
        runId: `bench-${t0}`,
        target: { kind: 'execute', operation: 'greet', params: { name: 'Ada' } },
        breakpoints: [{ path: OPERATIONS, line: BREAKPOINT }],
      }));
      const first = await stopped;
      const toStopped = performance.now() - t0;
      if (first.frame?.line !== BREAKPOINT) throw new Error(`stopped at ${JSON.stringify(first.frame)}, not line ${BREAKPOINT}`);
      const t1 = performance.now();
      const stepped = next('debug.stopped', () => id);
      await must('debug.next', { projectId: project.id, sessionId: id });
      const second = await stepped;
      const step = performance.now() - t1;
      if (second.frame?.line !== BREAKPOINT + 1) throw new Error(`stepped to ${JSON.stringify(second.frame)}, not line ${BREAKPOINT + 1}`);
      await must('debug.continue', { projectId: project.id, sessionId: id });
      const end = await ended;
      if (end.kind !== 'execute' || end.result.status !== 'Success') throw new Error(`the session ended with ${JSON.stringify(end).slice(0, 500)}`);
      measure?.(toStopped, step);
    };
    // Installs debugpy into the bench's tools environment (first use), then one session on a fresh worker.
    await session();
    await must('runtime.stop', { projectId: project.id });
    let cold;
    await session((ms) => (cold = ms));
    const toStopped = [];
    const steps = [];
    for (let i = 0; i < SESSIONS; i++) await session((a, b) => (toStopped.push(a), steps.push(b)));
    emit('debug.start_to_stopped_ms', median(toStopped), 'ms', {
      cold,
      note: `debug.start to debug.stopped (the line to show), debugpy installed, worker running; median of ${SESSIONS}; cold: the worker started and debugpy imported in the session; target under 1500 ms`,
    });
    emit('debug.step_ms', median(steps), 'ms', { note: `debug.next to the next line's debug.stopped, median of ${SESSIONS}; target under 100 ms` });
  } finally {
    await services.dispose();
  }
}
