import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../../shared/models/settings';
import { errnoCode } from '../errors';
import { DEFAULT_WORKER_MEMORY_LIMIT_MB } from '../runtime/memory-limit';
import { writeJsonAtomic } from '../workspace/atomic-write';

export const DEFAULT_SETTINGS: Omit<Settings, 'workspaceRoot'> = {
  pythonPath: '',
  gitPath: '',
  theme: 'dark',
  editorFontSize: 14,
  runtimeTimeoutSec: 60,
  workerMemoryLimitMb: DEFAULT_WORKER_MEMORY_LIMIT_MB,
  largeFileLimitKb: 1024,
  formatOnSave: false,
  extraProjects: [],
};

export interface SettingsOptions {
  userDataDir: string;
  defaultWorkspace: string;
  workspaceOverride?: string;
  /** The app writes the defaults on its first start (installing the sample keys on that); a command line run
   * before the app ever started must leave the first start to the app. Default true. */
  persistFirstStart?: boolean;
  /** Where a settings file that could not be used is reported (the log, or the CLI's stderr). */
  warn?: (msg: string) => void;
}

type Stored = { kind: 'none' } | { kind: 'ok'; values: Partial<Settings> } | { kind: 'broken'; why: string } | { kind: 'unreadable'; why: string };

async function readStored(file: string): Promise<Stored> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return errnoCode(e) === 'ENOENT' ? { kind: 'none' } : { kind: 'unreadable', why: (e as Error).message };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: 'broken', why: `it is not valid JSON (${(e as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'broken', why: 'it does not hold a JSON object' };
  return { kind: 'ok', values: value as Partial<Settings> };
}

/** Keys whose value has another type than the default's (a hand edit, a newer version's file): they would break
 * whoever reads them, so the default stands in and the user is told which. */
function wrongTypes(values: Partial<Settings>, defaults: Settings): (keyof Settings)[] {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
  return (Object.keys(defaults) as (keyof Settings)[]).filter(
    (k) => values[k] !== undefined && (kind(values[k]) !== kind(defaults[k]) || (k === 'extraProjects' && !(values[k] as unknown[]).every((p) => typeof p === 'string'))),
  );
}

/** Settings persist as one JSON file in the user data folder; unknown keys in it are dropped on save. A file that
 * cannot be used never stops a start: a malformed one is moved aside (settings.json.broken-<time>) and the defaults
 * take its place, and `notices()` says so for the UI and the CLI to show. */
export interface SettingsService {
  /** Reads the file once (however many callers ask at once) and keeps the settings in memory. */
  load(): Promise<Settings>;
  /** The same as load(). */
  get(): Promise<Settings>;
  /** Merges `patch` over the settings and writes the file atomically. */
  update(patch: Partial<Settings>): Promise<Settings>;
  /** The settings if loaded already, else null: for callers that cannot wait (the git binary on every call). */
  current(): Settings | null;
  /** Whether no settings file existed when this run started. */
  isFirstStart(): Promise<boolean>;
  /** What went wrong reading the file at start, one sentence each (empty when nothing did). */
  notices(): Promise<string[]>;
  /** Absolute path of settings.json. */
  readonly file: string;
}

export function createSettingsService(opts: SettingsOptions): SettingsService {
  const file = path.join(opts.userDataDir, 'settings.json');
  let current: Settings | null = null;
  let loading: Promise<Settings> | null = null;
  let firstStart = false;
  const notices: string[] = [];
  const notice = (msg: string) => {
    notices.push(msg);
    opts.warn?.(msg);
  };

  /** One read however many callers ask at once: a broken file is moved aside once. */
  function load(): Promise<Settings> {
    if (current) return Promise.resolve(current);
    loading ??= read().finally(() => (loading = null));
    return loading;
  }

  async function read(): Promise<Settings> {
    const defaults: Settings = { ...DEFAULT_SETTINGS, workspaceRoot: opts.defaultWorkspace };
    const stored = await readStored(file);
    let values: Partial<Settings> = {};
    let persist = false;
    if (stored.kind === 'ok') {
      values = { ...stored.values };
      const wrong = wrongTypes(values, defaults);
      for (const k of wrong) delete values[k];
      if (wrong.length) notice(`Settings: ${wrong.join(', ')} in ${file} had the wrong type; the defaults are used until you change them in Settings.`);
    } else if (stored.kind === 'broken') {
      const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const moved = await rename(file, aside).then(() => true, (e: Error) => (notice(`Settings: ${file} could not be moved aside (${e.message}).`), false));
      if (moved) notice(`Settings: ${file} could not be used because ${stored.why}. It was moved to ${aside} and the defaults are used; copy back what you need from it in Settings.`);
      else notice(`Settings: ${file} could not be used because ${stored.why}; the defaults are used for now.`);
      persist = moved;
    } else if (stored.kind === 'unreadable') {
      // Not moved or overwritten: it may be fine once readable again (permissions, a network home folder).
      notice(`Settings: ${file} could not be read (${stored.why}); the defaults are used for now.`);
    } else firstStart = true;
    const merged: Settings = { ...defaults, ...values };
    current = opts.workspaceOverride ? { ...merged, workspaceRoot: path.resolve(opts.workspaceOverride) } : merged;
    if ((firstStart && opts.persistFirstStart !== false) || persist || opts.workspaceOverride) await writeJsonAtomic(file, current);
    return current;
  }

  async function update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await load()), ...patch };
    await writeJsonAtomic(file, next);
    current = next;
    return next;
  }

  return {
    load,
    get: load,
    update,
    current: () => current,
    isFirstStart: async () => (await load(), firstStart),
    notices: async () => (await load(), [...notices]),
    file,
  };
}
