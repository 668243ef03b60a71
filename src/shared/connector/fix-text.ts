/** Quick fixes applied to file text, the way `validate --fix` and the editor apply them: info.json edits through
 * jsonc-parser (only the fixed value changes; the author's formatting stays), Python edits as whole-file texts. */
import { copyrightBlockFix } from './copyright-fix';
import { parsePointer } from './json-pointer';
import type { Finding } from './findings';
import { applyEdit, isSafeFix, quickFixEdits, type JsonEdit } from './quick-fixes';
import { INFO_JSON } from './snapshot';
import { removeAt, setAt, type JSONPath } from '../form/json-text';
import { parseJsonOrUndefined } from '../parse-json';

/** A file's new text, relative to the connector folder. */
export interface FileEdit {
  readonly path: string;
  readonly text: string;
}

/** Fixes whose edits are whole files other than info.json (a copyright block in every .py at once). `files` is
 * every text file of the connector; the fix returns the files it changes, each once, with a description. Rules
 * register here with the rule that finds the problem, so `validate --fix` and the editor pick them up. */
export type FilesFix = (files: Readonly<Record<string, string>>, findings: readonly Finding[]) => { edits: FileEdit[]; change: string } | undefined;
export const filesFixes: Record<string, FilesFix> = {
  'cert-copyright-block': copyrightBlockFix,
};

/** One fix applied: what `validate --fix` lists. */
export interface FixedEntry {
  readonly rule: string;
  readonly path: string;
  readonly pointer?: string;
  /** The change, in words: `Set version to "1.0.0"`. */
  readonly message: string;
}

/** Words for a button, a code action and the `fixed` line: `Set category to "investigation"`. */
export function describeEdit(edit: JsonEdit): string {
  const key = parsePointer(edit.pointer).pop() ?? 'value';
  return edit.remove ? `Remove "${key}"` : `Set ${key} to ${JSON.stringify(edit.value)}`;
}

/** JSON pointer -> jsonc-parser path: tokens under arrays become numbers (jsonc-parser needs them so). */
export function pointerToJsonPath(doc: unknown, pointer: string): JSONPath {
  const path: JSONPath = [];
  let node = doc;
  for (const token of parsePointer(pointer)) {
    const key = Array.isArray(node) && /^\d+$/.test(token) ? Number(token) : token;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined;
  }
  return path;
}

export function applyJsonEditToText(text: string, doc: unknown, edit: JsonEdit): string {
  const path = pointerToJsonPath(doc, edit.pointer);
  return edit.remove ? removeAt(text, path) : setAt(text, path, edit.value);
}

export interface SafeFixResult {
  /** The files that changed, with their new text (info.json included when it changed). */
  readonly edits: FileEdit[];
  readonly fixed: FixedEntry[];
}

/**
 * Every safe fix for `findings` on the connector's `files`, one pass: info.json fixes in finding order, each
 * seeing the document the previous ones left; then the whole-file fixes of rules that registered one. A
 * finding whose fix no longer applies (an earlier fix changed its value) is skipped, not guessed at.
 */
export function applySafeFixes(files: Readonly<Record<string, string>>, findings: readonly Finding[]): SafeFixResult {
  const fixed: FixedEntry[] = [];
  const edits: FileEdit[] = [];
  const infoText = files[INFO_JSON];
  if (infoText !== undefined) {
    let text = infoText;
    // info.json that does not parse has one finding, its syntax, and no fix: there is nothing to edit safely.
    let doc = parseJsonOrUndefined(text);
    for (const f of doc === undefined ? [] : findings) {
      if (f.path !== INFO_JSON || f.pointer === undefined || !isSafeFix(f.rule)) continue;
      const edit = quickFixEdits[f.rule]?.(doc, f.pointer);
      if (!edit) continue;
      text = applyJsonEditToText(text, doc, edit);
      doc = applyEdit(doc, edit);
      fixed.push({ rule: f.rule, path: INFO_JSON, pointer: f.pointer, message: describeEdit(edit) });
    }
    if (text !== infoText) edits.push({ path: INFO_JSON, text });
  }
  const rulesWithFileFixes = [...new Set(findings.map((f) => f.rule))].filter((r) => r in filesFixes);
  for (const rule of rulesWithFileFixes) {
    const result = filesFixes[rule]?.(files, findings.filter((f) => f.rule === rule));
    if (!result || result.edits.length === 0) continue;
    for (const e of result.edits) {
      if (e.path === INFO_JSON || files[e.path] === e.text) continue;
      const at = edits.findIndex((x) => x.path === e.path);
      if (at >= 0) edits[at] = e;
      else edits.push(e);
      fixed.push({ rule, path: e.path, message: result.change });
    }
  }
  return { edits, fixed };
}
