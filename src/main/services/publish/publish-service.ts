/** The publish feature as one service over its parts, for the router and the UI: profiles, test connection,
 * certificate inspection, pre-flight, publish with progress, and the history. Secrets enter through
 * profile saves and leave only towards the server they belong to. */
import { readFile } from 'node:fs/promises';
import type { SecretStore } from '../secrets/secret-store';
import type { ValidateService } from '../validate';
import { createFortiSoarClient, type ClientOptions } from './client';
import { peekCertificate, type PeekedCertificate } from './connection';
import { createPublishHistory, publishArchiveDir, type PublishHistoryEntry } from './history';
import { installedVersions, type InstalledVersion, type PreflightResult } from './preflight';
import { createServerProfileStore, throwOnProblems, type ServerProfile, type ServerProfileInput } from './profiles';
import { preflightSource, publishConnector, type HealthChoice, type PublishOutcome, type PublishProgress } from './publish-flow';
import { rollBackFromHistory, type HistoryRollback } from './rollback-from-history';
import type { SmokeAction } from '../../../shared/models/publish';
import { ServiceError } from '../errors';
import { resolveInside } from '../workspace/safe-path';
import path from 'node:path';
import { lastVersionTag } from '../versions/git-version';
import { loadVersion } from '../versions/load-version';
import { testConnection, type ConnectionTest } from './test-connection';

export interface PublishServiceDeps {
  readonly userDataDir: string;
  readonly secrets: SecretStore;
  readonly validate?: ValidateService;
  /** Where proxy settings are read. Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** PublishOptions.log. */
  readonly log?: (msg: string, extra?: unknown) => void;
}

export interface PublishRequest {
  readonly profileId: string;
  /** The connector folder (or project root) or a .tgz, absolute. */
  readonly source: string;
  /** Whose history gets the entry: the project id. */
  readonly projectKey: string;
  readonly replace?: boolean;
  readonly deleteOtherVersions?: boolean;
  readonly health?: HealthChoice;
  readonly verify?: boolean;
  readonly smoke?: readonly SmokeAction[];
  /** "Keep the new version anyway": no rollback when a step after the upload fails. */
  readonly keepOnFailure?: boolean;
}

/** Which server a connection test talks to: a saved profile, or the dialog's unsaved one with its secret. */
export type ConnectionTarget = { profileId: string } | { profile: ServerProfileInput & { secret: string } };

/** Server profiles and publishing to them, with each project's publish history. Secrets stay in the SecretStore. */
export interface PublishService {
  listProfiles(): Promise<ServerProfile[]>;
  /** Creates or (with `id`) updates a profile; VALIDATION with `problems` by field, CONFLICT on a taken name. */
  saveProfile(input: ServerProfileInput): Promise<ServerProfile>;
  /** Removes the profile and its secret; an unknown id is not an error. */
  removeProfile(profileId: string): Promise<void>;
  /** After the user compared the fingerprint shown by testConnection/inspectCertificate; undefined unpins. */
  pinCertificate(profileId: string, sha256: string | undefined): Promise<ServerProfile>;
  /** Each step (DNS, TCP, TLS, authentication, permission) passed, failed with a hint, or was not tried. */
  testConnection(target: ConnectionTarget): Promise<ConnectionTest>;
  /** The certificate the profile's server presents, fetched without trusting it. */
  inspectCertificate(profileId: string): Promise<PeekedCertificate>;
  /** The versions of connector `name` installed on the server, newest first. */
  installedVersions(profileId: string, name: string): Promise<InstalledVersion[]>;
  /** Validation, server import rules and installed versions for a folder or .tgz, without publishing it. */
  preflight(profileId: string, source: string): Promise<PreflightResult>;
  /** Publishes and records the outcome in the project's history; throws a PublishError when a step cannot go on. */
  publish(r: PublishRequest, onProgress?: (p: PublishProgress) => void): Promise<PublishOutcome>;
  /** The project's publishes, as recorded. */
  history(projectKey: string): Promise<PublishHistoryEntry[]>;
  /** Puts the version of one of this project's kept archives (named by file name, as the history lists it) back on
   * the profile's server, removing the newer versions; recorded in the history as a rollback. */
  rollback(r: { profileId: string; projectKey: string; archive: string }): Promise<HistoryRollback>;
}

/** The project's last version tag and its info.json, for the dialog's third comparison; none outside git or
 * without a tag, which is no error (a failing git is logged). */
