import { spawn } from 'node:child_process';
import { errnoCode } from '../services/errors';

/** Opens the default browser. The URL is printed anyway, so a machine without a browser launcher (ENOENT) needs no
 * word; any other failure is reported through `warn`. */
export function openUrl(url: string, warn: (message: string) => void): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
  child.on('error', (e) => {
    if (errnoCode(e) !== 'ENOENT') warn(`Could not open the browser (${e.message}): open the address above yourself.`);
  });
  child.unref();
}
