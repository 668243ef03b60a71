/** A session's breakpoints and exception filters in debugpy's terms, and the ones debugpy placed, kept by its ids. */
import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugBreakpoint, ExceptionFilter, SourceBreakpoint } from '../../../shared/models/debug';

/** debugpy's filters for ours: an exception leaving connector code is 'userUnhandled' (the runner catches every
 * exception, so none is ever 'uncaught' in debugpy's sense); 'uncaught' stays for one that ends a thread. */
export function dapFilters(filters: readonly ExceptionFilter[]): string[] {
  return filters.flatMap((f) => (f === 'uncaught' ? ['uncaught', 'userUnhandled'] : [f]));
}

/** The `setBreakpoints` request for one file (absolute path). */
export function setBreakpointsArgs(file: string, list: readonly SourceBreakpoint[]): DebugProtocol.SetBreakpointsArguments {
  return {
    source: { path: file, name: path.basename(file) },
    breakpoints: list.map((b) => ({ line: b.line, ...(b.condition ? { condition: b.condition } : {}), ...(b.hitCondition ? { hitCondition: b.hitCondition } : {}), ...(b.logMessage ? { logMessage: b.logMessage } : {}) })),
  };
}

/** One file's breakpoints (`rel` to the project) as debugpy placed them, in the order given, with debugpy's ids. */
export function placedAs(list: readonly SourceBreakpoint[], got: readonly DebugProtocol.Breakpoint[], rel: string): DebugBreakpoint[] {
  return list.map((b, i) => {
    const one = got[i];
    return {
      ...b,
      path: rel,
      ...(one?.line ? { line: one.line } : {}),
      verified: one?.verified ?? false,
      ...(one?.message ? { message: one.message } : {}),
      ...(one?.id !== undefined ? { id: one.id } : {}),
    } as DebugBreakpoint;
  });
}

/** A breakpoint as the UI sees it: debugpy's id stays in the session. */
export function withoutId(b: DebugBreakpoint): DebugBreakpoint {
  const { id: _id, ...rest } = b as DebugBreakpoint & { id?: number };
  return rest;
}

/** Each breakpoint debugpy placed, by its id: the file it is in, for debugpy's later `breakpoint` events. */
export class PlacedBreakpoints {
  private readonly byFile = new Map<string, DebugBreakpoint[]>();

  set(rel: string, placed: DebugBreakpoint[]): void {
    this.byFile.set(rel, placed);
  }

  /** Takes in debugpy's change of one placed breakpoint: answers its file and that file's list now (without ids),
   * or undefined for a breakpoint this session did not place. */
  update(changed: DebugProtocol.Breakpoint): { path: string; breakpoints: DebugBreakpoint[] } | undefined {
    if (changed.id === undefined) return undefined;
    for (const [rel, list] of this.byFile) {
      const i = list.findIndex((b) => (b as { id?: number }).id === changed.id);
      if (i === -1) continue;
      const next = [...list];
      next[i] = { ...list[i]!, verified: changed.verified, ...(changed.line ? { line: changed.line } : {}), ...(changed.message ? { message: changed.message } : {}) };
      this.byFile.set(rel, next);
      return { path: rel, breakpoints: next.map(withoutId) };
    }
    return undefined;
  }
}
