/** The compatibility report between two info.json objects, marked by the upgrade rules of
 * reference/connector-format.md ("Upgrades between versions"). */
import type { InfoJson } from '../info-json';
import { compareFields } from './fields';
import { compareOperations } from './operations';
import { draftReleaseNotes } from './release-notes';
import { bumpVersion, compareVersions, formatVersion, highestLevel, parseVersion, type Semver } from './semver';
import type { CompatChange, CompatReport, DraftChange } from './types';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function compatChanges(oldInfo: InfoJson, newInfo: InfoJson): DraftChange[] {
  const config = compareFields('config-field', '', oldInfo.configuration?.fields, newInfo.configuration?.fields, 'configuration/fields');
  return [...config, ...compareOperations(oldInfo, newInfo)];
}

export function compareConnectors(oldInfo: InfoJson, newInfo: InfoJson): CompatReport {
  const drafts = compatChanges(oldInfo, newInfo);
  const level = highestLevel(drafts.map((d) => d.level));
  const base: Semver = parseVersion(oldInfo.version) ?? [0, 0, 0];
  const suggested = bumpVersion(base, level);
  const next = parseVersion(newInfo.version);
  // The notes are for the release the developer should make: the new number if it is already high enough.
  const notesVersion = next && compareVersions(next, suggested) > 0 ? next : suggested;
  const label = text(newInfo.label) || text(newInfo.name);
  const changes: CompatChange[] = drafts.map(({ kind, path, breaking, message }) => ({ kind, path, breaking, message }));
  return {
    old: text(oldInfo.version),
    new: text(newInfo.version),
    changes,
    breaking: changes.some((c) => c.breaking),
    suggestedVersion: formatVersion(suggested),
    releaseNotes: draftReleaseNotes(label, formatVersion(notesVersion), drafts),
  };
}
