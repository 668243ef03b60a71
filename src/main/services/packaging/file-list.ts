/** Which files of a connector folder go into its package: everything but the stray files real folders carry
 * (editor and OS litter, Python caches, virtualenvs, tests, our own user data, git, the temp file of a save
 * that was killed mid-write). */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError, ifMissing } from '../errors';
import { ATOMIC_TEMP_NAME } from '../workspace/atomic-write';

/** `name/` matches a folder of that name at any depth; other patterns match file or folder names; `*` is a wildcard. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '.git/',
  '.DS_Store',
  'Thumbs.db',
  '.idea/',
  '.vscode/',
  '__pycache__/',
  '*.pyc',
  '*.pyo',
  '.pytest_cache/',
  '.mypy_cache/',
  '.ruff_cache/',
  '.fortisoar/',
  '.connector-studio/',
  '.venv/',
  'venv/',
  'tests/',
  'test/',
  'conftest.py',
];

export interface PackEntry {
  /** Relative to the connector folder, `/`-separated; folders end with `/`. */
  readonly rel: string;
  readonly dir: boolean;
}

export interface FileListOptions {
  /** Patterns added to the defaults. */
  readonly exclude?: readonly string[];
  /** Replace DEFAULT_EXCLUDES instead of adding to them. */
  readonly onlyExclude?: readonly string[];
  /** Absolute paths never to include (the output archive when it is written inside the folder). */
  readonly skipAbsolute?: readonly string[];
}

interface Matcher {
  readonly dirOnly: boolean;
  readonly re: RegExp;
}

function compile(pattern: string): Matcher {
  const dirOnly = pattern.endsWith('/');
  const body = (dirOnly ? pattern.slice(0, -1) : pattern).replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return { dirOnly, re: new RegExp(`^${body}$`) };
}

/** Byte-wise order, not locale order: the same on every machine, so archives are identical everywhere. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sorted entry list, folders included (each before its contents). Refuses symbolic links: a link in a
 * package either breaks on the server or carries a file from outside the connector. */
export async function listPackageFiles(connectorDir: string, opts: FileListOptions = {}): Promise<PackEntry[]> {
  const matchers = [...(opts.onlyExclude ?? DEFAULT_EXCLUDES), ...(opts.exclude ?? [])].map(compile);
  const skip = new Set((opts.skipAbsolute ?? []).map((p) => path.resolve(p)));
  const out: PackEntry[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    const names = (await readdir(abs)).sort(byteOrder);
    for (const name of names) {
      const childAbs = path.join(abs, name);
      const childRel = rel + name;
      if (skip.has(childAbs)) continue;
      const st = await lstat(childAbs);
      if (st.isSymbolicLink()) throw new ServiceError('PACKAGING', `${childRel} is a symbolic link: replace it with the file itself or remove it before packaging.`);
      const isDir = st.isDirectory();
      if (!isDir && !st.isFile()) continue;
      // Whatever the exclude list says: a half-written save is never part of a connector.
      if (!isDir && ATOMIC_TEMP_NAME.test(name)) continue;
      if (matchers.some((m) => (!m.dirOnly || isDir) && m.re.test(name))) continue;
      if (isDir && (await isVirtualenv(childAbs))) continue;
      if (isDir) {
        out.push({ rel: `${childRel}/`, dir: true });
        await walk(childAbs, `${childRel}/`);
      } else out.push({ rel: childRel, dir: false });
    }
  };
  await walk(connectorDir, '');
  return out;
}

/** A virtualenv under any name: the marker file every venv has. */
async function isVirtualenv(dir: string): Promise<boolean> {
  return lstat(path.join(dir, 'pyvenv.cfg')).then((s) => s.isFile(), ifMissing(false));
}
