/** The shared quick fixes (shared/connector/quick-fixes.ts) applied to the text, so only the fixed value changes. */
import type { Finding } from '../../../../shared/connector/findings';
import { quickFixEdits, type JsonEdit } from '../../../../shared/connector/quick-fixes';
import { parsePointer } from '../../../../shared/connector/json-pointer';
import { removeAt, setAt } from '../../../../shared/form/json-text';
import { reportInBackground } from '../app/store';
import { pointerToPath } from './document';

/** The edit a finding's quick fix would make on this document, or undefined when no safe fix exists. */
export function quickFixFor(info: unknown, f: Finding): JsonEdit | undefined {
  const fix = quickFixEdits[f.rule];
  if (!fix || f.pointer === undefined || f.path !== 'info.json' || info === undefined) return undefined;
  try {
    return fix(info, f.pointer);
  } catch (e) {
    // A fix that cannot handle this document offers nothing; the console keeps why, for a bug report.
    reportInBackground(`The quick fix for ${f.rule}`)(e);
    return undefined;
  }
}

export function applyJsonEdit(text: string, info: unknown, edit: JsonEdit): string {
  const path = pointerToPath(info, edit.pointer);
  return edit.remove ? removeAt(text, path) : setAt(text, path, edit.value);
}

/** Words for the button and the code action: "Set category to "investigation"". */
export function describeFix(edit: JsonEdit): string {
  const key = parsePointer(edit.pointer).pop() ?? 'value';
  return edit.remove ? `Remove "${key}"` : `Set ${key} to ${JSON.stringify(edit.value)}`;
}
