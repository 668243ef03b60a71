import { lstat, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileContent, FileNode } from '../../../shared/models/workspace';
import { ServiceError, errnoCode, ifMissing, ifUnreadable } from '../errors';
import { writeFileAtomic } from './atomic-write';
import { etagOf } from './etag';
import { entryExists } from './fs-probe';
import { withPathLock } from './path-lock';
import { IGNORED_DIRS, IGNORED_FILES, isImagePath, looksBinary } from './file-kinds';
import { checkRelative, resolveInside } from './safe-path';

export interface FileServiceDeps {
  rootOf(projectId: string): Promise<string>;
  isReadOnly?(projectId: string): boolean;
  largeFileLimitBytes(): number;
  moveToTrash(absPath: string): Promise<boolean>;
}

const MAX_TREE_ENTRIES = 50_000;

/** What a file write carries: text or base64 bytes, and the etag the editor last read. */
export interface WriteBody {
  text?: string;
  base64?: string;
  /** undefined: write whatever is there; null: the file must not exist yet; a string: the file must still have it. */
  etag?: string | null;
}

/** A project's files for the explorer and the editor. Paths are project-relative; one that leaves the project is
 * refused. Writes are atomic, and a review's read-only package refuses every one with FORBIDDEN. */
export interface FileService {
  /** The project's folders and files (up to 50,000 entries), the root first. */
  tree(projectId: string): Promise<FileNode>;
  /** Text, or base64 for binary files; a file over Settings' large-file limit opens read-only with a notice. */
  read(projectId: string, relPath: string): Promise<FileContent>;
  /** CONFLICT (with `currentEtag`) when the file changed since the etag was read. */
  write(projectId: string, relPath: string, body: WriteBody): Promise<{ etag: string }>;
  /** CONFLICT when the name exists. */
  createDir(projectId: string, relPath: string): Promise<{ relPath: string }>;
  /** Renames or moves a file or folder; CONFLICT when the target exists. */
  rename(projectId: string, from: string, to: string): Promise<{ relPath: string }>;
  /** To the system trash when there is one (`toTrash`), else removed for good. */
  delete(projectId: string, relPath: string): Promise<{ toTrash: boolean }>;
}

