/** Which store a connector's runs write to, and the one platform endpoint their workers reach it through. The IDE
 * keeps one store per connector folder (per project) in the user data folder; the CLI and the sandbox one store for
 * everything they run. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { startPlatformEndpoint, type PlatformConnection, type PlatformEndpoint } from './endpoint';
import { openFolderStore, type PlatformStore } from './store';

export interface PlatformHub {
  /** The store a connector folder's runs write to. */
  storeFor(folder: string): PlatformStore;
  /** The folder's worker connection (the endpoint starts on the first one); the same one on every call. */
  connectionFor(folder: string): Promise<PlatformConnection>;
  /** Stops the endpoint; the stores keep what they hold. */
  close(): Promise<void>;
}

/** The name of a connector folder's store: the same hash a project id is made with (projects/project-summary.ts),
 * so a project whose connector is its root folder has its store under its own id. */
export const storeIdOf = (folder: string): string => createHash('sha1').update(path.resolve(folder)).digest('hex').slice(0, 12);

/** One folder store per connector folder under `root` (`<root>/<storeIdOf(folder)>/`). */
export const storesPerFolder =
  (root: string) =>
  (folder: string): PlatformStore =>
    openFolderStore(path.join(root, storeIdOf(folder)));

export function createPlatformHub(o: { readonly storeFor: (folder: string) => PlatformStore; readonly warn?: (message: string) => void }): PlatformHub {
  let endpoint: Promise<PlatformEndpoint> | undefined;
  const connections = new Map<string, Promise<PlatformConnection>>();
  return {
    storeFor: (folder) => o.storeFor(path.resolve(folder)),
    connectionFor(folder) {
      const key = path.resolve(folder);
      let c = connections.get(key);
      if (!c) {
        endpoint ??= startPlatformEndpoint({ warn: o.warn });
        c = endpoint.then((e) => e.connect(o.storeFor(key)));
        // A failed start is not kept: the next call tries again.
        c.catch((e: unknown) => {
          connections.delete(key);
          o.warn?.(`The simulated platform could not start for ${key}: ${e instanceof Error ? e.message : String(e)}`);
        });
        connections.set(key, c);
      }
      return c;
    },
    async close() {
      const started = endpoint;
      endpoint = undefined;
      connections.clear();
      if (started) await (await started).close();
    },
  };
}
