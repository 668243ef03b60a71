/** One debug session: a DAP client attached to debugpy in the connector's worker, for one health check or action
 * run through Test Actions' own path (so what is debugged is what runs). It turns debugpy's events into the
 * `debug.*` events of the contract, keeps the call's timeout still while paused, and masks the configuration's
 * secrets in everything it shows. */
import { randomUUID } from 'node:crypto';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type {
  DebugBreakpoint,
  DebugEvaluateResult,
  DebugOutput,
  DebugScope,
  DebugSessionInfo,
  DebugStackFrame,
  DebugStackTrace,
  DebugStopped,
  DebugTerminated,
  DebugVariable,
  EvaluateContext,
  ExceptionFilter,
  SourceBreakpoint,
} from '../../../shared/models/debug';
import type { AppError } from '../../../shared/result';
import { ServiceError } from '../errors';
import type { HealthResult, RunResult } from '../runtime/types';
import { CallState } from './call-state';
import type { DapClient } from './dap-client';
import { evaluateIn, moveThread, pauseThread, topFrameOf, uiErrors } from './dap-requests';
import { toFrame, toScope, toVariable } from './dap-views';
import { attachToDebugpy, connectToDebugpy, detachFromDebugpy } from './debugpy-attach';
import { DebugpyEvents } from './debugpy-events';
import { dapFilters, PlacedBreakpoints, placedAs, setBreakpointsArgs, withoutId } from './session-breakpoints';
import { relPathIn } from './session-paths';
import type { SessionBreakpoints, SessionDeps, SessionSetup } from './session-types';
import type { DebugControl } from './types';

export type { SessionBreakpoints, SessionDeps, SessionRun, SessionSetup } from './session-types';

class Stopped extends Error {}

