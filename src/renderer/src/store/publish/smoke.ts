/** Smoke actions for a publish: the operations that only read (so running them on a user's server changes
 * nothing), and the inputs each runs with: the last Test Actions run of it when there is one, else the
 * parameters' defaults. */
import type { SmokeAction } from '../../../../shared/models/publish';
import type { LastRun } from '../testing/last-run';
import type { OperationInfo } from '../testing/operations';

export interface SmokeCandidate {
  readonly operation: string;
  readonly title: string;
  readonly params: Record<string, unknown>;
  /** Where the inputs come from, in words. */
  readonly inputs: 'last test run' | 'defaults';
}

/** Categories and name prefixes of operations that read; anything that could change the vendor's side is left out. */
const READ_CATEGORIES = /^(investigation|query|utilities|miscellaneous)$/i;
const READ_NAMES = /^(get|list|search|fetch|lookup|query|check|describe|read|find|show)_/i;
const WRITE_NAMES = /(block|unblock|delete|remove|create|update|add|set|isolate|quarantine|disable|enable|send|run|execute|kill|submit)/i;

export function readOnly(op: OperationInfo & { category?: unknown; annotation?: unknown }): boolean {
  if (op.disabled || WRITE_NAMES.test(op.operation.replace(READ_NAMES, ''))) return false;
  const category = typeof op.category === 'string' ? op.category : '';
  return READ_CATEGORIES.test(category) || READ_NAMES.test(op.operation);
}

const defaults = (op: OperationInfo): Record<string, unknown> =>
  Object.fromEntries(op.parameters.filter((f) => typeof f.name === 'string' && f.value !== undefined && f.value !== null && f.value !== '').map((f) => [f.name as string, f.value]));

export function smokeCandidates(ops: ReadonlyArray<OperationInfo & { category?: unknown }>, last: LastRun | null): SmokeCandidate[] {
  return ops.filter((o) => !o.hidden && readOnly(o)).map((o) => {
    const saved = last?.kind === 'action' && last.operation === o.operation ? last.params : undefined;
    return { operation: o.operation, title: o.title || o.operation, params: saved ?? defaults(o), inputs: saved ? 'last test run' : 'defaults' };
  });
}

export const smokeRequest = (chosen: readonly string[], candidates: readonly SmokeCandidate[]): SmokeAction[] =>
  candidates.filter((c) => chosen.includes(c.operation)).map((c) => ({ operation: c.operation, params: c.params }));
