/** `--against <version>`: the compatibility report between a previous version and the reviewed one, as
 * findings. A version is a folder, a .tgz, or `git:<revision>` of the reviewed project. */
import { announcesMajor, compareConnectors, compareVersions, parseVersion } from '../../../shared/connector/compat';
import type { InfoJson } from '../../../shared/connector/info-json';
import { ServiceError } from '../errors';
import { loadVersion } from '../versions/load-version';
import type { ReviewFinding } from './types';

/** The other version's info.json (through the versions service, as `diff` reads it). Paths resolve from `cwd`;
 * `git:` revisions are read from the reviewed connector's repository. */
export async function loadVersionInfo(spec: string, cwd: string, connectorDir: string | undefined): Promise<InfoJson> {
  if (spec.startsWith('git:') && !connectorDir)
    throw new ServiceError('VALIDATION', `${spec}: git revisions need a reviewed folder inside a git repository, not an archive.`);
  return (await loadVersion(spec, { cwd: spec.startsWith('git:') ? connectorDir! : cwd })).info;
}

const finding = (f: Omit<ReviewFinding, 'source' | 'path'>): ReviewFinding => ({ ...f, source: 'compat', path: 'info.json' });

/** Breaking changes are errors unless the major number goes up; then they are warnings users must read. */
export function compatFindings(oldInfo: InfoJson, newInfo: InfoJson): ReviewFinding[] {
  const report = compareConnectors(oldInfo, newInfo);
  const major = announcesMajor(oldInfo.version, newInfo.version);
  const out = report.changes.map((c) =>
    finding({
      rule: `compat-${c.kind}`,
      severity: c.breaking ? (major ? 'warning' : 'error') : 'info',
      message: `${c.message} (${c.path})`,
      ...(c.breaking ? { fix: major ? 'Call the change out under "Breaking Changes" in release_notes.md.' : `Keep the old behaviour, or release it as ${report.suggestedVersion}.` } : {}),
    }),
  );
  const prev = parseVersion(oldInfo.version);
  const next = parseVersion(newInfo.version);
  if (prev && next && compareVersions(next, prev) <= 0)
    out.unshift(finding({ rule: 'compat-version-not-raised', severity: 'error', pointer: '/version', message: `The version ${report.new} is not higher than ${report.old}: the same version conflicts with the installed one on upload, and a lower one is no upgrade.`, fix: `Set "version" to ${report.suggestedVersion}.` }));
  return out;
}
