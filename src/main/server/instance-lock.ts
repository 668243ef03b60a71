import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonOrUndefined } from '../../shared/parse-json';
import { errnoCode, ifMissing } from '../services/errors';
import { writeJsonAtomic } from '../services/workspace/atomic-write';
import { HOST_RECORD_FILE, LAUNCH_SECRET_HEADER, LAUNCH_URL_PATH } from './launch-protocol';

export interface HostRecord {
  pid: number;
  origin: string;
  /** Lets a second launch ask the host for a fresh single-use link; it opens nothing by itself. */
  secret: string;
}

const fileIn = (userDataDir: string) => path.join(userDataDir, HOST_RECORD_FILE);

/** Signal 0 only asks: ESRCH is "no such process"; EPERM is one that exists but belongs to someone else. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ESRCH') return false;
    if (errnoCode(e) === 'EPERM') return true;
    throw e;
  }
};

/** The record on disk; undefined when there is none, or it is not JSON (then it names no host either). */
const readRecord = async (userDataDir: string): Promise<unknown> => {
  const text = await readFile(fileIn(userDataDir), 'utf8').catch(ifMissing(undefined));
  return text === undefined ? undefined : parseJsonOrUndefined(text);
};

const isRecord = (v: unknown): v is HostRecord => {
  const r = v as Partial<HostRecord> | null;
  return !!r && Number.isInteger(r.pid) && typeof r.secret === 'string' && typeof r.origin === 'string' && /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(r.origin);
};

/**
 * One browser-mode host per user data folder: a second launch finds the running one and asks it for a new link.
 * A record whose process is gone is stale. Whether a live process is really our host only the secret can tell
 * (process ids are reused), so requestLaunchUrl is the real check.
 */
export async function findRunningHost(userDataDir: string): Promise<HostRecord | null> {
  const record = await readRecord(userDataDir);
  return isRecord(record) && alive(record.pid) ? record : null;
}

/** Asks the running host for a fresh single-use launch URL; throws with what went wrong and what to do. */
export async function requestLaunchUrl(record: HostRecord): Promise<string> {
  const where = `The Connector Studio host in ${HOST_RECORD_FILE} (process ${record.pid}, ${record.origin})`;
  let res: Response;
  try {
    res = await fetch(`${record.origin}${LAUNCH_URL_PATH}`, { method: 'POST', headers: { [LAUNCH_SECRET_HEADER]: record.secret }, signal: AbortSignal.timeout(3000) });
  } catch (e) {
    throw new Error(`${where} did not answer (${(e as Error).message}); it has probably stopped.`, { cause: e });
  }
  // An answer that is not JSON carries no link; the status below says what came instead.
  const body = parseJsonOrUndefined(await res.text()) as { url?: unknown } | null | undefined;
  if (res.status === 401)
    throw new Error(`${where} refused the launch secret in ${HOST_RECORD_FILE}: another program holds that address, or the file was changed.`);
  const url = typeof body?.url === 'string' ? body.url : '';
  if (res.status !== 200 || !url.startsWith(`${record.origin}/?token=`))
    throw new Error(`${where} answered ${res.status} without a launch link.`);
  return url;
}

/** The record holds the launch secret, so it is written readable by the user only. */
export async function recordRunningHost(userDataDir: string, record: Omit<HostRecord, 'pid'>): Promise<() => Promise<void>> {
  await writeJsonAtomic(fileIn(userDataDir), { ...record, pid: process.pid }, 0o600);
  // Only our own record: a host started after this one may have written its own in the meantime.
  return async () => {
    const now = await readRecord(userDataDir);
    if (isRecord(now) && now.pid === process.pid) await rm(fileIn(userDataDir), { force: true });
  };
}
