/** An archive's modes never reach the disk as written: import, review and the sandbox's install strip setuid,
 * setgid and sticky bits and normalise every mode (files 0644, or 0755 when any execute bit was set; folders
 * 0755), whatever the process umask. A setuid program in a package must not become one on this machine. */
import { lstat, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { safeExtractTgz } from '../../src/main/services/packaging/safe-extract';
import { SAMPLE_NAME, hostileSandbox, sampleTgz, viaImport, viaReview, viaSandbox } from '../helpers/hostile-connector';
import type { RawEntry } from '../helpers/raw-tar';

/** Entry (relative to the connector folder), mode in the archive, mode expected on disk. */
const FILES: [string, number, number][] = [
  ['bin-setuid.sh', 0o4755, 0o755],
  ['bin-setgid.sh', 0o2755, 0o755],
  ['bin-all-special.sh', 0o7777, 0o755],
  ['setuid-not-executable.txt', 0o4644, 0o644],
  ['sticky-world-writable.txt', 0o1666, 0o644],
  ['world-writable.py', 0o666, 0o644],
  ['group-execute-only.sh', 0o610, 0o755],
  ['other-execute-only.sh', 0o601, 0o755],
  ['no-permissions.txt', 0o000, 0o644],
];
const DIRS: [string, number][] = [
  ['setgid-dir', 0o2775],
  ['sticky-dir', 0o1777],
  ['private-dir', 0o700],
  ['setuid-dir', 0o4755],
];

const hostileEntries = (): RawEntry[] => [
  ...FILES.map(([name, mode]) => ({ name: `${SAMPLE_NAME}/${name}`, data: '#!/bin/sh\necho owned\n', mode })),
  ...DIRS.flatMap(([name, mode]) => [
    { name: `${SAMPLE_NAME}/${name}/`, mode },
    { name: `${SAMPLE_NAME}/${name}/inner.sh`, data: 'echo inner\n', mode: 0o6755 },
  ]),
];

/** Every path under `dir` with its permission bits (0o7777), folders marked with a trailing slash. */
async function modes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { '/': (await lstat(dir)).mode & 0o7777 };
  for (const rel of (await readdir(dir, { recursive: true })) as string[]) {
    const st = await lstat(path.join(dir, rel));
    out[st.isDirectory() ? `${rel}/` : rel] = st.mode & 0o7777;
  }
  return out;
}

function expectNormalised(found: Record<string, number>): void {
  for (const [name, , want] of FILES) expect(found[name], name).toBe(want);
  for (const [name] of DIRS) {
    expect(found[`${name}/`], name).toBe(0o755);
    expect(found[`${name}/inner.sh`], `${name}/inner.sh`).toBe(0o755);
  }
  expect(found['/'], 'the connector folder').toBe(0o755);
  // Nothing anywhere with a special bit or group/world write, and only the two normal modes.
  for (const [rel, mode] of Object.entries(found)) expect([0o644, 0o755], `${rel} is ${mode.toString(8)}`).toContain(mode);
}

let work: string;
let tgz: string;
let bytes: Buffer;
let sandbox: Sandbox;
// Owner-only umask: the normalised modes must not depend on the process umask either way.
let savedUmask: number;

beforeAll(async () => {
  savedUmask = process.umask(0o000);
  // One folder for the whole file (tmpDir's are removed after each test).
  work = await mkdtemp(path.join(os.tmpdir(), 'cs-archive-modes-'));
  bytes = await sampleTgz(hostileEntries());
  tgz = path.join(work, 'modes.tgz');
  await writeFile(tgz, bytes);
  sandbox = await hostileSandbox(path.join(work, 'sandbox'));
});
afterAll(async () => {
  process.umask(savedUmask);
  await sandbox?.close();
  await rm(work, { recursive: true, force: true });
});

describe('archive modes are normalised on every route to the disk', () => {
  it('the safe extraction itself', async () => {
    const r = await safeExtractTgz(tgz, { tempParent: work });
    try {
      expectNormalised(await modes(r.dir));
    } finally {
      await r.dispose();
    }
  });

  it('import into the workspace', async () => {
    const { dir } = await viaImport(tgz, path.join(work, 'workspace'));
    expectNormalised(await modes(dir));
  });

  it('opening the package for review', async () => {
    const { dir } = await viaReview(bytes, path.join(work, 'user-data'));
    expectNormalised(await modes(dir));
  });

  it("the sandbox server's install", async () => {
    const r = await viaSandbox(sandbox, bytes);
    expect(r.status, r.text).toBe(200);
    expectNormalised(await modes(r.dir!));
  });

  it('with a restrictive umask too', async () => {
    process.umask(0o077);
    try {
      const { dir } = await viaImport(tgz, path.join(work, 'workspace-umask'));
      expectNormalised(await modes(dir));
    } finally {
      process.umask(0o000);
    }
  });
});
