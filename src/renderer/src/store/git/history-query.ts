import type { LogEntry, LogPage, LogQuery } from '../../../../shared/models/git';

export const HISTORY_PAGE = 50;

/** The history search box: `author:ann path:utils.py ref:main fix typo` — named filters, the rest matches messages. */
export function parseHistorySearch(text: string): LogQuery {
  const words: string[] = [];
  const named: { author?: string; path?: string; ref?: string } = {};
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(author|path|ref):(.+)$/i.exec(token);
    if (m) named[m[1].toLowerCase() as 'author' | 'path' | 'ref'] = m[2];
    else words.push(token);
  }
  return { ...named, ...(words.length ? { message: words.join(' ') } : {}) };
}

/** A new search replaces the list; "Load more" appends, skipping commits already shown (git may shift a page). */
export function mergeHistory(shown: readonly LogEntry[], page: LogPage, reset: boolean): LogEntry[] {
  if (reset) return page.entries;
  const seen = new Set(shown.map((e) => e.sha));
  return [...shown, ...page.entries.filter((e) => !seen.has(e.sha))];
}

/** Branch and tag names git prints beside a commit, without "HEAD -> " and "tag: " noise. */
export function refLabels(refs: readonly string[]): { name: string; kind: 'head' | 'tag' | 'branch' | 'remote' }[] {
  return refs.map((r) => {
    if (r.startsWith('HEAD -> ')) return { name: r.slice(8), kind: 'head' as const };
    if (r.startsWith('tag: ')) return { name: r.slice(5), kind: 'tag' as const };
    if (r === 'HEAD') return { name: r, kind: 'head' as const };
    return { name: r, kind: r.includes('/') ? ('remote' as const) : ('branch' as const) };
  });
}
