import { dialog, type BrowserWindow } from 'electron';
import type { Services } from '../services';
import { openInWindow } from './open-request';

/** The native folder picker. Not a channel (the contract has none); the File menu uses it, and browser mode has
 * its server-side picker (fs.browse) instead. */
export async function chooseFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open a connector folder', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
}

/** File > Open Folder...: pick, register through projects.open, then tell the window which project to show. */
export async function openFolderFromDialog(services: Services, win: BrowserWindow | null): Promise<string | null> {
  const picked = await chooseFolder(win);
  if (picked) await openInWindow(services, { path: picked, kind: 'folder' }, win);
  return picked;
}
