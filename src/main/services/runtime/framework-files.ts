/** The files the framework's helpers write for a connector (download_file_from_cyops, create_file_from_string,
 * explode_email...) live in settings.TMP_FILE_ROOT. On a server that is '/tmp/', and connectors build paths as
 * `'/tmp/' + cyops_file_path` or test `'/tmp/' in path`, so the simulator uses '/tmp' too. The worker's own
 * TMPDIR stays a private folder (python-worker.ts): this shared one only holds what the helpers create, 0600 and
 * under fresh names (resources/python/shims/_studio_host.py), listed in the worker's private folder so that the
 * host removes them when a worker dies before removing them itself. */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errnoCode } from '../errors';

/** The name of the list of created files inside the worker's private temp folder. */
export const FRAMEWORK_FILES_LIST = 'framework-files.jsonl';

/** settings.TMP_FILE_ROOT of the workers: '/tmp' on POSIX as on the server, the system temp folder elsewhere. */
export function defaultTmpFileRoot(): string {
  if (process.platform !== 'win32' && existsSync('/tmp') && statSync('/tmp').isDirectory()) return '/tmp';
  return os.tmpdir();
}

const isInside = (root: string, candidate: string) =>
  candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** Why `file` (a line of the list) is not removed, or undefined when it may be: only a regular file of this user
 * inside `root` reached without a link. The list is written by the worker, which runs connector code, so a line
 * may name anything. */
function refusal(file: unknown, realRoot: string): string | undefined {
  if (typeof file !== 'string' || !path.isAbsolute(file) || file.includes('\0')) return 'not an absolute path';
  const folder = realpathSync(path.dirname(file));
  if (!isInside(realRoot, folder)) return `outside ${realRoot}`;
  const stat = lstatSync(path.join(folder, path.basename(file)));
  if (!stat.isFile()) return 'not a regular file';
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return "another user's file";
  return undefined;
}

/** Removes the files a worker listed in `list` (one JSON string a line) from `root`; returns what went wrong, one
 * line each (a file already gone is not a problem: the worker removes its files itself when it ends normally). */
export function removeFrameworkFiles(list: string, root: string): string[] {
  let text: string;
  try {
    text = readFileSync(list, 'utf8');
  } catch (e) {
    return errnoCode(e) === 'ENOENT' ? [] : [`Could not read the list of the worker's files ${list}: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  const realRoot = realpathSync(root);
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let file: unknown;
    try {
      file = JSON.parse(line);
      const why = refusal(file, realRoot);
      if (why) problems.push(`Not removed: ${String(file)}, listed by the worker as its file, is ${why}`);
      else unlinkSync(path.join(realpathSync(path.dirname(file as string)), path.basename(file as string)));
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') problems.push(`Could not remove the worker's file ${String(file ?? line)}: ${(e as Error).message}`);
    }
  }
  return problems;
}
