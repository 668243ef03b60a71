import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { HOST_RECORD_FILE, LAUNCH_SECRET_HEADER, LAUNCH_URL_PATH } from '../../src/main/server/launch-protocol';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'out/cli/index.js');

export interface HostDirs {
  readonly home: string;
  readonly userData: string;
  readonly workspace: string;
}

export interface RunningHost {
  /** The launch link the host printed. Single-use: the first GET spends it (the fixture's open never does). */
  readonly url: string;
  /** A fresh single-use launch link, asked from the host as a second `connector-studio web` asks it. */
  newUrl(): Promise<string>;
  readonly port: number;
  readonly origin: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** What the host wrote on stderr, and how it exited if it did: attached to a failed test. */
  diagnostics(): string;
}

/** Starts `connector-studio web --port 0 --no-open --json` on the given folders and reads its URL from stdout. */
export async function startHost(dirs: HostDirs): Promise<RunningHost> {
  if (!existsSync(cli)) throw new Error('out/cli/index.js is missing: run `node scripts/build.mjs` before the e2e tests.');
  const child = spawn(process.execPath, [cli, 'web', '--port', '0', '--no-open', '--json', '--workspace', dirs.workspace], {
    env: { ...process.env, HOME: dirs.home, USERPROFILE: dirs.home, FSOAR_USER_DATA_DIR: dirs.userData, FSOAR_E2E: '1', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(String(d)));
  let exited = '';
  child.on('exit', (code, signal) => (exited = `The host exited (code ${code}, signal ${signal}) at ${new Date().toISOString()}.`));
  const { url, port } = await firstJsonLine(child, stderr);
  // The host writes its record before it prints the URL.
  const { secret } = JSON.parse(await readFile(path.join(dirs.userData, HOST_RECORD_FILE), 'utf8')) as { secret: string };
  const origin = new URL(url).origin;
  return {
    url, port, origin,
    newUrl: () => askForLaunchUrl(origin, secret),
    stop: (signal) => stop(child, signal),
    diagnostics: () => [exited || 'The host was still running.', 'stderr:', stderr.join('') || '(nothing)'].join('\n'),
  };
}

async function askForLaunchUrl(origin: string, secret: string): Promise<string> {
  const res = await fetch(`${origin}${LAUNCH_URL_PATH}`, { method: 'POST', headers: { [LAUNCH_SECRET_HEADER]: secret } });
  const body = (await res.json()) as { url?: string };
  if (res.status !== 200 || !body.url) throw new Error(`The host at ${origin} gave no launch link: ${res.status} ${JSON.stringify(body)}`);
  return body.url;
}

function firstJsonLine(child: ChildProcess, stderr: string[]): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`The host did not start in 20 s. ${stderr.join('')}`)), 20_000);
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url: string; port: number };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // Not the JSON line; keep reading.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with ${code} before printing its URL. ${stderr.join('')}`));
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
