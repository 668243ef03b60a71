/** The debugger's service (issue 16): debug sessions of a project's health check or action (debug-session.ts),
 * one live session per project (its connector has one worker, which runs one call at a time), and the project's
 * breakpoints and exception filters, kept in the user data folder across restarts (breakpoint-store.ts). */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { DebugBreakpoint, DebugSessionInfo, DebugStartRequest, ExceptionFilter, SourceBreakpoint } from '../../../shared/models/debug';
import { HEALTH_OPERATION } from '../../../shared/models/cassette';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import { tryReadConnectorInfo } from '../runtime/connector-info';
import { makeScrubber } from '../runtime/result-checks';
import type { CallOptions, LogEntry, RuntimeService } from '../runtime/types';
import type { TestRunner } from '../testconfig/test-runner';
import { checkRelative, resolveInside } from '../workspace/safe-path';
import { createBreakpointStore } from './breakpoint-store';
import { DebugSession, type SessionRun } from './debug-session';
import type { DebugpyInstaller } from './debugpy-install';
import type { DebugService } from './types';

export interface DebugServiceDeps {
  readonly userDataDir: string;
  readonly events: EventBus;
  readonly rootOf: (projectId: string) => Promise<string>;
  readonly connectorDirOf: (projectId: string) => Promise<string>;
  readonly runtime: () => RuntimeService;
  /** Test Actions' runs: a session runs its call through them, configuration updates and all. */
  readonly testing: Pick<TestRunner, 'health' | 'execute'>;
  /** A saved test configuration's values, secrets included (NOT_FOUND when it does not exist): what to mask. */
  readonly configValues: (projectId: string, configId: string) => Promise<Record<string, unknown>>;
  readonly debugpy: () => Promise<DebugpyInstaller>;
  /** resources/python: the runner and the framework shims ("just my code" leaves them out). */
  readonly pythonDir: string;
  readonly log: (message: string) => void;
  /** A saved test's recorded call (connector-tests/test-replay.ts): what a `test` target replays from its cassette. */
  readonly testReplay?: (projectId: string, testId: string) => Promise<TestCall>;
}

/** The call a saved test replays, offline from its cassette. */
export interface TestCall {
  readonly operation: string;
  readonly params: Record<string, unknown>;
  readonly config: Record<string, unknown>;
  /** Absolute path of the cassette inside the project. */
  readonly cassettePath: string;
}

const logLine = (e: LogEntry) => `${e.time} ${e.level} ${e.logger}: ${e.message}`;

