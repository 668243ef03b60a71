import path from 'node:path';

/**
 * One async queue per absolute path, shared by the whole process: a check-then-write (etag compare, read-modify-write
 * of a JSON store) runs alone on its file, even when two service instances (two tabs, two stores) hold the path.
 * It does not reach other processes.
 */
const tails = new Map<string, Promise<void>>();

// Windows and macOS usually treat A.py and a.py as one file: they must share one queue.
const keyOf = (absPath: string) => {
  const resolved = path.resolve(absPath);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
};

async function acquire(key: string): Promise<() => void> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  return () => {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  };
}

/** Runs fn while holding the locks of every path, taken in one sorted order so two callers can never deadlock. */
export async function withPathLock<T>(absPaths: string | readonly string[], fn: () => Promise<T>): Promise<T> {
  const keys = [...new Set((typeof absPaths === 'string' ? [absPaths] : absPaths).map(keyOf))].sort();
  const releases: Array<() => void> = [];
  try {
    for (const key of keys) releases.push(await acquire(key));
    return await fn();
  } finally {
    for (const release of releases.reverse()) release();
  }
}
