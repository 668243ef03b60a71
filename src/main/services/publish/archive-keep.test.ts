/** "Publish and discard" keeps the archive: once the package reached the server, the uploaded .tgz is copied
 * into the kept-archives folder (the temporary one is deleted), and the outcome and the history name it. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, copySample, sandboxWithUsers, tempDir } from '../../sandbox/test-kit';
import type { Sandbox } from '../../sandbox/server';
import { packageConnector } from '../packaging/package';
import { createFortiSoarClient } from './client';
import { KEPT_ARCHIVES_PER_PROJECT, createPublishHistory, publishArchiveDir } from './history';
import { publishConnector } from './publish-flow';

const tmp = tempDir('cs-archive-keep-');
let sandbox: Sandbox;
let folder: string;
const userData = path.join(tmp.dir, 'user');
const kept = publishArchiveDir(userData, 'project-1');
const history = createPublishHistory(userData);
const client = () => createFortiSoarClient({ url: sandbox.url, credentials: { kind: 'apiKey', apiKey: USERS.apiKey }, env: {} });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const publish = (source: string, replace = false, project = 'project-1') =>
  publishConnector(client(), source, {
    pollIntervalMs: 20,
    sleep: () => sandbox.settled(), // between polls: the sandbox's background work, not a real interval
    replace,
    keepArchiveIn: publishArchiveDir(userData, project),
    history: { store: history, projectKey: project, server: 'Sandbox' },
  });

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  folder = copySample(path.join(tmp.dir, 'src'));
});
afterAll(async () => {
  await sandbox?.close();
  tmp.dispose();
});

describe('the kept archive', () => {
  it('is the uploaded .tgz, named by connector, version and hash, in the user data folder', async () => {
    const out = await publish(folder);
    expect(out.result).toBe('success');
    expect(out.archivePath).toBe(path.join(userData, 'publish', 'archives', 'project-1', `sample-threat-intel-1.0.0-${out.archiveSha256.slice(0, 12)}.tgz`));
    expect(sha(out.archivePath!)).toBe(out.archiveSha256);
    expect((await history.list('project-1')).at(-1)).toMatchObject({ result: 'success', archivePath: out.archivePath });
  });

  it('is not kept when the server never got the package', async () => {
    await expect(publish(folder)).rejects.toMatchObject({ kind: 'conflict' });
    expect(readdirSync(kept)).toHaveLength(1);
    const last = (await history.list('project-1')).at(-1);
    expect(last).toMatchObject({ result: 'error:conflict' });
    expect(last?.archivePath).toBeUndefined();
  });

  it('is a copy when a .tgz is published: the given file stays where it was', async () => {
    const given = await packageConnector(folder, { out: path.join(tmp.dir, 'given.tgz'), force: true });
    const out = await publish(given.file, true);
    expect(out.result).toBe('success');
    expect(existsSync(given.file)).toBe(true);
    expect(out.archivePath).not.toBe(given.file);
    expect(sha(out.archivePath!)).toBe(sha(given.file));
    // The deterministic packager made the same bytes: the same kept file, not a second one.
    expect(readdirSync(kept)).toHaveLength(1);
  });
});

describe('the kept archives of a project', () => {
  it('are pruned after a successful keep to the newest ten, the new one among them', async () => {
    const dir = publishArchiveDir(userData, 'project-2');
    mkdirSync(dir, { recursive: true });
    const old = Array.from({ length: 12 }, (_, i) => {
      const file = path.join(dir, `sample-threat-intel-0.0.${i}-${String(i).padStart(12, '0')}.tgz`);
      writeFileSync(file, 'old');
      const t = new Date(Date.UTC(2020, 0, 1, 0, i));
      utimesSync(file, t, t);
      return file;
    });
    const out = await publish(folder, true, 'project-2');
    expect(out.result).toBe('success');
    expect(readdirSync(dir)).toHaveLength(KEPT_ARCHIVES_PER_PROJECT);
    expect(existsSync(out.archivePath!)).toBe(true);
    // The three oldest went; the nine newest of the old ones stayed beside the new one.
    expect(old.filter((f) => !existsSync(f))).toEqual(old.slice(0, 3));
  });
});
