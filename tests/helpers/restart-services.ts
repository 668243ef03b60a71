import path from 'node:path';
import { createServices } from '../../src/main/services/index';
import type { SampleServices } from './services';
import { REPO_ROOT } from './tmp';

/** The app quit and started again: the services end, and new ones start on the same user data folder and
 * workspace (what a user keeps across restarts is what survives). */
export async function restartServices(s: SampleServices): Promise<SampleServices> {
  await s.services.dispose();
  const services = await createServices({ userDataDir: s.userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: s.workspace });
  return { ...s, services };
}