export class DebugSession {
  readonly id = randomUUID();
  private readonly call = new CallState();
  private client?: DapClient;
  private stopRequested = false;
  private readonly placed = new PlacedBreakpoints();
  private finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: SessionDeps,
    readonly setup: SessionSetup,
  ) {}

  get projectId(): string {
    return this.setup.projectId;
  }

  get isLive(): boolean {
    return !this.call.ended;
  }

  info(): DebugSessionInfo {
    const { projectId, runId, target } = this.setup;
    const { state, lastStop } = this.call;
    return { projectId, sessionId: this.id, runId, target, state, ...(lastStop ? { stopped: lastStop } : {}) };
  }

  /** Starts the session in the background: its progress and its end come as events. */
  begin(breakpoints: () => Promise<SessionBreakpoints>): void {
    this.finished = this.run(breakpoints);
  }

  /** Ends the session: a running or paused call's worker is stopped with every process below it (the next call
   * starts a fresh one). Resolves once `debug.terminated` went out. */
  async stop(): Promise<void> {
    if (this.call.ended) return this.finished;
    this.stopRequested = true;
    this.call.pause.set(false);
    if (this.call.state === 'running' || this.call.state === 'paused') await this.deps.runtime().stop(this.setup.connectorDir);
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
      this.call.state = 'running';
      const outcome = await this.setup.run({ timeoutPause: this.call.pause, onSecrets: (forms) => this.setup.scrub.learn(forms) });
      end = this.stopRequested ? this.ending({ kind: 'stopped' }) : this.ending(outcome);
    } catch (e) {
      if (this.stopRequested || e instanceof Stopped) end = this.ending({ kind: 'stopped' });
      else {
        const error = e instanceof ServiceError ? { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } : { code: 'RUNTIME' as const, message: `The debug session failed: ${(e as Error).message}` };
        if (!(e instanceof ServiceError)) this.deps.log(`Debug session ${this.id} failed: ${(e as Error).stack ?? String(e)}`);
        end = this.ending({ kind: 'error', error });
      }
    } finally {
      this.call.terminated();
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
    const client = await connectToDebugpy(port);
    this.client = client;
    const translator = new DebugpyEvents({
      base: this.base(),
      events: this.deps.events,
      log: this.deps.log,
      scrub: this.setup.scrub,
      relPath: (file) => this.relPath(file),
      topFrame: (threadId) => topFrameOf(client, threadId, (f) => this.frameOf(f)),
      call: this.call,
      placed: this.placed,
    });
    client.onEvent((e) => translator.on(e));
    await attachToDebugpy(client, this.deps.pythonDir, async () => {
      for (const [file, list] of breakpoints.files) await this.placeBreakpoints(file, list);
      await client.request('setExceptionBreakpoints', { filters: dapFilters(breakpoints.exceptionFilters) });
    });
  }

  private detach(): Promise<void> {
    return detachFromDebugpy(this.client, (why) => this.deps.log(`Detaching debug session ${this.id} from debugpy failed: ${why}`));
  }

  private base() {
    return { projectId: this.setup.projectId, sessionId: this.id, runId: this.setup.runId };
  }

  private say(text: string, category: DebugOutput['category'] = 'console'): void {
    this.deps.events.emit('debug.output', { ...this.base(), category, text: `${text}\n` });
  }

  // ---- what the UI asks

  private live(): DapClient {
    if (this.call.ended || !this.client || this.client.isClosed) throw new ServiceError('NOT_FOUND', 'This debug session has ended: start a new one.');
    return this.client;
  }

  private paused(): DebugStopped {
    const stop = this.call.lastStop;
    if (this.call.state !== 'paused' || !stop) throw new ServiceError('CONFLICT', 'The debug session is running, not paused: pause it or wait for a breakpoint.');
    return stop;
  }

  async control(action: DebugControl, threadId?: number): Promise<void> {
    const client = this.live();
    if (action === 'pause') {
      const { state } = this.call;
      if (state !== 'running') throw new ServiceError('CONFLICT', state === 'paused' ? 'The debug session is already paused.' : 'The debug session has not started running yet.');
      return pauseThread(client, threadId, this.dap);
    }
    const stop = this.paused();
    return moveThread(client, action, threadId ?? stop.threadId, this.dap, () => this.call.ended);
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
    return body.scopes.map(toScope);
  }

  async variables(o: { variablesReference: number; filter?: 'indexed' | 'named'; start?: number; count?: number }): Promise<DebugVariable[]> {
    const client = this.live();
    this.paused();
    const body = await this.dap(client.request<DebugProtocol.VariablesResponse['body']>('variables', o));
    return body.variables.map((v) => toVariable(v, this.setup.scrub));
  }

  async evaluate(o: { expression: string; frameId?: number; context: EvaluateContext }): Promise<DebugEvaluateResult> {
    const client = this.live();
    const stop = this.paused();
    return evaluateIn(client, { expression: o.expression, context: o.context, frameId: o.frameId ?? stop.frame?.id }, this.setup.scrub);
  }

  /** Places one file's breakpoints (absolute path) and answers them as debugpy placed them; before the session has
   * attached, as given (the session reads the stored ones as it attaches). */
  async placeBreakpoints(file: string, list: readonly SourceBreakpoint[]): Promise<DebugBreakpoint[]> {
    const rel = this.relPath(file) ?? file;
    if (!this.client && !this.call.ended) return list.map((b) => ({ ...b, path: rel }));
    const client = this.live();
    const body = await this.dap(client.request<DebugProtocol.SetBreakpointsResponse['body']>('setBreakpoints', setBreakpointsArgs(file, list)));
    const placed = placedAs(list, body.breakpoints, rel);
    this.placed.set(rel, placed);
    return placed.map(withoutId);
  }

  async setExceptionFilters(filters: readonly ExceptionFilter[]): Promise<void> {
    if (!this.client && !this.call.ended) return; // read from the store as the session attaches
    await this.dap(this.live().request('setExceptionBreakpoints', { filters: dapFilters(filters) }));
  }

  // ---- helpers

  /** debugpy's refusals as the UI's errors (dap-requests.ts). */
  private readonly dap = <T>(request: Promise<T>): Promise<T> => uiErrors(request, this.setup.scrub, () => this.call.ended);

  private frameOf(f: DebugProtocol.StackFrame): DebugStackFrame {
    return toFrame(f, this.setup.roots, this.deps.pythonDir, this.setup.scrub);
  }

  /** A file's path inside the project ('/' separated), or undefined outside it. */
  relPath(file: string): string | undefined {
    return relPathIn(this.setup.roots, file);
  }
}
