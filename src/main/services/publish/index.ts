/** Publishing to FortiSOAR (reference/fortisoar-api.md): client, profiles, pre-flight, publish flow, history. */
export { createPublishService, type PublishRequest, type PublishService, type PublishServiceDeps } from './publish-service';
export { createFortiSoarClient, integrationPath, type ClientOptions, type Credentials, type FortiSoarClient } from './client';
export { PublishError, isPublishError, type PublishErrorDetails, type PublishErrorKind } from './errors';
export { peekCertificate, displayFingerprint, type CertificateInfo, type PeekedCertificate, type TlsSettings } from './connection';
export { testConnection, type ConnectionStep, type ConnectionTest, type StepResult } from './test-connection';
export { createServerProfileStore, type ProfileAuth, type ServerProfile, type ServerProfileInput } from './profiles';
export { createPublishHistory, type PublishHistoryEntry } from './history';
export { installedVersions, type InstalledVersion, type PreflightResult } from './preflight';
export { preflightSource, publishConnector, type HealthChoice, type PublishOptions, type PublishOutcome, type PublishProgress, type PublishStage } from './publish-flow';
export { checkImportFolder, checkImportTgz, SERVER_IMPORT_RULES, type ImportCheck } from './import-rules';
export { hmacAuthorization } from './hmac';
export type * from './types';
