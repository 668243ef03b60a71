/** Fixed-size windowing over lines of known heights: which lines to render for a scroll position. Pure. */

/** offsets[i] = top of line i; offsets[n] = the total height. */
export function offsetsOf(heights: readonly number[]): number[] {
  const out = new Array<number>(heights.length + 1);
  out[0] = 0;
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i] + heights[i];
  return out;
}

/** Index of the line that contains y (binary search; the last line for y past the end). */
export function lineAt(offsets: readonly number[], y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** [start, end) of the lines to render: those in the viewport plus `overscan` on each side. */
export function visibleRange(offsets: readonly number[], scrollTop: number, viewport: number, overscan = 6): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const first = lineAt(offsets, Math.max(0, scrollTop));
  // The last pixel in view, not the first one below it.
  const last = lineAt(offsets, Math.max(0, scrollTop) + Math.max(viewport, 1) - 1);
  return [Math.max(0, first - overscan), Math.min(n, last + 1 + overscan)];
}
