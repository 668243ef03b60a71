/** Opens the socket for one request in labelled steps (DNS, TCP or proxy, TLS), so a failure says which step
 * broke. We connect by hand rather than through https.Agent because the pinned-certificate check, the proxy
 * tunnel and the step labels all need to sit between those steps. */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { PublishError, timeoutError } from './errors';
import { proxyFor } from './proxy';
import type { CertificateInfo, PeekedCertificate } from '../../../shared/models/publish';
import { displayFingerprint, normalizeFingerprint } from '../../../shared/models/server-profile';
export type { CertificateInfo, PeekedCertificate };
export { displayFingerprint };

export interface TlsSettings {
  /** Extra trusted CA certificates (PEM), added to the system's. */
  readonly ca?: string;
  /** Accept exactly this certificate (SHA-256, hex with or without colons) even if no CA vouches for it. */
  readonly pinnedSha256?: string;
}

export interface OpenedConnection {
  readonly socket: net.Socket;
  readonly certificate?: CertificateInfo;
  readonly proxy?: string;
}

export interface ConnectOptions {
  readonly tls?: TlsSettings;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

export type Step = 'dns' | 'tcp' | 'proxy' | 'tls';

const defaultPort = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));
const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => (onTimeout(), reject(timeoutError(what, ms))), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function resolveHost(host: string): Promise<string> {
  if (net.isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new PublishError(`Cannot find the server "${host}" (DNS: ${code}).`, {
      kind: 'dns',
      hint: 'Check the host name in the URL, your network or VPN connection, and your DNS settings.',
    });
  }
}

function tcpConnect(host: string, port: number, label: string, track: (s: net.Socket) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    track(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const refused = e.code === 'ECONNREFUSED';
      const what = refused ? `Nothing answers at ${label} (TCP: connection refused).` : `Cannot reach ${label} (TCP: ${e.code ?? e.message}).`;
      const hint = refused
        ? 'Check the port in the URL and that the server is running.'
        : 'Check the URL, your network or VPN, and whether a firewall blocks the port.';
      reject(new PublishError(what, { kind: 'tcp', hint }));
    });
  });
}

/** Asks an HTTP proxy for a tunnel (CONNECT host:port) and returns the raw socket inside it. */
function proxyTunnel(proxy: URL, host: string, port: number, track: (s: net.Socket) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { Host: target };
    if (proxy.username) headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
    const req = http.request({ host: bareHost(proxy), port: defaultPort(proxy), method: 'CONNECT', path: target, headers, agent: false });
    req.once('socket', track);
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new PublishError(`The proxy ${proxy.host} refused to connect to ${host}:${port} (HTTP ${res.statusCode}).`, {
        kind: 'proxy',
        status: res.statusCode,
        hint: 'Check the proxy settings (HTTPS_PROXY, its user and password) or add this server to NO_PROXY.',
      }));
    });
    req.once('error', (e: NodeJS.ErrnoException) =>
      reject(new PublishError(`Cannot reach the proxy ${proxy.host} (${e.code ?? e.message}).`, { kind: 'proxy', hint: 'Check HTTPS_PROXY / HTTP_PROXY, or add this server to NO_PROXY.' })),
    );
    req.end();
  });
}

export function certificateInfo(cert: tls.PeerCertificate): CertificateInfo {
  const name = (n: Record<string, unknown> | undefined) => (n ? Object.entries(n).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '');
  const subject = name(cert.subject as unknown as Record<string, unknown>);
  const issuer = name(cert.issuer as unknown as Record<string, unknown>);
  return { sha256: displayFingerprint(cert.fingerprint256), subject, issuer, validFrom: cert.valid_from, validTo: cert.valid_to, selfSigned: subject === issuer };
}

function tlsFailure(code: string, host: string, cert: CertificateInfo | undefined): PublishError {
  const fp = cert ? ` Its SHA-256 fingerprint is ${cert.sha256}.` : '';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return new PublishError(`The server's certificate is not for "${host}".${fp}`, {
      kind: 'tls',
      fingerprint: cert?.sha256,
      hint: 'Use the host name written on the certificate in the URL, or, if this is your own server, accept this certificate by its fingerprint in the server profile.',
    });
  return new PublishError(`The server's certificate is not trusted (TLS: ${code}).${fp}`, {
    kind: 'tls',
    fingerprint: cert?.sha256,
    hint: 'If the server uses a company CA, add its CA bundle to the profile. If it has a self-signed certificate, compare the fingerprint with the one its administrator gives you, then accept it in the profile.',
  });
}

/** Verification is done here, after the handshake and before a single byte is sent, rather than by
 * rejectUnauthorized: that way a refused certificate can still be shown (its fingerprint) to the user. */
