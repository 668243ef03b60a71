import type { SearchMatch } from '../../../../shared/models/workspace';

export interface FileMatches {
  readonly relPath: string;
  readonly matches: readonly SearchMatch[];
}

/** Results as the panel lists them: one group per file, in the order the service found them. */
export function groupByFile(matches: readonly SearchMatch[]): FileMatches[] {
  const groups = new Map<string, SearchMatch[]>();
  for (const m of matches) {
    const list = groups.get(m.relPath) ?? [];
    list.push(m);
    groups.set(m.relPath, list);
  }
  return [...groups].map(([relPath, list]) => ({ relPath, matches: list }));
}

/** Splits a preview line around the match so the panel can highlight it. */
export function splitPreview(m: SearchMatch): { before: string; match: string; after: string } {
  const start = Math.max(0, m.column - 1);
  const cut = Math.max(0, start - 40);
  return {
    before: (cut > 0 ? '…' : '') + m.preview.slice(cut, start).trimStart(),
    match: m.preview.slice(start, start + m.length),
    after: m.preview.slice(start + m.length),
  };
}
