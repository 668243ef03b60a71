/** `validate --fix`: the safe quick fixes applied to a connector folder, each file written atomically, then the
 * folder validated again. A fix can make another finding visible (or fixable), so passes repeat until one
 * changes nothing; a handful is enough for every fix there is, the cap only guards against two fixes undoing
 * each other. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, ValidationReport } from '../../../shared/connector/findings';
import { applySafeFixes, filesFixes, type FixedEntry } from '../../../shared/connector/fix-text';
import { ifMissing } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { statIfPresent } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';
import { locateConnectorDir } from './locate';
import { readSnapshot } from './read-snapshot';

const MAX_PASSES = 5;

export interface FixOutcome {
  /** The report on the folder as the fixes left it. */
  readonly report: ValidationReport;
  /** Every fix applied, in the order applied. */
  readonly fixed: FixedEntry[];
}

/** `check`: the validation to run on each pass, on the folder the user named (with the caller's options, so a
 * profile fixes what that profile finds). Finding paths are relative to the connector folder. */
export async function fixFolder(absDir: string, check: (absDir: string) => Promise<ValidationReport>): Promise<FixOutcome> {
  const dir = await locateConnectorDir(absDir);
  const fixed: FixedEntry[] = [];
  for (let pass = 0; ; pass++) {
    const report = await check(absDir);
    const { snapshot } = await readSnapshot(dir, { metadataOnly: false });
    const files = await withFlaggedFiles(absDir, dir, snapshot.files, report.findings);
    const { edits, fixed: applied } = pass < MAX_PASSES ? applySafeFixes(files, report.findings) : { edits: [], fixed: [] };
    if (edits.length === 0) return { report, fixed };
    for (const e of edits) {
      const target = await insideRoot(absDir, dir, e.path);
      // Keep the file's permissions (an executable script stays executable).
      const mode = (await statIfPresent(target))?.mode;
      await writeFileAtomic(target, e.text, mode === undefined ? undefined : mode & 0o7777);
    }
    fixed.push(...applied);
  }
}


/** A finding's path (relative to the connector folder) as a file inside the folder the user named: the
 * certification profile names every .py of the repository, `../setup.py` included; nothing outside it. */
function insideRoot(root: string, dir: string, rel: string): Promise<string> {
  return resolveInside(root, path.relative(root, path.join(dir, rel)).split(path.sep).join('/'));
}

/** The connector's files plus those a whole-file fix must see that its snapshot leaves out (a .py at the
 * repository root, or under tests/). */
async function withFlaggedFiles(root: string, dir: string, files: Readonly<Record<string, string>>, findings: readonly Finding[]): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...files };
  for (const f of findings) {
    if (!(f.rule in filesFixes) || f.path in out) continue;
    const text = await readFile(await insideRoot(root, dir, f.path), 'utf8').catch(ifMissing(undefined));
    if (text !== undefined) out[f.path] = text;
  }
  return out;
}
