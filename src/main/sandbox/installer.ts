/** POST /api/3/solutionpacks/install?$type=connector[&$replace=true] and the import job it starts. The
 * package is extracted by the shared safe extraction (modes normalised, no setuid/setgid/sticky bits,
 * virtualenv and .git folders dropped with a warning), checked with the server's import rules, installed into
 * its own folder atomically, and the job then progresses Queued -> Running -> Import Complete while
 * requirements.txt installs into a venv. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ifMissing } from '../services/errors';
import { extractAndCheck } from '../services/publish/import-rules';
import { installRequirements } from '../services/runtime/venv-service';
import { connectorFolder, connectorRecord, installDir, venvDir, type SandboxContext } from './context';
import { HttpFailure, type UploadedFile } from './http-util';
import type { InstalledConnector, StoredImportJob } from './state';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/** Moves the extracted `<name>/` folder into place; a replaced version's folder goes only once the new one
 * is there, so a failure leaves the old version installed. */
async function place(ctx: SandboxContext, extractedDir: string, id: number, name: string): Promise<void> {
  const target = installDir(ctx, id);
  const parent = path.dirname(target);
  const suffix = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${id}.new.${suffix}`);
  const old = path.join(parent, `.${id}.old.${suffix}`);
  await mkdir(staging, { recursive: true });
  await rename(extractedDir, path.join(staging, name));
  const hadOld = await rename(target, old).then(() => true, ifMissing(false)); // the first install replaces nothing
  await rename(staging, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

function buildRecord(id: number, previous: InstalledConnector | undefined, info: Record<string, unknown>, sha256: string): InstalledConnector {
  const now = new Date().toISOString();
  const config = info.configuration as { fields?: unknown } | undefined;
  return {
    id,
    uuid: previous?.uuid ?? randomUUID(),
    name: str(info.name),
    version: str(info.version),
    label: str(info.label, str(info.name)),
    description: str(info.description),
    publisher: str(info.publisher),
    category: str(info.category),
    status: 'Completed',
    installed: true,
    active: true,
    requirements_installed: 'In-Progress',
    install_result: { message: 'Connector imported; installing requirements.', output: '' },
    operations: Array.isArray(info.operations) ? (info.operations as Array<Record<string, unknown>>) : [],
    config_schema: { fields: Array.isArray(config?.fields) ? (config.fields as Array<Record<string, unknown>>) : [] },
    archive_sha256: sha256,
    created: previous?.created ?? now,
    modified: now,
  };
}

async function runJob(ctx: SandboxContext, job: StoredImportJob, connectorId: number): Promise<void> {
  const step = async (status: StoredImportJob['status'], message: string) => {
    Object.assign(job, { status, message, modified: new Date().toISOString() });
    ctx.state.putJob(job);
    await ctx.state.save();
  };
  await sleep(ctx.jobStepMs);
  await step('Running', 'Importing the connector.');
  await sleep(ctx.jobStepMs);
  await step('Import Complete', 'Connector imported.');
  const c = ctx.state.byId(connectorId);
  if (!c) return;
  // As on FortiSOAR, requirements install beside the pre-installed libraries: the venv sees the platform default's.
  const result = await installRequirements(connectorFolder(ctx, c), venvDir(ctx, c.id), ctx.python, undefined, (await ctx.platform()).sitePackages);
  const current = ctx.state.byId(connectorId);
  // Uninstalled or replaced meanwhile: this result belongs to nobody.
  if (!current || current.modified !== c.modified) return;
  ctx.state.putConnector({
    ...current,
    requirements_installed: result.status,
    install_result: { message: result.message, output: result.output },
    ...(result.python ? { python: result.python } : { python: undefined }),
  });
  await ctx.state.save();
}

export async function installUpload(ctx: SandboxContext, file: UploadedFile, replace: boolean): Promise<unknown> {
  const tmp = path.join(ctx.dataDir, 'tmp');
  await mkdir(tmp, { recursive: true });
  const tgz = path.join(tmp, `upload-${randomUUID()}.tgz`);
  await writeFile(tgz, file.data);
  const check = await extractAndCheck(tgz, { tempParent: tmp });
  try {
    if (check.problems.length > 0 || !check.dir || !check.info)
      throw new HttpFailure(400, `Import failed: ${check.problems.map((p) => p.message).join(' ')}`, 'hydra');
    const name = check.name!;
    const version = check.version!;
    const previous = ctx.state.find(name, version);
    if (previous && !replace)
      throw new HttpFailure(409, `Connector with same name is already active: ${name} ${version} is installed. Send $replace=true to overwrite it.`, 'hydra');
    const id = previous?.id ?? ctx.state.takeId();
    if (previous) await ctx.runtimeFor(previous).stop(connectorFolder(ctx, previous));
    await place(ctx, check.dir, id, name);
    await rename(tgz, path.join(installDir(ctx, id), 'package.tgz'));
    const record = buildRecord(id, previous, check.info, createHash('sha256').update(file.data).digest('hex'));
    const now = record.modified;
    const job: StoredImportJob = { uuid: randomUUID(), status: 'Queued', connector: id, message: 'Waiting to import.', created: now, modified: now };
    ctx.state.putConnector(record);
    const moved = ctx.state.moveConfigurationsTo(record);
    if (moved > 0) ctx.log(`install ${name} ${version}: ${moved} configuration(s) moved from other versions`);
    ctx.state.putJob(job);
    await ctx.state.save();
    ctx.track(runJob(ctx, job, id));
    // What extraction left out (virtualenv and .git folders, stray files) is said, not silently gone.
    for (const w of check.warnings) ctx.log(`install ${name} ${version}: warning: ${w}`);
    const warnings = check.warnings.length > 0 ? { warnings: check.warnings } : {};
    return { ...connectorRecord(ctx, record), importJob: { '@id': `/api/3/import_jobs/${job.uuid}`, uuid: job.uuid, status: job.status }, ...warnings };
  } finally {
    await check.dispose();
    await rm(tgz, { force: true });
  }
}

/** GET /api/3/import_jobs/<uuid>. */
export function importJobView(ctx: SandboxContext, uuid: string): unknown {
  const job = ctx.state.job(uuid);
  if (!job) throw new HttpFailure(404, `No import job ${uuid}.`, 'hydra');
  const c = ctx.state.byId(job.connector);
  return { '@id': `/api/3/import_jobs/${job.uuid}`, '@type': 'ImportJob', ...job, connector: c ? { id: c.id, name: c.name, version: c.version } : null };
}
