import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../../app-root';
import { parseArgs, type CliCommand } from '../command';
import { startWeb } from './web';

/** The Electron binary if installed; Electron 45 downloads it lazily, so try that once (fails fast offline). */
export function findElectronBinary(appRoot: string, env: NodeJS.ProcessEnv): string | null {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(path.join(appRoot, 'package.json')).resolve('electron/package.json'));
  } catch (e) {
    if ((e as { code?: unknown }).code === 'MODULE_NOT_FOUND') return null; // not installed (an npm install without optional deps)
    throw e;
  }
  const binary = () => {
    const pathTxt = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const exe = path.join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  };
  if (binary() || env.CONNECTOR_STUDIO_NO_ELECTRON_DOWNLOAD) return binary();
  spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'inherit', timeout: 180_000 });
  return binary();
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
    const electron = findElectronBinary(appRoot, io.env);
    if (!electron)
      return startWeb(webArgs, io, 'The Electron desktop shell is not installed here (its binary could not be downloaded), so Connector Studio starts in browser mode.');
    const args = [path.join(appRoot, 'out', 'main', 'electron', 'index.cjs'), ...argv];
    const child = spawn(electron, args, { stdio: 'inherit', env: io.env });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  },
};
export default start;
