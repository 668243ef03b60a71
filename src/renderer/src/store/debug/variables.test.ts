import { describe, expect, it } from 'vitest';
import { childrenKey, childrenPlan, PAGE, rangeLabel, rangePlan, rangesOf } from './variables';

describe('lazy children and paging', () => {
  it('a value with a page or less of items opens with one request for all its children', () => {
    expect(childrenPlan({ variablesReference: 7, indexedVariables: PAGE })).toEqual({ first: { variablesReference: 7 }, ranges: [] });
    expect(childrenPlan({ variablesReference: 7 })).toEqual({ first: { variablesReference: 7 }, ranges: [] });
  });

  it('a big list opens as its named children and ranges of a page, each fetched when opened', () => {
    const plan = childrenPlan({ variablesReference: 9, indexedVariables: 250, namedVariables: 2 });
    expect(plan.first).toEqual({ variablesReference: 9, filter: 'named' });
    expect(plan.ranges.map(rangeLabel)).toEqual(['[0..99]', '[100..199]', '[200..249]']);
    expect(rangePlan(plan.ranges[2]).first).toEqual({ variablesReference: 9, filter: 'indexed', start: 200, count: 50 });
    expect(childrenPlan({ variablesReference: 9, indexedVariables: 250 }).first).toBeUndefined();
  });

  it('a million items never show more than a page of nodes on one level', () => {
    const top = rangesOf(3, 0, 1_000_000);
    expect(top.length).toBeLessThanOrEqual(PAGE);
    expect(top[0]).toEqual({ kind: 'range', variablesReference: 3, start: 0, count: 1_000_000 / PAGE });
    const inner = rangePlan(top[0]);
    expect(inner.first).toBeUndefined();
    expect(inner.ranges).toHaveLength(PAGE);
    expect(rangeLabel(inner.ranges[1])).toBe('[100..199]');
  });

  it('each request has its own cache key', () => {
    const keys = [{ variablesReference: 4 }, { variablesReference: 4, filter: 'named' as const }, { variablesReference: 4, filter: 'indexed' as const, start: 0, count: 100 }, { variablesReference: 4, filter: 'indexed' as const, start: 100, count: 100 }].map(childrenKey);
    expect(new Set(keys).size).toBe(4);
  });
});
