import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** Links the renderer may open in the user's browser (docs, vendor API references). Only https, only these hosts
 * and their subdomains; everything else is dropped. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'fortinet.com',
  'fortisoar.com',
  'fortiguard.com',
  'github.com',
  'python.org',
  'pypi.org',
  'docs.python.org',
  'git-scm.com',
];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

const hardenedSessions = new WeakSet<Session>();

/** The renderer needs no camera, notifications, geolocation, ...: deny every request and every check. */
export function denyAllPermissions(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Applied to every WebContents the app ever creates (GitHub Desktop's main.ts, Electron's security checklist). */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => unknown = (u) => shell.openExternal(u),
  log: (msg: string, extra?: unknown) => void = console.warn,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void Promise.resolve(openExternal(url)).catch((e: unknown) => log(`Opening ${url} in the browser failed`, e));
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void; url?: string }, url?: string) => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

export function installSecurityHandlers(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
