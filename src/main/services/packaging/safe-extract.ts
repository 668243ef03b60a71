/** Extracts an untrusted connector .tgz safely (reviewers open archives from anyone).
 *
 * node-tar only warns on `..` and absolute paths by default, so every entry is checked in a pre-scan before
 * anything touches the disk: gzip only, regular files and folders only (no links, devices or FIFOs), no `..`,
 * absolute, drive or backslash paths, no Windows-reserved, case-colliding or duplicate names, capped entry count
 * and decompressed bytes, exactly one top-level folder. Real exported archives sometimes carry a stray file
 * beside that folder (a macOS `._name` AppleDouble file, a README): such top-level files are skipped, not
 * extracted, and reported in `skipped`. Virtualenvs (`.venv/`, `venv/`, any folder holding `pyvenv.cfg`) and
 * `.git` inside the folder are dropped, with a warning: a language server or git run on the imported folder
 * would execute their programs, hooks and settings. The top-level info.json is capped in size from its header,
 * so nothing downstream reads a huge one. Extraction then goes into a fresh temporary folder with strict mode
 * and the same filter; modes are normalised (no setuid, setgid or sticky bits: files 0644, or 0755 when any
 * execute bit was set, folders 0755) and the result is checked again for links. This is the one place that
 * decides what of an archive reaches the disk: import, review, validation and the sandbox's install all
 * extract through it. */
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Parser, extract, type ReadEntry } from 'tar';
import { ServiceError } from '../errors';
import { MAX_INFO_JSON_BYTES, infoJsonTooLargeMessage } from './info-json-size';

export interface SafeExtractOptions {
  /** Cap on the sum of entry sizes and on decompressed stream bytes. Default 200 MB. */
  readonly maxBytes?: number;
  /** Cap on the number of entries. Default 10,000. */
  readonly maxEntries?: number;
  /** Where the temporary folder is created. Default os.tmpdir(). */
  readonly tempParent?: string;
  /** Cap on the connector's info.json (`<folder>/info.json`). Default 5 MiB. */
  readonly maxInfoJsonBytes?: number;
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
  /** Virtualenv and git folders inside the top-level folder, not extracted (e.g. `acme/.venv/`, `acme/.git/`). */
  readonly dropped: string[];
  /** One human-readable line per skipped file and dropped folder, for the UI and the CLI to show. */
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
  readonly maxInfoJsonBytes: number;
}

type DropKind = 'venv' | 'git';
/** Folders never part of a connector whose contents something on this machine would run: a virtualenv's
 * `bin/python` (a language server or test run picks it up), git's hooks and config (any git command). Names are
 * compared case-insensitively: on macOS and Windows `.VENV` is `.venv`. */
const DROPPED_NAMES = new Map<string, DropKind>([
  ['.venv', 'venv'],
  ['venv', 'venv'],
  ['.git', 'git'],
]);
/** Every virtualenv has it, whatever the folder is called. */
const VENV_MARKER = 'pyvenv.cfg';

const fold = (p: string) => p.normalize('NFC').toLowerCase();

/** The mode an extracted entry gets: no setuid, setgid or sticky bit, no group or world write. */
export const normalisedMode = (isDir: boolean, mode: number | undefined): number => (isDir || ((mode ?? 0) & 0o111) !== 0 ? 0o755 : 0o644);

interface Dropped {
  /** As written in the archive, `/`-separated. */
  readonly path: string;
  readonly dir: boolean;
  readonly kind: DropKind;
}

