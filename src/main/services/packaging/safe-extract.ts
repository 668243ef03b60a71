/** Extracts an untrusted connector .tgz safely (reviewers open archives from anyone).
 *
 * node-tar only warns on `..` and absolute paths by default, so every entry is checked in a pre-scan before
 * anything touches the disk: gzip only, regular files and folders only (no links, devices or FIFOs), no `..`,
 * absolute, drive or backslash paths, no Windows-reserved, case-colliding or duplicate names, capped entry count
 * and decompressed bytes, exactly one top-level folder. Real exported archives sometimes carry a stray file
 * beside that folder (a macOS `._name` AppleDouble file, a README): such top-level files are skipped, not
 * extracted, and reported in `skipped`. Extraction then goes into a fresh temporary folder with strict mode and
 * the same filter, and the result is checked again for links. */
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Parser, extract, type ReadEntry } from 'tar';
import { ServiceError } from '../errors';

export interface SafeExtractOptions {
  /** Cap on the sum of entry sizes and on decompressed stream bytes. Default 200 MB. */
  readonly maxBytes?: number;
  /** Cap on the number of entries. Default 10,000. */
  readonly maxEntries?: number;
  /** Where the temporary folder is created. Default os.tmpdir(). */
  readonly tempParent?: string;
}

export interface SafeExtractResult {
  /** The temporary folder holding the extracted tree. */
  readonly root: string;
  /** The single top-level folder's name (the connector name in a valid package). */
  readonly topLevel: string;
  /** `root/topLevel`. */
  readonly dir: string;
  readonly entries: number;
  readonly bytes: number;
  /** Stray files beside the top-level folder, not extracted (e.g. `._acme`, `README.txt`). */
  readonly skipped: string[];
  /** One human-readable line per skipped file, for the UI and the CLI to show. */
  readonly warnings: string[];
  /** Removes the temporary folder. */
  dispose(): Promise<void>;
}

export class UnsafeArchiveError extends ServiceError {
  constructor(message: string) {
    super('PACKAGING', message);
    this.name = 'UnsafeArchiveError';
  }
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 10_000;
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[<>:"|?*\\\u0000-\u001f]/;

/** Why an entry path is unsafe, or undefined. Returns the normalised segments through `out`. */
export function entryPathProblem(raw: string, out: string[] = []): string | undefined {
  if (raw === '' || raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) return 'an absolute path';
  const segments = raw.replace(/^(\.\/)+/, '').split('/').filter((s, i, all) => s !== '' || i < all.length - 1);
  for (const s of segments) {
    if (s === '..') return 'a ".." segment';
    if (s === '' || s === '.') return 'an empty or "." segment';
    if (BAD_CHARS.test(s)) return 'a character Windows cannot store (<>:"|?*\\ or a control character)';
    if (WINDOWS_RESERVED.test(s)) return `the Windows-reserved name "${s}"`;
    if (/[. ]$/.test(s)) return 'a name ending in a dot or space';
  }
  out.push(...segments);
  return undefined;
}

interface ScanLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
}

/** The normalised path segments of an entry that passed `entryPathProblem`. */
function segmentsOf(raw: string): string[] {
  const out: string[] = [];
  entryPathProblem(raw, out);
  return out;
}

/** A file directly at the top level (not a folder): skipped as a stray beside the connector folder. */
const isStrayTopLevel = (raw: string, type: string) => type !== 'Directory' && segmentsOf(raw).length === 1;

class Scanner {
  entries = 0;
  bytes = 0;
  /** The one top-level folder, from a folder entry or from the first segment of a nested entry. */
  topLevel: string | undefined;
  readonly strays: string[] = [];
  /** Case-folded path -> the path as written and whether it is a folder. */
  private readonly seen = new Map<string, { name: string; dir: boolean }>();
  constructor(private readonly limits: ScanLimits) {}

  /** Throws UnsafeArchiveError on the first unsafe entry. */
  check(entry: ReadEntry): void {
    const name = entry.path;
    if (!ALLOWED_TYPES.has(entry.type)) throw new UnsafeArchiveError(`"${name}" is a ${entry.type}; only files and folders are allowed`);
    const segments: string[] = [];
    const problem = entryPathProblem(name, segments);
    if (problem) throw new UnsafeArchiveError(`"${name}" has ${problem}`);
    if (segments.length === 0) {
      if (entry.type === 'Directory') return; // the "./" entry of `tar -C dir .`
      throw new UnsafeArchiveError(`"${name}" has no name`);
    }
    if (++this.entries > this.limits.maxEntries) throw new UnsafeArchiveError(`more than ${this.limits.maxEntries} entries`);
    this.bytes += entry.size ?? 0;
    if (this.bytes > this.limits.maxBytes) throw new UnsafeArchiveError(`more than ${this.limits.maxBytes} bytes when extracted`);
    const isDir = entry.type === 'Directory';
    this.checkTopLevel(segments, isDir);
    this.checkUnique(segments, isDir, name);
  }

