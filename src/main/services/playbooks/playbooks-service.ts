/** Playbooks tab: list the bundled playbooks and generate sample playbooks into playbooks/playbooks.json. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readInfoJson } from '../../../shared/connector/engine';
import { PLAYBOOKS_JSON } from '../../../shared/connector/snapshot';
import { ServiceError, errnoCode } from '../errors';
import { withConnector } from '../review/open-connector';
import { locateConnectorDir } from '../validate';
import { writeFileAtomic } from '../workspace/atomic-write';
import { addSamplePlaybooks, type GenerateResult } from './generate';
import { listPlaybooks, type PlaybookList } from '../../../shared/connector/playbooks';
import type { NewId } from './sample';

export interface GenerateSamplesResult extends Omit<GenerateResult, 'text'> {
  /** Absolute path of the playbooks.json written (or left alone when nothing was added). */
  readonly file: string;
}

export interface PlaybooksService {
  /** The bundled playbooks of a connector folder or .tgz. */
  list(absPath: string): Promise<PlaybookList>;
  /** Adds a sample playbook for every visible action that has none; never changes existing playbooks. */
  generateSamples(absDir: string): Promise<GenerateSamplesResult>;
}

const readIfAny = (file: string) =>
  readFile(file, 'utf8').catch((e) => {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  });

async function generateSamples(absDir: string, newId: NewId): Promise<GenerateSamplesResult> {
  const dir = await locateConnectorDir(absDir);
  const infoText = await readIfAny(path.join(dir, 'info.json'));
  const read = readInfoJson({ folderName: path.basename(dir), files: infoText === undefined ? {} : { 'info.json': infoText }, images: {}, metadataOnly: true });
  if (!read.ok) throw new ServiceError('VALIDATION', read.finding.message);
  const file = path.join(dir, PLAYBOOKS_JSON);
  const { text, added, skipped } = addSamplePlaybooks(await readIfAny(file), read.info, newId);
  if (added.length > 0) await writeFileAtomic(file, text);
  return { file, added, skipped };
}

export function createPlaybooksService(opts: { newId?: NewId } = {}): PlaybooksService {
  const newId = opts.newId ?? randomUUID;
  return {
    list: (absPath) => withConnector(absPath, async (c) => listPlaybooks(c.snapshot.files[PLAYBOOKS_JSON])),
    generateSamples: (absDir) => generateSamples(absDir, newId),
  };
}
