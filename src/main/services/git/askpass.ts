/** Git's credential prompts, brought to the IDE instead of a terminal (reference/traps.md: git prompts and hangs).
 *
 * git runs GIT_ASKPASS (and ssh runs SSH_ASKPASS) with the prompt as its argument and reads the answer from its
 * stdout. Ours is a small Node script in the user data folder that forwards the prompt to a one-shot HTTP server
 * on 127.0.0.1, guarded by a random token, which asks the UI through `askCredential`. With no UI attached the
 * script has nowhere to ask and exits 1 at once, so git fails fast with "could not read Username". git's own
 * credential helpers and the SSH agent still run first; this is only the last resort. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface CredentialRequest {
  /** The URL (or SSH key path) git names in its prompt, e.g. `https://github.com` or `https://me@github.com`. */
  readonly url: string;
  /** git's prompt as it wrote it, e.g. "Password for 'https://me@github.com': ". */
  readonly prompt: string;
  readonly kind: 'username' | 'password' | 'passphrase' | 'other';
}

/** Returns the answer, or null when the user cancels (git then fails with an authentication error). */
export type AskCredential = (req: CredentialRequest) => Promise<string | null>;

export const PORT_ENV = 'CONNECTOR_STUDIO_ASKPASS_PORT';
export const TOKEN_ENV = 'CONNECTOR_STUDIO_ASKPASS_TOKEN';

// Plain CommonJS with no dependencies: it runs under whatever Node (or Electron as Node) started the IDE.
const SCRIPT = `'use strict';
const http = require('http');
const port = process.env.${PORT_ENV};
const token = process.env.${TOKEN_ENV};
if (!port || !token) process.exit(1);
const body = Buffer.from(JSON.stringify({ prompt: process.argv.slice(2).join(' ') }));
const req = http.request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/askpass',
  headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-askpass-token': token } }, (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => {
    if (res.statusCode !== 200) process.exit(1);
    process.stdout.write(Buffer.concat(chunks).toString('utf8') + '\\n');
    process.exit(0);
  });
});
req.on('error', () => process.exit(1));
req.setTimeout(10 * 60 * 1000, () => process.exit(1));
req.end(body);
`;

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Writes the helper once per user data folder and returns the path git should run. */
export async function installAskpassScript(userDataDir: string, nodeBinary = process.execPath): Promise<string> {
  const dir = path.join(userDataDir, 'git-askpass');
  await mkdir(dir, { recursive: true });
  const js = path.join(dir, 'askpass.js');
  await writeFile(js, SCRIPT, { mode: 0o600 });
  // ELECTRON_RUN_AS_NODE lets the desktop app's own binary run the script; plain Node ignores it.
  if (process.platform === 'win32') {
    const cmd = path.join(dir, 'askpass.cmd');
    await writeFile(cmd, `@echo off\r\nset ELECTRON_RUN_AS_NODE=1\r\n"${nodeBinary}" "${js}" %*\r\n`);
    return cmd;
  }
  const sh = path.join(dir, 'askpass.sh');
  await writeFile(sh, `#!/bin/sh\nELECTRON_RUN_AS_NODE=1 exec ${shQuote(nodeBinary)} ${shQuote(js)} "$@"\n`, { mode: 0o700 });
  return sh;
}

export function parsePrompt(prompt: string): CredentialRequest {
  const url = /'([^']+)'/.exec(prompt)?.[1] ?? '';
  const kind = /^username/i.test(prompt) ? 'username' : /^password/i.test(prompt) ? 'password' : /passphrase/i.test(prompt) ? 'passphrase' : 'other';
  return { url, prompt, kind };
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves one git operation's credential prompts, then closes. */
async function startServer(ask: AskCredential, token: string, log: (msg: string, extra?: unknown) => void): Promise<http.Server> {
  // answer() ends every request itself, its failures included (the catch at its end).
  const server = http.createServer((req, res) => void answer(req, res));
  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const given = req.headers['x-askpass-token'];
    if (req.method !== 'POST' || req.url !== '/askpass' || typeof given !== 'string' || !sameToken(given, token)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const { prompt } = JSON.parse(await readBody(req)) as { prompt?: unknown };
      const answer = await ask(parsePrompt(typeof prompt === 'string' ? prompt : ''));
      if (answer === null || /[\r\n]/.test(answer)) res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(answer);
    } catch (e) {
      // No answer: git then fails with its own authentication message; why the prompt broke goes to the log.
      log('The credential prompt for git failed', e);
      res.writeHead(204).end();
    }
  }
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return server;
}

/** The environment git needs to reach `ask` while `fn` runs. Without `ask`, git still gets the script, which
 * answers nothing: that keeps a user's own GUI askpass or a terminal from being asked instead. */
export async function withAskpass<T>(
  script: string,
  ask: AskCredential | undefined,
  fn: (env: Record<string, string>) => Promise<T>,
  log: (msg: string, extra?: unknown) => void = console.warn,
): Promise<T> {
  const env: Record<string, string> = { GIT_ASKPASS: script, SSH_ASKPASS: script, SSH_ASKPASS_REQUIRE: 'force' };
  if (!ask) return fn(env);
  const token = randomBytes(24).toString('hex');
  const server = await startServer(ask, token, log);
  try {
    return await fn({ ...env, [PORT_ENV]: String((server.address() as AddressInfo).port), [TOKEN_ENV]: token });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
