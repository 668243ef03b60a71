import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../services/workspace/atomic-write';

interface HostRecord {
  pid: number;
  url: string;
  origin: string;
}

const fileIn = (userDataDir: string) => path.join(userDataDir, 'browser-host.json');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One browser-mode host per user data folder: a second launch finds the running one and opens it instead. */
export async function findRunningHost(userDataDir: string): Promise<HostRecord | null> {
  const record = await readFile(fileIn(userDataDir), 'utf8').then((t) => JSON.parse(t) as HostRecord, () => null);
  if (!record || record.pid === process.pid || !alive(record.pid)) return null;
  const healthy = await fetch(`${record.origin}/healthz`, { signal: AbortSignal.timeout(1500) }).then((r) => r.status === 200 || r.status === 401, () => false);
  return healthy ? record : null;
}

/** The record holds the launch URL with its token, so it is written readable by the user only. */
export async function recordRunningHost(userDataDir: string, record: Omit<HostRecord, 'pid'>): Promise<() => Promise<void>> {
  await writeJsonAtomic(fileIn(userDataDir), { ...record, pid: process.pid }, 0o600);
  return () => rm(fileIn(userDataDir), { force: true });
}