function dropWarning(d: Dropped): string {
  const shown = `${d.path}${d.dir ? '/' : ''}`;
  return d.kind === 'venv'
    ? `Dropped "${shown}": a Python virtual environment, not part of the connector (its programs would run on this machine).`
    : `Dropped "${shown}": git repository data, not part of the connector (its hooks and settings would run on this machine).`;
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
  /** Case-folded path of each virtualenv or git folder to leave out -> what it is. */
  private readonly drops = new Map<string, Dropped>();
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
    if (segments.length === 1 && !isDir) return; // a stray: skipped whatever it is called
    this.noteDropped(segments, isDir);
    const [, inTop] = segments;
    if (segments.length === 2 && !isDir && inTop !== undefined && fold(inTop) === 'info.json' && (entry.size ?? 0) > this.limits.maxInfoJsonBytes)
      throw new UnsafeArchiveError(infoJsonTooLargeMessage(entry.size ?? 0, this.limits.maxInfoJsonBytes, segments.join('/')));
  }

  /** The outermost virtualenv and git folders, in archive path order. */
  dropped(): Dropped[] {
    const all = [...this.drops.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return all.filter(([key]) => !all.some(([other]) => key.startsWith(`${other}/`))).map(([, d]) => d);
  }

  /** True when the entry is, or is inside, a dropped folder. Complete only after the whole archive was scanned
   * (`pyvenv.cfg` may come after the files of its folder). */
  isDropped(segments: readonly string[]): boolean {
    for (let i = 2; i <= segments.length; i++) if (this.drops.has(fold(segments.slice(0, i).join('/')))) return true;
    return false;
  }

  private noteDropped(segments: string[], isDir: boolean): void {
    segments.forEach((s, i) => {
      const kind = DROPPED_NAMES.get(fold(s));
      const dir = i < segments.length - 1 || isDir;
      // A `.git` file points git at another repository's hooks and config; a file named venv is just a file.
      if (kind === 'git' || (kind === 'venv' && dir)) this.drop(segments.slice(0, i + 1), dir, kind);
    });
    const name = segments.at(-1);
    if (!isDir && name !== undefined && fold(name) === VENV_MARKER) this.drop(segments.slice(0, -1), true, 'venv');
  }

  private drop(folder: string[], dir: boolean, kind: DropKind): void {
    if (folder.length === 1)
      throw new UnsafeArchiveError(
        kind === 'git'
          ? `the archive's folder "${folder[0]}/" is git repository data, not a connector folder: package the connector folder itself`
          : `the archive's folder "${folder[0]}/" is a Python virtual environment, not a connector folder: package the connector folder itself`,
      );
    const written = folder.join('/');
    if (!this.drops.has(fold(written))) this.drops.set(fold(written), { path: written, dir, kind });
  }

  /** After the last entry: a package holds exactly one folder. */
  finish(): void {
    if (this.entries === 0) throw new UnsafeArchiveError('the archive is empty');
    if (this.topLevel === undefined)
      throw new UnsafeArchiveError(`"${this.strays[0]}" is a file at the top level and the archive has no folder; a package holds exactly one folder`);
  }

  private checkTopLevel(segments: string[], isDir: boolean): void {
    const [top] = segments;
    if (top === undefined) return; // check() handled the entry without a name
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

/** Fails if extraction left anything but plain files and folders (defence in depth), and sets every mode
 * exactly: the extraction already wrote normalised modes, but through the process umask. */
async function normaliseTree(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const st = await lstat(p);
    if (!st.isDirectory() && !st.isFile()) throw new UnsafeArchiveError(`extraction produced a non-file entry ${e.name}`);
    await chmod(p, normalisedMode(st.isDirectory(), st.mode));
    if (st.isDirectory()) await normaliseTree(p);
  }
}

export async function safeExtractTgz(file: string, opts: SafeExtractOptions = {}): Promise<SafeExtractResult> {
  const limits = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxEntries: opts.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxInfoJsonBytes: opts.maxInfoJsonBytes ?? MAX_INFO_JSON_BYTES,
  };
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
        const read = entry as ReadEntry;
        const segments: string[] = [];
        if (!ALLOWED_TYPES.has(read.type) || entryPathProblem(p, segments) !== undefined || isStrayTopLevel(p, read.type)) return false;
        if (scan.isDropped(segments)) return false;
        // Written with the normalised mode from the start: no moment with a setuid file on disk.
        read.mode = normalisedMode(read.type === 'Directory', read.mode);
        return true;
      },
    });
    await normaliseTree(root);
  } catch (e) {
    await dispose();
    throw e instanceof ServiceError ? e : new UnsafeArchiveError(`extraction failed (${(e as Error).message})`);
  }
  const topLevel = scan.topLevel!;
  const skipped = [...scan.strays];
  const drops = scan.dropped();
  const warnings = [
    ...skipped.map((f) => `Skipped "${f}": a stray file beside the ${topLevel}/ folder, not part of the connector.`),
    ...drops.map(dropWarning),
  ];
  const dropped = drops.map((d) => `${d.path}${d.dir ? '/' : ''}`);
  return { root, topLevel, dir: path.join(root, topLevel), entries: scan.entries, bytes: scan.bytes, skipped, dropped, warnings, dispose };
}
