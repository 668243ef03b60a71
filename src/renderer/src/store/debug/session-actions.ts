import type { DebugEventBase, DebugStopped, DebugTerminated } from '../../../../shared/models/debug';
import { messageOf } from '../../api/api-error';
import { call, onEvent } from '../../api/client';
import { newRunId } from '../testing/runs';
import { isSending } from './breakpoint-actions';
import { applyFile } from './breakpoints';
import { appendLine, type OutputCategory } from './console';
import { INSPECT_INITIAL, nextStop, PER_STOP, restoreWatches } from './inspect-actions';
import { testLaunch, type DebugLaunch } from './launches';
import { runEnded, runStarted } from './testing-bridge';
import type { DebugEnding, DebugStore, SessionAction, SessionState, Slice } from './types';
import { BREAKPOINTS_INITIAL } from './breakpoint-actions';

export const SESSION_INITIAL: SessionState = { projectId: null, session: null, endedSessionIds: [], stopped: null, ending: null, error: null };

type Set = Parameters<Slice<SessionAction>>[0];
type Get = () => DebugStore;

/** How a session ended, in the words the Test view uses for the same result. */
export function endingOf(title: string, e: DebugTerminated): DebugEnding {
  switch (e.kind) {
    case 'execute':
      return { title, outcome: e.result.status, message: e.result.message };
    case 'health':
      return { title, outcome: e.result.status, message: e.result.message };
    case 'stopped':
      return { title, outcome: 'stopped', message: 'Stopped.' };
    case 'error':
      return { title, outcome: 'error', message: e.error.message };
  }
}

/** Events of this window's session: its project and run, and not a session it already left (a restart's old one). */
function isMine(s: DebugStore, e: DebugEventBase): boolean {
  return !!s.session && e.projectId === s.projectId && e.runId === s.session.runId && !s.endedSessionIds.includes(e.sessionId);
}

function say(set: Set, get: Get, category: OutputCategory, text: string, action: string) {
  set({ console: appendLine(get().console, { kind: 'output', category, text }) }, false, action);
}

/** A stop: the frames (the stop's own frame selected, as the editor shows it), then its scopes and the watches. */
async function onStopped(set: Set, get: Get, e: DebugStopped) {
  const stopId = nextStop();
  const session = get().session!;
  set({ session: { ...session, sessionId: e.sessionId, state: 'paused', progress: undefined }, stopped: e, stopId, ...PER_STOP }, false, 'stopped');
  // DAP: `text` names the exception's type, `description` carries its (masked) message.
  if (e.reason === 'exception') say(set, get, 'stderr', `Paused on exception${e.text ? ` ${e.text}` : ''}: ${e.description ?? 'an exception was raised'}`, 'stopped/exception');
  try {
    const trace = await call('debug.stackTrace', { projectId: e.projectId, sessionId: e.sessionId, threadId: e.threadId });
    if (get().stopId !== stopId) return;
    const frameId = trace.frames.find((f) => f.id === e.frame?.id)?.id ?? trace.frames[0]?.id ?? null;
    set({ frames: trace.frames }, false, 'stopped/frames');
    if (frameId !== null) await get().selectFrame(frameId);
    else await get().refreshWatches();
  } catch (err) {
    if (get().stopId === stopId) set({ error: `The call stack could not be read: ${messageOf(err)}` }, false, 'stopped/failed');
  }
}

function onTerminated(set: Set, get: Get, e: DebugTerminated) {
  const session = get().session!;
  const ending = endingOf(session.launch.title, e);
  set({ session: null, stopped: null, ending, stopId: nextStop(), ...PER_STOP }, false, 'terminated');
  say(set, get, e.kind === 'error' ? 'stderr' : 'console', `${session.launch.title}: ${ending.outcome === 'stopped' ? 'stopped' : `${ending.outcome}${ending.message ? ` · ${ending.message}` : ''}`}`, 'terminated/say');
  runEnded(session.runId, session.launch, e);
}

