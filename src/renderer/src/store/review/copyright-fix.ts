/** The review's certification finding `cert-copyright-block` fixed from the Review panel, every flagged file at
 * once: the same fix as `validate --profile certification --fix` (shared/connector/copyright-fix.ts), written
 * with each file's etag so nothing changed meanwhile is overwritten, then the review runs again. A file with
 * unsaved edits in the editor is left alone and named: the user's buffer wins. */
import { copyrightBlockFix } from '../../../../shared/connector/copyright-fix';
import type { Finding } from '../../../../shared/connector/findings';
import { call } from '../../api/client';
import { toastError, toastInfo, toastSuccess } from '../app/store';
import { connectorPaths } from '../connector/project';
import { useEditorStore } from '../editor/store';
import { findTab } from '../editor/tabs';
import { projectRelative } from './project-path';
import { useReviewStore } from './store';
import { plural } from '../../../../shared/plural';

export const COPYRIGHT_RULE = 'cert-copyright-block';

/** Fixes every file the report flags; true when something was written. */
export async function fixCopyrightBlocks(findings: readonly Finding[]): Promise<boolean> {
  const paths = connectorPaths();
  const flagged = findings.filter((f) => f.rule === COPYRIGHT_RULE);
  if (!paths || flagged.length === 0) return false;
  try {
    const files: Record<string, string> = {};
    const etags = new Map<string, string>();
    const skipped: string[] = [];
    for (const f of flagged) {
      const rel = projectRelative(paths.connectorRel, f.path);
      if (rel === undefined) continue;
      if (findTab(useEditorStore.getState(), rel)?.dirty) {
        skipped.push(rel);
        continue;
      }
      const read = await call('files.read', { projectId: paths.projectId, relPath: rel });
      if (read.text === undefined) continue;
      files[f.path] = read.text;
      etags.set(f.path, read.etag);
    }
    const result = copyrightBlockFix(files, flagged);
    for (const e of result?.edits ?? []) {
      const rel = projectRelative(paths.connectorRel, e.path);
      if (rel !== undefined) await call('files.write', { projectId: paths.projectId, relPath: rel, text: e.text, etag: etags.get(e.path) ?? null });
    }
    const written = result?.edits.length ?? 0;
    if (skipped.length > 0) toastInfo(`Not changed, it has unsaved edits: ${skipped.join(', ')}. Save it and fix again.`);
    if (written > 0) toastSuccess(`The copyright block is in ${plural(written, 'file')}.`);
    await useReviewStore.getState().run();
    return written > 0;
  } catch (e) {
    toastError(e);
    return false;
  }
}
