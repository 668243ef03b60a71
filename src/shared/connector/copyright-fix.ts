/** The fix for the certification check `cert-copyright-block` (Fortinet's verify_copyright_block), every file at
 * once: a file with a copyright block of the wizard's shape gets it corrected (holder, licence line, year), a file
 * without one gets the CI's block at its top. What the CI wants is exact, so the fix is certain. */
import { ciCopyrightBlock } from './certification/ci-lists';
import type { Finding } from './findings';
import type { FileEdit } from './fix-text';
import { logicalLines } from './python/scan';

/** The wizard's block (and the CI's): """ / Copyright start / one line / Copyright (c) ... / Copyright end / """. */
const BLOCK = /"""[ \t]*\r?\nCopyright start[ \t]*\r?\n(?:[^\r\n]*\r?\n)*?Copyright end[ \t]*\r?\n"""/;
/** Line 1 or 2 of a module may be a shebang or declare the encoding: Python reads those only there. */
const PREAMBLE = /^(?:#![^\n]*\n)?(?:#[^\n]*coding[:=][^\n]*\n)?/;

/** `text` carrying the CI's block for `year`, in the file's own line ends. */
export function withCiCopyrightBlock(text: string, year: number): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = ciCopyrightBlock(year).replace(/\n/g, eol);
  if (BLOCK.test(text)) return text.replace(BLOCK, block);
  const at = insertionPoint(text);
  const before = text.slice(0, at);
  const after = text.slice(at);
  return `${before}${block}${eol}${after.length > 0 && !after.startsWith(eol) ? eol : ''}${after}`;
}

/** The top of the module, after a shebang and an encoding line; after the `from __future__` imports when there
 * are some, since nothing but a docstring may stand before them. */
function insertionPoint(text: string): number {
  const future = logicalLines(text).filter((l) => l.indent === 0 && /^from\s+__future__\s+import\b/.test(l.masked));
  const last = future.at(-1);
  if (last) return Math.min(text.length, last.end + 1);
  return PREAMBLE.exec(text)?.[0].length ?? 0;
}

/** The year the check asked for, read from its finding (tests pin a year; the CI uses the current one). */
function yearOf(findings: readonly Finding[]): number {
  for (const f of findings) {
    const m = /Copyright \(c\) (\d{4}) /.exec(f.fix ?? '');
    if (m?.[1]) return Number(m[1]);
  }
  return new Date().getFullYear();
}

/** Every flagged file corrected at once. */
export function copyrightBlockFix(files: Readonly<Record<string, string>>, findings: readonly Finding[]): { edits: FileEdit[]; change: string } | undefined {
  const year = yearOf(findings);
  const edits: FileEdit[] = [];
  for (const path of new Set(findings.map((f) => f.path))) {
    const text = files[path];
    if (text === undefined) continue;
    const fixed = withCiCopyrightBlock(text, year);
    if (fixed !== text) edits.push({ path, text: fixed });
  }
  return edits.length > 0 ? { edits, change: `Put the CI's copyright block (MIT, ${year}, Fortinet Inc) in the file` } : undefined;
}
