/** The ingestion service over the headless services (the CLI) or the app's core: the same interpreter resolution,
 * platform hub and tools environment as the runtime's workers. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { HeadlessServices } from '../headless';
import { ServiceError } from '../errors';
import { createPythonEnvironments, toolsWorkerEnv } from '../runtime/python-environments';
import { createIngestionService, type IngestionService } from './ingestion-service';

export { createIngestionService, DEFAULT_INTERVAL_MINUTES, MAX_PULLS, type IngestionService, type IngestRunOptions } from './ingestion-service';

/** True when `python` imports every module (the interpreter has them itself: no tools environment needed). */
function imports(python: string[], modules: string[]): Promise<boolean> {
  const [cmd, ...lead] = python;
  return new Promise((resolve) =>
    execFile(cmd!, [...lead, '-c', `import ${modules.join(', ')}`], { timeout: 20_000 }, (error) => resolve(!error)),
  );
}

/** The playbook interpreter's packages, in the tools environment (python-environments.ts TOOLS_PACKAGES). */
const NEEDED = ['jinja2', 'jmespath'];

export function ingestionFromHeadless(s: HeadlessServices): IngestionService {
  const pythons = createPythonEnvironments(s.config.userDataDir);
  return createIngestionService({
    // Installed on first use, as debugpy is for the debugger; a failure names the step.
    ensureTools: async (folder) => {
      const envs = await s.environments();
      const python = (await envs.pythonFor(folder)) ?? (await s.pythonCommand());
      const version = await pythons.versionOf(python);
      if (!version) throw new ServiceError('VALIDATION', `${python.join(' ')} does not run as a Python interpreter: pick another one in Settings or in the connector's Environment tab.`);
      const tools = await pythons.tools(version);
      const have = new Set(tools.packages.map((p) => p.name.toLowerCase()));
      if (NEEDED.every((n) => have.has(n)) || (await imports(python, NEEDED))) return;
      const outcome = await envs.installToolsFor(folder, 'ingestion-tools');
      if (outcome.status !== 'Completed')
        throw new ServiceError('UNAVAILABLE', `Could not install the playbook interpreter's packages (${NEEDED.join(', ')}): pip install into the tools environment ${tools.path} failed: ${outcome.message}. Check the package index pip uses (pip config list), then run again.`);
    },
    pythonDir: path.join(s.config.resourcesDir, 'python'),
    pythonFor: async (folder) => (await (await s.environments()).pythonFor(folder)) ?? (await s.pythonCommand()),
    platform: async (folder) => (await s.platform()).connectionFor(folder),
    env: toolsWorkerEnv(s.config.userDataDir),
  });
}
