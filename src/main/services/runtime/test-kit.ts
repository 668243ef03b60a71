/** Shared by the runtime's tests: fixture paths, a service over a temp data folder, process checks. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlatformHub } from '../platform/hub';
import { createMemoryStore, type PlatformStore } from '../platform/store';
import { createRuntimeService } from './runtime-service';
import type { RuntimeService, RuntimeServiceOptions } from './types';

export const FIXTURES = fileURLToPath(new URL('../../../../tests/fixtures/runtime', import.meta.url));
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface Kit {
  readonly runtime: RuntimeService;
  readonly dataDir: string;
  readonly tmp: string;
  /** The simulated platform every connector of the kit writes to (in memory). */
  readonly platform: PlatformStore;
  /** Copies a fixture connector into the temp folder so a test may edit it. */
  copy(name: string): string;
  dispose(): Promise<void>;
}

export function makeKit(options: Partial<RuntimeServiceOptions> = {}): Kit {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-runtime-'));
  const dataDir = path.join(tmp, 'data');
  const platform = createMemoryStore();
  const hub = createPlatformHub({ storeFor: () => platform });
  const runtime = createRuntimeService({ dataDir, env: { PYTHONPATH: fixture('site-packages') }, platform: (folder) => hub.connectionFor(folder), ...options });
  return {
    runtime,
    dataDir,
    tmp,
    platform,
    copy(name) {
      const target = path.join(tmp, 'connectors', name);
      cpSync(fixture(name), target, { recursive: true });
      return target;
    },
    async dispose() {
      await runtime.stopAll();
      await hub.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** True while the process exists and is not a zombie (a container's init may never reap orphans). */
export function isRunning(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
}
