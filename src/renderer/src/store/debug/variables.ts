/** The Variables, Watch and Debug Console trees: a value's children are fetched when it is first opened (DAP's
 * `variablesReference`), and a big list is split into ranges of PAGE items, each fetched when opened, as VS Code
 * does; so a 100,000-item list costs one range at a time. */
import type { DebugVariable } from '../../../../shared/models/debug';

export const PAGE = 100;

/** What to ask `debug.variables` for one node's children. */
export interface ChildrenRequest {
  readonly variablesReference: number;
  readonly filter?: 'indexed' | 'named';
  readonly start?: number;
  readonly count?: number;
}

/** A range of a big list's items, shown as a node "[100..199]". */
export interface RangeNode {
  readonly kind: 'range';
  readonly variablesReference: number;
  readonly start: number;
  readonly count: number;
}

export type ChildrenState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly items: readonly DebugVariable[] }
  | { readonly status: 'error'; readonly error: string };

/** The cache key of one request: a whole value, its named part, or one range. */
export function childrenKey(r: ChildrenRequest): string {
  return r.filter === 'indexed' ? `${r.variablesReference}[${r.start ?? 0}+${r.count ?? 0}]` : `${r.variablesReference}${r.filter === 'named' ? ':named' : ''}`;
}

/** How one value opens: at once (one request for all its children), or as its named children (if any) followed by
 * range nodes over its indexed ones, when debugpy said it has more than a page of them. */
export function childrenPlan(v: { variablesReference: number; indexedVariables?: number; namedVariables?: number }): { first?: ChildrenRequest; ranges: RangeNode[] } {
  const indexed = v.indexedVariables ?? 0;
  if (indexed <= PAGE) return { first: { variablesReference: v.variablesReference }, ranges: [] };
  return {
    first: v.namedVariables ? { variablesReference: v.variablesReference, filter: 'named' } : undefined,
    ranges: rangesOf(v.variablesReference, 0, indexed),
  };
}

/** Ranges of PAGE items; a range that is itself huge (a million items) splits into ranges of ranges, so no level
 * has more than PAGE nodes. */
export function rangesOf(variablesReference: number, start: number, count: number): RangeNode[] {
  let size = PAGE;
  while (count / size > PAGE) size *= PAGE;
  const out: RangeNode[] = [];
  for (let s = start; s < start + count; s += size) out.push({ kind: 'range', variablesReference, start: s, count: Math.min(size, start + count - s) });
  return out;
}

/** A range node opens into its items (one request) or, when still bigger than a page, into smaller ranges. */
export function rangePlan(r: RangeNode): { first?: ChildrenRequest; ranges: RangeNode[] } {
  if (r.count <= PAGE) return { first: { variablesReference: r.variablesReference, filter: 'indexed', start: r.start, count: r.count }, ranges: [] };
  return { ranges: rangesOf(r.variablesReference, r.start, r.count) };
}

export const rangeLabel = (r: RangeNode) => `[${r.start}..${r.start + r.count - 1}]`;

/** Children that arrived without paging (debugpy may answer a long dict whole) are shown PAGE at a time. */
export const shownSlice = <T>(items: readonly T[], shown: number): readonly T[] => (items.length > shown ? items.slice(0, shown) : items);
