/** "Roll back" as a command and as the history's one-click button: find the version and its kept archive in the
 * publish history, put it back on the server, and record the rollback as an entry of its own. */
import type { PublishHistoryEntry, RollbackResult } from '../../../shared/models/publish';
import { ServiceError } from '../errors';
import type { FortiSoarClient } from './client';
import { isPublishError } from './errors';
import type { PublishHistory } from './history';
import { type PollTiming } from './install-wait';
import { RollbackFailed, findKeptArchive, rollBackTo } from './rollback';
import { stepRecorder } from './transaction';

/** What the app's channel answers (RollbackResult) is what the command prints: one shape. */
export type HistoryRollback = RollbackResult;

export interface RollbackWanted {
  readonly name: string;
  /** Default: the version installed before the newest publish of `name` to `server`. */
  readonly to?: string;
  /** As the history records it: a profile name or a URL without credentials. */
  readonly server: string;
  /** An exact kept archive (the history's button); else the best one for the version. */
  readonly archivePath?: string;
  /** Which history the rollback entry goes to; default the newest publish's. */
  readonly projectKey?: string;
}

const realTiming: PollTiming = { intervalMs: 1000, now: () => new Date(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Which version to go back to: `to`, or what the newest publish of `name` to this server went next to. */
function targetVersion(entries: readonly PublishHistoryEntry[], w: RollbackWanted): string {
  if (w.to) return w.to;
  const newest = entries.filter((e) => e.connector === w.name && e.server === w.server && e.kind !== 'rollback').at(-1);
  if (!newest) throw new ServiceError('NOT_FOUND', `No publish of ${w.name} to ${w.server} in the history: name the version with --to.`);
  if (!newest.previousVersion) throw new ServiceError('NOT_FOUND', `The newest publish of ${w.name} (${newest.version ?? '?'}) had no version before it on ${w.server}: name one with --to.`);
  return newest.previousVersion;
}

export async function rollBackFromHistory(
  client: FortiSoarClient,
  history: PublishHistory,
  w: RollbackWanted,
  o: { timing?: PollTiming; projectKeyOf?: (e: PublishHistoryEntry) => string } = {},
): Promise<HistoryRollback> {
  const entries = await history.listAll();
  if (!entries.some((e) => e.connector === w.name)) throw new ServiceError('NOT_FOUND', `${w.name} was never published from here: the history has no entry for it.`);
  const version = targetVersion(entries, w);
  const archivePath = w.archivePath ?? (await findKeptArchive(entries, w.name, version, w.server));
  if (!archivePath) throw new ServiceError('NOT_FOUND', `No kept archive of ${w.name} ${version}: only versions published from here can be rolled back to (publish ${version} again from its tag).`);
  const rec = stepRecorder();
  const started = new Date();
  let message: string;
  let removedVersions: string[] = [];
  let ok = true;
  try {
    const done = await rec.run('rollback', () => rollBackTo(client, w.name, version, archivePath, o.timing ?? realTiming), (d) => d.message);
    ({ message, removedVersions } = done);
  } catch (e) {
    if (!(e instanceof RollbackFailed) && !isPublishError(e)) throw e;
    ok = false;
    message = `The rollback to ${w.name} ${version} failed: ${e.message}`;
  }
  const source = entries.filter((e) => e.connector === w.name && e.archivePath === archivePath).at(-1);
  const projectKey = w.projectKey ?? (source && o.projectKeyOf ? o.projectKeyOf(source) : undefined);
  if (projectKey)
    await history.append(projectKey, {
      time: started.toISOString(),
      server: w.server,
      connector: w.name,
      version,
      result: ok ? 'rollback' : 'error:rollback',
      message,
      archiveSha256: source?.archiveSha256 ?? '',
      archivePath,
      kind: 'rollback',
      steps: rec.steps,
      rolledBack: ok,
    });
  return { ok, message, connector: w.name, version, removedVersions, steps: rec.steps };
}
