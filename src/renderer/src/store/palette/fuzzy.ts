/**
 * Subsequence match with VS Code-like preferences: consecutive letters, word starts and the file name score
 * higher. null when not every query character appears in order.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let ti = 0;
  let prev = -2;
  for (const ch of q) {
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    const wordStart = found === 0 || /[\s/_.-]/.test(t[found - 1]) || (text[found] !== t[found] && text[found - 1] === t[found - 1]);
    score += 1 + (found === prev + 1 ? 3 : 0) + (wordStart ? 2 : 0);
    prev = found;
    ti = found + 1;
  }
  return score - t.length * 0.01;
}

const IMAGE = /\.(png|jpe?g|gif|svg|ico|webp|bmp)$/i;

/** Images after everything else (they are looked at, not edited: a connector's logos should not hide its code). */
const imagesLast = (paths: readonly string[]) => [...paths.filter((p) => !IMAGE.test(p)), ...paths.filter((p) => IMAGE.test(p))];

/** Files for quick open: a match in the file name beats a match only in the folders; images come last. */
export function rankPaths(paths: readonly string[], query: string, limit = 50): string[] {
  if (!query.trim()) return imagesLast(paths).slice(0, limit);
  const scored: { p: string; s: number }[] = [];
  for (const p of paths) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    const inName = fuzzyScore(query, name);
    const inPath = fuzzyScore(query, p);
    if (inPath === null) continue;
    scored.push({ p, s: inName === null ? inPath : inName + 10 });
  }
  return imagesLast(scored.sort((a, b) => b.s - a.s || a.p.localeCompare(b.p)).map((x) => x.p)).slice(0, limit);
}

export function rankByTitle<T extends { title: string }>(items: readonly T[], query: string): T[] {
  if (!query.trim()) return [...items];
  return items
    .map((item) => ({ item, s: fuzzyScore(query, item.title) }))
    .filter((x): x is { item: T; s: number } => x.s !== null)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.item);
}
