import { cp } from 'node:fs/promises';
import path from 'node:path';
import { createServices, type Services } from '../../src/main/services/index';
import { REPO_ROOT, SAMPLE_PROJECT } from './tmp';
import { defined } from './defined';

/** A router answer's value, or the error's message thrown: setup steps that must work read shorter. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export interface SampleServices {
  readonly services: Services;
  readonly projectId: string;
  readonly projectRoot: string;
  readonly userDataDir: string;
  readonly workspace: string;
}

/** The real services over `<dir>/workspace` holding a copy of the bundled sample project, user data in `<dir>/user-data`. */
export async function servicesOnSample(dir: string): Promise<SampleServices> {
  const workspace = path.join(dir, 'workspace');
  await cp(SAMPLE_PROJECT, path.join(workspace, 'connector-sample-threat-intel'), { recursive: true });
  const userDataDir = path.join(dir, 'user-data');
  const services = await createServices({ userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
  const p = defined((await services.projects.list())[0], 'the sample project');
  return { services, projectId: p.id, projectRoot: p.root, userDataDir, workspace };
}
