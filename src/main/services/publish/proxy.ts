/** Proxy settings from the environment, read the way curl reads them: HTTPS_PROXY for https URLs, HTTP_PROXY
 * for http, lower-case names first, NO_PROXY a comma list of host suffixes (optionally with :port, `*` for
 * all). Loopback addresses never go through a proxy: a proxy cannot reach this computer's own ports. */

const get = (env: NodeJS.ProcessEnv, name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || '';

const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;

export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK.test(host)) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [name = '', entryPort] = entry.replace(/^\[|\](?=:|$)/g, '').split(/:(?=\d+$)/);
    if (entryPort && entryPort !== port) continue;
    const suffix = name.replace(/^\*?\.?/, '');
    if (host === suffix || host.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

/** The proxy to use for `url`, or undefined for a direct connection. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = url.protocol === 'https:' ? get(env, 'https_proxy') : get(env, 'http_proxy');
  if (!raw || bypassesProxy(url, get(env, 'no_proxy'))) return undefined;
  // A value that is no URL at all names no proxy to go through.
  const text = raw.includes('://') ? raw : `http://${raw}`;
  return URL.canParse(text) ? new URL(text) : undefined;
}