  /** After the last entry: a package holds exactly one folder. */
  finish(): void {
    if (this.entries === 0) throw new UnsafeArchiveError('the archive is empty');
    if (this.topLevel === undefined)
      throw new UnsafeArchiveError(`"${this.strays[0]}" is a file at the top level and the archive has no folder; a package holds exactly one folder`);
  }

  private checkTopLevel(segments: string[], isDir: boolean): void {
    const top = segments[0];
    if (segments.length === 1 && !isDir) {
      this.strays.push(top);
      return;
    }
    if (this.topLevel === undefined) this.topLevel = top;
    else if (this.topLevel !== top) throw new UnsafeArchiveError(`more than one top-level folder ("${this.topLevel}" and "${top}")`);
  }

  /** Refuses names that differ only in case, a file given twice, and a path that is both a file and a folder.
   * A folder entry given twice is harmless and allowed. */
  private checkUnique(segments: string[], isDir: boolean, name: string): void {
    for (let i = 1; i <= segments.length; i++) {
      const written = segments.slice(0, i).join('/');
      const key = written.normalize('NFC').toLowerCase();
      const dir = i < segments.length || isDir;
      const other = this.seen.get(key);
      if (other === undefined) {
        this.seen.set(key, { name: written, dir });
        continue;
      }
      if (other.name !== written) throw new UnsafeArchiveError(`"${name}" and "${other.name}" differ only in case`);
      if (!dir && !other.dir) throw new UnsafeArchiveError(`"${name}" appears more than once (duplicate entries)`);
      if (dir !== other.dir) throw new UnsafeArchiveError(`"${written}" is both a file and a folder`);
    }
  }
}

async function assertGzip(file: string): Promise<void> {
  const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new ServiceError('NOT_FOUND', `Cannot read ${file}: ${e.code ?? e.message}`);
  });
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) throw new UnsafeArchiveError('not a gzip-compressed tar archive');
  } finally {
    await fh.close();
  }
}

/** Reads the whole archive once without writing anything, counting decompressed bytes as they stream. */
function prescan(file: string, limits: ScanLimits): Promise<Scanner> {
  const scanner = new Scanner(limits);
  const streamCap = limits.maxBytes + limits.maxEntries * 1024 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    const input = createReadStream(file);
    const gunzip = createGunzip();
    let failed = false;
    let streamed = 0;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      input.destroy();
      gunzip.destroy();
      reject(e instanceof UnsafeArchiveError ? e : new UnsafeArchiveError(`the archive is damaged (${(e as Error).message})`));
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        try {
          scanner.check(entry);
          entry.resume();
        } catch (e) {
          entry.resume();
          fail(e);
        }
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      if (failed) return;
      try {
        scanner.finish();
        resolve(scanner);
      } catch (e) {
        fail(e);
      }
    });
    input.on('error', fail);
    gunzip.on('error', fail);
    gunzip.on('data', (chunk: Buffer) => {
      streamed += chunk.length;
      if (streamed > streamCap) fail(new UnsafeArchiveError(`more than ${limits.maxBytes} bytes when decompressed`));
      else if (!failed) parser.write(chunk);
    });
    gunzip.on('end', () => !failed && parser.end());
    input.pipe(gunzip);
  });
}

/** Fails if extraction left anything but plain files and folders (defence in depth). */
async function assertPlainTree(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const st = await lstat(p);
    if (st.isDirectory()) await assertPlainTree(p);
    else if (!st.isFile()) throw new UnsafeArchiveError(`extraction produced a non-file entry ${e.name}`);
  }
}

export async function safeExtractTgz(file: string, opts: SafeExtractOptions = {}): Promise<SafeExtractResult> {
  const limits = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, maxEntries: opts.maxEntries ?? DEFAULT_MAX_ENTRIES };
  await assertGzip(file);
  const scan = await prescan(file, limits);
  const root = await mkdtemp(path.join(opts.tempParent ?? os.tmpdir(), 'cs-extract-'));
  const dispose = () => rm(root, { recursive: true, force: true });
  try {
    await extract({
      file,
      cwd: root,
      strict: true,
      preserveOwner: false,
      noChmod: true,
      filter: (p, entry) => {
        const type = (entry as ReadEntry).type;
        return ALLOWED_TYPES.has(type) && entryPathProblem(p) === undefined && !isStrayTopLevel(p, type);
      },
    });
    await assertPlainTree(root);
  } catch (e) {
    await dispose();
    throw e instanceof ServiceError ? e : new UnsafeArchiveError(`extraction failed (${(e as Error).message})`);
  }
  const topLevel = scan.topLevel!;
  const skipped = [...scan.strays];
  const warnings = skipped.map((f) => `Skipped "${f}": a stray file beside the ${topLevel}/ folder, not part of the connector.`);
  return { root, topLevel, dir: path.join(root, topLevel), entries: scan.entries, bytes: scan.bytes, skipped, warnings, dispose };
}
