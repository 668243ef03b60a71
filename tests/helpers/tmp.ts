import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tmpDir(prefix = 'cs-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Fixtures live inside the repository, so a fresh clone tests itself with nothing beside it. */
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'fixtures');
/** The 22 published connectors (metadata only); tests/fixtures/corpus/SOURCES.md names their origin and licence. */
export const CORPUS_DIR = path.join(FIXTURES_DIR, 'corpus', 'connectors');
export const SAMPLE_PROJECT = path.join(REPO_ROOT, 'resources', 'samples', 'connector-sample-threat-intel');

/** Copies the bundled sample project into a temp workspace and returns the workspace path. */
export async function sampleWorkspace(): Promise<string> {
  const ws = await tmpDir('cs-ws-');
  await cp(SAMPLE_PROJECT, path.join(ws, 'connector-sample-threat-intel'), { recursive: true });
  return ws;
}
