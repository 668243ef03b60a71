/** Drafts a release_notes.md section in the headings Fortinet's published connectors use. */
import type { DraftChange } from './types';

export function draftReleaseNotes(label: string, version: string, changes: readonly DraftChange[]): string {
  const breaking = changes.filter((c) => c.breaking);
  const added = changes.filter((c) => !c.breaking && c.level === 'minor');
  const other = changes.filter((c) => !c.breaking && c.level !== 'minor');
  const lines = [`## ${label} ${version}`.trim(), ''];
  const section = (title: string, items: readonly DraftChange[]) => {
    if (items.length === 0) return;
    lines.push(`#### ${title}`, '', ...items.map((c) => `- ${c.note}`), '');
  };
  section('Breaking Changes', breaking);
  section("What's New", added);
  section("What's Improved", other);
  if (changes.length === 0) lines.push('- No changes to actions, parameters, configuration or outputs.', '');
  return lines.join('\n');
}
