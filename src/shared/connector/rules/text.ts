/** Word helpers shared by rules and quick fixes. */

/** Words Title Case leaves lower-case unless they start the title (Chicago style short words). */
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'for', 'to', 'of', 'in', 'on', 'at', 'by',
  'from', 'with', 'as', 'via', 'vs', 'into', 'per', 'onto']);

/** Words of `title` that should be capitalised. Words that do not start with a letter are left alone. */
export function titleCaseViolations(title: string): string[] {
  if (!/(^|\s)[a-z]/.test(title)) return []; // the common case, without splitting
  return title
    .split(/\s+/)
    .filter((w, i) => /^[a-z]/.test(w) && (i === 0 || !MINOR.has(w.toLowerCase())));
}

export function toTitleCase(title: string): string {
  const bad = new Set(titleCaseViolations(title));
  return title.replace(/\S+/g, (w) => (bad.has(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w));
}

/** Levenshtein distance, one row of the table at a time: row[j] is the distance between the first i characters of
 * `a` and the first j of `b`; `diagonal` and `left` are the cells the map has just passed. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  let last = b.length;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    let left = 0;
    row = row.map((above, j) => {
      const cell = j === 0 ? i : Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      [diagonal, left] = [above, cell];
      return cell;
    });
    last = left;
  }
  return last;
}

/** The one candidate within 2 edits of `value` (case-insensitive), if exactly one is. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase();
  const close = candidates.filter((c) => distance(v, c.toLowerCase()) <= 2);
  return close.length === 1 ? close[0] : undefined;
}

/** Every candidate, closest to `value` first (case-insensitive; ties keep the list's order): the choices a
 * "pick one" quick fix offers when no single candidate is certain. */
export function byCloseness(value: string, candidates: readonly string[]): string[] {
  const v = value.trim().toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: distance(v, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.c);
}
