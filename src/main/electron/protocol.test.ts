import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { protocol } from './__mocks__/electron';
import { createAppRequestHandler, mimeTypeOf, registerAppScheme, serveRenderer } from './protocol';

const SECRET = 'outside-the-renderer-folder';
let root: string;
let rendererDir: string;
let handle: (req: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cs-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Connector Studio</title>');
  await writeFile(path.join(rendererDir, 'assets', 'editor.worker-abc.js'), 'self.onmessage = () => {};');
  await writeFile(path.join(rendererDir, 'assets', 'ruff_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt')).catch(() => undefined);
  handle = createAppRequestHandler(rendererDir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable (a real origin for CSP self and workers)', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveRenderer(rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html for the root and by name', async () => {
    for (const url of ['app://renderer/', 'app://renderer/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>Connector Studio</title>');
    }
  });

  it('serves workers as JavaScript and WebAssembly as application/wasm', async () => {
    const worker = await get('app://renderer/assets/editor.worker-abc.js');
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await worker.text()).toContain('onmessage');
    const wasm = await get('app://renderer/assets/ruff_bg.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    expect(mimeTypeOf('x.MJS')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses ../ escapes, encoded or not, and links that lead outside', async () => {
    const attempts = [
      'app://renderer/..%2Fsecret.txt',
      'app://renderer/assets/..%2F..%2Fsecret.txt',
      'app://renderer/%2E%2E%2Fsecret.txt',
      'app://renderer/..%5Csecret.txt',
      'app://renderer/../secret.txt', // URL parsing folds this to /secret.txt, which does not exist inside
      'app://renderer/assets/link.txt',
      `app://renderer/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain(SECRET);
    }
    expect((await get('app://renderer/..%2Fsecret.txt')).status).toBe(403);
  });

  it('answers 404 for other hosts and missing files, 405 for writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://renderer/missing.js')).status).toBe(404);
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
    expect((await get('app://renderer/%E0%A4%A')).status).toBe(400);
  });
});