let listening: (() => void)[] = [];

/** One set of listeners, made again at each open (the transport may have been replaced: a reconnect, a test);
 * each event is checked against the session the store follows. */
function listen(set: Set, get: Get) {
  listening.forEach((stop) => stop());
  listening = [
    onEvent('debug.stopped', (e) => isMine(get(), e) && void onStopped(set, get, e)),
    onEvent('debug.continued', (e) => {
      if (!isMine(get(), e) || !get().session) return;
      set({ session: { ...get().session!, sessionId: e.sessionId, state: 'running' }, stopped: null, stopId: nextStop(), ...PER_STOP }, false, 'continued');
    }),
    onEvent('debug.output', (e) => isMine(get(), e) && say(set, get, e.category, e.text, 'output')),
    onEvent('debug.terminated', (e) => isMine(get(), e) && onTerminated(set, get, e)),
    onEvent('debug.breakpointsChanged', (e) => {
      if (e.projectId === get().projectId && !isSending(e.path)) set({ breakpoints: applyFile(get().breakpoints, e.path, e.breakpoints) }, false, 'breakpointsChanged');
    }),
    // The connector's logs and prints, while paused and stepping too, and debugpy's first install.
    onEvent('runtime.output', (e) => {
      const s = get().session;
      if (s?.runId !== e.runId) return;
      // Only the call itself logs: its first line says the session left set-up (no event says so), so Pause works.
      if (s.state === 'starting' && s.sessionId) set({ session: { ...s, state: 'running', progress: undefined } }, false, 'runtimeOutput/running');
      say(set, get, e.kind, e.text, 'runtimeOutput');
    }),
    onEvent('runtime.installProgress', (e) => {
      const s = get().session;
      if (s?.runId !== e.runId) return;
      set({ session: { ...s, progress: e.line } }, false, 'installProgress');
      say(set, get, 'console', e.line, 'installProgress/say');
    }),
  ];
}

