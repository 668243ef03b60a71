/** Publishing to a server named on the spot (the CLI's --server and credential flags) instead of a saved profile:
 * the same flow, pre-flight validation, history and kept archive as the app's publish. */
import type { ValidateService } from '../validate';
import { createFortiSoarClient, type ClientOptions } from './client';
import { createPublishHistory, publishArchiveDir } from './history';
import { publishConnector, type PublishOptions, type PublishOutcome } from './publish-flow';

export type DirectPublishOptions = Pick<PublishOptions, 'replace' | 'deleteOtherVersions' | 'health' | 'onProgress'>;

export interface DirectPublisher {
  /** `source`: a connector folder or .tgz, absolute; its history is kept under `cli:<source>`. Throws a
   * PublishError when a step cannot go on. */
  publish(server: ClientOptions, source: string, o?: DirectPublishOptions): Promise<PublishOutcome>;
}

export function createDirectPublisher(deps: { readonly userDataDir: string; readonly validate?: ValidateService; readonly log?: PublishOptions['log'] }): DirectPublisher {
  const history = createPublishHistory(deps.userDataDir);
  return {
    publish(server: ClientOptions, source: string, o: DirectPublishOptions = {}): Promise<PublishOutcome> {
      const projectKey = `cli:${source}`;
      return publishConnector(createFortiSoarClient(server), source, {
        ...o,
        validate: deps.validate,
        history: { store: history, projectKey, server: server.url },
        keepArchiveIn: publishArchiveDir(deps.userDataDir, projectKey),
        log: deps.log,
      });
    },
  };
}
