/** One debug session: a DAP client attached to debugpy in the connector's worker, for one health check or action
 * run through Test Actions' own path (so what is debugged is what runs). It turns debugpy's events into the
 * `debug.*` events of the contract, keeps the call's timeout still while paused, and masks the configuration's
 * secrets in everything it shows. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type {
  DebugBreakpoint,
  DebugEvaluateResult,
  DebugOutput,
  DebugScope,
  DebugSessionInfo,
  DebugSessionState,
  DebugStackFrame,
  DebugStackTrace,
  DebugStopped,
  DebugTarget,
  DebugTerminated,
  DebugVariable,
  EvaluateContext,
  ExceptionFilter,
  SourceBreakpoint,
} from '../../../shared/models/debug';
import type { AppError } from '../../../shared/result';
import { ServiceError } from '../errors';
import type { EventBus } from '../events';
import type { Scrubber } from '../runtime/result-checks';
import type { CallOptions, HealthResult, RunResult, RuntimeService, TimeoutPause } from '../runtime/types';
import { DapClient, DapError } from './dap-client';
import type { DebugpyInstaller } from './debugpy-install';
import type { DebugControl } from './types';

const CONNECT_TIMEOUT_MS = 10_000;

/** The project's breakpoints by absolute file, and its exception filters, read as the session attaches (a change
 * made while debugpy is being installed still counts). */
export interface SessionBreakpoints {
  readonly files: ReadonlyMap<string, readonly SourceBreakpoint[]>;
  readonly exceptionFilters: readonly ExceptionFilter[];
}

/** The call a session runs, with the session's options on top of the run's own. */
export type SessionRun = (options: CallOptions) => Promise<{ kind: 'health'; result: HealthResult } | { kind: 'execute'; result: RunResult }>;

export interface SessionDeps {
  readonly events: EventBus;
  readonly runtime: () => RuntimeService;
  readonly debugpy: () => Promise<DebugpyInstaller>;
  /** resources/python: the runner and the framework shims, never stepped into ("just my code"). */
  readonly pythonDir: string;
  readonly log: (message: string) => void;
}

export interface SessionSetup {
  readonly projectId: string;
  readonly runId: string;
  readonly target: DebugTarget;
  /** The project root (breakpoint and frame paths are relative to it) and its real path (symbolic links resolved). */
  readonly roots: readonly string[];
  readonly connectorDir: string;
  readonly scrub: Scrubber;
  readonly run: SessionRun;
}

