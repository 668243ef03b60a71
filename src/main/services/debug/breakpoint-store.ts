/** Each project's breakpoints and exception filters, kept in the user data folder (never in the project: they are
 * the user's, not the connector's), so they survive a restart of the app. One JSON file per project id, written
 * atomically under its path lock. */
import path from 'node:path';
import type { DebugBreakpoint, ExceptionFilter, ProjectBreakpoints, SourceBreakpoint } from '../../../shared/models/debug';
import { EXCEPTION_FILTERS } from '../../../shared/models/debug';
import { checkRelative } from '../workspace/safe-path';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readJsonFile } from '../workspace/json-file';
import { withPathLock } from '../workspace/path-lock';

export interface BreakpointStore {
  get(projectId: string): Promise<ProjectBreakpoints>;
  /** Replaces one file's breakpoints (`relPath` inside the project); answers the file's list as stored. */
  setFile(projectId: string, relPath: string, breakpoints: readonly SourceBreakpoint[]): Promise<DebugBreakpoint[]>;
  setExceptionFilters(projectId: string, filters: readonly ExceptionFilter[]): Promise<void>;
}

const EMPTY: ProjectBreakpoints = { breakpoints: [], exceptionFilters: [] };

/** Only the fields a breakpoint has; a session's `verified` and `message` are not stored (they belong to a run). */
function clean(relPath: string, b: SourceBreakpoint): DebugBreakpoint {
  return {
    path: relPath,
    line: b.line,
    ...(b.condition ? { condition: b.condition } : {}),
    ...(b.hitCondition ? { hitCondition: b.hitCondition } : {}),
    ...(b.logMessage ? { logMessage: b.logMessage } : {}),
  };
}

const byFileThenLine = (a: DebugBreakpoint, b: DebugBreakpoint) => a.path.localeCompare(b.path) || a.line - b.line;

/** One breakpoint per line of a file: the last one given wins, as an editor's gutter has one per line. */
function perLine(list: DebugBreakpoint[]): DebugBreakpoint[] {
  const seen = new Map<string, DebugBreakpoint>();
  for (const b of list) seen.set(`${b.path}\0${b.line}`, b);
  return [...seen.values()].sort(byFileThenLine);
}

export function createBreakpointStore(userDataDir: string): BreakpointStore {
  const fileOf = (projectId: string) => path.join(userDataDir, 'debug', `${projectId}.json`);

  async function read(projectId: string): Promise<ProjectBreakpoints> {
    const value = await readJsonFile<Partial<ProjectBreakpoints>>(fileOf(projectId), EMPTY);
    return {
      breakpoints: Array.isArray(value.breakpoints) ? value.breakpoints : [],
      exceptionFilters: Array.isArray(value.exceptionFilters) ? value.exceptionFilters.filter((f) => EXCEPTION_FILTERS.includes(f)) : [],
    };
  }

  async function update(projectId: string, change: (current: ProjectBreakpoints) => ProjectBreakpoints): Promise<ProjectBreakpoints> {
    const file = fileOf(projectId);
    return withPathLock(file, async () => {
      const next = change(await read(projectId));
      await writeJsonAtomic(file, next);
      return next;
    });
  }

  async function setFile(projectId: string, relPath: string, breakpoints: readonly SourceBreakpoint[]): Promise<DebugBreakpoint[]> {
    const rel = checkRelative(relPath);
    const next = await update(projectId, (current) => ({
      ...current,
      breakpoints: perLine([...current.breakpoints.filter((b) => b.path !== rel), ...breakpoints.map((b) => clean(rel, b))]),
    }));
    return next.breakpoints.filter((b) => b.path === rel);
  }

  async function setExceptionFilters(projectId: string, filters: readonly ExceptionFilter[]): Promise<void> {
    await update(projectId, (current) => ({ ...current, exceptionFilters: EXCEPTION_FILTERS.filter((f) => filters.includes(f)) }));
  }

  return { get: read, setFile, setExceptionFilters };
}
