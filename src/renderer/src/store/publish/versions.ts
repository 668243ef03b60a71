import type { CompatReport } from '../../../../shared/connector/compat/types';
import type { TagInfo } from '../../../../shared/models/git';
import type { PreflightResult } from '../../../../shared/models/publish';
import { reportInBackground } from '../app/store';
import { lastVersionTag } from '../git/versions';
import { plural } from '../../../../shared/plural';

/** Local, last tag and installed: the three versions the publish dialog compares. */
export interface VersionsView {
  readonly lastTag?: string;
  /** The local working copy against the last version tag: what changed since the last release. */
  readonly againstLastTag?: { readonly tag: string; readonly report: CompatReport };
  /** The report against the installed version, when a tag v<installed> exists locally to read it from. */
  readonly againstInstalled?: { readonly version: string; readonly report: CompatReport };
}

/** versions.compare for the working copy against `old` (`git:<tag>`); null when it cannot be read. */
export type CompareFn = (old: string) => Promise<CompatReport | null>;

/** Reads the reports the dialog shows: against the last tag, and against the installed version when its tag is
 * here. When the last tag is the installed version's tag, the one report serves both. */
export async function loadVersions(tags: readonly TagInfo[], pre: PreflightResult, compare: CompareFn): Promise<VersionsView> {
  const lastTag = lastVersionTag(tags);
  const installed = pre.installed[0]?.version;
  const installedTag = installed !== undefined && tags.some((t) => t.name === `v${installed}`) ? `v${installed}` : undefined;
  // A tag whose version cannot be read leaves its comparison out of the dialog; the console says why.
  const safe = async (tag: string) => (await compare(`git:${tag}`).catch(reportInBackground(`Comparing with ${tag}`))) ?? null;
  const [lastReport, installedReport] = await Promise.all([
    lastTag ? safe(lastTag) : null,
    installedTag && installedTag !== lastTag ? safe(installedTag) : null,
  ]);
  const againstInstalledReport = installedTag === undefined ? null : installedTag === lastTag ? lastReport : installedReport;
  return {
    lastTag,
    ...(lastTag && lastReport ? { againstLastTag: { tag: lastTag, report: lastReport } } : {}),
    ...(installed !== undefined && againstInstalledReport ? { againstInstalled: { version: installed, report: againstInstalledReport } } : {}),
  };
}

/** One line for a report: how many changes, whether any breaks, and the version it suggests; plus a warning
 * when the local version is not above what it is compared with, or lower than the report suggests. */
export function compatSummary(against: string, report: CompatReport, localVersion: string): string {
  const n = report.changes.length;
  const head = `Against ${against}: ${n === 0 ? 'no changes' : `${plural(n, 'change')}, ${report.breaking ? 'breaking' : 'none breaking'}`}`;
  if (n === 0) return `${head}.`;
  const behind = compareVersions(localVersion, report.suggestedVersion) < 0;
  return `${head}; suggested version ${report.suggestedVersion}${behind ? ` (the local version is ${localVersion})` : ''}.`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
