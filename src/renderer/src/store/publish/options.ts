import type { ConfigurationRef, InstalledVersion, PreflightResult, PublishHealthRequest } from '../../../../shared/models/publish';

export type HealthSelection = { readonly kind: 'none' } | { readonly kind: 'server'; readonly config: string } | { readonly kind: 'local'; readonly testConfigId: string };

export interface PublishOptions {
  readonly replace: boolean;
  readonly deleteOtherVersions: boolean;
  readonly health: HealthSelection;
  readonly discardAfter: boolean;
  readonly tag: boolean;
  /** Compare what the server installed with what was built. */
  readonly verify: boolean;
  /** "Keep the new version anyway" when a step after the upload fails; off: the server is rolled back. */
  readonly keepOnFailure: boolean;
  /** Operations to run on the server after the health check (read-only ones, see smoke.ts). */
  readonly smoke: readonly string[];
}

export const DEFAULT_OPTIONS: PublishOptions = { replace: false, deleteOtherVersions: false, health: { kind: 'none' }, discardAfter: false, tag: false, verify: true, keepOnFailure: false, smoke: [] };

/** Why Publish cannot start yet, or null. */
export function publishBlocker(pre: PreflightResult | null, o: PublishOptions): string | null {
  if (!pre) return 'Run the pre-flight checks first.';
  if (pre.blocked) return 'Fix the errors the pre-flight found first.';
  if (pre.sameVersion && !o.replace) return `${pre.connector.version} is installed on the server: choose Replace, or bump the version.`;
  return null;
}

/** The versions "Delete all existing versions" uninstalls after a successful install: every other one. */
export function versionsToDelete(pre: PreflightResult | null, o: PublishOptions): InstalledVersion[] {
  if (!pre || !o.deleteOtherVersions) return [];
  return pre.installed.filter((v) => v.version !== pre.connector.version);
}

/** Server configurations a health check can use: those of this very version (a Replace keeps them), else those of
 * the newest installed version, which the server moves to the new version by name on install. */
export const serverConfigurations = (pre: PreflightResult | null): ConfigurationRef[] => (pre?.sameVersion ?? pre?.installed[0])?.configurations ?? [];

export function healthRequest(h: HealthSelection): PublishHealthRequest | undefined {
  if (h.kind === 'server') return { config: h.config };
  if (h.kind === 'local') return { fromTestConfig: h.testConfigId };
  return undefined;
}

/** The newest installed version, to compare against. */
export const newestInstalled = (pre: PreflightResult | null): InstalledVersion | undefined => pre?.installed[0];

const RESULT_LABELS: Record<string, string> = {
  success: 'Installed',
  'import-failed': 'Import failed',
  'requirements-failed': 'Requirements failed',
  'health-failed': 'Health check failed',
  'verify-failed': 'Verify failed',
  'smoke-failed': 'Smoke test failed',
  rollback: 'Rolled back',
};

/** A history entry's result in words: "Installed", "Failed: conflict". */
export const resultLabel = (result: string) => RESULT_LABELS[result] ?? (result.startsWith('error:') ? `Failed: ${result.slice(6)}` : 'Failed');
export const resultOk = (result: string) => result === 'success' || result === 'rollback';
