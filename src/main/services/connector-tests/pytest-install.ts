/** pytest lives in the tools environment (python-environments.ts), never in a connector's: installed on first use
 * through the same tools install as the debugger's debugpy, its progress told line by line. */
import { execFile } from 'node:child_process';
import { ServiceError } from '../errors';
import type { EnvironmentService } from '../runtime/environment-service';
import type { PythonEnvironments } from '../runtime/python-environments';

export interface PytestInstallDeps {
  readonly environments: () => Promise<Pick<EnvironmentService, 'pythonFor' | 'installToolsFor'>>;
  readonly pythons: Pick<PythonEnvironments, 'versionOf' | 'tools'>;
  readonly pythonCommand: () => Promise<string[]>;
}

const imports = (python: string[], module: string): Promise<boolean> =>
  new Promise((resolve) => {
    const [command, ...rest] = python;
    if (!command) return resolve(false);
    execFile(command, [...rest, '-c', `import ${module}`], { timeout: 30_000 }, (e) => resolve(!e));
  });

export function createPytestInstaller(deps: PytestInstallDeps) {
  async function pythonFor(connectorDir: string): Promise<string[]> {
    return (await (await deps.environments()).pythonFor(connectorDir)) ?? (await deps.pythonCommand());
  }
  async function ensurePytest(connectorDir: string, say: (line: string) => void): Promise<void> {
    const python = await pythonFor(connectorDir);
    const version = await deps.pythons.versionOf(python);
    if (!version)
      throw new ServiceError('UNAVAILABLE', `Could not run the tests: ${python.join(' ')} does not run as a Python interpreter. Pick another one in Settings or in the connector's Environment tab.`);
    const tools = await deps.pythons.tools(version);
    if (tools.packages.some((p) => p.name.toLowerCase() === 'pytest')) return;
    // The tools go behind the interpreter's own site-packages, so a pytest the interpreter has is the one that runs.
    if (await imports(python, 'pytest')) return;
    say(`Installing pytest into the tools environment ${tools.path} (first use)...`);
    const outcome = await (await deps.environments()).installToolsFor(connectorDir, `pytest-${Date.now()}`);
    if (outcome.status !== 'Completed')
      throw new ServiceError(
        'UNAVAILABLE',
        `Could not install pytest into the tools environment ${tools.path}: ${outcome.message}${outcome.failed.length ? ` (could not install: ${outcome.failed.join(', ')})` : ''}. Check the package index pip uses (pip config list), then run the tests again.`,
        { log: outcome.log.slice(-4000) },
      );
    say('pytest is installed.');
  }
  return { pythonFor, ensurePytest };
}
