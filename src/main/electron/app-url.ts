/** The renderer is served from app://renderer/ rather than file://: file:// is an opaque origin, under which
 * workers, CSP 'self' and fetch misbehave (reference/traps.md). Everything that decides trust compares against it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own renderer. Node's URL reports `origin` "null" for custom schemes, so compare parts. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url || !URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}
