/** Definitions outside the project (our framework stubs, typeshed's stubs, the environment's site-packages)
 * come back with their text so the UI can show them read-only. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMissing } from '../errors';

const MAX_BYTES = 2 * 1024 * 1024;
/** Only Python sources and stubs: a definition never needs to show anything else from outside. */
const SHOWABLE = /\.pyi?$/;

/** A short, recognisable name: "connectors/core/connector.pyi", "stdlib/logging/__init__.pyi", "requests/api.py". */
export function displayPath(abs: string, stubsDir: string): string {
  const rel = path.relative(stubsDir, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  const posix = abs.split(path.sep).join('/');
  for (const marker of ['/typeshed-fallback/', '/site-packages/', '/dist-packages/']) {
    const i = posix.lastIndexOf(marker);
    if (i >= 0) return posix.slice(i + marker.length).replace(/^stubs\/[^/]+\//, '');
  }
  return path.basename(abs);
}

export async function externalLocation(uri: string, stubsDir: string): Promise<{ relPath: string; stub: true; text: string } | null> {
  if (!uri.startsWith('file:')) return null;
  const abs = fileURLToPath(uri);
  if (!SHOWABLE.test(abs)) return null;
  try {
    if ((await stat(abs)).size > MAX_BYTES) return null;
    return { relPath: displayPath(abs, stubsDir), stub: true, text: await readFile(abs, 'utf8') };
  } catch (e) {
    if (isMissing(e)) return null; // pyright points at a file that has gone since (an uninstalled package)
    throw e;
  }
}