export const createSessionSlice: Slice<SessionAction> = (set, get) => {
  /** A request about the live session; a failure is shown, never thrown at a button. */
  const control = async (channel: 'debug.continue' | 'debug.next' | 'debug.stepIn' | 'debug.stepOut' | 'debug.pause', when: 'paused' | 'running') => {
    const { projectId, session, stopped, stopId } = get();
    if (!projectId || !session?.sessionId || session.state !== when) return;
    try {
      await call(channel, { projectId, sessionId: session.sessionId, ...(stopped ? { threadId: stopped.threadId } : {}) });
      // The thread runs from the answer on: the stop's frames and values are gone even if `debug.continued` is late
      // (a stop that came first has moved stopId on, and stays).
      const now = get().session;
      if (when === 'paused' && get().stopId === stopId && now?.state === 'paused') set({ session: { ...now, state: 'running' }, stopped: null, stopId: nextStop(), ...PER_STOP }, false, `${channel}/running`);
    } catch (e) {
      set({ error: messageOf(e) }, false, `${channel}/failed`);
    }
  };

  return {
    open: async (projectId) => {
      listen(set, get);
      if (get().projectId !== projectId) {
        set({ ...SESSION_INITIAL, ...BREAKPOINTS_INITIAL, ...INSPECT_INITIAL, projectId, watches: restoreWatches(projectId) }, false, 'open');
      }
      await get().loadBreakpoints();
      await adoptLiveSession(set, get, projectId);
    },
    start: async (launch: DebugLaunch) => {
      const projectId = get().projectId;
      if (!projectId) return false;
      if (get().session) {
        set({ error: `${get().session!.launch.title} is being debugged: stop it (Shift+F5) before starting another session.` }, false, 'start/busy');
        return false;
      }
      const runId = newRunId();
      set({ session: { runId, sessionId: null, launch, state: 'starting' }, stopped: null, ending: null, error: null, stopId: nextStop(), ...PER_STOP }, false, 'start');
      say(set, get, 'console', `Debugging ${launch.title}…`, 'start/say');
      runStarted(runId, launch);
      try {
        const { sessionId } = await call('debug.start', { projectId, runId, target: launch.target });
        const s = get().session;
        if (s?.runId === runId && !s.sessionId) set({ session: { ...s, sessionId } }, false, 'start/answered');
        return true;
      } catch (e) {
        const message = messageOf(e);
        if (get().session?.runId === runId) set({ session: null, error: message, ending: { title: launch.title, outcome: 'error', message } }, false, 'start/failed');
        say(set, get, 'stderr', `${launch.title} could not be debugged: ${message}`, 'start/failed/say');
        runEnded(runId, launch, { kind: 'error', message });
        return false;
      }
    },
    restart: async () => {
      const { projectId, session } = get();
      if (!projectId || !session?.sessionId) return;
      const old = session.sessionId;
      // From now on the old session's events (its `terminated` above all) are not this window's.
      set({ session: { ...session, sessionId: null, state: 'starting' }, endedSessionIds: [...get().endedSessionIds, old].slice(-20), stopped: null, error: null, stopId: nextStop(), ...PER_STOP }, false, 'restart');
      say(set, get, 'console', `Restarting ${session.launch.title}…`, 'restart/say');
      try {
        const { sessionId } = await call('debug.restart', { projectId, sessionId: old });
        const s = get().session;
        if (s?.runId === session.runId && !s.sessionId) set({ session: { ...s, sessionId } }, false, 'restart/answered');
      } catch (e) {
        const message = messageOf(e);
        set({ session: null, error: message, ending: { title: session.launch.title, outcome: 'error', message } }, false, 'restart/failed');
        runEnded(session.runId, session.launch, { kind: 'error', message });
      }
    },
    stop: async () => {
      const { projectId, session } = get();
      if (!projectId || !session) return;
      if (!session.sessionId) {
        // Not answered yet (still installing debugpy or attaching): the answer's id is needed to stop it.
        set({ error: 'The session is still starting: stop it again in a moment.' }, false, 'stop/early');
        return;
      }
      try {
        await call('debug.stop', { projectId, sessionId: session.sessionId });
      } catch (e) {
        // NOT_FOUND: it ended on its own meanwhile, and its `terminated` says how.
        set({ error: messageOf(e) }, false, 'stop/failed');
      }
    },
    continue: () => control('debug.continue', 'paused'),
    pause: () => control('debug.pause', 'running'),
    stepOver: () => control('debug.next', 'paused'),
    stepInto: () => control('debug.stepIn', 'paused'),
    stepOut: () => control('debug.stepOut', 'paused'),
    dismissError: () => set({ error: null }, false, 'dismissError'),
  };
};

/** After a reload the project may still have a session (paused at a breakpoint): the window follows it again. */
async function adoptLiveSession(set: Set, get: Get, projectId: string) {
  if (get().session) return;
  try {
    const [live] = await call('debug.sessions', { projectId });
    if (!live || get().session || get().projectId !== projectId || live.state === 'terminated') return;
    const t = live.target;
    const launch: DebugLaunch =
      t.kind === 'test'
        ? testLaunch(t.testId)
        : t.kind === 'health'
          ? { target: t, title: 'Check Health', lastRun: { kind: 'health', configId: t.configId } }
          : { target: t, title: t.operation, lastRun: { kind: 'action', operation: t.operation, title: t.operation, raw: t.params, params: t.params, configId: t.configId } };
    set({ session: { runId: live.runId, sessionId: live.sessionId, launch, state: live.state } }, false, 'adopt');
    if (live.state === 'paused' && live.stopped) await onStopped(set, get, live.stopped);
  } catch (e) {
    console.warn('The project\'s debug sessions could not be listed:', e);
  }
}
