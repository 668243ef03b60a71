/** Data ingestion, offline (issue 19): fetch sample data, the field mapping, and N scheduled pulls on a virtual
 * clock, for the Ingestion view and `connector-studio ingest` alike. The playbooks run in
 * resources/python/ingest_runner.py (playbook_interpreter.py, jinja2 from the tools environment) with the
 * connector's interpreter and the worker's environment, against the folder's simulated platform store, which keeps
 * the created records and the global variables (the last pull time) between pulls and between runs. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { secretRuleFor } from '../../../shared/connector/secret-fields';
import { fieldMapping, ingestionInfo } from '../../../shared/connector/ingestion-playbooks';
import type { FieldMapping, IngestionInfo, IngestPull, IngestRunResult, IngestSampleResult } from '../../../shared/models/ingestion';
import { ServiceError } from '../errors';
import type { PlatformConnection } from '../platform/endpoint';
import { tryReadConnectorInfo } from '../runtime/connector-info';
import { inheritedEnvironment } from '../runtime/worker-env';

export interface IngestionServiceOptions {
  /** resources/python */
  readonly pythonDir: string;
  /** The connector's interpreter (its venv, else the platform default), as the runtime picks it. */
  pythonFor(folder: string): Promise<string[]>;
  /** The folder's simulated platform (the same store the runtime's workers write to). */
  platform(folder: string): Promise<PlatformConnection>;
  /** Added to the run's environment: the tools root (jinja2), a CA bundle, proxies. */
  readonly env?: Record<string, string>;
  /** Default 10 minutes for a whole run. */
  readonly timeoutMs?: number;
  /** Makes sure the interpreter's tools environment (jinja2, jmespath) is there before a run; installs it on first
   * use. Without it the run relies on what the interpreter has. */
  ensureTools?(folder: string): Promise<void>;
}

export interface IngestRunOptions {
  readonly config: Record<string, unknown>;
  readonly pulls: number;
  /** The schedule's interval; FortiSOAR's default is 5 minutes. */
  readonly intervalMinutes?: number;
  /** Where the virtual clock starts (ISO 8601 or epoch ms); default now. A replay starts at its recording's start. */
  readonly clockStart?: string | number;
  readonly cassette?: { readonly mode: 'record' | 'replay'; readonly path: string };
}

export interface IngestionService {
  info(folder: string): IngestionInfo;
  fieldMapping(folder: string, sample?: unknown): FieldMapping;
  fetchSample(folder: string, config: Record<string, unknown>): Promise<IngestSampleResult>;
  run(folder: string, options: IngestRunOptions): Promise<IngestRunResult>;
}

const LOG_CAP = 256 * 1024;
export const DEFAULT_INTERVAL_MINUTES = 5;
export const MAX_PULLS = 100;

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new ServiceError('VALIDATION', `Cannot read ${what} (${file}): ${(e as Error).message}`);
  }
}

function playbooksOf(folder: string): unknown {
  const file = path.join(folder, 'playbooks', 'playbooks.json');
  if (!existsSync(file)) throw new ServiceError('VALIDATION', `${folder} has no playbooks/playbooks.json: an ingestion connector ships its fetch and ingest playbooks there.`);
  return readJson(file, 'playbooks.json');
}

function epochSeconds(start: string | number | undefined): number {
  if (start === undefined) return Math.floor(Date.now() / 1000);
  const ms = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms)) throw new ServiceError('VALIDATION', `The clock start "${String(start)}" is not a date: give ISO 8601, e.g. 2026-01-01T00:00:00Z.`);
  return Math.floor(ms / 1000);
}

