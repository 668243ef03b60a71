/** `--against <version>`: the compatibility report between a previous version and the reviewed one, as
 * findings. A version is a folder, a .tgz, or `git:<revision>` of the reviewed project. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { readInfoJson } from '../../../shared/connector/engine';
import { announcesMajor, compareConnectors, compareVersions, parseVersion } from '../../../shared/connector/compat';
import type { InfoJson } from '../../../shared/connector/info-json';
import { ServiceError } from '../errors';
import { withConnector } from './open-connector';
import type { ReviewFinding } from './types';

function parseInfo(text: string, what: string): InfoJson {
  const read = readInfoJson({ folderName: '', files: { 'info.json': text }, images: {}, metadataOnly: true });
  if (!read.ok) throw new ServiceError('VALIDATION', `${what}: ${read.finding.message}`);
  return read.info;
}

function gitShow(cwd: string, rev: string): Promise<string> {
  // `rev:./info.json` is relative to cwd, so this works whether the connector is the repository or a folder in it.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  return new Promise((resolve, reject) =>
    execFile('git', ['show', `${rev}:./info.json`], { cwd, env, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new ServiceError('NOT_FOUND', `git:${rev}: ${String(stderr).trim() || error.message}`)) : resolve(stdout),
    ),
  );
}

/** The other version's info.json. `connectorDir` is the reviewed connector's folder (for git revisions). */
export async function loadVersionInfo(spec: string, cwd: string, connectorDir: string | undefined): Promise<InfoJson> {
  if (spec.startsWith('git:')) {
    if (!connectorDir) throw new ServiceError('VALIDATION', `${spec}: git revisions need a reviewed folder inside a git repository, not an archive.`);
    return parseInfo(await gitShow(connectorDir, spec.slice(4)), spec);
  }
  return withConnector(path.resolve(cwd, spec), async (c) => {
    if (c.infoJsonError) throw new ServiceError('VALIDATION', `${spec}: ${c.infoJsonError}`);
    return parseInfo(c.snapshot.files['info.json'] ?? '', spec);
  });
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
    out.unshift(finding({ rule: 'compat-version-not-raised', severity: 'error', pointer: '/version', message: `The version ${report.new} is not higher than ${report.old}: the server refuses to import the same name and version again.`, fix: `Set "version" to ${report.suggestedVersion}.` }));
  return out;
}
