/** "Test connection": each step in turn (DNS, TCP, TLS, authentication, permission), stopping at the first
 * that fails and saying which one it was and what to do. */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { createFortiSoarClient, type ClientOptions } from './client';
import { openConnection, peekCertificate, type CertificateInfo } from './connection';
import { isPublishError, type PublishErrorKind } from './errors';
import { proxyFor } from './proxy';
import type { ConnectionStep, StepResult, ConnectionTest } from '../../../shared/models/publish';
export type { ConnectionStep, StepResult, ConnectionTest };

const STEP_OF: Partial<Record<PublishErrorKind, ConnectionStep>> = {
  dns: 'dns',
  tcp: 'tcp',
  proxy: 'tcp',
  tls: 'tls',
  'tls-fingerprint': 'tls',
  auth: 'auth',
  permission: 'permission',
};
const ORDER: ConnectionStep[] = ['dns', 'tcp', 'tls', 'auth', 'permission'];

class Steps {
  readonly list: StepResult[] = [];
  ok(step: ConnectionStep, message: string) {
    this.list.push({ step, status: 'ok', message });
  }
  skip(step: ConnectionStep, message: string) {
    this.list.push({ step, status: 'skipped', message });
  }
  /** Records the failure at the step the error belongs to, and the steps after it as not run. */
  fail(e: unknown, during: ConnectionStep): ConnectionStep {
    const step = (isPublishError(e) && STEP_OF[e.kind]) || during;
    const message = e instanceof Error ? e.message : String(e);
    const hint = isPublishError(e) ? e.details.hint : undefined;
    for (const s of ORDER.slice(ORDER.indexOf(during), ORDER.indexOf(step))) this.ok(s, 'passed');
    this.list.push({ step, status: 'failed', message: hint ? message.replace(hint, '').trim() : message, hint });
    for (const s of ORDER.slice(ORDER.indexOf(step) + 1)) this.skip(s, 'not tried');
    return step;
  }
  /** Adds what else went wrong at a step that already failed. */
  note(step: ConnectionStep, text: string) {
    const i = this.list.findIndex((s) => s.step === step && s.status === 'failed');
    const failed = this.list[i];
    if (failed) this.list[i] = { ...failed, message: `${failed.message} ${text}` };
  }
}

export async function testConnection(options: ClientOptions): Promise<ConnectionTest> {
  const steps = new Steps();
  const url = new URL(options.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const proxy = proxyFor(url, options.env ?? process.env);
  const done = (failedStep?: ConnectionStep, certificate?: CertificateInfo): ConnectionTest => ({
    ok: !failedStep,
    ...(failedStep ? { failedStep } : {}),
    steps: steps.list,
    ...(certificate ? { certificate } : {}),
    ...(proxy ? { proxy: proxy.host } : {}),
  });

  if (proxy) steps.skip('dns', `through the proxy ${proxy.host}, which resolves the name`);
  else if (net.isIP(host)) steps.ok('dns', `${host} is an IP address`);
  else {
    try {
      steps.ok('dns', `${host} is ${(await lookup(host)).address}`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      steps.list.push({ step: 'dns', status: 'failed', message: `Cannot find the server "${host}" (DNS: ${code}).`, hint: 'Check the host name in the URL, your network or VPN connection, and your DNS settings.' });
      ORDER.slice(1).forEach((s) => steps.skip(s, 'not tried'));
      return done('dns');
    }
  }

  let certificate: CertificateInfo | undefined;
  try {
    const conn = await openConnection(url, { tls: options.tls, env: options.env, timeoutMs: options.connectTimeoutMs });
    conn.socket.destroy();
    certificate = conn.certificate;
    steps.ok('tcp', `connected to ${url.host}${proxy ? ` through ${proxy.host}` : ''}`);
    if (certificate) steps.ok('tls', `certificate ${options.tls?.pinnedSha256 ? 'matches the accepted fingerprint' : 'is trusted'} (SHA-256 ${certificate.sha256})`);
    else steps.skip('tls', 'plain http: nothing is encrypted');
  } catch (e) {
    const failed = steps.fail(e, 'tcp');
    // Show the whole certificate (subject, issuer, dates) next to its fingerprint before anyone accepts it.
    const peeked =
      failed === 'tls'
        ? await peekCertificate(url, { tls: options.tls, env: options.env }).catch((p: unknown) =>
            steps.note('tls', `(Its certificate could not be fetched to show here: ${p instanceof Error ? p.message : String(p)}.)`),
          )
        : undefined;
    return done(failed, peeked?.certificate);
  }

  const client = createFortiSoarClient(options);
  try {
    if (options.credentials.kind === 'password') await client.login();
    const res = await client.checkCredentials();
    steps.ok('auth', res.status === 403 ? 'credentials accepted (the account is restricted)' : 'credentials accepted');
  } catch (e) {
    return done(steps.fail(e, 'auth'), certificate);
  }
  try {
    await client.listConnectors({ pageSize: 1 });
    steps.ok('permission', 'may read connectors (the right to install shows only when publishing)');
  } catch (e) {
    return done(steps.fail(e, 'permission'), certificate);
  }
  return done(undefined, certificate);
}