function tlsHandshake(socket: net.Socket, host: string, settings: TlsSettings): Promise<{ socket: tls.TLSSocket; certificate: CertificateInfo }> {
  const pinned = settings.pinnedSha256 ? normalizeFingerprint(settings.pinnedSha256) : undefined;
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      host,
      servername: net.isIP(host) ? undefined : host,
      ca: settings.ca ? [...tls.rootCertificates, settings.ca] : undefined,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const refuse = (e: PublishError) => (secure.destroy(), reject(e));
    secure.once('secureConnect', () => {
      const peer = secure.getPeerCertificate();
      if (!peer?.fingerprint256) return refuse(new PublishError('The server sent no certificate.', { kind: 'tls', hint: 'Check that the URL points at the FortiSOAR server.' }));
      const cert = certificateInfo(peer);
      if (pinned && normalizeFingerprint(cert.sha256) !== pinned)
        return refuse(
          new PublishError(`The server's certificate does not match the accepted one: it is ${cert.sha256}, the profile accepts ${displayFingerprint(pinned)}.`, {
            kind: 'tls-fingerprint',
            fingerprint: cert.sha256,
            hint: 'The server got a new certificate, or someone is intercepting the connection: confirm the new fingerprint with the administrator before accepting it.',
          }),
        );
      // A pinned certificate replaces the CA and host name checks: it is compared whole above.
      if (!pinned && !secure.authorized) return refuse(tlsFailure(String(secure.authorizationError ?? 'UNABLE_TO_VERIFY'), host, cert));
      resolve({ socket: secure, certificate: cert });
    });
    secure.once('error', (e: NodeJS.ErrnoException) => reject(tlsFailure(e.code ?? e.message, host, undefined)));
  });
}

/** DNS (or proxy), TCP, then TLS for https URLs. Every failure is a PublishError of the failing step's kind. */
export async function openConnection(url: URL, options: ConnectOptions = {}): Promise<OpenedConnection> {
  const host = bareHost(url);
  const port = defaultPort(url);
  const ms = options.timeoutMs ?? 15_000;
  let raw: net.Socket | undefined;
  const track = (s: net.Socket) => (raw = s);
  const abort = () => raw?.destroy();
  const proxy = proxyFor(url, options.env ?? process.env);
  const connect = async (): Promise<OpenedConnection> => {
    // Through a proxy the proxy resolves the name: no DNS step of ours.
    if (proxy) raw = await proxyTunnel(proxy, host, port, track);
    else raw = await tcpConnect(await resolveHost(host), port, `${host}:${port}`, track);
    const via = proxy ? proxy.host : undefined;
    if (url.protocol !== 'https:') return { socket: raw, proxy: via };
    const secure = await tlsHandshake(raw, host, options.tls ?? {});
    return { ...secure, proxy: via };
  };
  return withTimeout(connect(), ms, `connecting to ${url.host}`, abort);
}

/** Fetches the server's certificate without trusting it, so the user can compare its fingerprint before
 * accepting it. Nothing is sent over this connection. */
export async function peekCertificate(url: URL, options: ConnectOptions = {}): Promise<PeekedCertificate> {
  const host = bareHost(url);
  const port = defaultPort(url);
  let raw: net.Socket | undefined;
  const track = (s: net.Socket) => (raw = s);
  const proxy = proxyFor(url, options.env ?? process.env);
  const peek = async (): Promise<PeekedCertificate> => {
    raw = proxy ? await proxyTunnel(proxy, host, port, track) : await tcpConnect(await resolveHost(host), port, `${host}:${port}`, track);
    const socket = raw;
    return new Promise((resolve, reject) => {
      const ca = options.tls?.ca ? [...tls.rootCertificates, options.tls.ca] : undefined;
      const secure = tls.connect({ socket, host, servername: net.isIP(host) ? undefined : host, ca, rejectUnauthorized: false });
      secure.once('secureConnect', () => {
        const peer = secure.getPeerCertificate();
        let problem = secure.authorizationError ? String(secure.authorizationError) : undefined;
        problem ??= tls.checkServerIdentity(host, peer)?.message;
        secure.destroy();
        resolve({ certificate: certificateInfo(peer), trusted: !problem, problem });
      });
      secure.once('error', (e: NodeJS.ErrnoException) => reject(new PublishError(`TLS failed with ${url.host} (${e.code ?? e.message}).`, { kind: 'tls', hint: 'Check that the URL uses https:// and the right port.' })));
    });
  };
  return withTimeout(peek(), options.timeoutMs ?? 15_000, `reading the certificate of ${url.host}`, () => raw?.destroy());
}
