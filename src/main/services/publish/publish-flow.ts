/** Publish one connector version: pre-flight, upload, import job, requirements, remote health check, and
 * optionally removal of the other versions. Progress goes through a callback; every step's failure is a
 * translated PublishError, and every attempt lands in the project's publish history. */
import { copyFile, mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateService } from '../validate';
import { prepareArchive, type PreparedArchive } from './archive';
import type { FortiSoarClient } from './client';
import { PublishError, duration, isPublishError } from './errors';
import { pruneKeptArchives, type PublishHistory } from './history';
import { blockers, installedVersions, runPreflight, type PreflightResult } from './preflight';
import type { ConnectorDetails, ImportJob, RemoteHealth } from './types';
import type { PublishStage, PublishProgress, HealthChoice, PublishResultKind, PublishOutcome } from '../../../shared/models/publish';
export type { PublishStage, PublishProgress, HealthChoice, PublishResultKind, PublishOutcome };

export interface PublishOptions {
  readonly replace?: boolean;
  /** After a successful install, uninstall the server's other versions of this connector. */
  readonly deleteOtherVersions?: boolean;
  readonly health?: HealthChoice;
  readonly onProgress?: (p: PublishProgress) => void;
  readonly pollIntervalMs?: number;
  readonly importTimeoutMs?: number;
  readonly requirementsTimeoutMs?: number;
  /** The clock the polls wait on (tests pass one whose `sleep` moves `now` instead of waiting). Default the real one. */
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly validate?: ValidateService;
  readonly history?: { readonly store: PublishHistory; readonly projectKey: string; readonly server: string };
  /** Once the package reached the server, a copy of the uploaded .tgz is kept in this folder (the temporary
   * one packed from a folder is deleted), so "Publish and discard" leaves the archive that was installed. */
  readonly keepArchiveIn?: string;
  /** Where housekeeping that must not fail a publish reports (the history entry, pruning kept archives). Default
   * console.warn. */
  readonly log?: (msg: string, extra?: unknown) => void;
}

const REPLACE_NOTE =
  'FortiSOAR can keep running the old code of a replaced version in its workers until they restart: if an action behaves as before, restart the server\'s services or publish a new version instead.';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const IN_PROGRESS = /progress|pending|queued|running|^$/i;

interface PollTiming {
  readonly intervalMs: number;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean, o: PollTiming & { timeoutMs: number; what: string }): Promise<T> {
  const until = o.now().getTime() + o.timeoutMs;
  // Quick first looks (a small import finishes in well under a second), then every intervalMs.
  for (let wait = Math.min(200, o.intervalMs); ; wait = Math.min(wait * 2, o.intervalMs)) {
    const v = await read();
    if (done(v)) return v;
    if (o.now().getTime() > until)
      throw new PublishError(`The server did not finish ${o.what} within ${duration(o.timeoutMs)}.`, {
        kind: 'timeout',
        hint: 'It may still finish: look at the connector on the server in a few minutes, or publish again with a longer wait.',
      });
    await o.sleep(wait);
  }
}

function refuseEarly(p: PreflightResult, replace: boolean): void {
  if (p.blocked)
    throw new PublishError(`Pre-flight found problems the server would refuse or that break the connector:\n- ${blockers(p).join('\n- ')}\n`, {
      kind: 'preflight',
      hint: 'Fix them and publish again.',
    });
  if (p.sameVersion && !replace)
    throw new PublishError(`${p.connector.name} ${p.connector.version} is already installed on the server.`, {
      kind: 'conflict',
      hint: 'Choose Replace to overwrite it, or raise "version" in info.json to publish a new version next to it.',
    });
}

/** The server's conflict message often hides another import failure: say which one it is, from what we know. */
function explainConflict(e: unknown, p: PreflightResult): unknown {
  if (!isPublishError(e) || e.kind !== 'conflict' || p.sameVersion) return e;
  return new PublishError(`The server refused the import with "${e.details.serverMessage ?? 'a conflict'}", but ${p.connector.name} ${p.connector.version} was not installed when we looked.`, {
    ...e.details,
    hint: 'Another import is running, or a server-side check failed that the local checks do not know: look at the server\'s import log, or try again.',
  });
}

