/** The project's tests as the Tests view reaches them: list (pytest's collection), run (all, a file, a node id)
 * and "Save as test" from a recording. `connector-studio test` uses the same runner and generator on folders. */
import path from 'node:path';
import type { RerecordPreview, SavedTest, TestCollection, TestDataMode, TestRunReport, TestTarget } from '../../../shared/models/connector-tests';
import type { RuntimeService } from '../runtime/types';
import { saveTest } from './generate';
import type { PytestRunner } from './pytest-runner';
import { acceptRerecord, discardRerecord, rerecord } from './rerecord';

export interface ConnectorTestsDeps {
  readonly rootOf: (projectId: string) => Promise<string>;
  readonly connectorDirOf: (projectId: string) => Promise<string>;
  readonly resourcesDir: string;
  readonly runner: () => Promise<PytestRunner>;
  /** Re-record: the runtime that writes run records beside what it records (runtime-holder.ts). */
  readonly runtime: () => RuntimeService;
  /** A saved test configuration's values, secrets included (NOT_FOUND when it does not exist). */
  readonly configValues: (projectId: string, configId: string) => Promise<Record<string, unknown>>;
  /** Pending re-recordings live here, one folder per project, until accepted or kept. */
  readonly userDataDir: string;
  readonly timeoutMs?: () => number;
}

export interface ConnectorTestsService {
  list(projectId: string): Promise<TestCollection>;
  run(projectId: string, target?: TestTarget): Promise<TestRunReport>;
  saveAsTest(projectId: string, operation: string, name: string, mode: TestDataMode): Promise<SavedTest>;
  /** Runs the test's call live (with the configuration `configId`, else the recorded one) and answers what changed. */
  rerecord(projectId: string, testId: string, configId?: string): Promise<RerecordPreview>;
  acceptRerecord(projectId: string, recording: string): Promise<{ cassette: string; runRecord: string }>;
  keepRecording(projectId: string, recording: string): Promise<void>;
}

export function createConnectorTestsService(deps: ConnectorTestsDeps): ConnectorTestsService {
  const place = async (projectId: string) => ({ root: await deps.rootOf(projectId), connectorDir: await deps.connectorDirOf(projectId) });
  // Project ids are the services' own hashes (checked at the door), so one names a folder safely.
  const pendingDir = (projectId: string) => path.join(deps.userDataDir, 'rerecord', projectId);
  return {
    list: async (projectId) => (await deps.runner()).list(await place(projectId)),
    run: async (projectId, target) => (await deps.runner()).run(await place(projectId), target ? { target } : {}),
    saveAsTest: async (projectId, operation, name, mode) => saveTest({ ...(await place(projectId)), resourcesDir: deps.resourcesDir, operation, name, mode }),
    rerecord: async (projectId, testId, configId) => {
      const config = configId ? await deps.configValues(projectId, configId) : {};
      return rerecord({ ...(await place(projectId)), pendingDir: pendingDir(projectId) }, deps.runtime(), testId, config, deps.timeoutMs?.());
    },
    acceptRerecord: async (projectId, recording) => acceptRerecord({ ...(await place(projectId)), pendingDir: pendingDir(projectId) }, recording),
    keepRecording: async (projectId, recording) => discardRerecord(pendingDir(projectId), recording),
  };
}
