/** debugpy's events as the app's `debug.*` events (secrets masked); a stop pauses the session until it continues. */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugContinued, DebugEventBase, DebugOutput, DebugStackFrame, DebugStopped } from '../../../shared/models/debug';
import type { EventBus } from '../events';
import type { Scrubber } from '../runtime/result-checks';
import type { CallState } from './call-state';
import type { PlacedBreakpoints } from './session-breakpoints';

export interface DebugpyEventsDeps {
  readonly base: DebugEventBase;
  readonly events: EventBus;
  readonly log: (message: string) => void;
  readonly scrub: Scrubber;
  /** A file's path inside the project, or undefined outside it. */
  readonly relPath: (file: string) => string | undefined;
  /** The top frame of a stopped thread, for the stop's event. */
  readonly topFrame: (threadId: number) => Promise<DebugStackFrame | undefined>;
  readonly call: CallState;
  readonly placed: PlacedBreakpoints;
}

export class DebugpyEvents {
  constructor(private readonly deps: DebugpyEventsDeps) {}

  on(e: DebugProtocol.Event): void {
    if (this.deps.call.ended) return;
    if (e.event === 'stopped') void this.onStopped((e as DebugProtocol.StoppedEvent).body);
    else if (e.event === 'continued') this.onContinued((e as DebugProtocol.ContinuedEvent).body);
    else if (e.event === 'output') this.onOutput((e as DebugProtocol.OutputEvent).body);
    else if (e.event === 'breakpoint') this.onBreakpoint((e as DebugProtocol.BreakpointEvent).body);
  }

  private async onStopped(body: DebugProtocol.StoppedEvent['body']): Promise<void> {
    const { call, base } = this.deps;
    const generation = call.stopped();
    const threadId = body.threadId ?? 0;
    const frame = await this.deps.topFrame(threadId).catch((e: Error) => {
      this.deps.log(`Reading the frame of a stop of debug session ${base.sessionId} failed: ${e.message}`);
      return undefined;
    });
    if (!call.isCurrent(generation)) return;
    const stop = stoppedOf(base, body, threadId, frame, this.deps.scrub);
    call.lastStop = stop;
    this.deps.events.emit('debug.stopped', stop);
  }

  private onContinued(body: DebugProtocol.ContinuedEvent['body']): void {
    this.deps.call.continued();
    this.deps.events.emit('debug.continued', continuedOf(this.deps.base, body));
  }

  private onOutput(body: DebugProtocol.OutputEvent['body']): void {
    const output = outputOf(this.deps.base, body, this.deps.scrub, this.deps.relPath);
    if (output) this.deps.events.emit('debug.output', output);
  }

  private onBreakpoint(body: DebugProtocol.BreakpointEvent['body']): void {
    const changed = this.deps.placed.update(body.breakpoint);
    if (changed) this.deps.events.emit('debug.breakpointsChanged', { projectId: this.deps.base.projectId, ...changed });
  }
}

/** A stop, with its top frame when debugpy could tell it. */
function stoppedOf(base: DebugEventBase, body: DebugProtocol.StoppedEvent['body'], threadId: number, frame: DebugStackFrame | undefined, scrub: Scrubber): DebugStopped {
  return {
    ...base,
    reason: body.reason,
    threadId,
    ...(frame ? { frame } : {}),
    ...(body.description ? { description: scrub(body.description) } : {}),
    ...(body.text ? { text: scrub(body.text) } : {}),
    ...(body.hitBreakpointIds?.length ? { hitBreakpointIds: body.hitBreakpointIds } : {}),
  };
}

function continuedOf(base: DebugEventBase, body: DebugProtocol.ContinuedEvent['body']): DebugContinued {
  return { ...base, ...(body.threadId ? { threadId: body.threadId } : {}) };
}

/** debugpy's output, its source path relative to the project; none for telemetry, which is never shown. */
function outputOf(base: DebugEventBase, body: DebugProtocol.OutputEvent['body'], scrub: Scrubber, relPath: (file: string) => string | undefined): DebugOutput | undefined {
  if (body.category === 'telemetry') return undefined;
  const category = body.category === 'important' || body.category === 'stdout' || body.category === 'stderr' ? body.category : 'console';
  const where = body.source?.path ? relPath(body.source.path) : undefined;
  return {
    ...base,
    category,
    text: scrub(body.output),
    ...(where ? { path: where } : {}),
    ...(body.line ? { line: body.line } : {}),
  };
}
