/** "Start local sandbox" in the Publish view: the bundled FortiSOAR-compatible server (src/main/sandbox) on
 * 127.0.0.1, with a fresh API key, and a server profile "Local sandbox" pointing at it, so a newcomer can publish
 * without a FortiSOAR. The server itself is handed in by the door that started the app (services never import
 * a door); it stops with the app. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ServerProfile, ServerProfileInput } from '../../../shared/models/publish';
import { ServiceError } from '../errors';

/** What the door's sandbox server takes and gives (src/main/sandbox/server.ts startSandbox). */
export interface LocalServerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly apiKeys: ReadonlyArray<{ readonly key: string }>;
  readonly pythonCommand?: string[];
  readonly platform?: (python: string[]) => Promise<{ readonly python?: string; readonly sitePackages?: string }>;
}
export type StartLocalServer = (o: LocalServerOptions) => Promise<{ readonly url: string; close(): Promise<void> }>;

export interface LocalSandboxInfo {
  readonly url: string;
  readonly profileId: string;
  readonly profileName: string;
  /** False when it was already running: the same server and profile are answered. */
  readonly started: boolean;
}

export interface LocalSandboxService {
  start(): Promise<LocalSandboxInfo>;
  /** The running sandbox, or null. */
  status(): LocalSandboxInfo | null;
  dispose(): Promise<void>;
}

export const LOCAL_SANDBOX_PROFILE = 'Local sandbox';

export function createLocalSandbox(deps: {
  userDataDir: string;
  startServer?: StartLocalServer;
  profiles: { listProfiles(): Promise<ServerProfile[]>; saveProfile(input: ServerProfileInput): Promise<ServerProfile> };
  pythonCommand?: () => Promise<string[]>;
  platform?: LocalServerOptions['platform'];
}): LocalSandboxService {
  let running: { info: LocalSandboxInfo; close(): Promise<void> } | null = null;
  let starting: Promise<LocalSandboxInfo> | null = null;

  async function startOnce(): Promise<LocalSandboxInfo> {
    if (!deps.startServer)
      throw new ServiceError('UNAVAILABLE', 'This window cannot start the sandbox: run `connector-studio sandbox --api-key KEY` in a terminal and add a profile for the address it prints.');
    // A new key each start: the profile is rewritten with it, and no old key opens the new server.
    const key = randomBytes(24).toString('hex');
    const server = await deps.startServer({
      dataDir: path.join(deps.userDataDir, 'sandbox'),
      port: 0,
      host: '127.0.0.1',
      apiKeys: [{ key }],
      ...(deps.pythonCommand ? { pythonCommand: await deps.pythonCommand() } : {}),
      ...(deps.platform ? { platform: deps.platform } : {}),
    });
    try {
      const existing = (await deps.profiles.listProfiles()).find((p) => p.name === LOCAL_SANDBOX_PROFILE);
      const profile = await deps.profiles.saveProfile({ ...(existing ? { id: existing.id } : {}), name: LOCAL_SANDBOX_PROFILE, url: server.url, auth: 'apiKey', secret: key });
      const info = { url: server.url, profileId: profile.id, profileName: profile.name, started: true };
      running = { info, close: () => server.close() };
      return info;
    } catch (e) {
      await server.close();
      throw e;
    }
  }

  return {
    start: async () => {
      if (running) return { ...running.info, started: false };
      starting ??= startOnce().finally(() => (starting = null));
      return starting;
    },
    status: () => running?.info ?? null,
    dispose: async () => {
      const r = running;
      running = null;
      await r?.close();
    },
  };
}
