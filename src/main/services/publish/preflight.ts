/** Pre-flight: everything checked before an upload, so that the server's refusals are explained in advance.
 * Validate errors block; the server's import rules run locally; the versions already installed are looked up
 * so the user can choose Replace or a version bump. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareConnectors } from '../../../shared/connector/compat';
import type { InfoJson } from '../../../shared/connector/info-json';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { summarize, type Finding, type ValidationReport } from '../../../shared/connector/findings';
import { ifMissing, isServiceError } from '../errors';
import { createValidateService, type ValidateService } from '../validate';
import type { PreparedArchive } from './archive';
import type { FortiSoarClient } from './client';
import { infoFromDetails, playbookImpact, playbooksOfExport, serverPlaybooks } from './impact';
import { extractAndCheck } from './import-rules';
import type { ConnectorSummary } from './types';
import type { InstalledVersion, PreflightResult } from '../../../shared/models/publish';
export type { InstalledVersion, PreflightResult };

/** Dotted numeric compare, newest first; non-numeric parts compare as text. */
export function compareVersionsDesc(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(y) - Number(x) : y.localeCompare(x);
    if (d !== 0) return d;
  }
  return 0;
}

/** Installed versions of exactly this connector, newest first. The list's `name` filter may match more (or,
 * on some servers, be ignored), so every page is read and filtered here. */
export async function installedVersions(client: FortiSoarClient, name: string): Promise<InstalledVersion[]> {
  const rows: ConnectorSummary[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await client.listConnectors({ name, page: page > 1 ? page : undefined, pageSize: 100 });
    rows.push(...(res.data ?? []));
    if (!res.nextPage || (res.data ?? []).length === 0) break;
  }
  return rows
    .filter((c) => c.name === name)
    .map((c) => ({
      id: c.id,
      version: c.version,
      label: c.label,
      status: c.status,
      active: c.active,
      requirementsInstalled: c.requirements_installed,
      configurations: c.configuration ?? [],
    }))
    .sort((a, b) => compareVersionsDesc(a.version, b.version));
}

/** validate refuses archives it cannot read; pre-flight reports that as a blocking finding instead. */
function unreadable(e: unknown): ValidationReport {
  if (!isServiceError(e)) throw e;
  const findings: Finding[] = [{ rule: 'package-readable', source: 'rules', severity: 'error', message: e.message, path: '.' }];
  return { connector: '', version: '', findings, summary: summarize(findings) };
}

/** The import check, and the archive's own sample playbooks while it is extracted. */
async function importAndSamples(tgz: string) {
  const { dispose, dir, warnings: _warnings, ...check } = await extractAndCheck(tgz);
  try {
    const text = dir ? await readFile(path.join(dir, 'playbooks', 'playbooks.json'), 'utf8').catch(ifMissing(undefined)) : undefined;
    return { imports: check, samples: text === undefined ? [] : playbooksOfExport(parseJsonOrUndefined(text)) };
  } finally {
    await dispose();
  }
}

/** The newest installed version against this one, and the playbook steps the difference breaks. A server that
 * does not let us read its playbooks still gets the comparison; the note says why the impact is partial. */
/** The project's last version tag, read where the source is a project folder in git; undefined otherwise. */
export type TagBaseline = () => Promise<{ readonly tag: string; readonly info: InfoJson } | undefined>;

async function againstServer(client: FortiSoarClient, newInfo: InfoJson | undefined, installed: InstalledVersion | undefined, samples: ReturnType<typeof playbooksOfExport>, baseline?: TagBaseline) {
  if (!newInfo) return {};
  const details = installed ? await client.connectorDetails(String(newInfo.name), installed.version) : undefined;
  const oldInfo = details ? infoFromDetails(details) : undefined;
  const own = oldInfo ? playbookImpact(oldInfo, newInfo, samples, 'sample') : [];
  if (!oldInfo) return { impact: own };
  const tag = baseline ? await baseline() : undefined;
  const compared = {
    server: { version: String(oldInfo.version), report: compareConnectors(oldInfo, newInfo) },
    ...(tag ? { tagToServer: { tag: tag.tag, report: compareConnectors(tag.info, oldInfo) } } : {}),
  };
  try {
    return { ...compared, impact: [...playbookImpact(oldInfo, newInfo, await serverPlaybooks(client), 'server'), ...own] };
  } catch (e) {
    return { ...compared, impact: own, impactNote: `The server's playbooks could not be read: ${(e as Error).message}` };
  }
}

export async function runPreflight(client: FortiSoarClient, archive: PreparedArchive, validate: ValidateService = createValidateService(), baseline?: TagBaseline): Promise<PreflightResult> {
  const [validation, { imports, samples }] = await Promise.all([validate.validateTgz(archive.tgzPath).catch(unreadable), importAndSamples(archive.tgzPath)]);
  const name = imports.name ?? validation.connector;
  const version = imports.version ?? validation.version;
  // Import problems the validator also reports would be listed twice: keep the validator's.
  const seen = new Set(validation.findings.map((f) => `${f.rule}|${f.pointer ?? ''}`));
  const importProblems = imports.problems.filter((f) => !seen.has(`${f.rule}|${f.pointer ?? ''}`));
  const installed = name ? await installedVersions(client, name) : [];
  const sameVersion = installed.find((v) => v.version === version);
  // Against what users' playbooks run today: the version being replaced, else the newest installed.
  const compared = await againstServer(client, imports.info as InfoJson | undefined, sameVersion ?? installed[0], samples, baseline);
  return {
    connector: { name, version, label: imports.label },
    archive: { fileName: `${name || path.basename(archive.tgzPath, '.tgz')}.tgz`, bytes: archive.bytes.length, sha256: archive.sha256 },
    validation,
    importProblems,
    blocked: validation.summary.errors > 0 || importProblems.length > 0,
    installed,
    sameVersion,
    ...compared,
  };
}

/** One line per blocking problem, for a message. */
export function blockers(p: PreflightResult, max = 5): string[] {
  const all = [...p.importProblems, ...p.validation.findings.filter((f) => f.severity === 'error')];
  const lines = all.slice(0, max).map((f) => `${f.path}${f.pointer ? ` ${f.pointer}` : ''}: ${f.message}`);
  if (all.length > max) lines.push(`... and ${all.length - max} more`);
  return lines;
}