async function configureAndCheck(client: FortiSoarClient, details: ConnectorDetails, choice: HealthChoice, report: (m: string) => void): Promise<RemoteHealth> {
  let config: string;
  if ('create' in choice) {
    const { name, values, isDefault } = choice.create;
    report(`Saving the configuration "${name}" on the server`);
    const input = { connector: details.id, connector_name: details.name, connector_version: details.version, name, default: isDefault ?? true, config: values };
    const existing = (details.configuration ?? []).find((c) => c.name === name);
    const saved = existing ? await client.updateConfiguration(existing.config_id, { ...input, config_id: existing.config_id }) : await client.createConfiguration(input);
    config = saved.config_id;
  } else config = choice.config;
  return client.healthCheck(details.name, details.version, config);
}

async function publishPrepared(client: FortiSoarClient, archive: PreparedArchive, o: PublishOptions, seen: { pre?: PreflightResult }): Promise<PublishOutcome> {
  const progress = (stage: PublishStage, message: string, extra: Partial<PublishProgress> = {}) => o.onProgress?.({ stage, message, ...extra });
  const timing: PollTiming = { intervalMs: o.pollIntervalMs ?? 1000, now: o.now ?? (() => new Date()), sleep: o.sleep ?? realSleep };
  progress('preflight', 'Checking the package and the versions on the server');
  const pre = (seen.pre = await runPreflight(client, archive, o.validate));
  refuseEarly(pre, o.replace === true);
  const { name, version } = pre.connector;

  progress('upload', `Uploading ${pre.archive.fileName}`, { sent: 0, total: archive.bytes.length });
  const record = await client
    .installConnector(archive.bytes, pre.archive.fileName, { replace: o.replace, onProgress: (sent, total) => progress('upload', `Uploading ${pre.archive.fileName}`, { sent, total }) })
    .catch((e) => Promise.reject(explainConflict(e, pre)));
  const replaced = pre.sameVersion !== undefined;
  const base = { connector: { id: record.id, name, version }, archiveSha256: archive.sha256, replaced, deletedVersions: [], preflight: pre, notes: replaced ? [REPLACE_NOTE] : [] };

  let job: ImportJob | undefined;
  if (record.importJob?.uuid) {
    progress('import', 'Waiting for the import job');
    job = await poll(() => client.importJob(record.importJob!.uuid), (j) => !IN_PROGRESS.test(j.status), { ...timing, timeoutMs: o.importTimeoutMs ?? 300_000, what: 'the import job' });
    if (!/complete/i.test(job.status)) {
      const why = typeof job.message === 'string' ? `: ${job.message}` : '';
      return { ...base, importJob: job, result: 'import-failed', message: `The import job ended with "${job.status}"${why}.`, requirements: { status: 'Not started' } };
    }
  }

  progress('requirements', 'Waiting for requirements.txt to install');
  const details = await poll(() => client.connectorDetails(record.id), (d) => !IN_PROGRESS.test(d.requirements_installed ?? 'Completed'), {
    ...timing,
    timeoutMs: o.requirementsTimeoutMs ?? 600_000,
    what: 'installing requirements.txt',
  });
  const requirements = { status: details.requirements_installed ?? 'Completed', output: details.install_result?.output };
  if (!/complete|success/i.test(requirements.status))
    return { ...base, importJob: job, result: 'requirements-failed', message: `Installed, but requirements.txt failed to install (${requirements.status}).`, requirements };

  let health: RemoteHealth | undefined;
  if (o.health) {
    progress('health', 'Checking the connector health on the server');
    health = await configureAndCheck(client, details, o.health, (m) => progress('configure', m));
    if (health.status !== 'Available')
      return { ...base, importJob: job, requirements, health, result: 'health-failed', message: `Installed, but the health check says ${health.status}: ${health.message}` };
  }

  const deletedVersions: Array<{ id: number; version: string }> = [];
  if (o.deleteOtherVersions) {
    for (const other of (await installedVersions(client, name)).filter((v) => v.id !== record.id)) {
      progress('cleanup', `Uninstalling ${name} ${other.version}`);
      await client.uninstallConnector(other.id);
      deletedVersions.push({ id: other.id, version: other.version });
    }
  }
  progress('done', `${name} ${version} is installed${health ? ' and available' : ''}`);
  return { ...base, importJob: job, requirements, health, deletedVersions, result: 'success', message: `${name} ${version} is installed${health ? ` and ${health.status}` : ''}.` };
}