export function createIngestionService(o: IngestionServiceOptions): IngestionService {
  const timeoutMs = o.timeoutMs ?? 10 * 60_000;

  function info(folder: string): IngestionInfo {
    return ingestionInfo(readJson(path.join(folder, 'info.json'), 'info.json'), playbooksOf(folder));
  }

  function requireIngestion(folder: string): void {
    const declared = readJson(path.join(folder, 'info.json'), 'info.json') as { ingestion_supported?: unknown } | null;
    if (declared?.ingestion_supported !== true)
      throw new ServiceError('VALIDATION', `${path.basename(folder)} does not declare data ingestion: info.json needs "ingestion_supported": true (and "ingestion_modes": ["scheduled"]).`);
    const i = info(folder);
    if (!i.supported) throw new ServiceError('VALIDATION', `${path.basename(folder)} does not declare data ingestion: info.json needs "ingestion_supported": true (and "ingestion_modes": ["scheduled"]).`);
    if (!i.ingestPlaybook && !i.fetchPlaybook) throw new ServiceError('VALIDATION', `${path.basename(folder)} has no playbook tagged "dataingestion" with "fetch" or "ingest" in playbooks.json.`);
  }

  /** Runs ingest_runner.py with one job; answers its result file and the run's log. */
  async function runJob(folder: string, job: Record<string, unknown>): Promise<{ result: Record<string, unknown>; log: string }> {
    const [python, ...lead] = await o.pythonFor(folder);
    if (!python) throw new ServiceError('VALIDATION', 'No Python interpreter is configured: set one in Settings (or CONNECTOR_STUDIO_PYTHON).');
    await o.ensureTools?.(folder);
    const platform = await o.platform(folder);
    // Private: the job holds the configuration, secrets included.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cs-ingest-'));
    const jobFile = path.join(dir, 'job.json');
    const resultFile = path.join(dir, 'result.json');
    const passwordFields = tryReadConnectorInfo(folder)?.passwordFields ?? [];
    writeFileSync(jobFile, JSON.stringify({ ...job, folder, secrets: secretRuleFor(passwordFields) }), { mode: 0o600 });
    const env = {
      ...inheritedEnvironment(process.env),
      ...o.env,
      CS_PLATFORM_URL: platform.url,
      CS_PLATFORM_TOKEN: platform.token,
      CS_DATA_DIR: dir,
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONIOENCODING: 'utf-8',
    };
    platform.beginCall({ kind: 'execute', operation: `ingestion (${String(job.mode)})`, connector: path.basename(folder), startedAt: new Date().toISOString() });
    let log = '';
    const take = (b: Buffer) => {
      if (log.length < LOG_CAP) log += b.toString('utf8').slice(0, LOG_CAP - log.length);
    };
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(python, [...lead, path.join(o.pythonDir, 'ingest_runner.py'), jobFile, resultFile], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const timer = setTimeout(() => {
          log += `\nConnector Studio stopped the run after ${Math.round(timeoutMs / 1000)} s.`;
          child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(new ServiceError('VALIDATION', `Could not start ${python}: ${e.message}`));
        });
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      if (!existsSync(resultFile)) throw new ServiceError('INTERNAL', `The ingestion run ended (exit ${String(code)}) without a result. Its log:\n${log.slice(-4000)}`);
      const result = readJson(resultFile, 'the ingestion result') as Record<string, unknown>;
      if (typeof result.fatal === 'string') throw new ServiceError('VALIDATION', result.fatal);
      return { result, log };
    } finally {
      platform.endCall();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return {
    info,
    fieldMapping(folder, sample) {
      return fieldMapping(playbooksOf(folder), sample);
    },
    async fetchSample(folder, config) {
      requireIngestion(folder);
      const { result, log } = await runJob(folder, { mode: 'sample', config });
      return {
        at: String(result.at ?? ''),
        data: result.data ?? null,
        errors: Array.isArray(result.errors) ? result.errors.map(String) : [],
        steps: Array.isArray(result.steps) ? (result.steps as IngestSampleResult['steps']) : [],
        log,
      };
    },
    async run(folder, options) {
      requireIngestion(folder);
      if (!Number.isInteger(options.pulls) || options.pulls < 1 || options.pulls > MAX_PULLS) throw new ServiceError('VALIDATION', `The number of pulls must be a whole number from 1 to ${MAX_PULLS}.`);
      const interval = options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
      if (!(interval > 0) || interval > 7 * 24 * 60) throw new ServiceError('VALIDATION', 'The interval must be more than 0 and at most a week (10080 minutes).');
      const { result, log } = await runJob(folder, {
        mode: 'ingest',
        config: options.config,
        pulls: options.pulls,
        intervalMinutes: interval,
        clockStart: epochSeconds(options.clockStart),
        cassette: options.cassette ?? null,
      });
      const pulls = (Array.isArray(result.pulls) ? result.pulls : []) as IngestPull[];
      return {
        clockStart: String(result.clockStart ?? ''),
        intervalMinutes: Number(result.intervalMinutes ?? interval),
        pulls,
        summary: {
          created: pulls.reduce((n, p) => n + p.created, 0),
          duplicates: pulls.reduce((n, p) => n + p.duplicates, 0),
          errors: pulls.reduce((n, p) => n + p.errors.length, 0),
        },
        log,
      };
    },
  };
}
