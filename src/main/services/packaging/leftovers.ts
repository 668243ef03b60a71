/** What a process killed mid-way leaves behind, removed at the next start: the temp file of an interrupted
 * save (`.<name>.<12 hex>.tmp`, workspace/atomic-write.ts) in a project, import's staging folder
 * (`<workspace>/.import-*`, renamed into place when the import completes), duplicate's staging folder
 * (`<workspace>/.connector-<name>.<8 hex>.tmp`) and the extraction and upload folders in the temp folder
 * (`cs-extract-*`, `cs-import-*`). Only what is older than a few minutes goes, so the saves, imports and
 * extractions of another running window or CLI command are left alone. Folders a replace moved aside
 * (`.<name>.replaced-*`) are never touched: after a crash at the wrong moment they hold the user's only copy. */
import { lstat, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errnoCode } from '../errors';
import { ATOMIC_TEMP_NAME } from '../workspace/atomic-write';

export const LEFTOVER_AGE_MS = 10 * 60 * 1000;

/** Staging folders directly inside the workspace root. */
const WORKSPACE_STAGING = [/^\.import-[A-Za-z0-9]{6}$/, /^\.connector-.+\.[0-9a-f]{8}\.tmp$/];
/** Staging folders directly inside the temp folder (mkdtemp names: six random characters). */
const TEMP_STAGING = [/^cs-extract-[A-Za-z0-9]{6}$/, /^cs-import-[A-Za-z0-9]{6}$/];
/** Never searched for interrupted saves: git's own data, and trees no save of ours writes into. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__']);
/** Connector projects are shallow; the cap keeps a workspace set to a home folder from being walked whole. */
const MAX_DEPTH = 8;
const MAX_DIRS = 20_000;

export interface LeftoverPlaces {
  /** The workspace root: the staging folders directly inside it, and interrupted saves in every project in it. */
  readonly workspaceRoot?: string;
  /** Project folders outside the workspace (settings' extraProjects): interrupted saves in them. */
  readonly projectDirs?: readonly string[];
  /** Where extractions and uploads stage. Default os.tmpdir(). */
  readonly tempDir?: string;
  /** Only what was last modified longer ago than this is removed. Default 10 minutes. */
  readonly olderThanMs?: number;
}

export interface LeftoverReport {
  /** Absolute paths removed. */
  readonly removed: string[];
  /** What could not be removed or searched, with why: for the log. */
  readonly failed: { readonly path: string; readonly message: string }[];
}

export async function cleanLeftovers(places: LeftoverPlaces): Promise<LeftoverReport> {
  const cutoff = Date.now() - (places.olderThanMs ?? LEFTOVER_AGE_MS);
  const removed: string[] = [];
  const failed: { path: string; message: string }[] = [];
  const fail = (p: string, e: unknown) => failed.push({ path: p, message: errnoCode(e) ?? (e as Error).message });

  /** Removes `p` when it is a stale `kind` (folder or file); links are never followed nor removed. */
  const removeIfStale = async (p: string, kind: 'dir' | 'file') => {
    try {
      const st = await lstat(p);
      if ((kind === 'dir' ? !st.isDirectory() : !st.isFile()) || st.mtimeMs > cutoff) return;
      await rm(p, { recursive: kind === 'dir', force: true });
      removed.push(p);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') fail(p, e);
    }
  };

  const names = async (dir: string): Promise<string[]> => {
    try {
      return (await readdir(dir)).sort();
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') fail(dir, e);
      return [];
    }
  };

  const removeStaging = async (dir: string, patterns: readonly RegExp[]) => {
    for (const name of await names(dir)) if (patterns.some((re) => re.test(name))) await removeIfStale(path.join(dir, name), 'dir');
  };

  let dirsVisited = 0;
  const removeInterruptedSaves = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || ++dirsVisited > MAX_DIRS) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') fail(dir, e);
      return;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a virtualenv under another name
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isFile() && ATOMIC_TEMP_NAME.test(e.name)) await removeIfStale(p, 'file');
      else if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await removeInterruptedSaves(p, depth + 1);
    }
  };

  if (places.workspaceRoot) {
    await removeStaging(places.workspaceRoot, WORKSPACE_STAGING);
    // Projects are the visible folders: hidden ones are staging, or a replaced folder kept aside.
    for (const name of await names(places.workspaceRoot)) {
      if (name.startsWith('.')) continue;
      const p = path.join(places.workspaceRoot, name);
      const isDir = await lstat(p).then(
        (s) => s.isDirectory(),
        (e: unknown) => {
          if (errnoCode(e) !== 'ENOENT') fail(p, e);
          return false;
        },
      );
      if (isDir) await removeInterruptedSaves(p, 1);
    }
  }
  for (const dir of places.projectDirs ?? []) await removeInterruptedSaves(dir, 0);
  await removeStaging(places.tempDir ?? os.tmpdir(), TEMP_STAGING);
  return { removed, failed };
}
