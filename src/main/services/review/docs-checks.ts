/** Documentation completeness beyond the rule engine's description rules: tooltips on visible fields and
 * release notes that cover the version under review. */
import type { Field, InfoJson } from '../../../shared/connector/info-json';
import type { ReviewFinding } from './types';

export const RELEASE_NOTES = 'release_notes.md';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

interface FieldAt {
  readonly field: Field;
  readonly pointer: string;
}

/** Every visible field with its pointer, including onchange branches. */
export function visibleFields(list: unknown, pointer: string, out: FieldAt[] = []): FieldAt[] {
  if (!Array.isArray(list)) return out;
  list.forEach((f, i) => {
    if (!isObject(f) || f.visible === false || f.type === 'label') return;
    const at = `${pointer}/${i}`;
    out.push({ field: f as Field, pointer: at });
    if (isObject(f.onchange)) for (const [k, branch] of Object.entries(f.onchange)) visibleFields(branch, `${at}/onchange/${esc(k)}`, out);
  });
  return out;
}

function tooltipFindings(info: InfoJson): ReviewFinding[] {
  const fields = visibleFields(info.configuration?.fields, '/configuration/fields');
  (info.operations ?? []).forEach((op, i) => {
    if (isObject(op) && op.visible !== false) visibleFields(op.parameters, `/operations/${i}/parameters`, fields);
  });
  return fields
    .filter(({ field }) => !('tooltip' in field))
    .map(({ field, pointer }) => ({
      rule: 'docs-tooltip',
      source: 'docs',
      severity: 'info',
      message: `'${field.title ?? field.name ?? pointer}' has no tooltip: users see it when they hover over the field.`,
      path: 'info.json',
      pointer: `${pointer}/tooltip`,
      fix: 'Add a one-line "tooltip" that says what to enter.',
    }));
}

/** The version appears as a whole word (`1.2.0`, not inside `11.2.0`). */
const mentions = (text: string, version: string) => new RegExp(`(^|[^0-9.])v?${version.replace(/\./g, '\\.')}($|[^0-9])`, 'm').test(text);

function releaseNoteFindings(info: InfoJson, notes: string | undefined): ReviewFinding[] {
  const version = typeof info.version === 'string' ? info.version : '';
  if (notes === undefined)
    return [{ rule: 'docs-release-notes', source: 'docs', severity: 'warning', message: `There is no ${RELEASE_NOTES}: users and reviewers cannot see what changed.`, path: RELEASE_NOTES, fix: `Add ${RELEASE_NOTES} with a section for ${version || 'this version'}.` }];
  if (version === '' || mentions(notes, version)) return [];
  return [{ rule: 'docs-release-notes-version', source: 'docs', severity: 'warning', message: `${RELEASE_NOTES} does not mention version ${version}.`, path: RELEASE_NOTES, line: 1, fix: `Add a "What's new in ${version}" section (the diff command drafts one).` }];
}

export function documentationFindings(info: InfoJson, releaseNotes: string | undefined): ReviewFinding[] {
  return [...releaseNoteFindings(info, releaseNotes), ...tooltipFindings(info)];
}
