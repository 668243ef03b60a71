/** Builds a connector package: a deterministic .tgz with exactly one top-level folder `<name>/`.
 * Same folder, same bytes: sorted entries, a fixed mtime, modes 0644/0755, no owners (`portable`), and a
 * fixed gzip header (mtime 0, OS byte 255 from node-tar's portable gzip). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { create, type WriteEntry } from 'tar';
import type { ValidationReport } from '../../../shared/connector/findings';
import { ServiceError, isMissing } from '../errors';
import { locateConnectorDir } from '../validate/locate';
import type { ValidateService } from '../validate';
import { writeFileAtomic } from '../workspace/atomic-write';
import { listPackageFiles, type FileListOptions, type PackEntry } from './file-list';

/** 2000-01-01T00:00:00Z: any fixed instant works; the epoch itself upsets some unpackers. */
export const PACKAGE_MTIME = new Date(Date.UTC(2000, 0, 1));
const FILE_MODE = 0o100644;
const DIR_MODE = 0o040755;
const GZIP_LEVEL = 6;

export interface PackageOptions extends FileListOptions {
  /** Output file; defaults to `<name>-<version>.tgz` beside the connector folder. */
  readonly out?: string;
  /** Package even when validation reports errors. */
  readonly force?: boolean;
  /** Required unless `force`: the package is refused while it reports errors. */
  readonly validate?: ValidateService;
  /** Called as each entry (the folder itself first) is packed: `done` of `total` entries. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PackageResult {
  readonly file: string;
  readonly bytes: number;
  readonly name: string;
  readonly version: string;
  /** Archive entry paths, in archive order. */
  readonly entries: string[];
  readonly report?: ValidationReport;
}

export async function packageConnector(folder: string, opts: PackageOptions = {}): Promise<PackageResult> {
  const connectorDir = await locateConnectorDir(path.resolve(folder));
  const report = opts.force ? undefined : await checkValid(connectorDir, opts.validate);
  const { name, version } = await identity(connectorDir);
  const file = path.resolve(opts.out ?? path.join(path.dirname(connectorDir), `${name}-${version}.tgz`));
  const list = await listPackageFiles(connectorDir, { ...opts, skipAbsolute: [...(opts.skipAbsolute ?? []), file] });
  const data = await buildArchive(connectorDir, name, list, opts.onProgress);
  await writeFileAtomic(file, data);
  return { file, bytes: data.length, name, version, entries: [`${name}/`, ...list.map((e) => `${name}/${e.rel}`)], report };
}

async function checkValid(connectorDir: string, validate: ValidateService | undefined): Promise<ValidationReport> {
  if (!validate) throw new ServiceError('INTERNAL', 'packageConnector needs the validate service unless forced');
  const report = await validate.validateFolder(connectorDir);
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return report;
  const shown = errors.slice(0, 10).map((f) => `  ${f.path}${f.pointer ? ` ${f.pointer}` : ''}${f.line ? `:${f.line}` : ''}: ${f.message} [${f.rule}]`);
  const more = errors.length > shown.length ? [`  ...and ${errors.length - shown.length} more`] : [];
  throw new ServiceError('VALIDATION', [`Not packaged: validation found ${errors.length} error(s).`, ...shown, ...more].join('\n'), report);
}

/** Name and version from info.json; the folder name and 0.0.0 when it is missing or not JSON (only reachable with
 * force). */
async function identity(connectorDir: string): Promise<{ name: string; version: string }> {
  const fallback = { name: path.basename(connectorDir), version: '0.0.0' };
  try {
    const info = JSON.parse(await readFile(path.join(connectorDir, 'info.json'), 'utf8')) as { name?: unknown; version?: unknown };
    const name = typeof info.name === 'string' && /^[A-Za-z_][\w.-]*$/.test(info.name) ? info.name : fallback.name;
    const version = typeof info.version === 'string' && /^[\w.+-]+$/.test(info.version) ? info.version : fallback.version;
    return { name, version };
  } catch (e) {
    if (isMissing(e) || e instanceof SyntaxError) return fallback;
    throw e;
  }
}

/** Wraps a progress callback so it fires at most once per `step` percent (and always for the first and last
 * entry): a folder of thousands of files sends a hundred events, not thousands. */
export function throttleProgress(fn: (done: number, total: number) => void, step = 1): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const bucket = Math.floor((done * 100) / Math.max(total, 1) / step);
    if (bucket === last && done !== total && done !== 1) return;
    last = bucket;
    fn(done, total);
  };
}

/** The gzipped tar in memory: connectors are small, and one buffer makes the atomic write and hashing simple.
 * Streamed rather than `sync`, so a large folder leaves the event loop free to deliver progress events while it
 * packs; the bytes are the same either way (deflate output does not depend on how its input was chunked). */
export function buildArchive(connectorDir: string, name: string, list: readonly PackEntry[], onProgress?: (done: number, total: number) => void): Promise<Buffer> {
  const total = list.length + 1;
  let done = 0;
  const chunks: Buffer[] = [];
  const pack = create(
    {
      gzip: { level: GZIP_LEVEL },
      portable: true,
      mtime: PACKAGE_MTIME,
      prefix: name,
      cwd: connectorDir,
      noDirRecurse: true,
      onWriteEntry: (entry: WriteEntry) => {
        if (entry.stat) entry.stat.mode = entry.type === 'Directory' ? DIR_MODE : FILE_MODE;
        onProgress?.(++done, total);
      },
    },
    // "./" keeps node-tar from reading a file named "@x" as an archive to append.
    ['.', ...list.map((e) => `./${e.rel}`)],
  );
  return new Promise((resolve, reject) => {
    pack.on('data', (c: Buffer) => chunks.push(c));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', (e: unknown) => reject(new ServiceError('PACKAGING', `Cannot package ${connectorDir}: ${(e as Error).message}`)));
  });
}
