/** `validate --fix`: the safe quick fixes applied to a connector folder, each file written atomically, then the
 * folder validated again. A fix can make another finding visible (or fixable), so passes repeat until one
 * changes nothing; a handful is enough for every fix there is, the cap only guards against two fixes undoing
 * each other. */
import type { ValidationReport } from '../../../shared/connector/findings';
import { applySafeFixes, type FixedEntry } from '../../../shared/connector/fix-text';
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
    const { edits, fixed: applied } = pass < MAX_PASSES ? applySafeFixes(snapshot.files, report.findings) : { edits: [], fixed: [] };
    if (edits.length === 0) return { report, fixed };
    for (const e of edits) {
      const target = await resolveInside(dir, e.path);
      // Keep the file's permissions (an executable script stays executable).
      const mode = (await statIfPresent(target))?.mode;
      await writeFileAtomic(target, e.text, mode === undefined ? undefined : mode & 0o7777);
    }
    fixed.push(...applied);
  }
}

