/** Publish one connector version: pre-flight, upload, import job, requirements, remote health check, and
 * optionally removal of the other versions. Progress goes through a callback; every step's failure is a
 * translated PublishError, and every attempt lands in the project's publish history. */
import { copyFile, mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateService } from '../validate';
import { prepareArchive, type PreparedArchive } from './archive';
import type { FortiSoarClient } from './client';
import { PublishError, isPublishError } from './errors';
import { pruneKeptArchives, type PublishHistory } from './history';
import { blockers, installedVersions, runPreflight, type PreflightResult, type TagBaseline } from './preflight';
import { waitForInstall, type PollTiming } from './install-wait';
import { RollbackFailed, findKeptArchive, rollBack } from './rollback';
import { runSmoke, stepRecorder, verifyInstalled, type StepRecorder } from './transaction';
import type { ConnectorDetails, RemoteHealth } from './types';
import { loadVersion } from '../versions/load-version';
import type { PublishStage, PublishProgress, HealthChoice, PublishResultKind, PublishOutcome, SmokeAction, TransactionStep } from '../../../shared/models/publish';
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
  /** Compare the connector the server installed with what was built (name, version, operations, checksum). */
  readonly verify?: boolean;
  /** Read-only actions run on the server after the health check, with the health check's configuration. */
  readonly smoke?: readonly SmokeAction[];
  /** When a step after the upload fails, put the server back as it was (the previous version from its kept
   * archive, the failed one removed). Off by default here; the app and the CLI turn it on. */
  readonly rollback?: boolean;
  /** Each step as it ends. */
  readonly onStep?: (s: TransactionStep) => void;
}

const REPLACE_NOTE =
  'FortiSOAR can keep running the old code of a replaced version in its workers until they restart: if an action behaves as before, restart the server\'s services or publish a new version instead.';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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

async function configureAndCheck(client: FortiSoarClient, details: ConnectorDetails, choice: HealthChoice, report: (m: string) => void): Promise<{ health: RemoteHealth; config: string }> {
  let config: string;
  if ('create' in choice) {
    const { name, values, isDefault } = choice.create;
    report(`Saving the configuration "${name}" on the server`);
    const input = { connector: details.id, connector_name: details.name, connector_version: details.version, name, default: isDefault ?? true, config: values };
    const existing = (details.configuration ?? []).find((c) => c.name === name);
    const saved = existing ? await client.updateConfiguration(existing.config_id, { ...input, config_id: existing.config_id }) : await client.createConfiguration(input);
    config = saved.config_id;
  } else config = choice.config;
  return { health: await client.healthCheck(details.name, details.version, config), config };
}

interface Run {
  readonly client: FortiSoarClient;
  readonly archive: PreparedArchive;
  readonly o: PublishOptions;
  readonly rec: StepRecorder;
  readonly timing: PollTiming;
  readonly progress: (stage: PublishStage, message: string, extra?: Partial<PublishProgress>) => void;
}

type Checked = { readonly ok: true; readonly health?: RemoteHealth } | { readonly ok: false; readonly result: PublishResultKind; readonly message: string; readonly health?: RemoteHealth };

