import type { TagInfo } from '../../../../shared/models/git';

const VERSION_TAG = /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

const parts = (tag: string) => {
  const m = VERSION_TAG.exec(tag);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
};

/** Version tags (v1, v1.2, v1.2.3), newest version first; other tags are left out. */
export function versionTags(tags: readonly TagInfo[]): string[] {
  return tags
    .map((t) => ({ name: t.name, v: parts(t.name) }))
    .filter((t): t is { name: string; v: number[] } => t.v !== null)
    .sort((a, b) => b.v[0] - a.v[0] || b.v[1] - a.v[1] || b.v[2] - a.v[2])
    .map((t) => t.name);
}

/** The default "old" side of the compatibility report: the newest version tag, as versions.compare reads it. */
export const lastVersionTag = (tags: readonly TagInfo[]): string | undefined => versionTags(tags)[0];

/** A version side as the service names it: the working tree, or `git:<tag>`. */
export const versionSpec = (choice: string): string | undefined => (choice === 'working' ? undefined : `git:${choice}`);

/** release_notes.md beside info.json. */
export const releaseNotesPath = (connectorRel: string) => (connectorRel ? `${connectorRel}/release_notes.md` : 'release_notes.md');

/** Puts the drafted section at the top of release_notes.md, replacing a section for the same version (the
 * placeholder Add Version writes), so inserting twice does not stack two copies. */
export function insertReleaseNotes(existing: string, section: string): string {
  const draft = section.trim();
  const heading = /^#+ .*$/m.exec(draft)?.[0];
  const version = heading && /\d+\.\d+\.\d+/.exec(heading)?.[0];
  // Sections start at a level 1 or 2 heading (the wizard writes "# What's new in", the report "## <label> <version>").
  const sections = existing.trim() ? existing.trim().split(/\n(?=##? )/) : [];
  const kept = version ? sections.filter((s) => !(/^##? /.test(s) && s.split('\n')[0].includes(version))) : sections;
  return [draft, ...kept].join('\n\n') + '\n';
}
