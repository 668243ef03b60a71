/** Publishing to a server named on the spot (the CLI's --server and credential flags) instead of a saved profile:
 * the same flow, pre-flight validation, history and kept archive as the app's publish; and rolling back to a kept
 * archive found in the history. */
import type { ValidateService } from '../validate';
import { createFortiSoarClient, type ClientOptions } from './client';
import { createPublishHistory, publishArchiveDir, serverLabel } from './history';
import { publishConnector, type PublishOptions, type PublishOutcome } from './publish-flow';
import { rollBackFromHistory, type HistoryRollback } from './rollback-from-history';

export type DirectPublishOptions = Pick<PublishOptions, 'replace' | 'deleteOtherVersions' | 'health' | 'onProgress' | 'verify' | 'smoke' | 'rollback' | 'onStep'>;

export interface DirectPublisher {
  /** `source`: a connector folder or .tgz, absolute; its history is kept under `cli:<source>`. Throws a
   * PublishError when a step cannot go on. */
  publish(server: ClientOptions, source: string, o?: DirectPublishOptions): Promise<PublishOutcome>;
  /** Connector `name` back to version `to` (default: the version installed before its newest publish to this
   * server) from the kept archive; NOT_FOUND for an unknown name or version or no kept archive. */
  rollback(server: ClientOptions, name: string, to?: string): Promise<HistoryRollback>;
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
    rollback: (server: ClientOptions, name: string, to?: string) =>
      rollBackFromHistory(createFortiSoarClient(server), history, { name, to, server: serverLabel(server.url), projectKey: `cli:rollback:${name}` }),
  };
}
