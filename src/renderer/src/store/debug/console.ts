/** The Debug Console's lines: what the user evaluated and its answer (a value that opens like a variable), and the
 * session's output (debugpy's notices and logpoints, the connector's logs and prints, the install's progress). */
import type { DebugEvaluateResult } from '../../../../shared/models/debug';

export type OutputCategory = 'console' | 'important' | 'stdout' | 'stderr' | 'log';

export type ConsoleLine =
  | { readonly id: number; readonly kind: 'input'; readonly text: string }
  /** `stopId`: the stop it was evaluated at; its children can be fetched only there. */
  | { readonly id: number; readonly kind: 'result'; readonly value: DebugEvaluateResult; readonly stopId: number }
  | { readonly id: number; readonly kind: 'output'; readonly category: OutputCategory; readonly text: string; readonly path?: string; readonly line?: number };

type NewLine = ConsoleLine extends infer L ? (L extends ConsoleLine ? Omit<L, 'id'> : never) : never;

/** A print loop must not grow the page without bound; the newest lines stay. */
export const MAX_CONSOLE_LINES = 5000;

let nextId = 1;

export function appendLine(lines: readonly ConsoleLine[], line: NewLine, max = MAX_CONSOLE_LINES): ConsoleLine[] {
  const next = [...lines, { ...line, id: nextId++ } as ConsoleLine];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The inputs typed so far, newest last, for Up/Down in the console's input (no repeats in a row). */
export function pushHistory(history: readonly string[], expression: string, max = 100): string[] {
  const next = history[history.length - 1] === expression ? [...history] : [...history, expression];
  return next.slice(-max);
}