/** After the install: verify, health, smoke, each recorded; the first failure ends the checks. */
async function checkOnServer(r: Run, details: ConnectorDetails): Promise<Checked> {
  const { client, archive, o, rec, progress } = r;
  if (o.verify) {
    progress('verify', 'Comparing what the server installed with what was built');
    const started = rec.now();
    const built = (await loadVersion(archive.tgzPath, { cwd: path.dirname(archive.tgzPath) })).info;
    const problems = verifyInstalled(await client.connectorDetails(details.name, details.version), built, archive.sha256);
    rec.finish('verify', started, problems.length ? 'failed' : 'passed', problems.length ? `The server's connector is not what was built: ${problems.join('; ')}.` : `${details.name} ${details.version} with ${built.operations?.length ?? 0} operations, as built`);
    if (problems.length) return { ok: false, result: 'verify-failed', message: `Verify failed: ${problems.join('; ')}.` };
  }
  let health: RemoteHealth | undefined;
  let config: string | undefined;
  if (o.health) {
    progress('health', 'Checking the connector health on the server');
    const started = rec.now();
    try {
      ({ health, config } = await configureAndCheck(client, details, o.health, (m) => progress('configure', m)));
    } catch (e) {
      rec.finish('health', started, 'failed', (e as Error).message);
      throw e;
    }
    const ok = health.status === 'Available';
    rec.finish('health', started, ok ? 'passed' : 'failed', ok ? health.message : `The server's health check says ${health.status}: ${health.message}`);
    if (!ok) return { ok: false, health, result: 'health-failed', message: `Installed, but the health check says ${health.status}: ${health.message}` };
  } else rec.skip('health', 'No configuration chosen for a health check.');
  for (const action of o.smoke ?? []) {
    progress('smoke', `Running ${action.operation} on the server`);
    try {
      await rec.run(`smoke:${action.operation}`, () => runSmoke(client, details, config, action), (m) => m);
    } catch (e) {
      return { ok: false, health, result: 'smoke-failed', message: `Smoke test ${action.operation} failed: ${(e as Error).message}` };
    }
  }
  return { ok: true, health };
}

/** The previous version's kept archive and the rollback, recorded as the `rollback` step. */
async function rollBackAfter(r: Run, name: string, failed: { id: number; version: string }, previousVersion: string | undefined): Promise<{ rolledBack: boolean; message: string }> {
  const { client, o, rec, timing, progress } = r;
  progress('rollback', previousVersion ? `Rolling back to ${name} ${previousVersion}` : `Removing ${name} ${failed.version}`);
  const history = o.history ? await o.history.store.listAll() : [];
  // The server's checksum only picks among kept archives of the same version; without it the newest is taken.
  const serverSha = previousVersion
    ? await client.connectorDetails(name, previousVersion).then(
        (d) => (d as { archive_sha256?: unknown }).archive_sha256,
        (e: unknown) => (o.log ?? console.warn)(`Reading ${name} ${previousVersion}'s details for its checksum failed; the newest kept archive of that version is used`, e),
      )
    : undefined;
  const archivePath = previousVersion ? await findKeptArchive(history, name, previousVersion, o.history?.server ?? client.baseUrl, typeof serverSha === 'string' && (serverSha as string) !== '' ? serverSha : undefined) : undefined;
  try {
    const done = await rec.run('rollback', () => rollBack(client, { name, failed, ...(previousVersion ? { previous: { version: previousVersion, archivePath } } : {}) }, timing, o), (d) => d.message);
    return { rolledBack: true, message: done.message };
  } catch (e) {
    if (!(e instanceof RollbackFailed) && !isPublishError(e)) throw e;
    return { rolledBack: false, message: `The rollback failed: ${e.message}` };
  }
}

