/** A self-signed certificate for the fake vendors' HTTPS, made once with openssl in the OS temp folder (a key in the
 * repository would look like a leaked secret to every scanner). */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
  /** The certificate's file, for REQUESTS_CA_BUNDLE. */
  readonly certFile: string;
}

/** 127.0.0.1, and the vendor hosts fixed in connectors' code that the proxy answers for: a connector that verifies
 * certificates (sap-cloud-identity-directory-service: verify=True) trusts this one through REQUESTS_CA_BUNDLE. */
const SUBJECT_NAMES = ['IP:127.0.0.1', 'DNS:localhost', 'DNS:api.gitguardian.com', 'DNS:*.accounts.ondemand.com', 'DNS:app.sekoia.io',
  'DNS:login.microsoftonline.com', 'DNS:graph.microsoft.com'].join(',');

let made: Promise<Certificate> | undefined;

export function testCertificate(): Promise<Certificate> {
  made ??= make();
  return made;
}

async function make(): Promise<Certificate> {
  // Named by its subject names: a new host list makes a new certificate.
  const tag = createHash('sha256').update(SUBJECT_NAMES).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `connector-studio-corpus-tls-${tag}`);
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=localhost',
      '-addext', `subjectAltName=${SUBJECT_NAMES}`, '-keyout', `${key}.${process.pid}`, '-out', `${cert}.${process.pid}`];
    await new Promise<void>((resolve, reject) =>
      execFile('openssl', args, (error, _out, stderr) => (error ? reject(new Error(`openssl could not make the fake vendors' test certificate: ${stderr || error.message}`)) : resolve())),
    );
    // Renamed into place so a concurrent run never reads half a file.
    renameSync(`${key}.${process.pid}`, key);
    renameSync(`${cert}.${process.pid}`, cert);
  }
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), certFile: cert };
}
