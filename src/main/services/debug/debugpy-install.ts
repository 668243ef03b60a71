/** debugpy lives in the tools environment (python-environments.ts), never in a connector's: installed on first
 * use, through the same tools install as the Environment tab, with its progress as `runtime.installProgress` of
 * the caller's runId. A failure names the step that failed. */
import { ServiceError } from '../errors';
import type { EnvironmentService } from '../runtime/environment-service';
import type { PythonEnvironments } from '../runtime/python-environments';

export interface DebugpyDeps {
  readonly environments: () => Promise<Pick<EnvironmentService, 'pythonFor' | 'installToolsFor'>>;
  readonly pythons: Pick<PythonEnvironments, 'versionOf' | 'tools'>;
  /** Settings' interpreter, for a connector without one of its own. */
  readonly pythonCommand: () => Promise<string[]>;
}

export interface DebugpyInstaller {
  /** Installs the tools environment of the connector's Python version unless debugpy is in it already. Throws
   * ServiceError('UNAVAILABLE') naming the failed step: finding the interpreter's version, or pip. */
  ensure(connectorDir: string, runId: string, say?: (line: string) => void): Promise<'present' | 'installed'>;
}

export function createDebugpyInstaller(deps: DebugpyDeps): DebugpyInstaller {
  async function ensure(connectorDir: string, runId: string, say: (line: string) => void = () => undefined): Promise<'present' | 'installed'> {
    const envs = await deps.environments();
    const python = (await envs.pythonFor(connectorDir)) ?? (await deps.pythonCommand());
    const version = await deps.pythons.versionOf(python);
    if (!version)
      throw new ServiceError('UNAVAILABLE', `Could not debug: the step "find the Python version of ${python.join(' ')}" failed: it does not run as a Python interpreter. Pick another one in Settings or in the connector's Environment tab.`);
    const tools = await deps.pythons.tools(version);
    if (tools.packages.some((p) => p.name.toLowerCase() === 'debugpy')) return 'present';
    say(`Installing debugpy into the tools environment ${tools.path} (first use)...`);
    const outcome = await envs.installToolsFor(connectorDir, runId);
    if (outcome.status !== 'Completed')
      throw new ServiceError(
        'UNAVAILABLE',
        `Could not install debugpy: the step "pip install into the tools environment ${tools.path}" failed: ${outcome.message}${outcome.failed.length ? ` (could not install: ${outcome.failed.join(', ')})` : ''}. Check the package index pip uses (pip config list), then Debug again.`,
        { log: outcome.log.slice(-4000) },
      );
    say('debugpy is installed.');
    return 'installed';
  }
  return { ensure };
}
