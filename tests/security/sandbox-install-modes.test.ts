/** The sandbox installs archives anyone may upload: what lands in its data folder has plain modes (no setuid,
 * setgid or sticky bit; files 0644 or 0755, folders 0755), no virtualenv and no git data, and the uploader
 * and the operator are told what was left out. */
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { USERS, multipartBody, rawRequest, sandboxWithUsers, tempDir } from '../../src/main/sandbox/test-kit';
import { SAMPLE_NAME, sampleTgz } from '../helpers/hostile-connector';
import type { RawEntry } from '../helpers/raw-tar';

const posix = process.platform !== 'win32';
const tmp = tempDir('cs-sec-install-');
const log: string[] = [];
let sandbox: Sandbox;
const at = (p: string) => `${SAMPLE_NAME}/${p}`;

/** Hostile additions to a real connector: special mode bits on files and folders, and folders whose contents
 * something on the server would run. */
const HOSTILE: RawEntry[] = [
  { name: at('tools/'), mode: 0o3777 },
  { name: at('tools/setuid.sh'), data: '#!/bin/sh\nid\n', mode: 0o4755 },
  { name: at('tools/setgid-world-writable.sh'), data: '#!/bin/sh\nid\n', mode: 0o2777 },
  { name: at('notes.txt'), data: 'sticky and world-writable\n', mode: 0o1666 },
  { name: at('private.txt'), data: 'owner only\n', mode: 0o600 },
  { name: at('.venv/bin/python'), data: '#!/bin/sh\necho pwned\n', mode: 0o755 },
  { name: at('.venv/pyvenv.cfg'), data: 'home = /usr/bin\n' },
  { name: at('venv/lib/site.py'), data: 'import os\n' },
  { name: at('env-elsewhere/bin/activate'), data: 'export PATH=/tmp/evil:$PATH\n', mode: 0o755 },
  { name: at('env-elsewhere/pyvenv.cfg'), data: 'home = /usr/bin\n' },
  { name: at('.git/config'), data: '[core]\n\tfsmonitor = /tmp/evil\n' },
  { name: at('.git/hooks/post-checkout'), data: '#!/bin/sh\nid\n', mode: 0o755 },
];
const DROPPED = ['.venv', 'venv', 'env-elsewhere', '.git'];

let response: { status: number; json: Record<string, unknown>; text: string };
let installed: string;

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'), { log: (line) => void log.push(line) });
  const upload = multipartBody('file', 'package.tgz', 'application/gzip', await sampleTgz(HOSTILE));
  const res = await rawRequest(sandbox.url, 'POST', '/api/3/solutionpacks/install?$type=connector', { authorization: `API-KEY ${USERS.apiKey}`, 'content-type': upload.contentType }, upload.body);
  response = { status: res.status, json: res.json as Record<string, unknown>, text: res.text };
  installed = path.join(sandbox.dataDir, 'connectors', String(response.json.id), SAMPLE_NAME);
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

/** Every entry under `dir` with its permission bits (setuid, setgid and sticky included). */
async function modes(dir: string): Promise<Map<string, { dir: boolean; mode: number }>> {
  const out = new Map<string, { dir: boolean; mode: number }>();
  for (const rel of (await readdir(dir, { recursive: true })) as string[]) {
    const st = await lstat(path.join(dir, rel));
    out.set(rel.split(path.sep).join('/'), { dir: st.isDirectory(), mode: st.mode & 0o7777 });
  }
  return out;
}

describe("the sandbox's install of a hostile archive", () => {
  it('installs the connector', () => {
    expect(response.status, response.text).toBe(200);
    expect(existsSync(path.join(installed, 'connector.py'))).toBe(true);
  });

  it.runIf(posix)('strips setuid, setgid and sticky bits: files 0644 or 0755, folders 0755', async () => {
    const all = await modes(installed);
    for (const [rel, e] of all) expect([rel, e.mode], rel).toEqual([rel, e.dir ? 0o755 : expect.toSatisfy((m: number) => m === 0o644 || m === 0o755)]);
    expect(all.get('tools')?.mode).toBe(0o755);
    expect(all.get('tools/setuid.sh')?.mode).toBe(0o755);
    expect(all.get('tools/setgid-world-writable.sh')?.mode).toBe(0o755);
    expect(all.get('notes.txt')?.mode).toBe(0o644);
    expect(all.get('private.txt')?.mode).toBe(0o644);
  });

  it('drops virtualenv and .git folders', () => {
    for (const d of DROPPED) expect(existsSync(path.join(installed, d)), `${d} was installed`).toBe(false);
  });

  it('tells the uploader what it dropped, in the install answer', () => {
    const warnings = response.json.warnings as string[];
    expect(warnings).toHaveLength(DROPPED.length);
    for (const d of DROPPED) expect(warnings).toContainEqual(expect.stringContaining(`Dropped "${at(d)}/"`));
  });

  it("tells the operator too, on the sandbox's console", () => {
    for (const d of DROPPED) expect(log).toContainEqual(expect.stringMatching(new RegExp(`^install ${SAMPLE_NAME} 1\\.0\\.0: warning: Dropped "${at(d).replace(/\./g, '\\.')}/"`)));
  });
});