/** A call's timeout runs only while the session is not paused. */
class PauseSwitch implements TimeoutPause {
  paused = false;
  private readonly listeners = new Set<() => void>();
  set(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    for (const l of this.listeners) l();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

class Stopped extends Error {}

/** debugpy's filters for ours: an exception leaving connector code is 'userUnhandled' (the runner catches every
 * exception, so none is ever 'uncaught' in debugpy's sense); 'uncaught' stays for one that ends a thread. */
function dapFilters(filters: readonly ExceptionFilter[]): string[] {
  return filters.flatMap((f) => (f === 'uncaught' ? ['uncaught', 'userUnhandled'] : [f]));
}

const isInside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

export class DebugSession {
  readonly id = randomUUID();
  private state: DebugSessionState = 'starting';
  private client?: DapClient;
  private lastStop?: DebugStopped;
  /** Bumped by every stop and resume, so a stop's late frame lookup is not reported after the session moved on. */
  private generation = 0;
  private stopRequested = false;
  private ended = false;
  private readonly pause = new PauseSwitch();
  /** Each breakpoint debugpy placed, by its id: the file it is in, for debugpy's later `breakpoint` events. */
  private readonly placed = new Map<string, DebugBreakpoint[]>();
  private finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: SessionDeps,
    readonly setup: SessionSetup,
  ) {}

  get projectId(): string {
    return this.setup.projectId;
  }

  get isLive(): boolean {
    return !this.ended;
  }

  info(): DebugSessionInfo {
    const { projectId, runId, target } = this.setup;
    return { projectId, sessionId: this.id, runId, target, state: this.state, ...(this.lastStop ? { stopped: this.lastStop } : {}) };
  }

  /** Starts the session in the background: its progress and its end come as events. */
  begin(breakpoints: () => Promise<SessionBreakpoints>): void {
    this.finished = this.run(breakpoints);
  }

  /** Ends the session: a running or paused call's worker is stopped with every process below it (the next call
   * starts a fresh one). Resolves once `debug.terminated` went out. */
  async stop(): Promise<void> {
    if (this.ended) return this.finished;
    this.stopRequested = true;
    this.pause.set(false);
    if (this.state === 'running' || this.state === 'paused') await this.deps.runtime().stop(this.setup.connectorDir);
    this.client?.close();
    await this.finished;
  }

  // ---- the session's life

  private async run(breakpoints: () => Promise<SessionBreakpoints>): Promise<void> {
    const { connectorDir, runId } = this.setup;
    let end: DebugTerminated | undefined;
    try {
      const installer = await this.deps.debugpy();
      await installer.ensure(connectorDir, runId, (line) => this.say(line));
      this.checkStop();
      const listening = await this.deps.runtime().listenForDebugger(connectorDir);
      if (!listening.ok) throw new ServiceError('UNAVAILABLE', `Could not start debugpy in the connector's worker: ${listening.message}`);
      this.checkStop();
      await this.attach(listening.port, await breakpoints());
      this.checkStop();
      this.state = 'running';
      const outcome = await this.setup.run({ timeoutPause: this.pause, onSecrets: (forms) => this.setup.scrub.learn(forms) });
      end = this.stopRequested ? this.ending({ kind: 'stopped' }) : this.ending(outcome);
    } catch (e) {
      if (this.stopRequested || e instanceof Stopped) end = this.ending({ kind: 'stopped' });
      else {
        const error = e instanceof ServiceError ? { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } : { code: 'RUNTIME' as const, message: `The debug session failed: ${(e as Error).message}` };
        if (!(e instanceof ServiceError)) this.deps.log(`Debug session ${this.id} failed: ${(e as Error).stack ?? String(e)}`);
        end = this.ending({ kind: 'error', error });
      }
    } finally {
      this.state = 'terminated';
      this.ended = true;
      this.pause.set(false);
      await this.detach();
      if (end) this.deps.events.emit('debug.terminated', end);
    }
  }

  private ending(body: { kind: 'health'; result: HealthResult } | { kind: 'execute'; result: RunResult } | { kind: 'stopped' } | { kind: 'error'; error: AppError }): DebugTerminated {
    return { ...this.base(), ...body } as DebugTerminated;
  }

  private checkStop(): void {
    if (this.stopRequested) throw new Stopped();
  }

  private async attach(port: number, breakpoints: SessionBreakpoints): Promise<void> {
    const client = await DapClient.connect(port, CONNECT_TIMEOUT_MS).catch((e: Error) => {
      throw new ServiceError('UNAVAILABLE', `Could not attach to debugpy in the connector's worker: ${e.message}`);
    });
    this.client = client;
    client.onEvent((e) => this.onEvent(e));
    await client.request('initialize', { clientID: 'connector-studio', clientName: 'Connector Studio', adapterID: 'debugpy', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true, supportsVariableType: true });
    // attach answers after configurationDone; breakpoints and filters go in between.
    const attached = client.request('attach', {
      justMyCode: true,
      rules: [{ path: this.deps.pythonDir, include: false }],
      redirectOutput: false,
      subProcess: false,
      showReturnValue: false,
    });
    for (const [file, list] of breakpoints.files) await this.placeBreakpoints(file, list);
    await client.request('setExceptionBreakpoints', { filters: dapFilters(breakpoints.exceptionFilters) });
    await client.request('configurationDone');
    await attached;
  }

  /** Leaves debugpy listening for the next session, with no breakpoint of this one. */
  private async detach(): Promise<void> {
    const client = this.client;
    if (!client || client.isClosed) return;
    await client.request('disconnect', { terminateDebuggee: false }).catch((e: Error) => {
      // A worker that was stopped or crashed took the connection with it; anything else is worth a line.
      if (!client.isClosed) this.deps.log(`Detaching debug session ${this.id} from debugpy failed: ${e.message}`);
    });
    client.close();
  }

  // ---- debugpy's events

  private base() {
    return { projectId: this.setup.projectId, sessionId: this.id, runId: this.setup.runId };
  }

  private say(text: string, category: DebugOutput['category'] = 'console'): void {
    this.deps.events.emit('debug.output', { ...this.base(), category, text: `${text}\n` });
  }

  private onEvent(e: DebugProtocol.Event): void {
    if (this.ended) return;
    if (e.event === 'stopped') void this.onStopped((e as DebugProtocol.StoppedEvent).body);
    else if (e.event === 'continued') this.onContinued((e as DebugProtocol.ContinuedEvent).body);
    else if (e.event === 'output') this.onOutput((e as DebugProtocol.OutputEvent).body);
    else if (e.event === 'breakpoint') this.onBreakpoint((e as DebugProtocol.BreakpointEvent).body);
  }

  private async onStopped(body: DebugProtocol.StoppedEvent['body']): Promise<void> {
    const generation = ++this.generation;
    this.state = 'paused';
    this.pause.set(true);
    const threadId = body.threadId ?? 0;
    const frame = await this.topFrame(threadId).catch((e: Error) => {
      this.deps.log(`Reading the frame of a stop of debug session ${this.id} failed: ${e.message}`);
      return undefined;
    });
    if (generation !== this.generation || this.ended) return;
    const scrub = this.setup.scrub;
    const stop: DebugStopped = {
      ...this.base(),
      reason: body.reason,
      threadId,
      ...(frame ? { frame } : {}),
      ...(body.description ? { description: scrub(body.description) } : {}),
      ...(body.text ? { text: scrub(body.text) } : {}),
      ...(body.hitBreakpointIds?.length ? { hitBreakpointIds: body.hitBreakpointIds } : {}),
    };
    this.lastStop = stop;
    this.deps.events.emit('debug.stopped', stop);
  }

  private onContinued(body: DebugProtocol.ContinuedEvent['body']): void {
    this.generation++;
    this.state = 'running';
    this.lastStop = undefined;
    this.pause.set(false);
    this.deps.events.emit('debug.continued', { ...this.base(), ...(body.threadId ? { threadId: body.threadId } : {}) });
  }

  private onOutput(body: DebugProtocol.OutputEvent['body']): void {
    if (body.category === 'telemetry') return;
    const category = body.category === 'important' || body.category === 'stdout' || body.category === 'stderr' ? body.category : 'console';
    const where = body.source?.path ? this.relPath(body.source.path) : undefined;
    this.deps.events.emit('debug.output', {
      ...this.base(),
      category,
      text: this.setup.scrub(body.output),
      ...(where ? { path: where } : {}),
      ...(body.line ? { line: body.line } : {}),
    });
  }

  private onBreakpoint(body: DebugProtocol.BreakpointEvent['body']): void {
    const changed = body.breakpoint;
    if (changed.id === undefined) return;
    for (const [rel, list] of this.placed) {
      const i = list.findIndex((b) => (b as { id?: number }).id === changed.id);
      if (i === -1) continue;
      const next = [...list];
      next[i] = { ...list[i]!, verified: changed.verified, ...(changed.line ? { line: changed.line } : {}), ...(changed.message ? { message: changed.message } : {}) };
      this.placed.set(rel, next);
      this.deps.events.emit('debug.breakpointsChanged', { projectId: this.setup.projectId, path: rel, breakpoints: next.map(withoutId) });
      return;
    }
  }

  // ---- what the UI asks

  private live(): DapClient {
    if (this.ended || !this.client || this.client.isClosed) throw new ServiceError('NOT_FOUND', 'This debug session has ended: start a new one.');
    return this.client;
  }

  private paused(): DebugStopped {
    const stop = this.lastStop;
    if (this.state !== 'paused' || !stop) throw new ServiceError('CONFLICT', 'The debug session is running, not paused: pause it or wait for a breakpoint.');
    return stop;
  }

  async control(action: DebugControl, threadId?: number): Promise<void> {
    const client = this.live();
    if (action === 'pause') {
      if (this.state !== 'running') throw new ServiceError('CONFLICT', this.state === 'paused' ? 'The debug session is already paused.' : 'The debug session has not started running yet.');
      await this.dap(client.request('pause', { threadId: threadId ?? (await this.mainThread(client)) }));
      return;
    }
    const stop = this.paused();
    // The call may run to its end, and the session with it, before debugpy's answer arrives: that is the continue
    // having worked.
    await client.request(action, { threadId: threadId ?? stop.threadId }).catch((e: unknown) => {
      if (!this.ended && !client.isClosed) return this.dap(Promise.reject(e));
      return undefined;
    });
  }

  async stackTrace(threadId?: number): Promise<DebugStackTrace> {
    const client = this.live();
    const stop = this.paused();
    const body = await this.dap(client.request<DebugProtocol.StackTraceResponse['body']>('stackTrace', { threadId: threadId ?? stop.threadId }));
    return { frames: body.stackFrames.map((f) => this.frameOf(f)) };
  }

  async scopes(frameId: number): Promise<DebugScope[]> {
    const client = this.live();
    this.paused();
    const body = await this.dap(client.request<DebugProtocol.ScopesResponse['body']>('scopes', { frameId }));
    return body.scopes.map((s) => ({
      name: s.name,
      variablesReference: s.variablesReference,
      expensive: s.expensive,
      ...(s.namedVariables !== undefined ? { namedVariables: s.namedVariables } : {}),
      ...(s.indexedVariables !== undefined ? { indexedVariables: s.indexedVariables } : {}),
    }));
  }

  async variables(o: { variablesReference: number; filter?: 'indexed' | 'named'; start?: number; count?: number }): Promise<DebugVariable[]> {
    const client = this.live();
    this.paused();
    const body = await this.dap(client.request<DebugProtocol.VariablesResponse['body']>('variables', o));
    const scrub = this.setup.scrub;
    return body.variables.map((v) => {
      const value = scrub(v.value);
      return {
        name: scrub(v.name),
        value,
        variablesReference: v.variablesReference,
        ...(v.type ? { type: v.type } : {}),
        ...(v.namedVariables !== undefined ? { namedVariables: v.namedVariables } : {}),
        ...(v.indexedVariables !== undefined ? { indexedVariables: v.indexedVariables } : {}),
        ...(v.evaluateName ? { evaluateName: v.evaluateName } : {}),
        ...(value !== v.value ? { masked: true } : {}),
      };
    });
  }

  async evaluate(o: { expression: string; frameId?: number; context: EvaluateContext }): Promise<DebugEvaluateResult> {
    const client = this.live();
    const stop = this.paused();
    const frameId = o.frameId ?? stop.frame?.id;
    const scrub = this.setup.scrub;
    try {
      const body = await client.request<DebugProtocol.EvaluateResponse['body']>('evaluate', { expression: o.expression, context: o.context, ...(frameId !== undefined ? { frameId } : {}) });
      const result = scrub(body.result);
      return {
        result,
        variablesReference: body.variablesReference,
        ...(body.type ? { type: body.type } : {}),
        ...(body.namedVariables !== undefined ? { namedVariables: body.namedVariables } : {}),
        ...(body.indexedVariables !== undefined ? { indexedVariables: body.indexedVariables } : {}),
        ...(result !== body.result ? { masked: true } : {}),
      };
    } catch (e) {
      if (!(e instanceof DapError)) throw e;
      const result = scrub(e.message);
      return { result, variablesReference: 0, error: true, ...(result !== e.message ? { masked: true } : {}) };
    }
  }

  /** Places one file's breakpoints (absolute path) and answers them as debugpy placed them; before the session has
   * attached, as given (the session reads the stored ones as it attaches). */
  async placeBreakpoints(file: string, list: readonly SourceBreakpoint[]): Promise<DebugBreakpoint[]> {
    const rel = this.relPath(file) ?? file;
    if (!this.client && !this.ended) return list.map((b) => ({ ...b, path: rel }));
    const client = this.live();
    const body = await this.dap(
      client.request<DebugProtocol.SetBreakpointsResponse['body']>('setBreakpoints', {
        source: { path: file, name: path.basename(file) },
        breakpoints: list.map((b) => ({ line: b.line, ...(b.condition ? { condition: b.condition } : {}), ...(b.hitCondition ? { hitCondition: b.hitCondition } : {}), ...(b.logMessage ? { logMessage: b.logMessage } : {}) })),
      }),
    );
    const placed = list.map((b, i) => {
      const got = body.breakpoints[i];
      return {
        ...b,
        path: rel,
        ...(got?.line ? { line: got.line } : {}),
        verified: got?.verified ?? false,
        ...(got?.message ? { message: got.message } : {}),
        ...(got?.id !== undefined ? { id: got.id } : {}),
      } as DebugBreakpoint;
    });
    this.placed.set(rel, placed);
    return placed.map(withoutId);
  }

  async setExceptionFilters(filters: readonly ExceptionFilter[]): Promise<void> {
    if (!this.client && !this.ended) return; // read from the store as the session attaches
    await this.dap(this.live().request('setExceptionBreakpoints', { filters: dapFilters(filters) }));
  }

  // ---- helpers

  private async topFrame(threadId: number): Promise<DebugStackFrame | undefined> {
    const client = this.client;
    if (!client) return undefined;
    const body = await client.request<DebugProtocol.StackTraceResponse['body']>('stackTrace', { threadId, startFrame: 0, levels: 1 });
    const top = body.stackFrames[0];
    return top ? this.frameOf(top) : undefined;
  }

  private async mainThread(client: DapClient): Promise<number> {
    const { threads } = await this.dap(client.request<DebugProtocol.ThreadsResponse['body']>('threads'));
    const main = threads.find((t) => t.name === 'MainThread') ?? threads[0];
    if (!main) throw new ServiceError('CONFLICT', 'The connector has no thread to pause.');
    return main.id;
  }

  /** debugpy's refusals as the UI's errors: a value read after the session moved on is gone, not broken. */
  private async dap<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (e) {
      if (e instanceof DapError) throw new ServiceError('NOT_FOUND', `The debugger could not answer ${e.command}: ${this.setup.scrub(e.message)}. The session may have moved on: read the current stop again.`);
      if (this.ended) throw new ServiceError('NOT_FOUND', 'This debug session has ended: start a new one.');
      throw e;
    }
  }

  private frameOf(f: DebugProtocol.StackFrame): DebugStackFrame {
    const file = f.source?.path;
    const rel = file ? this.relPath(file) : undefined;
    const origin = rel ? 'connector' : file && isInside(this.deps.pythonDir, file) ? 'framework' : 'library';
    return {
      id: f.id,
      name: this.setup.scrub(f.name),
      ...(rel ? { path: rel } : {}),
      ...(file ? { fileName: path.basename(file) } : {}),
      line: f.line,
      column: f.column,
      ...(f.endLine ? { endLine: f.endLine } : {}),
      ...(f.endColumn ? { endColumn: f.endColumn } : {}),
      origin,
    };
  }

  /** A file's path inside the project ('/' separated), or undefined outside it. */
  relPath(file: string): string | undefined {
    for (const root of this.setup.roots) if (isInside(root, file)) return path.relative(root, file).split(path.sep).join('/');
    return undefined;
  }
}

function withoutId(b: DebugBreakpoint): DebugBreakpoint {
  const { id: _id, ...rest } = b as DebugBreakpoint & { id?: number };
  return rest;
}
