/** Publishing to a FortiSOAR-compatible server, as the UI sees it: server profiles, test connection, pre-flight,
 * progress, outcome and history. Pure types shared by the publish service and the renderer; secrets never
 * appear here except as the write-only `secret` of a profile save. */
import type { CompatChangeKind, CompatReport } from '../connector/compat/types';
import type { Finding, ValidationReport } from '../connector/findings';

export type ProfileAuth = 'password' | 'apiKey' | 'hmac';

export interface ServerProfile {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly auth: ProfileAuth;
  /** For `password`. */
  readonly username?: string;
  /** For `hmac`: the public half identifies the key pair; the private half is a secret. */
  readonly hmacPublicKey?: string;
  readonly tls: {
    /** A PEM bundle of extra trusted CAs. */
    readonly caFile?: string;
    /** "Accept this self-signed certificate": its SHA-256, shown as AA:BB:... */
    readonly pinnedSha256?: string;
  };
  readonly timeoutSec?: number;
  /** Whether the password / API key / private key is in the secret store. */
  readonly secretSet: boolean;
}

export interface ServerProfileInput {
  readonly id?: string;
  readonly name: string;
  readonly url: string;
  readonly auth: ProfileAuth;
  readonly username?: string;
  readonly hmacPublicKey?: string;
  readonly tls?: ServerProfile['tls'];
  readonly timeoutSec?: number;
  /** The password, API key or HMAC private key. Left out on update: the stored one stays. */
  readonly secret?: string;
}

export interface CertificateInfo {
  /** Upper-case hex pairs joined by colons, as browsers show it. */
  readonly sha256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
}

export interface PeekedCertificate {
  readonly certificate: CertificateInfo;
  /** Whether the system CAs (plus the profile's CA bundle) vouch for it and it names this host. */
  readonly trusted: boolean;
  readonly problem?: string;
}

export type ConnectionStep = 'dns' | 'tcp' | 'tls' | 'auth' | 'permission';

export interface StepResult {
  readonly step: ConnectionStep;
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly message: string;
  readonly hint?: string;
}

export interface ConnectionTest {
  readonly ok: boolean;
  readonly failedStep?: ConnectionStep;
  readonly steps: StepResult[];
  /** The certificate the server presented (https), to show its fingerprint and offer to accept it. */
  readonly certificate?: CertificateInfo;
  /** Set when the connection went through a proxy from the environment. */
  readonly proxy?: string;
}

/** A server configuration of an installed connector, as the connectors list shows it. */
export interface ConfigurationRef {
  readonly id: number;
  readonly config_id: string;
  readonly name: string;
  readonly default: boolean;
}

export interface InstalledVersion {
  readonly id: number;
  readonly version: string;
  readonly label?: string;
  readonly status?: string;
  readonly active?: boolean;
  readonly requirementsInstalled?: string;
  readonly configurations: ConfigurationRef[];
}

export interface PreflightResult {
  readonly connector: { readonly name: string; readonly version: string; readonly label?: string };
  readonly archive: { readonly fileName: string; readonly bytes: number; readonly sha256: string };
  readonly validation: ValidationReport;
  /** The server's import rules, checked locally (errors only). */
  readonly importProblems: Finding[];
  /** True when the upload would be refused or the connector would fail: errors to fix first. */
  readonly blocked: boolean;
  /** Versions of this connector on the server, newest first. */
  readonly installed: InstalledVersion[];
  /** Set when this very version is installed: publish needs Replace, or a version bump. */
  readonly sameVersion?: InstalledVersion;
  /** The newest installed version as the server describes it (connector details), compared with this one. */
  readonly server?: { readonly version: string; readonly report: CompatReport };
  /** The last version tag of the project against the server's version (the third side of the comparison). */
  readonly tagToServer?: { readonly tag: string; readonly report: CompatReport };
  /** Playbook steps (on the server, and in this connector's own sample playbooks) that this version breaks. */
  readonly impact?: PlaybookImpact[];
  /** Why the server's playbooks could not be read, when they could not (the impact then covers the samples only). */
  readonly impactNote?: string;
}

/** One playbook step that uses an operation, parameter or output key this version removes or changes. */
export interface PlaybookImpact {
  /** `server`: a playbook on the server; `sample`: one in this connector's playbooks/playbooks.json. */
  readonly source: 'server' | 'sample';
  readonly collection?: string;
  readonly playbook: string;
  readonly step: string;
  readonly operation: string;
  readonly change: CompatChangeKind;
  readonly breaking: boolean;
  /** The compatibility report's words for the change. */
  readonly message: string;
}

/** The steps of a publish as a transaction; `smoke:<operation>` per smoke-tested action. */
export type TransactionStepName = 'preflight' | 'upload' | 'install' | 'verify' | 'health' | `smoke:${string}` | 'rollback';

