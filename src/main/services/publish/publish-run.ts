/** "Publish" as the UI starts it: the project's connector folder to a server profile, as a job that answers at
 * once and reports through events, with the health check's configuration taken from a local test configuration
 * when asked, and the commit tagged `v<version>` after success when asked. */
import type { JobDone, JobStarted } from '../../../shared/ipc/contract';
import type { PublishProgress, PublishProgressEvent, PublishRunRequest, PublishRunResult } from '../../../shared/models/publish';
import { createJobRegistry } from '../jobs';
import type { HealthChoice } from './publish-flow';
import type { PublishService } from './publish-service';

export interface PublishRunDeps {
  readonly publish: Pick<PublishService, 'publish'>;
  readonly connectorDirOf: (projectId: string) => Promise<string>;
  readonly rootOf: (projectId: string) => Promise<string>;
  readonly testConfigs: {
    find(projectId: string, id: string): Promise<{ name: string }>;
    /** The configuration's values with its secrets, which go only to the chosen server. */
    resolve(projectId: string, id: string): Promise<Record<string, unknown>>;
  };
  readonly createTag: (root: string, name: string, opts: { message: string }) => Promise<unknown>;
  readonly progress: (e: PublishProgressEvent) => void;
  readonly done: (e: JobDone<PublishRunResult>) => void;
  readonly log?: (msg: string, extra?: unknown) => void;
}

export interface PublishRunner {
  /** Answers at once (CONFLICT while the project is being published); progress comes as the deps' `progress`,
   * the outcome as `done`. */
  startRun(r: PublishRunRequest): Promise<JobStarted>;
}

export function createPublishRunner(deps: PublishRunDeps): PublishRunner {
  // One publish per project at a time: two would race on its history, its kept archives and its tag.
  const runs = createJobRegistry<PublishRunResult>({
    busyMessage: 'This project is already being published; wait for that publish to finish.',
    done: deps.done,
    log: deps.log,
  });

  async function healthOf(r: PublishRunRequest): Promise<HealthChoice | undefined> {
    if (!r.health) return undefined;
    if ('config' in r.health) return { config: r.health.config };
    const id = r.health.fromTestConfig;
    return { create: { name: r.health.name || (await deps.testConfigs.find(r.projectId, id)).name, values: await deps.testConfigs.resolve(r.projectId, id) } };
  }

  /** A failed tag does not undo a publish: it becomes a note. `discardAfter` is the UI's to act on. */
  async function publishProject(r: PublishRunRequest): Promise<PublishRunResult> {
    const source = await deps.connectorDirOf(r.projectId);
    const onProgress = (p: PublishProgress) => deps.progress({ runId: r.runId, ...p });
    const request = {
      profileId: r.profileId,
      source,
      projectKey: r.projectId,
      replace: r.replace,
      deleteOtherVersions: r.deleteOtherVersions,
      health: await healthOf(r),
      verify: r.verify,
      smoke: r.smoke,
      keepOnFailure: r.keepOnFailure,
    };
    const outcome = await deps.publish.publish(request, onProgress);
    if (!r.tag || outcome.result !== 'success') return outcome;
    const tag = `v${outcome.connector.version}`;
    try {
      await deps.createTag(await deps.rootOf(r.projectId), tag, { message: `${outcome.connector.name} ${outcome.connector.version}` });
      return { ...outcome, tagged: tag };
    } catch (e) {
      return { ...outcome, notes: [...outcome.notes, `Published, but not tagged ${tag}: ${(e as Error).message}`] };
    }
  }

  return {
    startRun: async (r: PublishRunRequest): Promise<JobStarted> => runs.start(r.projectId, r.runId, () => publishProject(r)),
  };
}
