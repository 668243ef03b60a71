import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import { expect } from 'vitest';

/** An edit of JSON text keeps its promise when the changed region sits inside the node that was edited. */
export function expectDiffInside(before: string, after: string, nodePath: JSONPath): void {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const node = findNodeAtLocation(parseTree(before)!, nodePath)!;
  expect(start).toBeGreaterThanOrEqual(node.offset);
  expect(before.length - end).toBeLessThanOrEqual(node.offset + node.length);
}
