/** Versions of a connector and the compatibility report between two of them. */
import { compareConnectors, type CompatReport } from '../../../shared/connector/compat';
import { lastVersionTag } from './git-version';
import { loadVersion, type LoadedVersion } from './load-version';

export interface CompareRequest {
  /** Folder, .tgz or `git:<revision>`; default `git:` = the last version tag of the project at `cwd`. */
  readonly old?: string;
  /** Default: the working tree at `cwd`. */
  readonly new?: string;
  readonly cwd: string;
}

export interface CompareResult {
  readonly report: CompatReport;
  readonly old: LoadedVersion;
  readonly new: LoadedVersion;
}

export interface VersionsService {
  /** One version from a folder, a .tgz or `git:<revision>` (relative to `cwd`). */
  load(spec: string, cwd: string): Promise<LoadedVersion>;
  /** The compatibility report from the old version to the new one. */
  compare(req: CompareRequest): Promise<CompareResult>;
  /** The highest `v<semver>` tag reachable from HEAD in the repository at `dir`; undefined when it has none. */
  lastVersionTag(dir: string): Promise<string | undefined>;
}

export function createVersionsService(opts: { gitBinary?: () => string } = {}): VersionsService {
  const gitBinary = () => opts.gitBinary?.() ?? 'git';

  const load = (spec: string, cwd: string) => loadVersion(spec, { cwd, gitBinary: gitBinary() });

  async function compare(req: CompareRequest): Promise<CompareResult> {
    // One after the other, so a bad old version is the error reported whatever the new one is.
    const a = await load(req.old ?? 'git:', req.cwd);
    const b = await load(req.new ?? '.', req.cwd);
    return { report: compareConnectors(a.info, b.info), old: a, new: b };
  }

  return {
    load,
    compare,
    lastVersionTag: (dir: string) => lastVersionTag(dir, gitBinary()),
  };
}
