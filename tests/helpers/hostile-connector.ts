/** A real connector (the bundled sample) as raw tar entries a test adds hostile ones to, and the three ways an
 * archive reaches this machine's disk: import into the workspace, opening it for review, and the sandbox
 * server's install. Each returns the extracted connector folder so a test can look at what landed. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import importCommand from '../../src/main/cli/commands/import';
import { startSandbox, type Sandbox } from '../../src/main/sandbox/server';
import { createGitService } from '../../src/main/services/git/git-service';
import { importArchive, type ImportResult } from '../../src/main/services/packaging/import';
import { createProjectService } from '../../src/main/services/projects/project-service';
import { createReviewDesk } from '../../src/main/services/reviewdesk/review-desk';
import { createSettingsService } from '../../src/main/services/settings/settings-service';
import { rawTgz, type RawEntry } from './raw-tar';
import { SAMPLE_PROJECT } from './tmp';

export const SAMPLE_NAME = 'sample-threat-intel';
const SAMPLE_DIR = path.join(SAMPLE_PROJECT, SAMPLE_NAME);

/** The sample connector's folder and files as entries under `sample-threat-intel/`, in sorted order. */
export async function sampleEntries(): Promise<RawEntry[]> {
  const out: RawEntry[] = [{ name: `${SAMPLE_NAME}/` }];
  const walk = async (rel: string): Promise<void> => {
    for (const e of (await readdir(path.join(SAMPLE_DIR, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.push({ name: `${SAMPLE_NAME}/${r}/` });
        await walk(r);
      } else out.push({ name: `${SAMPLE_NAME}/${r}`, data: await readFile(path.join(SAMPLE_DIR, r)) });
    }
  };
  await walk('');
  return out;
}

/** The sample connector with `extra` entries appended (names relative to the archive root). */
export async function sampleTgz(extra: readonly RawEntry[]): Promise<Buffer> {
  return rawTgz([...(await sampleEntries()), ...extra]);
}

export interface Landed {
  /** The connector folder as it is on disk after the route. */
  readonly dir: string;
  /** What the route told the user (warnings), when it tells anything. */
  readonly warnings: readonly string[];
}

/** `connector-studio import`: the CLI's stderr warnings and the imported folder. */
export async function viaCli(tgz: string, into: string): Promise<Landed & { code: number; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommand.run([tgz, '--into', into, '--json'], { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: into, env: {} });
  if (code !== 0) return { code, err, dir: '', warnings: [] };
  const r = JSON.parse(out.join('\n')) as ImportResult;
  return { code, err, dir: r.dir, warnings: r.warnings };
}

/** Import into a workspace folder, as the UI's Import and the review's "Import into workspace" do. */
export async function viaImport(tgz: string, into: string): Promise<Landed & { result: ImportResult }> {
  const result = await importArchive(tgz, { into });
  return { dir: result.dir, warnings: result.warnings, result };
}

/** The reviewer's "Open .tgz for Review": the archive's bytes as the UI uploads them. */
export async function viaReview(bytes: Buffer, userDataDir: string, fileName = 'package.tgz'): Promise<Landed> {
  const settings = createSettingsService({ userDataDir, defaultWorkspace: path.join(userDataDir, 'workspace') });
  await settings.load();
  const projects = createProjectService({ settings, git: createGitService(() => 'git'), moveToTrash: async () => false });
  const desk = createReviewDesk({ projects, userDataDir });
  const opened = await desk.openPackage(fileName, bytes.toString('base64'));
  return { dir: path.join(opened.root, opened.connectorRel), warnings: opened.warnings ?? [] };
}

const API_KEY = 'hostile-archive-test-key';

/** A sandbox server in `dataDir`; close it when done. */
export function hostileSandbox(dataDir: string): Promise<Sandbox> {
  return startSandbox({ dataDir, users: [], apiKeys: [{ key: API_KEY }], hmacKeys: [], jobStepMs: 1 });
}

/** Uploads the archive to the sandbox's install endpoint; the folder it installed, or the refusal. */
export async function viaSandbox(sandbox: Sandbox, bytes: Buffer): Promise<{ status: number; text: string; dir?: string }> {
  const boundary = 'hostile-archive-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="package.tgz"\r\nContent-Type: application/gzip\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await fetch(`${sandbox.url}/api/3/solutionpacks/install?$type=connector&$replace=true`, {
    method: 'POST',
    headers: { authorization: `API-KEY ${API_KEY}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, text };
  const record = JSON.parse(text) as { id: number; name: string };
  return { status: res.status, text, dir: path.join(sandbox.dataDir, 'connectors', String(record.id), record.name) };
}
