import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../../shared/models/settings';
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

/** Settings persist as one JSON file in the user data folder; unknown keys in it are dropped on save. */
export function createSettingsService(opts: { userDataDir: string; defaultWorkspace: string; workspaceOverride?: string }) {
  const file = path.join(opts.userDataDir, 'settings.json');
  let current: Settings | null = null;
  let firstStart = false;

  async function load(): Promise<Settings> {
    if (current) return current;
    const stored = await readFile(file, 'utf8').then((t) => JSON.parse(t) as Partial<Settings>, () => null);
    firstStart = stored === null;
    const merged: Settings = { ...DEFAULT_SETTINGS, workspaceRoot: opts.defaultWorkspace, ...(stored ?? {}) };
    current = opts.workspaceOverride ? { ...merged, workspaceRoot: path.resolve(opts.workspaceOverride) } : merged;
    if (firstStart || opts.workspaceOverride) await writeJsonAtomic(file, current);
    return current;
  }

  async function update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await load()), ...patch };
    await writeJsonAtomic(file, next);
    current = next;
    return next;
  }

  return { load, get: load, update, current: () => current, isFirstStart: async () => (await load(), firstStart), file };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
