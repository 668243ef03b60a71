import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Folders no scan of the repository's own code should enter: installed packages and Python's byte-code caches. */
const NEVER_SCANNED = new Set(['node_modules', '__pycache__']);

/**
 * Every file below `root` whose name `keep` accepts, as paths relative to `root` with `/` separators (so the
 * architecture tests name files the same way on every platform). The one file walker of the repository's scans.
 */
export function filesUnder(root: string, keep: (name: string) => boolean): string[] {
  const walk = (dir: string, rel: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return NEVER_SCANNED.has(e.name) ? [] : walk(path.join(dir, e.name), r);
      return e.isFile() && keep(e.name) ? [r] : [];
    });
  return walk(root, '');
}

/** TypeScript and JavaScript sources, tests included. */
export const isScriptFile = (name: string) => /\.(tsx?|[cm]?js)$/.test(name);
