/** Ending a worker with everything it started. The worker runs in its own process group, and on Linux its root
 * process is a child subreaper (resources/python/isolation.py), so while the root lives every descendant,
 * even one that called setsid() or lost its parent, is still below it in /proc. */
import { readdirSync, readFileSync } from 'node:fs';
import { errnoCode, isMissing } from '../errors';

interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly zombie: boolean;
}

function procEntries(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch (e) {
      if (isMissing(e) || errnoCode(e) === 'ESRCH') continue; // it ended while we looked
      throw e;
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    entries.push({ pid: Number(name), ppid: Number(ppid), zombie: state === 'Z' });
  }
  return entries;
}

/** Live (not zombie) processes below `root`, on Linux; elsewhere none are known. */
export function liveDescendants(root: number): number[] {
  if (process.platform !== 'linux') return [];
  const children = new Map<number, ProcEntry[]>();
  for (const e of procEntries()) children.set(e.ppid, [...(children.get(e.ppid) ?? []), e]);
  const live: number[] = [];
  const todo = [root];
  while (todo.length) {
    for (const e of children.get(todo.pop()!) ?? []) {
      if (!e.zombie) live.push(e.pid);
      todo.push(e.pid);
    }
  }
  return live;
}

function sigkill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e; // already gone is the goal
  }
}

/** SIGKILLs the process group of `leader` (the worker was spawned detached, so its pid is the group id). */
export function killGroup(leader: number): void {
  if (process.platform !== 'win32') sigkill(-leader);
}

const SWEEPS = 100;
const SWEEP_PAUSE_MS = 10;

/** Kills every descendant of `root` while `root` itself still holds the tree together, sweeping again until
 * none is left (one may fork while the others die), then the root's whole process group. */
export async function killTree(root: number): Promise<void> {
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const live = liveDescendants(root);
    if (!live.length) break;
    live.forEach(sigkill);
    await new Promise((r) => setTimeout(r, SWEEP_PAUSE_MS));
  }
  killGroup(root);
}
