/** Workspace trust, as VS Code has it: a folder's code (its connector, its interpreter, its git hooks and
 * filters) runs only once the user has said they trust the folder. Trust is kept per absolute path in the user
 * data folder; a trusted folder trusts everything inside it. Anything not on the list is restricted, so a folder
 * the app has never seen is safe by default. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { settled } from '../../../shared/settled';
import { ServiceError, errnoCode } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { isBelow } from '../workspace/safe-path';

export const TRUST_FILE = 'trust.json';

interface TrustFile {
  readonly version: 1;
  readonly trusted: string[];
}

export interface TrustService {
  /** Synchronous so git and the language server can ask on every call; the list is kept in memory. */
  isTrusted(absPath: string): boolean;
  trust(absPath: string): Promise<void>;
  /** Forgets trust for this folder (an import replaced its files, a clone landed where a trusted folder was). */
  restrict(absPath: string): Promise<void>;
  /** Throws FORBIDDEN with the reason and the way out unless the folder is trusted. */
  assertTrusted(absPath: string, what: string): void;
  readonly file: string;
}

export interface TrustOptions {
  readonly userDataDir: string;
  /** Called only when no trust file exists yet: the folders trusted from the start (the projects registered
   * before workspace trust shipped, or on a fresh install the bundled sample). */
  readonly initiallyTrusted: () => Promise<string[]>;
  readonly log: (msg: string) => void;
  /** Write the initial list at once (the app, default) or only with the first change (a CLI command: one that
   * trusts or restricts nothing leaves no trust file behind, so the app's first start still decides). */
  readonly persistInitial?: boolean;
}

export const restrictedMessage = (what: string) =>
  `${what} is not allowed in Restricted Mode: this folder came from outside (an imported or reviewed package, a clone, or a folder opened from elsewhere), so none of its code runs until you trust it. Choose "Trust" in the banner above the editor (for a review: "Trust and run") if you know where it came from.`;

export async function createTrustService(opts: TrustOptions): Promise<TrustService> {
  const file = path.join(opts.userDataDir, TRUST_FILE);
  let trusted = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();

  const persist = () => writeJsonAtomic(file, { version: 1, trusted: [...trusted].sort() } satisfies TrustFile, 0o600);
  /** Writes are queued so two trust changes at once both land. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = settled(next); // the next write waits for this one; its failure goes to this caller
    return next;
  };

  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<TrustFile>;
    trusted = new Set((Array.isArray(parsed.trusted) ? parsed.trusted : []).filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)));
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') {
      // A damaged trust file must not silently trust everything: start restricted and say so.
      opts.log(`The trust list ${file} could not be read (${(e as Error).message}); every folder is restricted until trusted again.`);
    } else {
      trusted = new Set((await opts.initiallyTrusted()).map((p) => path.resolve(p)));
      if (opts.persistInitial !== false) await persist();
    }
  }

  const isTrusted = (absPath: string) => {
    const target = path.resolve(absPath);
    for (const root of trusted) if (isBelow(root, target, { orEqual: true })) return true;
    return false;
  };

  return {
    file,
    isTrusted,
    trust: (absPath) =>
      serial(async () => {
        trusted.add(path.resolve(absPath));
        await persist();
      }),
    restrict: (absPath) =>
      serial(async () => {
        const target = path.resolve(absPath);
        // Also forget a trusted folder inside this one: the whole tree came from outside now.
        for (const root of [...trusted]) if (isBelow(target, root, { orEqual: true })) trusted.delete(root);
        await persist();
      }),
    assertTrusted(absPath, what) {
      if (!isTrusted(absPath)) throw new ServiceError('FORBIDDEN', restrictedMessage(what), { restricted: true });
    },
  };
}

/** The projects registered in a workspace: its folders and the ones opened from elsewhere. Workspace trust
 * shipped after these were made, so on the first start with a trust list they stay as they were: trusted. */
export async function registeredProjectRoots(s: { readonly workspaceRoot: string; readonly extraProjects: readonly string[] }): Promise<string[]> {
  const entries = await readdir(s.workspaceRoot, { withFileTypes: true }).catch((e: unknown) => {
    if (errnoCode(e) !== 'ENOENT') throw e;
    return [];
  });
  return [...entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => path.join(s.workspaceRoot, e.name)), ...s.extraProjects];
}
