/** `validate --fix`: the safe quick fixes applied to a connector folder, each file written atomically, then the
 * folder validated again. A fix can make another finding visible (or fixable), so passes repeat until one
 * changes nothing; a handful is enough for every fix there is, the cap only guards against two fixes undoing
 * each other. */
import { stat } from 'node:fs/promises';
import { summarize, type Finding, type ValidationReport } from '../../../shared/connector/findings';
import { applySafeFixes, type FixedEntry } from '../../../shared/connector/fix-text';
import type { ConnectorSnapshot } from '../../../shared/connector/snapshot';
import { writeFileAtomic } from '../workspace/atomic-write';
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

/** `check`: the validation to run on each pass (the caller's profile), on a snapshot of the whole folder. */
export async function fixFolder(absDir: string, check: (snapshot: ConnectorSnapshot) => ValidationReport): Promise<FixOutcome> {
  const dir = await locateConnectorDir(absDir);
  const fixed: FixedEntry[] = [];
  for (let pass = 0; ; pass++) {
    const { snapshot, infoJsonError } = await readSnapshot(dir, { metadataOnly: false });
    // info.json that is not UTF-8 has one finding and no safe fix.
    const report = infoJsonError === undefined ? check(snapshot) : unreadableInfoJson(snapshot.folderName, infoJsonError);
    const { edits, fixed: applied } = pass < MAX_PASSES ? applySafeFixes(snapshot.files, report.findings) : { edits: [], fixed: [] };
    if (edits.length === 0) return { report, fixed };
    for (const e of edits) {
      const target = await resolveInside(dir, e.path);
      // Keep the file's permissions (an executable script stays executable).
      const { mode } = await stat(target);
      await writeFileAtomic(target, e.text, mode & 0o7777);
    }
    fixed.push(...applied);
  }
}

function unreadableInfoJson(folderName: string, message: string): ValidationReport {
  const findings: Finding[] = [{ rule: 'info-json-parse', source: 'rules', severity: 'error', path: 'info.json', message }];
  return { connector: folderName, version: '', findings, summary: summarize(findings) };
}
