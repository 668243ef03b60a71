/** Reads a connector folder into the engine's pure snapshot: the text files rules read, and image headers. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { INFO_JSON, PLAYBOOKS_JSON, REQUIREMENTS_TXT, type ConnectorSnapshot, type ImageInfo } from '../../../shared/connector/snapshot';
import { imageInfo } from '../../../shared/connector/image-header';

/** Folders a packager leaves out: never part of the connector as installed. */
const SKIP_DIRS = new Set(['.git', '.idea', '.vscode', '.fortisoar', '__pycache__', 'node_modules', '.venv', 'venv', '.tox', '.mypy_cache', '.pytest_cache']);
const SKIP_TOP_DIRS = new Set(['tests', 'test']);
const METADATA_FILES = new Set([INFO_JSON, PLAYBOOKS_JSON, REQUIREMENTS_TXT]);
const MAX_TEXT_BYTES = 20 * 1024 * 1024;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface SnapshotRead {
  readonly snapshot: ConnectorSnapshot;
  /** Set when info.json exists but is not UTF-8: the server refuses it and the engine cannot read it. */
  readonly infoJsonError?: string;
}

export interface ReadOptions {
  /** info.json and assets only: Python files are not read. */
  readonly metadataOnly: boolean;
  /** Keep caches, tests and IDE folders: an archive holds what the server will see, a folder what the
   * packager would put in the archive. */
  readonly keepAll?: boolean;
}

async function listFiles(root: string, keepAll: boolean, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const skipped = SKIP_DIRS.has(e.name) || (rel === '' && SKIP_TOP_DIRS.has(e.name));
    if (e.isDirectory()) {
      if (keepAll || !skipped) out.push(...(await listFiles(root, keepAll, r)));
    } else if (e.isFile() && (keepAll || !/(^|\/)\.DS_Store$|\.pyc$/.test(r))) out.push(r);
  }
  return out;
}

const wanted = (rel: string, metadataOnly: boolean) => METADATA_FILES.has(rel) || (!metadataOnly && rel.endsWith('.py'));

export async function readSnapshot(dir: string, { metadataOnly, keepAll = false }: ReadOptions): Promise<SnapshotRead> {
  const all = (await listFiles(dir, keepAll)).sort();
  const files: Record<string, string> = {};
  const images: Record<string, ImageInfo> = {};
  let infoJsonError: string | undefined;
  await Promise.all(
    all.map(async (rel) => {
      if (rel.startsWith('images/')) images[rel] = imageInfo(await readFile(path.join(dir, rel)));
      if (!wanted(rel, metadataOnly)) return;
      const buf = await readFile(path.join(dir, rel));
      if (buf.length > MAX_TEXT_BYTES) return;
      try {
        files[rel] = fatalUtf8.decode(buf);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e; // the fatal decoder's "not UTF-8"
        if (rel === INFO_JSON) infoJsonError = 'info.json is not valid UTF-8: save it with UTF-8 encoding.';
        else files[rel] = buf.toString('utf8');
      }
    }),
  );
  return { snapshot: { folderName: path.basename(dir), files, images, metadataOnly, paths: all }, infoJsonError };
}