async function publishPrepared(client: FortiSoarClient, archive: PreparedArchive, o: PublishOptions, seen: { pre?: PreflightResult; rec?: StepRecorder }): Promise<PublishOutcome> {
  const progress = (stage: PublishStage, message: string, extra: Partial<PublishProgress> = {}) => o.onProgress?.({ stage, message, ...extra });
  const timing: PollTiming = { intervalMs: o.pollIntervalMs ?? 1000, now: o.now ?? (() => new Date()), sleep: o.sleep ?? realSleep };
  const rec = (seen.rec = stepRecorder(o.onStep));
  const r: Run = { client, archive, o, rec, timing, progress };
  progress('preflight', 'Checking the package and the versions on the server');
  const pre = (seen.pre = await rec.run('preflight', async () => {
    const p = await runPreflight(client, archive, o.validate);
    refuseEarly(p, o.replace === true);
    return p;
  }, (p) => `${p.connector.name} ${p.connector.version}; installed: ${p.installed.map((v) => v.version).join(', ') || 'none'}`));
  const { name, version } = pre.connector;
  const previousVersion = pre.sameVersion?.version ?? pre.installed[0]?.version;
  // Named before anything reaches the server: the playbook steps this version breaks.
  for (const i of pre.impact ?? []) progress('impact', `Breaks ${i.source === 'server' ? 'server' : 'sample'} playbook "${i.playbook}", step "${i.step}": ${i.message}`);

  progress('upload', `Uploading ${pre.archive.fileName}`, { sent: 0, total: archive.bytes.length });
  const record = await rec.run('upload', () =>
    client
      .installConnector(archive.bytes, pre.archive.fileName, { replace: o.replace, onProgress: (sent, total) => progress('upload', `Uploading ${pre.archive.fileName}`, { sent, total }) })
      .catch((e) => Promise.reject(explainConflict(e, pre))),
    (rec2) => `${rec2.name} ${rec2.version} received (id ${rec2.id})`,
  );
  const replaced = pre.sameVersion !== undefined;
  const failed = { id: record.id, version };
  const base = { connector: { id: record.id, name, version }, archiveSha256: archive.sha256, replaced, deletedVersions: [], preflight: pre, notes: replaced ? [REPLACE_NOTE] : [], steps: rec.steps, rolledBack: false, ...(previousVersion ? { previousVersion } : {}) };
  const undo = async (outcome: PublishOutcome): Promise<PublishOutcome> => {
    if (!o.rollback) return { ...outcome, notes: [...outcome.notes, `Kept ${name} ${version} on the server as asked, although ${outcome.result.replace('-', ' ')}.`] };
    const back = await rollBackAfter(r, name, failed, previousVersion);
    return { ...outcome, rolledBack: back.rolledBack, message: `${outcome.message} ${back.message}` };
  };

  let checked: Checked;
  let waited;
  try {
    const installStarted = rec.now();
    waited = await waitForInstall(client, record, timing, o, (stage) => progress(stage, stage === 'import' ? 'Waiting for the import job' : 'Waiting for requirements.txt to install'));
    rec.finish('install', installStarted, waited.ok ? 'passed' : 'failed', waited.ok ? `Import and requirements: ${waited.requirements.status}` : `${waited.message}${waited.requirements.output ? `\n${waited.requirements.output.trimEnd().split('\n').slice(-5).join('\n')}` : ''}`);
    if (!waited.ok) return await undo({ ...base, importJob: waited.job, result: waited.result, message: waited.message, requirements: waited.requirements });
    checked = await checkOnServer(r, waited.details);
  } catch (e) {
    // A step after the upload could not go on (a timeout, the network): the server is put back all the same.
    if (o.rollback) {
      const back = await rollBackAfter(r, name, failed, previousVersion);
      if (isPublishError(e)) throw new PublishError(`${e.message} ${back.message}`, e.details);
    }
    throw e;
  }
  const { job, requirements } = waited;
  if (!checked.ok) return undo({ ...base, importJob: job, requirements, health: checked.health, result: checked.result, message: checked.message });
  const health = checked.health;

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
export async function preflightSource(client: FortiSoarClient, source: string, validate?: ValidateService, baseline?: TagBaseline): Promise<PreflightResult> {
  const archive = await prepareArchive(source);
  try {
    return await runPreflight(client, archive, validate, baseline);
  } finally {
    await archive.dispose();
  }
}

const previousOf = (pre: PreflightResult | undefined) => pre?.sameVersion?.version ?? pre?.installed[0]?.version;

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
  const seen: { pre?: PreflightResult; rec?: StepRecorder } = {};
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
          kind: 'publish',
          steps: seen.rec?.steps ?? [],
          rolledBack: outcome?.rolledBack ?? seen.rec?.steps.some((st) => st.step === 'rollback' && st.status === 'passed') ?? false,
          ...(previousOf(seen.pre) ? { previousVersion: previousOf(seen.pre) } : {}),
        })
        .catch((e: unknown) => log('Recording the publish in the history failed', e));
    }
    // After a successful keep (and its history entry): only the newest kept archives stay, see KEPT_ARCHIVES_PER_PROJECT.
    if (o.keepArchiveIn && outcome?.archivePath) {
      await pruneArchives(o.keepArchiveIn, o.history).catch((e: unknown) => log(`Removing old kept archives from ${o.keepArchiveIn} failed`, e));
    }
  }
}
