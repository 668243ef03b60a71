/** Publish channels: server profiles and certificates, the local sandbox, preflight, publishing, history, rollback. */
import type {
  ConnectionTest,
  InstalledVersion,
  PeekedCertificate,
  PreflightResult,
  PublishHistoryEntry,
  PublishRunRequest,
  RollbackResult,
  ServerProfile,
  ServerProfileInput,
} from '../../models/publish';
import type { Empty, InProject, JobStarted } from './common';

export interface PublishChannels {
  /** Server profiles: the secret (password, API key, HMAC private key) is write-only; profiles show `secretSet`. */
  'publish.profiles': { req: Empty; res: ServerProfile[] };
  /** Starts the bundled sandbox server on 127.0.0.1 (once per run) and points the "Local sandbox" profile at it. */
  'sandbox.start': { req: Empty; res: { url: string; profileId: string; profileName: string; started: boolean } };
  'publish.saveProfile': { req: { profile: ServerProfileInput }; res: ServerProfile };
  'publish.removeProfile': { req: { profileId: string }; res: Empty };
  /** After the user compared the fingerprint; no sha256 unpins. */
  'publish.pinCertificate': { req: { profileId: string; sha256?: string }; res: ServerProfile };
  /** A saved profile by id, or an unsaved one with its secret (the editor's "Test" before "Save"). */
  'publish.testConnection': { req: { profileId: string } | { profile: ServerProfileInput & { secret: string } }; res: ConnectionTest };
  'publish.inspectCertificate': { req: { profileId: string }; res: PeekedCertificate };
  'publish.installedVersions': { req: { profileId: string; name: string }; res: InstalledVersion[] };
  'publish.preflight': { req: InProject & { profileId: string }; res: PreflightResult };
  /** A job: answers at once, then `publish.progress` events and one `publish.done` tagged with the caller's runId. */
  'publish.run': { req: PublishRunRequest; res: JobStarted };
  /** Newest first. */
  'publish.history': { req: InProject; res: PublishHistoryEntry[] };
  /** Puts the version of a kept archive (its file name, as the history lists it) back on the profile's server. */
  'publish.rollback': { req: InProject & { profileId: string; archive: string }; res: RollbackResult };
}
