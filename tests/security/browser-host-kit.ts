import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startBrowserHost, type BrowserHostOptions } from '../../src/main/server/browser-host';
import { createServices } from '../../src/main/services';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../helpers/tmp';

/** Shared by the browser-host security tests: a real host on 127.0.0.1 over real services and folders. */

const running: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(running.splice(0).map((stop) => stop()))));

export type Host = Awaited<ReturnType<typeof startBrowserHost>>;

export async function startHost(extra: Partial<Pick<BrowserHostOptions, 'auth' | 'port'>> = {}) {
  const userDataDir = await tmpDir('cs-data-');
  const rendererDir = await tmpDir('cs-renderer-');
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  const services = await createServices({
    userDataDir,
    resourcesDir: path.join(REPO_ROOT, 'resources'),
    appVersion: 'test',
    mode: 'browser',
    workspaceOverride: await sampleWorkspace(),
  });
  const host = await startBrowserHost({ services, rendererDir, ...extra });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await host.close();
    await services.dispose();
  };
  running.push(stop);
  return { host, userDataDir, services, stop };
}

/** GETs a launch URL without following the redirect: the status, the session cookie it set (if any) and the body. */
export async function openLaunchUrl(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { redirect: 'manual', headers });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie ? setCookie.split(';')[0] : null, setCookie, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** A request the session cookie must authorise. */
export async function projectsList(origin: string, cookie: string | null) {
  const res = await fetch(`${origin}/rpc/projects.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: '{}' });
  await res.arrayBuffer();
  return res.status;
}

/** Sends bytes exactly as written (fetch and node:http would fold or rewrite headers) and returns the status line's code. */
export function rawRequest(port: number, head: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (d) => {
      text += String(d);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) {
        resolve(Number(m[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`The connection closed without a status line: ${JSON.stringify(text)}`)));
  });
}
