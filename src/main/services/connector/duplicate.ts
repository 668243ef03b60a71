/** Duplicate: copy a connector (a workspace folder or an archive, e.g. a store connector to customise) under a
 * new API identifier, label and version, as FortiSOAR's clone dialog does, into a new git project. */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { API_IDENTIFIER } from '../../../shared/connector/wizard';
import { ServiceError } from '../errors';
import { identityNeeded } from '../git/git-identity';
import type { GitService } from '../git/git-service';
import { listPackageFiles } from '../packaging/file-list';
import { safeExtractTgz } from '../packaging/safe-extract';
import { locateConnectorDir } from '../validate/locate';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pathExists } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';

export interface DuplicateAs {
  readonly name: string;
  readonly label: string;
  readonly version: string;
}

export interface DuplicateResult {
  readonly projectRoot: string;
  readonly connectorDir: string;
  readonly sha: string;
}

export async function duplicateConnector(source: string, as: DuplicateAs, opts: { workspaceRoot: string; git: GitService }): Promise<DuplicateResult> {
  if (!API_IDENTIFIER.test(as.name)) throw new ServiceError('VALIDATION', `'${as.name}' is not a valid API identifier: use letters, digits, - and _, starting with a letter or _.`);
  if (!/^\d+\.\d+\.\d+$/.test(as.version)) throw new ServiceError('VALIDATION', `The version '${as.version}' is not x.y.z.`);
  if (!as.label.trim()) throw new ServiceError('VALIDATION', 'The new connector needs a label.');
  if (!(await opts.git.identity())) throw identityNeeded();
  const isArchive = (await stat(source)).isFile();
  const extracted = isArchive ? await safeExtractTgz(source) : undefined;
  try {
    return await copyAs(extracted?.dir ?? (await locateConnectorDir(source)), as, opts);
  } finally {
    await extracted?.dispose();
  }
}

async function copyAs(srcDir: string, as: DuplicateAs, opts: { workspaceRoot: string; git: GitService }): Promise<DuplicateResult> {
  const folder = `connector-${as.name}`;
  await mkdir(opts.workspaceRoot, { recursive: true });
  const projectRoot = await resolveInside(opts.workspaceRoot, folder);
  if (await pathExists(projectRoot)) throw new ServiceError('CONFLICT', `${folder} already exists in ${opts.workspaceRoot}: pick another API identifier.`);
  const staging = path.join(opts.workspaceRoot, `.${folder}.${randomBytes(4).toString('hex')}.tmp`);
  const dest = path.join(staging, as.name);
  try {
    // The packaging file list: caches, editor litter and user data stay behind.
    await mkdir(dest, { recursive: true });
    for (const entry of await listPackageFiles(srcDir)) {
      const to = path.join(dest, entry.rel);
      if (entry.dir) await mkdir(to, { recursive: true });
      else await copyFile(path.join(srcDir, entry.rel), to);
    }
    const infoPath = path.join(dest, 'info.json');
    const before = await readFile(infoPath, 'utf8');
    const old = parse(before) as { name?: string; version?: string } | undefined;
    await writeFileAtomic(infoPath, renameInfo(before, as));
    await writeFileAtomic(path.join(staging, 'README.md'), `# ${as.label.trim()}\n\nA copy of ${old?.name ?? 'a connector'} ${old?.version ?? ''}, made with Connector Studio.\n`);
    await opts.git.init(staging);
    const { sha } = await opts.git.commitAll(staging, `Duplicate ${old?.name ?? 'connector'} ${old?.version ?? ''} as ${as.name} ${as.version}`.replace(/\s+/g, ' '));
    await rename(staging, projectRoot);
    return { projectRoot, connectorDir: path.join(projectRoot, as.name), sha };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** name, label and version change; a server export's identity (`id`) goes, as it belongs to the original. */
export function renameInfo(text: string, as: DuplicateAs): string {
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2 } };
  let out = text;
  for (const [key, value] of [['name', as.name], ['label', as.label.trim()], ['version', as.version], ['id', undefined]] as const)
    out = applyEdits(out, modify(out, [key], value, fmt));
  return out;
}
