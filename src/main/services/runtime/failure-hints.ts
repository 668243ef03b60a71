/** Adds to a failed call's message how to fix it, when the shared rule knows (shared/models/environment-hint.ts):
 * every door that runs connectors through the runtime holder (the CLI's run and health, the IDE's Test Actions,
 * health checks and the configuration hooks of saving a test configuration) then says the same. */
import type { RuntimeService } from './types';

/** The sentence to add for a failure of the connector in `folder`, or undefined. */
export type FailureHint = (folder: string, message: string) => Promise<string | undefined>;

export function withFailureHints(runtime: RuntimeService, hintFor: FailureHint, warn: (message: string) => void): RuntimeService {
  async function hinted<T extends { readonly message: string }>(folder: string, result: T, failed: boolean): Promise<T> {
    if (!failed || !result.message) return result;
    const hint = await hintFor(folder, result.message).catch((e: unknown) => {
      warn(`Could not tell how to fix the failure of ${folder} (${result.message}): ${(e as Error).message}`);
      return undefined;
    });
    return hint ? { ...result, message: `${result.message}\n${hint}` } : result;
  }
  return {
    ...runtime,
    execute: async (folder, operation, params, config, options) => {
      const r = await runtime.execute(folder, operation, params, config, options);
      return hinted(folder, r, r.status !== 'Success');
    },
    checkHealth: async (folder, config, options) => {
      const r = await runtime.checkHealth(folder, config, options);
      return hinted(folder, r, r.status !== 'Available');
    },
    // Saving a test configuration runs on_add_config, which fails to load such a connector first.
    runHook: async (folder, hook, args, options) => {
      const r = await runtime.runHook(folder, hook, args, options);
      return hinted(folder, r, r.status !== 'Success');
    },
  };
}
