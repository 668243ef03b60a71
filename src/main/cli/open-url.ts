import { spawn } from 'node:child_process';

/** Opens the default browser; failure is fine, the URL is printed anyway. */
export function openUrl(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher on this machine: the printed URL is enough.
  }
}