export function createFileService(deps: FileServiceDeps): FileService {
  const writable = (projectId: string) => {
    if (deps.isReadOnly?.(projectId))
      throw new ServiceError('FORBIDDEN', 'This package is open read-only for review. Import it into the workspace to change it.');
  };
  const inProject = async (projectId: string, rel: string) => {
    const root = await deps.rootOf(projectId);
    return { root, abs: await resolveInside(root, rel), rel: checkRelative(rel) };
  };

  async function tree(projectId: string): Promise<FileNode> {
    const root = await deps.rootOf(projectId);
    const budget = { left: MAX_TREE_ENTRIES };
    return { name: path.basename(root), relPath: '', kind: 'dir', children: await walk(root, '', budget) };
  }

  async function read(projectId: string, relPath: string): Promise<FileContent> {
    const { abs, rel } = await inProject(projectId, relPath);
    const info = await statOrMissing(abs, rel);
    if (info.isDirectory()) throw new ServiceError('VALIDATION', `"${rel}" is a folder, not a file.`);
    const bytes = await readFile(abs);
    const limit = deps.largeFileLimitBytes();
    const etag = etagOf(bytes);
    const base = { relPath: rel, etag, size: bytes.length };
    if (looksBinary(rel, bytes.subarray(0, 8000)) || isImagePath(rel) && !rel.endsWith('.svg')) {
      const tooBig = bytes.length > limit;
      return { ...base, binary: true, readOnly: true, base64: tooBig ? undefined : bytes.toString('base64'),
        notice: tooBig ? `Binary file of ${bytes.length} bytes is over the preview limit.` : undefined };
    }
    if (bytes.length > limit) {
      return { ...base, binary: false, readOnly: true, text: bytes.subarray(0, limit).toString('utf8'),
        notice: `This file is ${Math.round(bytes.length / 1024)} KB, over the ${Math.round(limit / 1024)} KB editor limit: it opens read-only and shows the first ${Math.round(limit / 1024)} KB. Raise the limit in Settings to edit it.` };
    }
    return { ...base, binary: false, readOnly: deps.isReadOnly?.(projectId) ?? false, text: bytes.toString('utf8') };
  }

  async function write(projectId: string, relPath: string, body: WriteBody) {
    writable(projectId);
    const { abs, rel } = await inProject(projectId, relPath);
    if (!rel) throw new ServiceError('VALIDATION', 'A file name is needed.');
    const bytes = body.base64 !== undefined ? Buffer.from(body.base64, 'base64') : Buffer.from(body.text ?? '', 'utf8');
    // Compare and write as one step per file: two tabs saving with the same etag must not both pass the check.
    return withPathLock(abs, async () => {
      await checkEtag(abs, rel, body.etag);
      await writeFileAtomic(abs, bytes);
      return { etag: etagOf(bytes) };
    });
  }

  async function createDir(projectId: string, relPath: string) {
    writable(projectId);
    const { abs, rel } = await inProject(projectId, relPath);
    return withPathLock(abs, async () => {
      if (await entryExists(abs)) throw new ServiceError('CONFLICT', `"${rel}" already exists.`);
      await mkdir(abs, { recursive: true });
      return { relPath: rel };
    });
  }

  async function renamePath(projectId: string, from: string, to: string) {
    writable(projectId);
    const src = await inProject(projectId, from);
    const dst = await inProject(projectId, to);
    if (!src.rel || !dst.rel) throw new ServiceError('VALIDATION', 'The project root itself cannot be renamed here.');
    if (dst.rel.startsWith(src.rel + '/')) throw new ServiceError('VALIDATION', `Cannot move "${src.rel}" into itself.`);
    // Both names locked: a save racing the rename lands before it (and moves with the file) or finds the file gone.
    return withPathLock([src.abs, dst.abs], async () => {
      await statOrMissing(src.abs, src.rel);
      if (await entryExists(dst.abs) && src.abs.toLowerCase() !== dst.abs.toLowerCase())
        throw new ServiceError('CONFLICT', `"${dst.rel}" already exists. Choose another name.`);
      await mkdir(path.dirname(dst.abs), { recursive: true });
      await rename(src.abs, dst.abs);
      return { relPath: dst.rel };
    });
  }

  async function remove(projectId: string, relPath: string) {
    writable(projectId);
    const { abs, rel } = await inProject(projectId, relPath);
    if (!rel) throw new ServiceError('VALIDATION', 'Delete the project from Home instead.');
    return withPathLock(abs, async () => {
      await statOrMissing(abs, rel);
      if (await deps.moveToTrash(abs)) return { toTrash: true };
      await rm(abs, { recursive: true, force: true });
      return { toTrash: false };
    });
  }

  return { tree, read, write, createDir, rename: renamePath, delete: remove };
}

async function walk(abs: string, rel: string, budget: { left: number }): Promise<FileNode[]> {
  // A folder that has gone meanwhile, or is closed to this user, shows empty.
  const entries = await readdir(abs, { withFileTypes: true }).catch(ifUnreadable([]));
  const nodes: FileNode[] = [];
  for (const e of entries) {
    if (budget.left-- <= 0) break;
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (IGNORED_DIRS.has(e.name)) continue;
      nodes.push({ name: e.name, relPath: childRel, kind: 'dir', children: await walk(path.join(abs, e.name), childRel, budget) });
    } else if (!IGNORED_FILES.has(e.name) && !/^\..*\.tmp$/.test(e.name)) {
      const size = await lstat(path.join(abs, e.name)).then((s) => s.size, ifMissing(0));
      nodes.push({ name: e.name, relPath: childRel, kind: 'file', size });
    }
  }
  return nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
}

async function statOrMissing(abs: string, rel: string) {
  try {
    return await stat(abs);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new ServiceError('NOT_FOUND', `"${rel}" does not exist (it may have been moved or deleted outside the IDE).`);
    throw e;
  }
}


/** etag undefined: write unconditionally; null: the file must not exist yet; string: must still match. */
async function checkEtag(abs: string, rel: string, expected: string | null | undefined) {
  if (expected === undefined) return;
  const current = await readFile(abs).then(etagOf, (e) => (errnoCode(e) === 'ENOENT' ? null : Promise.reject(e)));
  if (current === expected) return;
  const message = expected === null
    ? `"${rel}" already exists. Choose another name.`
    : current === null
      ? `"${rel}" was deleted on disk since you opened it.`
      : `"${rel}" changed on disk since you opened it. Keep your version (overwrite) or take the version on disk.`;
  throw new ServiceError('CONFLICT', message, { currentEtag: current });
}
