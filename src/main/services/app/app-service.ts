import { mkdir, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { AppInfo, SecretKeyLocation, Settings, ToolInfo } from '../../../shared/models/settings';
import { ifMissing } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';

const SECRET_KEY = /pass|secret|token|key|credential|auth/i;

/** Removes anything that looks like a secret before diagnostics leave the machine. */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return scrubLine(value);
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '<redacted>' : redact(v)]));
  return value;
}

export interface AppServiceDeps {
  version: string;
  mode: AppInfo['mode'];
  userDataDir: string;
  logsDir: string;
  settings: () => Promise<Settings>;
  tools: () => Promise<ToolInfo[]>;
  openPath?: (absPath: string) => Promise<boolean>;
  /** Where the secret store keeps its key, for Settings to show. */
  secretKey?: () => Promise<SecretKeyLocation>;
  /** Start-up notices (settings moved aside), for the window to show. */
  notices?: () => Promise<readonly string[]>;
}

export interface AppService {
  /** Version, mode, platform and folders for the About box and Settings, with start-up notices if any. */
  info(): Promise<AppInfo>;
  /** A .tar.gz of the scrubbed logs plus versions and redacted settings, written to the user data folder. */
  exportDiagnostics(): Promise<{ path: string; bytes: number }>;
  /** Opens the logs folder where the door can (desktop); `opened: false` means show `path` instead. */
  openLogsFolder(): Promise<{ path: string; opened: boolean }>;
}

export function createAppService(deps: AppServiceDeps): AppService {
  async function info(): Promise<AppInfo> {
    const s = await deps.settings();
    const secretKey = await deps.secretKey?.();
    const notices = (await deps.notices?.()) ?? [];
    return {
      version: deps.version,
      mode: deps.mode,
      platform: process.platform,
      workspaceRoot: s.workspaceRoot,
      userDataDir: deps.userDataDir,
      logsDir: deps.logsDir,
      ...(secretKey ? { secretKey } : {}),
      ...(notices.length ? { notices } : {}),
    };
  }

  /** A .tar.gz of the logs plus versions and settings, written to the user data folder. */
  async function exportDiagnostics() {
    const staging = path.join(deps.userDataDir, 'diagnostics', `staging-${Date.now()}`);
    await mkdir(path.join(staging, 'logs'), { recursive: true });
    const about = { app: deps.version, node: process.version, platform: `${process.platform} ${os.release()} ${process.arch}`, tools: await deps.tools() };
    await writeJsonAtomic(path.join(staging, 'versions.json'), about);
    await writeJsonAtomic(path.join(staging, 'settings.json'), redact(await deps.settings()));
    for (const name of await readdir(deps.logsDir).catch(ifMissing([] as string[]))) {
      const text = await readFile(path.join(deps.logsDir, name), 'utf8');
      await writeJsonAtomic(path.join(staging, 'logs', `${name}.json`), { lines: text.split('\n').map(scrubLine) });
    }
    const out = path.join(deps.userDataDir, 'diagnostics', `connector-studio-diagnostics-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
    await tar.c({ gzip: true, file: out, cwd: staging, portable: true }, ['.']);
    const { size } = await import('node:fs/promises').then((m) => m.stat(out));
    await import('node:fs/promises').then((m) => m.rm(staging, { recursive: true, force: true }));
    return { path: out, bytes: size };
  }

  async function openLogsFolder() {
    const opened = deps.openPath ? await deps.openPath(deps.logsDir) : false;
    return { path: deps.logsDir, opened };
  }

  return { info, exportDiagnostics, openLogsFolder };
}

// `password=x`, `"api_key": "x"` (a JSON string to its real end, escaped quotes included), `Authorization: Bearer x`.
const KEY_VALUE =
  /("?(?:pass(?:word|wd|phrase)?|token|secret|api[_-]?key|private[_-]?key|credentials?|authorization)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|(?:Bearer|Basic)\s+\S+|\S+)/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+(?!<redacted>)[A-Za-z0-9._~+/=-]{8,}/g;
// https://user:secret@host: the credentials in a URL, as git prints a remote.
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

/** Removes secrets from one log line: values of secret-looking keys, Authorization schemes, URL credentials. */
export const scrubLine = (line: string) =>
  line.replace(KEY_VALUE, '$1<redacted>').replace(AUTH_SCHEME, '$1 <redacted>').replace(URL_CREDENTIALS, '$1<redacted>@');
