/** Add Version: tag the current version, bump info.json `version` (semver), open a release-notes section,
 * commit. info.json is edited as text with jsonc-parser so the author's formatting and key order survive. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { ServiceError, ifMissing } from '../errors';
import { gitStep } from '../git/git-errors';
import { gitClient } from '../git/git-runner';
import { identityNeeded } from '../git/git-identity';
import type { GitService } from '../git/git-service';
import { locateConnectorDir } from '../validate/locate';
import { writeFileAtomic } from '../workspace/atomic-write';
import { updateCopyrightYears } from './copyright-year';
import { plural } from '../../../shared/plural';

export type BumpLevel = 'major' | 'minor' | 'patch';
export const BUMP_LEVELS: readonly BumpLevel[] = ['major', 'minor', 'patch'];

export function nextVersion(version: string, level: BumpLevel): string {
  const [major, minor, patch] = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number) ?? [];
  if (major === undefined || minor === undefined || patch === undefined)
    throw new ServiceError('VALIDATION', `The version '${version}' is not x.y.z: fix it in info.json first.`);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Only the `version` value changes in the text; everything else stays byte for byte. */
export function bumpVersion(infoText: string, level: BumpLevel): { text: string; from: string; to: string } {
  const info = parse(infoText) as { version?: unknown } | undefined;
  const from = typeof info?.version === 'string' ? info.version : '';
  const to = nextVersion(from, level);
  const edits = modify(infoText, ['version'], to, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return { text: applyEdits(infoText, edits), from, to };
}

/** A new section at the top, in the heading style the wizard writes. */
export function addReleaseNotesSection(notes: string, version: string): string {
  const section = `# What's new in ${version}\n\n- Describe the changes in this version.\n`;
  const rest = notes.trim();
  return rest ? `${section}\n${rest}\n` : section;
}

export interface AddVersionResult {
  readonly from: string;
  readonly to: string;
  /** The tag that marks the previous version, e.g. v1.0.0. */
  readonly tag: string;
  readonly sha: string;
}

/** `projectDir` is the git repository (or a folder inside it) holding the connector. Refuses while there are
 * uncommitted changes, so the tag marks exactly what the previous version was. The copyright blocks move to the
 * current year (`year` in tests), as Fortinet's CI wants. */
export async function addVersion(projectDir: string, level: BumpLevel, opts: { git: GitService; year?: number }): Promise<AddVersionResult> {
  const status = await opts.git.status(projectDir);
  if (!status.isRepo) throw new ServiceError('GIT', `${projectDir} is not a git repository: Add Version tags the current version in git.`);
  if (status.files.length) throw new ServiceError('CONFLICT', `There are ${status.files.length} uncommitted change(s): commit or discard them first, so the tag marks the finished version.`);
  // Asked before the tag is made: a refused commit must not leave a tag behind.
  if (!(await opts.git.identity(projectDir))) throw identityNeeded();
  const connectorDir = await locateConnectorDir(projectDir);
  const infoPath = path.join(connectorDir, 'info.json');
  const { text, from, to } = bumpVersion(await readFile(infoPath, 'utf8'), level);
  const tag = `v${from}`;
  const g = gitClient(projectDir, opts.git.binary());
  const existing = (await gitStep('tag', () => g.raw(['tag', '--list', tag]))).trim();
  if (existing) throw new ServiceError('CONFLICT', `The tag ${tag} already exists: version ${from} was released before. Check the version in info.json.`);
  await gitStep('tag', () => g.raw(['tag', tag]));
  const notesPath = path.join(connectorDir, 'release_notes.md');
  const notes = await readFile(notesPath, 'utf8').catch(ifMissing(''));
  await writeFileAtomic(infoPath, text);
  await writeFileAtomic(notesPath, addReleaseNotesSection(notes, to));
  const year = opts.year ?? new Date().getFullYear();
  const moved = await updateCopyrightYears(projectDir, year);
  const { sha } = await opts.git.commitAll(projectDir, `Start version ${to}${moved.length ? `; copyright year ${year} in ${plural(moved.length, 'file')}` : ''}`);
  return { from, to, tag, sha };
}
