/** Putting the server back as it was: the failed version removed, the previous version installed again from the
 * archive kept at its publish (the server then moves the configurations back to it by field name, as it does on
 * every install of a version), and the result checked. Also "roll back to any kept archive" from the history. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishHistoryEntry } from '../../../shared/models/publish';
import type { FortiSoarClient } from './client';
import { serverLabel } from './history';
import { waitForInstall, type InstallTimeouts, type PollTiming } from './install-wait';
import { compareVersionsDesc, installedVersions } from './preflight';
import { statIfPresent } from '../workspace/fs-probe';

export interface RollbackTarget {
  readonly name: string;
  /** The version the failed publish installed; left alone when it is the version being restored (a replace). */
  readonly failed?: { readonly id: number; readonly version: string };
  /** What to put back; none when the connector was not on the server before. */
  readonly previous?: { readonly version: string; readonly archivePath?: string };
}

export interface RollbackDone {
  readonly message: string;
  readonly removedVersions: string[];
}

/** A rollback that could not put the server back; the message says what is on the server now. */
export class RollbackFailed extends Error {}

/** The kept archive to re-upload for `version`: the one whose checksum the server reports for it when that is
 * known, else the newest kept for the same server, else the newest kept anywhere. Only files that still exist. */
export async function findKeptArchive(history: readonly PublishHistoryEntry[], name: string, version: string, server: string, serverSha?: string): Promise<string | undefined> {
  const label = serverLabel(server);
  const candidates = history.filter((e) => e.connector === name && e.version === version && e.archivePath && e.kind !== 'rollback' && e.result === 'success');
  const rank = (e: PublishHistoryEntry) => (serverSha && e.archiveSha256 === serverSha ? 0 : e.server === label ? 1 : 2);
  const ordered = candidates.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || b.i - a.i);
  for (const { e } of ordered) if ((await statIfPresent(e.archivePath!))?.isFile()) return e.archivePath;
  return undefined;
}

/** Re-uploads a kept archive (replacing that version when the server still has it) and waits for it to install. */
async function reinstall(client: FortiSoarClient, name: string, version: string, archivePath: string, timing: PollTiming, t: InstallTimeouts): Promise<void> {
  const present = (await installedVersions(client, name)).some((v) => v.version === version);
  const bytes = await readFile(archivePath);
  const record = await client.installConnector(bytes, `${name}.tgz`, { replace: present });
  const waited = await waitForInstall(client, record, timing, t);
  if (!waited.ok) throw new RollbackFailed(`Re-installing ${name} ${version} from ${path.basename(archivePath)} failed: ${waited.message}`);
}

export async function rollBack(client: FortiSoarClient, target: RollbackTarget, timing: PollTiming, t: InstallTimeouts = {}): Promise<RollbackDone> {
  const { name, failed, previous } = target;
  const sameVersion = failed !== undefined && previous?.version === failed.version;
  if (previous?.archivePath) await reinstall(client, name, previous.version, previous.archivePath, timing, t);
  else if (previous) {
    const still = (await installedVersions(client, name)).find((v) => v.version === previous.version);
    // Without its archive the previous version cannot be installed again, and uninstalling the failed one would
    // take the configurations that moved to it: leave both, and say so.
    if (!still || sameVersion)
      throw new RollbackFailed(`No kept archive of ${name} ${previous.version} to re-upload${failed ? `, so ${failed.version} stays installed` : ''}. Publish ${previous.version} again from its tag to restore it.`);
    const moved = (await client.listConfigurations()).filter((c) => c.connector === failed?.id);
    if (moved.length)
      throw new RollbackFailed(`No kept archive of ${name} ${previous.version}: it is still installed, but ${failed?.version} holds its configurations (${moved.map((c) => c.name).join(', ')}), so ${failed?.version} stays installed. Move them back on the server, then uninstall ${failed?.version}.`);
  }
  const removedVersions: string[] = [];
  if (failed && !sameVersion) {
    await client.uninstallConnector(failed.id);
    removedVersions.push(failed.version);
  }
  const now = await installedVersions(client, name);
  if (previous && !now.some((v) => v.version === previous.version)) throw new RollbackFailed(`${name} ${previous.version} is not installed after the rollback.`);
  const left = now.map((v) => v.version).join(', ') || 'none';
  const what = previous ? (sameVersion ? `${name} ${previous.version} re-installed from its kept archive` : `${name} ${previous.version} restored${previous.archivePath ? ' from its kept archive' : ''}, ${failed?.version} removed`) : `${name} ${failed?.version} removed`;
  return { message: `Rolled back: ${what}. Installed now: ${left}.`, removedVersions };
}

/** "Roll back to" an entry of the history: that archive installed again and every newer installed version removed
 * (their configurations move to it on install). */
export async function rollBackTo(client: FortiSoarClient, name: string, version: string, archivePath: string, timing: PollTiming, t: InstallTimeouts = {}): Promise<RollbackDone> {
  await reinstall(client, name, version, archivePath, timing, t);
  const removedVersions: string[] = [];
  for (const v of await installedVersions(client, name))
    if (compareVersionsDesc(v.version, version) < 0) {
      await client.uninstallConnector(v.id);
      removedVersions.push(v.version);
    }
  const left = (await installedVersions(client, name)).map((v) => v.version).join(', ');
  return { message: `Rolled back to ${name} ${version}${removedVersions.length ? `, removed ${removedVersions.join(', ')}` : ''}. Installed now: ${left}.`, removedVersions };
}
