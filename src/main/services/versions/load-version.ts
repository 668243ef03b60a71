/** Loads one side of a compatibility report from a folder, a .tgz or `git:<revision>` of a project. */
import path from 'node:path';
import type { InfoJson } from '../../../shared/connector/info-json';
import { ServiceError } from '../errors';
import { readInfoJsonText } from '../packaging/info-json-size';
import { safeExtractTgz } from '../packaging/safe-extract';
import { locateConnectorDir } from '../validate/locate';
import { statIfPresent } from '../workspace/fs-probe';
import { lastVersionTag, readInfoAtRevision } from './git-version';
import { parseInfoText } from './parse-info';

export type VersionSource = 'folder' | 'tgz' | 'git';

export interface LoadedVersion {
  /** What the user named, e.g. `git:v1.0.0`, `./connector-x`, `x-1.0.0.tgz`. */
  readonly spec: string;
  readonly source: VersionSource;
  /** The connector folder, the archive, or `<sha>:<path>` for git. */
  readonly location: string;
  readonly info: InfoJson;
}

export interface LoadOptions {
  /** Relative paths and `git:` revisions are resolved from here (the current project). */
  readonly cwd: string;
  readonly gitBinary?: string;
}

const isArchive = (p: string) => /\.(tgz|tar\.gz)$/i.test(p);

export async function loadVersion(spec: string, opts: LoadOptions): Promise<LoadedVersion> {
  if (spec.startsWith('git:')) return loadFromGit(spec, opts);
  const abs = path.resolve(opts.cwd, spec);
  const st = await statIfPresent(abs);
  if (!st) throw new ServiceError('NOT_FOUND', `${spec} does not exist (give a connector folder, a .tgz, or git:<revision>).`);
  if (st.isFile() && isArchive(abs)) return loadFromArchive(spec, abs);
  const dir = await locateConnectorDir(abs);
  const text = await readInfoJsonText(dir);
  if (text === undefined) throw new ServiceError('NOT_FOUND', `${dir} has no info.json.`);
  const info = parseInfoText(text, path.join(dir, 'info.json'));
  return { spec, source: 'folder', location: dir, info };
}

async function loadFromArchive(spec: string, abs: string): Promise<LoadedVersion> {
  const extracted = await safeExtractTgz(abs);
  try {
    // Size checked before reading: a too-large info.json is reported as such, not as missing.
    const text = await readInfoJsonText(extracted.dir);
    if (text === undefined) throw new ServiceError('VALIDATION', `${spec} has no info.json in its top-level folder ${extracted.topLevel}/.`);
    return { spec, source: 'tgz', location: abs, info: parseInfoText(text, `${spec}:${extracted.topLevel}/info.json`) };
  } finally {
    await extracted.dispose();
  }
}

/** `git:` alone means the last version tag. */
async function loadFromGit(spec: string, opts: LoadOptions): Promise<LoadedVersion> {
  let rev = spec.slice('git:'.length);
  if (rev === '') {
    rev = (await lastVersionTag(opts.cwd, opts.gitBinary)) ?? '';
    if (!rev) throw new ServiceError('NOT_FOUND', 'No version tag (v1.0.0, ...) in this repository: name the old version explicitly.');
  }
  const { info, sha, relPath } = await readInfoAtRevision(opts.cwd, rev, opts.gitBinary);
  return { spec: `git:${rev}`, source: 'git', location: `${sha}:${relPath}`, info };
}
