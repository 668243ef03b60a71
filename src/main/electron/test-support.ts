// Helpers for the shell's unit tests only (never imported by index.ts): real services over temp folders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../services';

export interface TempServices {
  readonly services: Services;
  readonly root: string;
  readonly userDataDir: string;
  readonly workspace: string;
  cleanup(): Promise<void>;
}

export async function makeTempRoot(prefix = 'cs-shell-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Real createServices in desktop mode over a fresh user data folder and workspace. */
export async function makeTempServices(): Promise<TempServices> {
  const root = await makeTempRoot();
  const userDataDir = path.join(root, 'user-data');
  const workspace = path.join(root, 'workspace');
  await mkdir(path.join(root, 'resources'), { recursive: true });
  const services = await createServices({ userDataDir, resourcesDir: path.join(root, 'resources'), appVersion: '0.0.0-test', mode: 'desktop', workspaceOverride: workspace });
  return {
    services,
    root,
    userDataDir,
    workspace,
    cleanup: async () => {
      await services.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The smallest folder projects.open accepts as a connector. */
export async function makeConnectorDir(parent: string, name = 'demo'): Promise<string> {
  const dir = path.join(parent, `connector-${name}`);
  await mkdir(dir, { recursive: true });
  const info = { name, label: 'Demo', version: '1.0.0', publisher: 'Tests', description: 'A test connector', configuration: { fields: [] }, operations: [] };
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  return dir;
}
