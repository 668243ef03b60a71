/** The project's tests as the Tests view reaches them: list (pytest's collection), run (all, a file, a node id)
 * and "Save as test" from a recording. `connector-studio test` uses the same runner and generator on folders. */
import type { SavedTest, TestCollection, TestDataMode, TestRunReport, TestTarget } from '../../../shared/models/connector-tests';
import { saveTest } from './generate';
import type { PytestRunner } from './pytest-runner';

export interface ConnectorTestsDeps {
  readonly rootOf: (projectId: string) => Promise<string>;
  readonly connectorDirOf: (projectId: string) => Promise<string>;
  readonly resourcesDir: string;
  readonly runner: () => Promise<PytestRunner>;
}

export interface ConnectorTestsService {
  list(projectId: string): Promise<TestCollection>;
  run(projectId: string, target?: TestTarget): Promise<TestRunReport>;
  saveAsTest(projectId: string, operation: string, name: string, mode: TestDataMode): Promise<SavedTest>;
}

export function createConnectorTestsService(deps: ConnectorTestsDeps): ConnectorTestsService {
  const place = async (projectId: string) => ({ root: await deps.rootOf(projectId), connectorDir: await deps.connectorDirOf(projectId) });
  return {
    list: async (projectId) => (await deps.runner()).list(await place(projectId)),
    run: async (projectId, target) => (await deps.runner()).run(await place(projectId), target ? { target } : {}),
    saveAsTest: async (projectId, operation, name, mode) => saveTest({ ...(await place(projectId)), resourcesDir: deps.resourcesDir, operation, name, mode }),
  };
}
