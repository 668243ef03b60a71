/** The DAP round trips a session makes beyond a plain request, and debugpy's refusals turned into the UI's errors. */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugEvaluateResult, DebugStackFrame, EvaluateContext } from '../../../shared/models/debug';
import { ServiceError } from '../errors';
import type { Scrubber } from '../runtime/result-checks';
import { DapError, type DapClient } from './dap-client';
import { toEvaluateError, toEvaluateResult } from './dap-views';
import type { DebugControl } from './types';

/** A request as the UI sees its failure (uiErrors bound to a session). */
export type Ask = <T>(request: Promise<T>) => Promise<T>;

/** debugpy's refusals as the UI's errors: a value read after the session moved on is gone, not broken. `ended`
 * is asked once the request failed. */
export async function uiErrors<T>(request: Promise<T>, scrub: Scrubber, ended: () => boolean): Promise<T> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof DapError) throw new ServiceError('NOT_FOUND', `The debugger could not answer ${e.command}: ${scrub(e.message)}. The session may have moved on: read the current stop again.`);
    if (ended()) throw new ServiceError('NOT_FOUND', 'This debug session has ended: start a new one.');
    throw e;
  }
}

/** Pauses `threadId`, or the main thread when the UI names none. */
export async function pauseThread(client: DapClient, threadId: number | undefined, dap: Ask): Promise<void> {
  await dap(client.request('pause', { threadId: threadId ?? (await mainThread(client, dap)) }));
}

async function mainThread(client: DapClient, dap: Ask): Promise<number> {
  const { threads } = await dap(client.request<DebugProtocol.ThreadsResponse['body']>('threads'));
  const main = threads.find((t) => t.name === 'MainThread') ?? threads[0];
  if (!main) throw new ServiceError('CONFLICT', 'The connector has no thread to pause.');
  return main.id;
}

/** Continues or steps a paused thread. */
export async function moveThread(client: DapClient, action: Exclude<DebugControl, 'pause'>, threadId: number, dap: Ask, ended: () => boolean): Promise<void> {
  // The call may run to its end, and the session with it, before debugpy's answer arrives: that is the continue
  // having worked.
  await client.request(action, { threadId }).catch((e: unknown) => {
    if (!ended() && !client.isClosed) return dap(Promise.reject(e));
    return undefined;
  });
}

/** The top frame of a stopped thread, for the stop's event; none before the session attached. */
export async function topFrameOf(client: DapClient | undefined, threadId: number, frameOf: (f: DebugProtocol.StackFrame) => DebugStackFrame): Promise<DebugStackFrame | undefined> {
  if (!client) return undefined;
  const body = await client.request<DebugProtocol.StackTraceResponse['body']>('stackTrace', { threadId, startFrame: 0, levels: 1 });
  const top = body.stackFrames[0];
  return top ? frameOf(top) : undefined;
}

/** An expression debugpy refuses (a typo, a name not in the frame) answers as an error result, not a failure. */
export async function evaluateIn(client: DapClient, o: { expression: string; context: EvaluateContext; frameId: number | undefined }, scrub: Scrubber): Promise<DebugEvaluateResult> {
  const { frameId } = o;
  try {
    const body = await client.request<DebugProtocol.EvaluateResponse['body']>('evaluate', { expression: o.expression, context: o.context, ...(frameId !== undefined ? { frameId } : {}) });
    return toEvaluateResult(body, scrub);
  } catch (e) {
    if (!(e instanceof DapError)) throw e;
    return toEvaluateError(e.message, scrub);
  }
}
