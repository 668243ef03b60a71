import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Empty } from '../../../shared/ipc/contract';
import type { BackupEntry, SessionState } from '../../../shared/models/workspace';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ifMissing } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';

/** Unsaved editor buffers, kept outside the project so a crash or a killed host loses nothing. `log`: where a
 * damaged backup or session file is reported (it is skipped). */
export interface BackupService {
  /** Keeps one buffer (replacing its earlier backup), stamped with the time it was saved. */
  save(e: Omit<BackupEntry, 'savedAt'>): Promise<{ savedAt: number }>;
  /** Forgets the buffer's backup (it was saved or reverted); no backup is not an error. */
  discard(projectId: string, relPath: string): Promise<Empty>;
  /** Every backup, oldest first; unreadable ones are left out. */
  list(): Promise<BackupEntry[]>;
  /** The open projects and tabs of the last session; none when it was never saved. */
  getSession(): Promise<SessionState>;
  saveSession(state: SessionState): Promise<Empty>;
}

export function createBackupService(userDataDir: string, log: (msg: string, extra?: unknown) => void = console.warn): BackupService {
  const dir = path.join(userDataDir, 'backups');
  const sessionFile = path.join(userDataDir, 'session.json');
  const fileOf = (projectId: string, relPath: string) =>
    path.join(dir, `${projectId}-${createHash('sha1').update(relPath).digest('hex').slice(0, 16)}.json`);

  async function save(e: Omit<BackupEntry, 'savedAt'>) {
    const entry: BackupEntry = { ...e, savedAt: Date.now() };
    await writeJsonAtomic(fileOf(e.projectId, e.relPath), entry, 0o600);
    return { savedAt: entry.savedAt };
  }

  async function discard(projectId: string, relPath: string) {
    await rm(fileOf(projectId, relPath), { force: true });
    return {};
  }

  /** The file's JSON; undefined when it is gone (a backup discarded meanwhile, no session yet) or damaged. */
  async function readJson(file: string): Promise<unknown> {
    const text = await readFile(file, 'utf8').catch(ifMissing(undefined));
    const value = text === undefined ? undefined : parseJsonOrUndefined(text);
    if (text !== undefined && value === undefined) log(`${file} is damaged (not JSON) and was skipped; delete it to stop this message`);
    return value;
  }

  async function list(): Promise<BackupEntry[]> {
    await mkdir(dir, { recursive: true });
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    const entries = (await Promise.all(names.map((n) => readJson(path.join(dir, n))))) as (BackupEntry | undefined)[];
    return entries.filter((e): e is BackupEntry => e !== undefined).sort((a, b) => a.savedAt - b.savedAt);
  }

  async function getSession(): Promise<SessionState> {
    // A damaged session only loses the list of open tabs; the next save writes a fresh one.
    return ((await readJson(sessionFile)) as SessionState | undefined) ?? { openProjects: [] };
  }

  async function saveSession(state: SessionState) {
    await writeJsonAtomic(sessionFile, state);
    return {};
  }

  return { save, discard, list, getSession, saveSession };
}
