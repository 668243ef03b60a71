import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ReplaceResult, SearchMatch, SearchResult } from '../../../shared/models/workspace';
import { ServiceError, ifUnreadable } from '../errors';
import { writeFileAtomic } from './atomic-write';
import { IGNORED_DIRS, IGNORED_FILES, looksBinary } from './file-kinds';
import { resolveInside } from './safe-path';

export interface SearchQuery {
  query: string;
  isRegex?: boolean;
  matchCase?: boolean;
}

const MAX_MATCHES = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function compileQuery(q: SearchQuery): RegExp {
  if (!q.query) throw new ServiceError('VALIDATION', 'Type something to search for.');
  const source = q.isRegex ? q.query : q.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, q.matchCase ? 'g' : 'gi');
  } catch (e) {
    throw new ServiceError('VALIDATION', `The regular expression is not valid: ${(e as Error).message}`);
  }
}

async function* textFiles(root: string, rel = ''): AsyncGenerator<{ rel: string; text: string }> {
  // A folder or file that has gone meanwhile, or is closed to this user, holds nothing to search.
  const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(ifUnreadable([]));
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && !IGNORED_DIRS.has(e.name)) yield* textFiles(root, childRel);
    if (!e.isFile() || IGNORED_FILES.has(e.name)) continue;
    const bytes = await readFile(path.join(root, childRel)).catch(ifUnreadable(null));
    if (!bytes || bytes.length > MAX_FILE_BYTES || looksBinary(childRel, bytes.subarray(0, 8000))) continue;
    yield { rel: childRel, text: bytes.toString('utf8') };
  }
}

function matchesIn(rel: string, text: string, re: RegExp, into: SearchMatch[]) {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m && into.length < MAX_MATCHES; m = re.exec(line)) {
      into.push({ relPath: rel, line: i + 1, column: m.index + 1, length: m[0].length, preview: line.slice(0, 300) });
      if (m[0].length === 0) re.lastIndex++;
    }
  });
}

/** What Replace All carries besides the query. */
export interface ReplaceQuery extends SearchQuery {
  replacement: string;
  /** Only these files; default every file with a match. */
  relPaths?: string[];
  /** Files left alone (open with unsaved edits); they come back as `skipped`. */
  skip?: string[];
}

/** Find and replace in a project's text files (binary, large and ignored ones left out). */
export interface SearchService {
  /** Matches in file order, at most 2,000 (`truncated` says when there were more). */
  search(projectId: string, q: SearchQuery): Promise<SearchResult>;
  /** Rewrites each matching file atomically. */
  replace(projectId: string, q: ReplaceQuery): Promise<ReplaceResult>;
}

export function createSearchService(rootOf: (projectId: string) => Promise<string>): SearchService {
  async function search(projectId: string, q: SearchQuery): Promise<SearchResult> {
    const root = await rootOf(projectId);
    const re = compileQuery(q);
    const matches: SearchMatch[] = [];
    let filesSearched = 0;
    for await (const f of textFiles(root)) {
      filesSearched++;
      matchesIn(f.rel, f.text, re, matches);
      if (matches.length >= MAX_MATCHES) return { matches, filesSearched, truncated: true };
    }
    return { matches, filesSearched, truncated: false };
  }

  async function replace(projectId: string, q: ReplaceQuery): Promise<ReplaceResult> {
    const root = await rootOf(projectId);
    const re = compileQuery(q);
    const only = q.relPaths ? new Set(q.relPaths) : null;
    const skipSet = new Set(q.skip ?? []);
    const changedFiles: string[] = [];
    const skipped: string[] = [];
    let replacements = 0;
    for await (const f of textFiles(root)) {
      if (only && !only.has(f.rel)) continue;
      const count = (f.text.match(re) ?? []).length;
      if (count === 0) continue;
      if (skipSet.has(f.rel)) {
        skipped.push(f.rel);
        continue;
      }
      await writeFileAtomic(await resolveInside(root, f.rel), f.text.replace(re, q.replacement));
      changedFiles.push(f.rel);
      replacements += count;
    }
    return { changedFiles, replacements, skipped };
  }

  return { search, replace };
}