function tagBaseline(source: string, log: (msg: string, extra?: unknown) => void) {
  return async () => {
    try {
      const tag = await lastVersionTag(source);
      return tag ? { tag, info: (await loadVersion(`git:${tag}`, { cwd: source })).info } : undefined;
    } catch (e) {
      log(`Reading the last version tag of ${source} failed`, e);
      return undefined;
    }
  };
}

export function createPublishService(deps: PublishServiceDeps): PublishService {
  const lastTagOf = (source: string) => tagBaseline(source, deps.log ?? console.warn);
  const profiles = createServerProfileStore(deps.userDataDir, deps.secrets);
  const history = createPublishHistory(deps.userDataDir);
  const env = () => deps.env ?? process.env;
  const clientOf = async (profileId: string) => createFortiSoarClient(await profiles.clientOptions(profileId, { env: env() }));

  /** An unsaved profile (the dialog's "Test" before "Save") needs its secret in the input. */
  async function optionsOf(target: ConnectionTarget): Promise<ClientOptions> {
    if ('profileId' in target) return profiles.clientOptions(target.profileId, { env: env() });
    const p = target.profile;
    throwOnProblems(p, false);
    const credentials =
      p.auth === 'password'
        ? { kind: 'password' as const, username: p.username ?? '', password: p.secret }
        : p.auth === 'apiKey'
          ? { kind: 'apiKey' as const, apiKey: p.secret }
          : { kind: 'hmac' as const, publicKey: p.hmacPublicKey ?? '', privateKey: p.secret };
    const ca = p.tls?.caFile ? await readFile(p.tls.caFile, 'utf8') : undefined;
    return { url: p.url, credentials, tls: { ca, pinnedSha256: p.tls?.pinnedSha256 }, env: env() };
  }

  return {
    listProfiles: (): Promise<ServerProfile[]> => profiles.list(),
    saveProfile: (input: ServerProfileInput): Promise<ServerProfile> => profiles.save(input),
    removeProfile: (profileId: string): Promise<void> => profiles.remove(profileId),
    pinCertificate: (profileId: string, sha256: string | undefined): Promise<ServerProfile> => profiles.pinCertificate(profileId, sha256),
    testConnection: async (target: ConnectionTarget): Promise<ConnectionTest> => testConnection(await optionsOf(target)),
    inspectCertificate: async (profileId: string): Promise<PeekedCertificate> => {
      const o = await profiles.clientOptions(profileId, { env: env() });
      return peekCertificate(new URL(o.url), { tls: o.tls, env: o.env });
    },
    installedVersions: async (profileId: string, name: string): Promise<InstalledVersion[]> => installedVersions(await clientOf(profileId), name),
    preflight: async (profileId: string, source: string): Promise<PreflightResult> => preflightSource(await clientOf(profileId), source, deps.validate, lastTagOf(source)),
    publish: async (r: PublishRequest, onProgress?: (p: PublishProgress) => void): Promise<PublishOutcome> => {
      const profile = await profiles.get(r.profileId);
      return publishConnector(await clientOf(r.profileId), r.source, {
        replace: r.replace,
        deleteOtherVersions: r.deleteOtherVersions,
        health: r.health,
        verify: r.verify,
        smoke: r.smoke,
        rollback: r.keepOnFailure !== true,
        onProgress,
        validate: deps.validate,
        history: { store: history, projectKey: r.projectKey, server: profile.name },
        keepArchiveIn: publishArchiveDir(deps.userDataDir, r.projectKey),
        log: deps.log,
      });
    },
    history: (projectKey: string): Promise<PublishHistoryEntry[]> => history.list(projectKey),
    rollback: async (r: { profileId: string; projectKey: string; archive: string }): Promise<HistoryRollback> => {
      const profile = await profiles.get(r.profileId);
      // The renderer names a file, no path: only one in this project's own archive folder may be uploaded.
      if (r.archive !== path.basename(r.archive) || !r.archive.endsWith('.tgz'))
        throw new ServiceError('VALIDATION', `"${r.archive}" is not the file name of a kept archive (name-version-hash.tgz, as the history lists it).`);
      const archivePath = await resolveInside(publishArchiveDir(deps.userDataDir, r.projectKey), r.archive);
      const entry = (await history.list(r.projectKey)).filter((e) => e.archivePath && path.resolve(e.archivePath) === path.resolve(archivePath) && e.connector && e.version).at(-1);
      if (!entry?.connector || !entry.version) throw new ServiceError('NOT_FOUND', `${path.basename(r.archive)} is not a kept archive of this project's publishes.`);
      return rollBackFromHistory(await clientOf(r.profileId), history, { name: entry.connector, to: entry.version, server: profile.name, archivePath, projectKey: r.projectKey });
    },
  };
}
