/** The ignore lines every connector repository needs (virtual environments, Python caches, Connector Studio's
 * user data, the temp files of interrupted saves), checked with git's own matcher so a repository that says it differently (`__pycache__` without
 * the slash, a pattern in a parent repository) counts as covered. Cassettes must stay committable. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IgnoreCheck } from '../../../shared/models/git';
import { ifMissing } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pathExists } from '../workspace/fs-probe';
import { gitClient } from './git-runner';
import { GITIGNORE } from './repo-files';

/** Each recommended line with a path it must ignore. */
export const RECOMMENDED_IGNORES: readonly { line: string; probe: string }[] = [
  { line: '__pycache__/', probe: '__pycache__/module.cpython-311.pyc' },
  { line: '*.pyc', probe: 'module.pyc' },
  { line: '.venv/', probe: '.venv/pyvenv.cfg' },
  { line: 'venv/', probe: 'venv/pyvenv.cfg' },
  { line: '.fortisoar/', probe: '.fortisoar/secrets' },
  { line: '.connector-studio/', probe: '.connector-studio/state' },
  // The temp file of a save killed mid-write (workspace/atomic-write.ts: `.<name>.<12 hex>.tmp`), at any depth.
  { line: '.*.tmp', probe: 'images/.icon.png.0123456789ab.tmp' },
];

/** Recorded cassettes are scrubbed and belong in the repository. */
export const CASSETTE_PROBE = 'tests/cassettes/check_health-recorded.json';

/** `git check-ignore -v -n --non-matching`: the probes that some ignore rule (not a `!` negation) matches. */
async function ignoredOf(dir: string, gitBinary: string, probes: readonly string[]): Promise<Set<string>> {
  let stdout: string;
  try {
    // Exit 1 only means "nothing ignored"; 128 is a real failure.
    stdout = await gitClient(dir, gitBinary, { timeoutMs: 30_000, okExitCodes: [0, 1] }).raw(['check-ignore', '-v', '-n', '--non-matching', '--', ...probes]);
  } catch (e) {
    throw new Error(`git check-ignore failed: ${(e as Error).message.trim()}`, { cause: e });
  }
  const ignored = new Set<string>();
  for (const row of stdout.split('\n')) {
    const tab = row.indexOf('\t');
    if (tab < 0) continue;
    const [source, , pattern] = row.slice(0, tab).split(':');
    if (source && pattern !== undefined && !pattern.startsWith('!')) ignored.add(row.slice(tab + 1));
  }
  return ignored;
}

/** The recommended .gitignore lines (virtualenvs, caches, user data) and whether a repository has them. */
export interface GitIgnoreOps {
  /** Which recommended lines the repository lacks, and whether it ignores the cassettes. */
  ignoreCheck(dir: string): Promise<IgnoreCheck>;
  /** Appends the missing recommended lines to the project's .gitignore (created when absent), atomically. */
  addRecommendedIgnores(dir: string): Promise<IgnoreCheck>;
  /** A repository opened or cloned without any .gitignore (neither in the project nor at the repository's
   * top, `topLevel`) gets the one `git init` writes; one that has its own is left as it is (the Git panel offers
   * the missing lines). True when it wrote the file. */
  ensureIgnoreFile(dir: string, topLevel: string): Promise<boolean>;
}

export function createIgnoreOps(gitBinary: () => string): GitIgnoreOps {
  async function ignoreCheck(dir: string): Promise<IgnoreCheck> {
    const ignored = await ignoredOf(dir, gitBinary(), [...RECOMMENDED_IGNORES.map((r) => r.probe), CASSETTE_PROBE]);
    return { missingIgnores: RECOMMENDED_IGNORES.filter((r) => !ignored.has(r.probe)).map((r) => r.line), cassettesIgnored: ignored.has(CASSETTE_PROBE) };
  }

  async function addRecommendedIgnores(dir: string): Promise<IgnoreCheck> {
    const { missingIgnores } = await ignoreCheck(dir);
    if (missingIgnores.length) {
      const file = path.join(dir, '.gitignore');
      const before = await readFile(file, 'utf8').catch(ifMissing(''));
      const sep = before === '' || before.endsWith('\n') ? '' : '\n';
      const block = `${before === '' ? '' : '\n'}# Added by Connector Studio: virtual environments, Python caches, user data and interrupted saves\n${missingIgnores.join('\n')}\n`;
      await writeFileAtomic(file, before + sep + block);
    }
    return ignoreCheck(dir);
  }

  async function ensureIgnoreFile(dir: string, topLevel: string): Promise<boolean> {
    if ((await pathExists(path.join(dir, '.gitignore'))) || (await pathExists(path.join(topLevel, '.gitignore')))) return false;
    if ((await ignoreCheck(dir)).missingIgnores.length === 0) return false;
    await writeFileAtomic(path.join(dir, '.gitignore'), GITIGNORE);
    return true;
  }

  return { ignoreCheck, addRecommendedIgnores, ensureIgnoreFile };
}
