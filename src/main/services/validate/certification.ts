/** The certification profile over files on disk: info.json of the connector folder and every .py file under the
 * repository root, as Fortinet's CI walks its checkout. Folders a checkout does not hold (git's own, virtual
 * environments, caches) are left out; links are not followed, so nothing outside the root is read. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CI_OWN_SCRIPTS, certificationFindings } from '../../../shared/connector/certification';
import { summarize, type ValidationReport } from '../../../shared/connector/findings';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ifMissing } from '../errors';
import { proseChecker } from './speller';

const NOT_IN_A_CHECKOUT = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.fortisoar']);

export interface CertificationOptions {
  /** The year the copyright block must carry; default: the current year, as the CI uses. */
  readonly year?: number;
}

const toSlash = (p: string) => p.split(path.sep).join('/');

/** Every .py file under `root` a checkout holds, relative and with / separators, the CI's own scripts left out. */
export async function pythonFilesUnder(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && !NOT_IN_A_CHECKOUT.has(e.name)) out.push(...(await pythonFilesUnder(root, r)));
    else if (e.isFile() && e.name.endsWith('.py') && !CI_OWN_SCRIPTS.includes(r)) out.push(r);
  }
  return out;
}

/** `root` is the repository root (the folder the user named), `connectorDir` the connector folder in it (or
 * the same folder). Finding paths are relative to the connector folder, as every finding's are. */
export async function certificationReport(root: string, connectorDir: string, opts: CertificationOptions = {}): Promise<ValidationReport> {
  const pythonFiles: Record<string, string> = {};
  for (const rel of (await pythonFilesUnder(root)).sort()) {
    const abs = path.join(root, rel);
    pythonFiles[toSlash(path.relative(connectorDir, abs))] = await readFile(abs, 'utf8');
  }
  const infoText = await readFile(path.join(connectorDir, 'info.json'), 'utf8').catch(ifMissing(undefined));
  const findings = certificationFindings({ infoText, folderName: path.basename(connectorDir), pythonFiles, year: opts.year ?? new Date().getFullYear(), prose: proseChecker() });
  const info = parseObject(infoText);
  return {
    connector: typeof info?.name === 'string' ? info.name : path.basename(connectorDir),
    version: typeof info?.version === 'string' ? info.version : '',
    findings,
    summary: summarize(findings),
  };
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  // Not JSON is already a finding; the report then names the folder.
  const doc = text === undefined ? undefined : parseJsonOrUndefined(text);
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
}
