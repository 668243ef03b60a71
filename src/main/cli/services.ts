/** Where every CLI command gets its services: the headless variant of the app's composition root, with the same
 * user data folder (settings, trust list, connector environments) as the IDE. Warnings (a settings file moved
 * aside, a damaged trust list) go to stderr. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../app-root';
import { createHeadlessServices, type HeadlessServices } from '../services/headless';
import { defaultUserDataDir } from '../services/settings/paths';
import type { CliIO } from './command';

/** Connector Studio's resources/ folder, found from this file in the source tree or the bundle. */
export function resourcesDir(): string {
  return path.join(findAppRoot(path.dirname(fileURLToPath(import.meta.url))), 'resources');
}

/** What a command changes in the services: `--platform-data DIR` keeps the simulated platform's records there
 * (else they live in memory for the command). */
export interface CliServiceOptions {
  readonly platformDataDir?: string;
}

export function cliServices(io: Pick<CliIO, 'err' | 'env'>, options: CliServiceOptions = {}): HeadlessServices {
  return createHeadlessServices({
    userDataDir: defaultUserDataDir(io.env),
    resourcesDir: resourcesDir(),
    env: io.env,
    pythonOverride: io.env.CONNECTOR_STUDIO_PYTHON,
    platformData: { dir: options.platformDataDir },
    log: {
      info: () => undefined,
      warn: (m) => io.err(`connector-studio: warning: ${m}`),
      error: (m) => io.err(`connector-studio: ${m}`),
    },
  });
}

/** Runs `use` with the services and stops whatever they started (workers) afterwards. */
export async function withServices<T>(io: Pick<CliIO, 'err' | 'env'>, use: (s: HeadlessServices) => Promise<T>, options: CliServiceOptions = {}): Promise<T> {
  const services = cliServices(io, options);
  try {
    return await use(services);
  } finally {
    await services.dispose();
  }
}
