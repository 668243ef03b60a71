import type { BrowserWindow } from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Services } from '../services';
import { errnoCode } from '../services/errors';
import { dispatch } from '../services/router';
import { sendDesktopEvent } from './desktop-events';

export interface OpenTarget {
  readonly path: string;
  readonly kind: 'folder' | 'package';
}

// Flags of `connector-studio start` that take a value: their value is not a path to open.
const VALUE_FLAGS = new Set(['--workspace', '--port']);
const isPackageName = (p: string) => /\.(tgz|tar\.gz)$/i.test(p);
/** Why a word on the command line names nothing to open: it is not there, or not a path that can be reached. */
const NOT_A_PATH = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EACCES', 'EPERM', 'EINVAL']);
const kindOf = (abs: string): 'file' | 'dir' | null => {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch (e) {
    if (NOT_A_PATH.has(errnoCode(e) ?? '')) return null;
    throw e;
  }
};

/** The arguments the user gave, without the executable (and, unpackaged, the main script Electron runs). */
export const userArgs = (argv: readonly string[], packaged: boolean): string[] => argv.slice(packaged ? 1 : 2);

/** The last existing folder or .tgz among the arguments (what the OS passes for a file association, or
 * `connector-studio ./my-connector`). Switches Chromium adds start with "-" and are skipped. */
export function openTargetFromArgs(args: readonly string[], cwd: string): OpenTarget | null {
  let found: OpenTarget | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    const abs = path.resolve(cwd, a);
    const kind = kindOf(abs);
    if (kind === 'dir') found = { path: abs, kind: 'folder' };
    else if (kind === 'file' && isPackageName(abs)) found = { path: abs, kind: 'package' };
  }
  return found;
}

export function workspaceFromArgs(args: readonly string[], cwd: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--workspace' && args[i + 1]) return path.resolve(cwd, args[i + 1]);
    if (args[i].startsWith('--workspace=')) return path.resolve(cwd, args[i].slice('--workspace='.length));
  }
  return undefined;
}

/** Registers a folder as a project (so it shows in the list even if the event is missed), then tells the window. */
export async function openInWindow(services: Services, target: OpenTarget, win: BrowserWindow | null): Promise<void> {
  if (target.kind === 'package') {
    sendDesktopEvent(win, 'app.openRequested', { path: target.path, kind: 'package' });
    return;
  }
  const r = await dispatch(services, 'projects.open', { path: target.path });
  if (!r.ok) services.log.warn(`Could not open ${target.path}: ${r.error.message}`);
  const payload = r.ok ? { projectId: r.value.id } : { error: r.error.message };
  const send = () => sendDesktopEvent(win, 'app.openRequested', { path: target.path, kind: 'folder', ...payload });
  // A window that is still loading has no listener yet.
  if (win && !win.isDestroyed() && win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
  else send();
}