export interface TransactionStep {
  readonly step: TransactionStepName;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  /** What failed, in words, with the server's own message; or what was done. */
  readonly message?: string;
}

/** A read-only action to run on the server after the upload, with its saved inputs. */
export interface SmokeAction {
  readonly operation: string;
  readonly params?: Record<string, unknown>;
}

export type PublishStage = 'preflight' | 'impact' | 'upload' | 'import' | 'requirements' | 'configure' | 'verify' | 'health' | 'smoke' | 'rollback' | 'cleanup' | 'done';

export interface PublishProgress {
  readonly stage: PublishStage;
  readonly message: string;
  /** Upload bytes. */
  readonly sent?: number;
  readonly total?: number;
}

export type HealthChoice =
  | { readonly config: string }
  /** Create (or update) a server configuration from these values, e.g. a local test configuration. */
  | { readonly create: { readonly name: string; readonly values: Record<string, unknown>; readonly isDefault?: boolean } };

export interface ImportJob {
  readonly uuid: string;
  readonly status: string;
  readonly [key: string]: unknown;
}

export interface RemoteHealth {
  /** Available, Disconnected, Deactivated or NotConfigured. */
  readonly status: string;
  readonly message: string;
  readonly name?: string;
  readonly version?: string;
  readonly config_id?: string;
}

export type PublishResultKind = 'success' | 'import-failed' | 'requirements-failed' | 'verify-failed' | 'health-failed' | 'smoke-failed';

export interface PublishOutcome {
  readonly result: PublishResultKind;
  readonly message: string;
  readonly connector: { readonly id: number; readonly name: string; readonly version: string };
  readonly archiveSha256: string;
  /** Where the uploaded .tgz is kept (the user data folder's publish archives), when it was kept. */
  readonly archivePath?: string;
  readonly replaced: boolean;
  readonly importJob?: ImportJob;
  readonly requirements: { readonly status: string; readonly output?: string };
  readonly health?: RemoteHealth;
  readonly deletedVersions: Array<{ readonly id: number; readonly version: string }>;
  readonly preflight: PreflightResult;
  /** Things worth telling the user even when all went well. */
  readonly notes: string[];
  /** Each step with its timing; a failed one carries the server's message. */
  readonly steps?: TransactionStep[];
  /** The server was put back as it was before this publish. */
  readonly rolledBack?: boolean;
  /** The version this publish replaced or went next to, if any. */
  readonly previousVersion?: string;
}

export interface PublishHistoryEntry {
  /** ISO 8601, UTC: when the publish started. */
  readonly time: string;
  readonly server: string;
  readonly connector?: string;
  readonly version?: string;
  /** success, import-failed, requirements-failed, health-failed, or error:<kind>. */
  readonly result: string;
  readonly message: string;
  readonly archiveSha256: string;
  /** The kept copy of the uploaded .tgz, once the package reached the server. */
  readonly archivePath?: string;
  /** `rollback` for an entry that put an earlier kept archive back; a publish otherwise. */
  readonly kind?: 'publish' | 'rollback';
  readonly steps?: TransactionStep[];
  readonly rolledBack?: boolean;
  /** The newest version installed before this publish (what a rollback puts back). */
  readonly previousVersion?: string;
}

/** The remote health check a publish ends with, as the UI asks for it: an existing server configuration, or
 * one created from a local test configuration (its secrets are read in the services, sent only to that server). */
export type PublishHealthRequest = { readonly config: string } | { readonly fromTestConfig: string; readonly name?: string };

export interface PublishRunRequest {
  /** Chosen by the UI; `publish.progress` events carry it. */
  readonly runId: string;
  readonly profileId: string;
  readonly projectId: string;
  readonly replace?: boolean;
  readonly deleteOtherVersions?: boolean;
  readonly health?: PublishHealthRequest;
  /** "Publish and discard": the UI closes the project after success; the folder, archive and git history stay. */
  readonly discardAfter?: boolean;
  /** Tag the commit `v<version>` after a successful publish. */
  readonly tag?: boolean;
  /** Compare what the server installed with what was built. */
  readonly verify?: boolean;
  /** Read-only actions to run on the server after the health check. */
  readonly smoke?: SmokeAction[];
  /** "Keep the new version anyway": no rollback when a step after the upload fails. */
  readonly keepOnFailure?: boolean;
}

/** Roll back to the kept archive of an earlier publish of this project (its history entry's `archivePath`). */
export interface PublishRollbackRequest {
  readonly profileId: string;
  readonly projectId: string;
  readonly archivePath: string;
}

export interface RollbackResult {
  readonly ok: boolean;
  readonly message: string;
  readonly connector: string;
  readonly version: string;
  readonly removedVersions: string[];
  readonly steps: TransactionStep[];
}

export interface PublishRunResult extends PublishOutcome {
  /** The tag created after success, when asked for. */
  readonly tagged?: string;
}

export interface PublishProgressEvent extends PublishProgress {
  readonly runId: string;
}
