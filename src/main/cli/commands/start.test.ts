/** `npm start` where Electron cannot be downloaded: the download's stack trace stays out of the terminal, and the
 * user reads one line saying what happened and what to do. The Electron package here is a stand-in whose
 * install.js fails as the real one does offline (console.error(err.stack), exit 1). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { downloadFailure, findElectron } from './start';

const OFFLINE_STACK = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:13502:13',
  '    at async downloadArtifact (/x/node_modules/@electron/get/dist/cjs/index.js:98:24) {',
  '  [cause]: Error: getaddrinfo ENOTFOUND github.com',
  '}',
].join('\n');

async function appWithElectron(installJs: string): Promise<string> {
  const root = await tmpDir('cs-app-');
  await writeFile(path.join(root, 'package.json'), '{"name":"app","version":"0.0.0"}');
  const pkg = path.join(root, 'node_modules', 'electron');
  await mkdir(pkg, { recursive: true });
  await writeFile(path.join(pkg, 'package.json'), '{"name":"electron","version":"99.0.0","main":"index.js"}');
  await writeFile(path.join(pkg, 'install.js'), installJs);
  return root;
}

describe('start without an Electron binary', () => {
  it('a failed download becomes one line (what happened, what to do), with no stack', async () => {
    const root = await appWithElectron(`console.error(${JSON.stringify(OFFLINE_STACK)}); process.exit(1);`);
    const r = findElectron(root, { ...process.env, CONNECTOR_STUDIO_NO_ELECTRON_DOWNLOAD: '' });
    expect(r.binary).toBeNull();
    expect(r.why).toBe(
      'The Electron desktop shell could not be downloaded (fetch failed), so Connector Studio starts in browser mode. For the desktop app, get online (or set ELECTRON_MIRROR) and run `npm rebuild electron`.',
    );
    expect(r.why).not.toMatch(/\n|\bat\s/);
  });

  it('a download that puts the binary in place is used', async () => {
    const root = await appWithElectron(
      "const fs = require('fs'), p = require('path'); fs.mkdirSync(p.join(__dirname, 'dist')); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');",
    );
    expect(findElectron(root, { ...process.env, CONNECTOR_STUDIO_NO_ELECTRON_DOWNLOAD: '' })).toEqual({ binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('names the network error when there is no Error line, and says nothing it does not know', () => {
    expect(downloadFailure('request to https://github.com failed, reason: connect ECONNREFUSED 127.0.0.1:443')).toMatch(/could not be downloaded \(request to .*ECONNREFUSED.*\), so/);
    expect(downloadFailure('')).toMatch(/^The Electron desktop shell could not be downloaded, so Connector Studio starts in browser mode\./);
  });
});
