/** Just enough semver for connector versions ("1.0.0", sometimes "1.0" or "v2.1.3"). */
import type { BumpLevel } from './types';

export type Semver = readonly [major: number, minor: number, patch: number];

export function parseVersion(v: unknown): Semver | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?\s*$/.exec(v);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

export function compareVersions(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export const formatVersion = (v: Semver): string => v.join('.');

export function bumpVersion(v: Semver, level: BumpLevel): Semver {
  if (level === 'major') return [v[0] + 1, 0, 0];
  if (level === 'minor') return [v[0], v[1] + 1, 0];
  return [v[0], v[1], v[2] + 1];
}

/** True when `next` raises the major number over `prev`: the only way a version announces breaking changes. */
export function announcesMajor(prev: unknown, next: unknown): boolean {
  const a = parseVersion(prev);
  const b = parseVersion(next);
  return a !== undefined && b !== undefined && b[0] > a[0];
}

export function highestLevel(levels: Iterable<BumpLevel>): BumpLevel {
  let best: BumpLevel = 'patch';
  for (const l of levels) {
    if (l === 'major') return 'major';
    if (l === 'minor') best = 'minor';
  }
  return best;
}