export function createDebugService(deps: DebugServiceDeps): DebugService {
  const store = createBreakpointStore(deps.userDataDir);
  const sessions = new Map<string, DebugSession>();
  const sessionDeps = { events: deps.events, runtime: deps.runtime, debugpy: deps.debugpy, pythonDir: deps.pythonDir, log: deps.log };

  function sessionOf(projectId: string, sessionId: string): DebugSession {
    const s = sessions.get(sessionId);
    if (!s || s.projectId !== projectId || !s.isLive) throw new ServiceError('NOT_FOUND', `There is no debug session ${sessionId} in this project (it has ended): start a new one.`);
    return s;
  }

  const liveOf = (projectId: string) => [...sessions.values()].filter((s) => s.projectId === projectId && s.isLive);

  async function rootsOf(projectId: string): Promise<string[]> {
    const root = await deps.rootOf(projectId);
    const real = await realpath(root);
    return real === root ? [root] : [root, real];
  }

  /** The stored breakpoints by absolute file; a stored path that now leads outside the project is left out. */
  async function breakpointFiles(projectId: string, root: string): Promise<Map<string, SourceBreakpoint[]>> {
    const files = new Map<string, SourceBreakpoint[]>();
    for (const b of (await store.get(projectId)).breakpoints) {
      const abs = await resolveInside(root, b.path).catch((e: Error) => void deps.log(`A stored breakpoint of ${projectId} is not used: ${e.message}`));
      if (!abs) continue;
      files.set(abs, [...(files.get(abs) ?? []), b]);
    }
    return files;
  }

  function runFor(projectId: string, runId: string, target: DebugStartRequest['target'], test?: TestCall): SessionRun {
    if (test) return testRun(projectId, runId, test);
    if (target.kind === 'execute')
      return async (extra: CallOptions) => ({
        kind: 'execute',
        result: await deps.testing.execute(projectId, { runId, operation: target.operation, params: target.params, ...(target.configId ? { configId: target.configId } : {}) }, extra),
      });
    // Health streams its logs like an action does, so the Output shows them while paused.
    const emit = (kind: 'log' | 'stdout' | 'stderr', text: string) => deps.events.emit('runtime.output', { runId, kind, text });
    if (target.kind !== 'health') throw new ServiceError('VALIDATION', `A debug session cannot run a ${target.kind} target.`);
    return async (extra: CallOptions) => ({
      kind: 'health',
      result: await deps.testing.health(projectId, target.configId, undefined, { runId, onLog: (e) => emit('log', logLine(e)), onOutput: (stream, text) => emit(stream, text), ...extra }),
    });
  }

  /** The test's call in the worker as Test Actions runs one, answered by its cassette: nothing goes out. */
  function testRun(projectId: string, runId: string, test: TestCall): SessionRun {
    const emit = (kind: 'log' | 'stdout' | 'stderr', text: string) => deps.events.emit('runtime.output', { runId, kind, text });
    return async (extra: CallOptions) => {
      const connectorDir = await deps.connectorDirOf(projectId);
      const options: CallOptions = { runId, onLog: (e) => emit('log', logLine(e)), onOutput: (stream, text) => emit(stream, text), cassette: { mode: 'replay', path: test.cassettePath }, ...extra };
      if (test.operation === HEALTH_OPERATION) return { kind: 'health', result: await deps.runtime().checkHealth(connectorDir, test.config, options) };
      return { kind: 'execute', result: await deps.runtime().execute(connectorDir, test.operation, test.params, test.config, options) };
    };
  }

  async function testCallOf(projectId: string, target: DebugStartRequest['target']): Promise<TestCall | undefined> {
    if (target.kind !== 'test') return undefined;
    if (!deps.testReplay) throw new ServiceError('UNAVAILABLE', 'Debugging a test needs the project\'s tests, which this build does not have.');
    return deps.testReplay(projectId, target.testId);
  }

  async function start(projectId: string, req: DebugStartRequest): Promise<{ sessionId: string }> {
    const [roots, connectorDir] = await Promise.all([rootsOf(projectId), deps.connectorDirOf(projectId)]);
    const root = roots[0]!;
    const configId = req.target.kind === 'test' ? undefined : req.target.configId;
    const test = await testCallOf(projectId, req.target);
    const config = configId ? await deps.configValues(projectId, configId) : (test?.config ?? {});
    const busy = () => {
      if (liveOf(projectId).length) throw new ServiceError('CONFLICT', 'A debug session is already running for this project: stop it (Shift+F5) or restart it.');
    };
    busy();
    for (const [rel, list] of groupByFile(req.breakpoints ?? [])) {
      await resolveInside(root, rel);
      await store.setFile(projectId, rel, list);
    }
    if (req.exceptionFilters) await store.setExceptionFilters(projectId, req.exceptionFilters);
    busy(); // again: another start may have made its session while this one awaited
    const scrub = makeScrubber(config, tryReadConnectorInfo(connectorDir)?.passwordFields ?? []);
    const session = new DebugSession(sessionDeps, { projectId, runId: req.runId, target: req.target, roots, connectorDir, scrub, run: runFor(projectId, req.runId, req.target, test) });
    sessions.set(session.id, session);
    session.begin(async () => ({ files: await breakpointFiles(projectId, root), exceptionFilters: (await store.get(projectId)).exceptionFilters }));
    // An ended session stays findable until the next start of its project (its events may still be on their way).
    for (const [id, s] of sessions) if (!s.isLive && s !== session && s.projectId === projectId) sessions.delete(id);
    return { sessionId: session.id };
  }

  async function restart(projectId: string, sessionId: string): Promise<{ sessionId: string }> {
    const old = sessionOf(projectId, sessionId);
    await old.stop();
    return start(projectId, { runId: old.setup.runId, target: old.setup.target });
  }

  async function setBreakpoints(projectId: string, relPath: string, list: SourceBreakpoint[], sessionId?: string): Promise<DebugBreakpoint[]> {
    const root = await deps.rootOf(projectId);
    const abs = await resolveInside(root, relPath);
    const stored = await store.setFile(projectId, relPath, list);
    const targets = sessionId ? [sessionOf(projectId, sessionId)] : liveOf(projectId);
    let placed = stored;
    for (const s of targets) placed = await s.placeBreakpoints(abs, stored);
    deps.events.emit('debug.breakpointsChanged', { projectId, path: checkRelative(relPath), breakpoints: placed });
    return placed;
  }

  async function setExceptionFilters(projectId: string, filters: ExceptionFilter[], sessionId?: string): Promise<void> {
    await store.setExceptionFilters(projectId, filters);
    const targets = sessionId ? [sessionOf(projectId, sessionId)] : liveOf(projectId);
    for (const s of targets) await s.setExceptionFilters(filters);
  }

  return {
    start,
    restart,
    stop: (projectId, sessionId) => sessionOf(projectId, sessionId).stop(),
    sessions: async (projectId): Promise<DebugSessionInfo[]> => liveOf(projectId).map((s) => s.info()),
    control: (projectId, sessionId, action, threadId) => sessionOf(projectId, sessionId).control(action, threadId),
    stackTrace: (projectId, sessionId, threadId) => sessionOf(projectId, sessionId).stackTrace(threadId),
    scopes: (projectId, sessionId, frameId) => sessionOf(projectId, sessionId).scopes(frameId),
    variables: (projectId, sessionId, o) => sessionOf(projectId, sessionId).variables(o),
    evaluate: (projectId, sessionId, o) => sessionOf(projectId, sessionId).evaluate(o),
    breakpoints: (projectId) => store.get(projectId),
    setBreakpoints,
    setExceptionFilters,
    dispose: async () => {
      await Promise.all([...sessions.values()].map((s) => s.stop()));
      sessions.clear();
    },
  };
}

/** The start request's breakpoints, each file's list whole. */
function groupByFile(list: readonly DebugBreakpoint[]): Map<string, SourceBreakpoint[]> {
  const files = new Map<string, SourceBreakpoint[]>();
  for (const { path: given, verified: _v, message: _m, ...b } of list) {
    const rel = path.posix.normalize(given.replace(/\\/g, '/'));
    files.set(rel, [...(files.get(rel) ?? []), b]);
  }
  return files;
}
