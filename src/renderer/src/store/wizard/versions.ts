/** Pure helpers behind Add Version and Duplicate. */
import { API_IDENTIFIER } from '../../../../shared/connector/wizard';

export type Level = 'major' | 'minor' | 'patch';
export const LEVELS: readonly Level[] = ['patch', 'minor', 'major'];

/** Semver bump as the service does it; null when the version is not x.y.z. */
export function bumpVersion(version: string, level: Level): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!m) return null;
  const [major, minor, patch] = m.slice(1).map(Number);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export interface DuplicateAs {
  name: string;
  label: string;
  version: string;
}

/** What the Duplicate dialog starts with: a copy's name that is not taken yet. */
export function duplicateDefaults(p: { name: string; label: string }, taken: readonly string[]): DuplicateAs {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = `${p.name}-copy`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${p.name}-copy-${n}`;
  return { name, label: `${p.label || p.name} Copy`, version: '1.0.0' };
}

export type DuplicateErrors = Partial<Record<keyof DuplicateAs, string>>;

export function checkDuplicate(as: DuplicateAs, taken: readonly string[]): DuplicateErrors {
  const out: DuplicateErrors = {};
  if (!API_IDENTIFIER.test(as.name)) out.name = 'Use letters, digits, - and _, starting with a letter or _.';
  else if (taken.some((t) => t.toLowerCase() === as.name.toLowerCase())) out.name = `A project named '${as.name}' is already in the workspace.`;
  if (!as.label.trim()) out.label = 'The new connector needs a name users see.';
  if (!/^\d+\.\d+\.\d+$/.test(as.version.trim())) out.version = 'Three numbers, e.g. 1.0.0.';
  return out;
}
