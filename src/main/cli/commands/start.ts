import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../../app-root';
import { parseArgs, type CliCommand } from '../command';
import { startWeb } from './web';

/** The Electron binary, or why there is none, in one line for the user. */
export interface ElectronLookup {
  readonly binary: string | null;
  readonly why?: string;
}

/** The Electron binary if installed; Electron downloads it lazily, so try that once (fails fast offline). The
 * download's own output (a `TypeError: fetch failed` stack when offline) is kept from the terminal: the user gets
 * one line saying what happened and what to do. */
export function findElectron(appRoot: string, env: NodeJS.ProcessEnv): ElectronLookup {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(path.join(appRoot, 'package.json')).resolve('electron/package.json'));
  } catch (e) {
    // Not installed (an npm install without optional dependencies).
    if ((e as { code?: unknown }).code === 'MODULE_NOT_FOUND') return { binary: null, why: 'The Electron desktop shell is not installed here, so Connector Studio starts in browser mode.' };
    throw e;
  }
  const binary = () => {
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const exe = path.join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  };
  const found = binary();
  if (found) return { binary: found };
  if (env.CONNECTOR_STUDIO_NO_ELECTRON_DOWNLOAD) return { binary: null, why: 'The Electron desktop shell is not downloaded (CONNECTOR_STUDIO_NO_ELECTRON_DOWNLOAD is set), so Connector Studio starts in browser mode.' };
  const run = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000, env });
  const after = binary();
  return after ? { binary: after } : { binary: null, why: downloadFailure(`${run.stderr ?? ''}\n${run.stdout ?? ''}`, run.error) };
}

/** The download's failure as one line: the error's own first line (`fetch failed`, `ENOTFOUND`...), never its stack. */
export function downloadFailure(output: string, spawnError?: Error): string {
  const first = spawnError?.message ?? output.split('\n').map((l) => l.trim()).find((l) => /^(\w*Error|Error)\b/.test(l) || /\bE[A-Z]{3,}\b/.test(l));
  const reason = first ? ` (${first.replace(/^(\w*Error):\s*/, '').slice(0, 160)})` : '';
  return `The Electron desktop shell could not be downloaded${reason}, so Connector Studio starts in browser mode. For the desktop app, get online (or set ELECTRON_MIRROR) and run \`npm rebuild electron\`.`;
}

const start: CliCommand = {
  name: 'start',
  summary: 'start the IDE',
  usage: '[start] [--workspace DIR] [--web] [--no-open]',
  async run(argv, io) {
    const { flags } = parseArgs(argv, { booleans: ['web', 'no-open'], strings: ['workspace', 'port'] });
    const webArgs = argv.filter((a) => a !== '--web');
    if (flags.web) return startWeb(webArgs, io);
    const appRoot = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
    const electron = findElectron(appRoot, io.env);
    if (!electron.binary) return startWeb(webArgs, io, electron.why);
    const args = [path.join(appRoot, 'out', 'main', 'electron', 'index.cjs'), ...argv];
    const child = spawn(electron.binary, args, { stdio: 'inherit', env: io.env });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  },
};
export default start;