/** `<name>-<version>-<sha256 prefix>.tgz`: one file per distinct archive, never overwritten by a different one. */
async function keepArchive(archive: PreparedArchive, outcome: PublishOutcome, dir: string): Promise<string> {
  const safe = (s: string) => s.replace(/[^\w.-]/g, '_');
  const file = path.join(dir, `${safe(outcome.connector.name)}-${safe(outcome.connector.version)}-${archive.sha256.slice(0, 12)}.tgz`);
  await mkdir(dir, { recursive: true });
  await copyFile(archive.tgzPath, file);
  // Pruning goes by modification time: it is when the archive was last kept, not when a given .tgz was made.
  const now = new Date();
  await utimes(file, now, now);
  return file;
}

/** Pre-flight only, for the dialog: what would happen, and which versions are installed. */
export async function preflightSource(client: FortiSoarClient, source: string, validate?: ValidateService): Promise<PreflightResult> {
  const archive = await prepareArchive(source);
  try {
    return await runPreflight(client, archive, validate);
  } finally {
    await archive.dispose();
  }
}

async function pruneArchives(dir: string, history: PublishOptions['history']): Promise<void> {
  await pruneKeptArchives(dir, history ? await history.store.list(history.projectKey) : []);
}

/** Publishes a connector folder or .tgz. Throws a PublishError when a step cannot go on (pre-flight, network,
 * authentication, conflict, timeouts); returns an outcome once the package reached the server. */
export async function publishConnector(client: FortiSoarClient, source: string, o: PublishOptions = {}): Promise<PublishOutcome> {
  const archive = await prepareArchive(source);
  const started = new Date();
  let outcome: PublishOutcome | undefined;
  let failure: unknown;
  const seen: { pre?: PreflightResult } = {};
  try {
    outcome = await publishPrepared(client, archive, o, seen);
    if (o.keepArchiveIn) outcome = { ...outcome, archivePath: await keepArchive(archive, outcome, o.keepArchiveIn) };
    return outcome;
  } catch (e) {
    failure = e;
    throw e;
  } finally {
    await archive.dispose();
    const log = o.log ?? console.warn;
    if (o.history) {
      const { store, projectKey, server } = o.history;
      await store
        .append(projectKey, {
          time: started.toISOString(),
          server,
          connector: seen.pre?.connector.name,
          version: seen.pre?.connector.version,
          result: outcome?.result ?? (isPublishError(failure) ? `error:${failure.kind}` : 'error'),
          message: outcome?.message ?? (failure as Error | undefined)?.message ?? '',
          archiveSha256: archive.sha256,
          ...(outcome?.archivePath ? { archivePath: outcome.archivePath } : {}),
        })
        .catch((e: unknown) => log('Recording the publish in the history failed', e));
    }
    // After a successful keep (and its history entry): only the newest kept archives stay, see KEPT_ARCHIVES_PER_PROJECT.
    if (o.keepArchiveIn && outcome?.archivePath) {
      await pruneArchives(o.keepArchiveIn, o.history).catch((e: unknown) => log(`Removing old kept archives from ${o.keepArchiveIn} failed`, e));
    }
  }
}
