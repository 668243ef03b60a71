/** The connector's documentation as Markdown (GitHub-flavoured tables and fenced code). Connector text is
 * escaped so that a `|` or `<script>` in a description neither breaks a table nor becomes live HTML. */
import type { ActionDoc, ConnectorDoc, FieldRow, PlaybookDoc } from './doc-model';

/** Inline text: HTML-significant characters become entities; table pipes and newlines are neutralised. */
export const mdText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();

/** Inline code that survives backticks in the value. */
export function mdCode(s: string): string {
  if (s === '') return '';
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  return `${ticks}${s.includes('`') ? ` ${s} ` : s}${ticks}`.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Ends a description with a full stop so the options and conditions that follow read as sentences. */
export const sentence = (s: string): string => (s.trim() === '' || /[.!?:)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** Only http(s) links become links: a `javascript:` help_online must stay text. */
export const isWebLink = (s: string): boolean => /^https?:\/\/[^\s]+$/i.test(s.trim());

/** A fenced block longer than any backtick run inside it. */
function fence(lang: string, body: string): string {
  const ticks = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((t) => t.length + 1)));
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

function fieldTable(rows: readonly FieldRow[], empty: string, what: string): string[] {
  if (rows.length === 0) return [empty, ''];
  const out = [`| ${what} | Type | Required | Default | Description |`, '|---|---|---|---|---|'];
  for (const r of rows) {
    const indent = r.depth > 0 ? `${'&nbsp;&nbsp;'.repeat(r.depth)}↳ ` : '';
    const options = r.options.length ? ` Options: ${r.options.map(mdText).join(', ')}.` : '';
    const when = r.condition ? ` *Shown when ${mdText(r.condition)}.*` : '';
    out.push(`| ${indent}${mdText(r.title)} (${mdCode(r.name)}) | ${mdText(r.type)} | ${r.required ? 'Yes' : 'No'} | ${mdCode(r.defaultValue)} | ${mdText(sentence(r.description))}${options}${when} |`);
  }
  return [...out, ''];
}

function action(a: ActionDoc): string[] {
  const out = [`### ${mdText(a.title)}`, ''];
  if (a.description) out.push(mdText(a.description), '');
  out.push(`Operation: ${mdCode(a.operation)}${a.category ? ` · Category: ${mdText(a.category)}` : ''}`, '', '#### Parameters', '');
  out.push(...fieldTable(a.parameters, 'None.', 'Parameter'));
  out.push('#### Output', '');
  if (a.output) out.push('An example of the output:', '', fence('json', a.output), '');
  for (const c of a.conditionalOutputs) out.push(`When ${mdCode(c.condition)}:`, '', fence('json', c.output || '{}'), '');
  if (a.outputFrom) out.push(`The output schema is returned at run time by the operation ${mdCode(a.outputFrom)}.`, '');
  if (!a.output && a.conditionalOutputs.length === 0 && !a.outputFrom) out.push('No output schema is declared.', '');
  return out;
}

function playbookTable(list: readonly PlaybookDoc[]): string[] {
  if (list.length === 0) return ['The connector bundles no sample playbooks.', ''];
  const out = ['| Playbook | Description | Collection | Tags |', '|---|---|---|---|'];
  for (const p of list) out.push(`| ${mdText(p.name)} | ${mdText(p.description)} | ${mdText(p.collection)} | ${p.tags.map(mdText).join(', ')} |`);
  return [...out, ''];
}

/** Release notes keep their Markdown, one heading level below "Release notes"; raw HTML is escaped. */
export function nestReleaseNotes(notes: string): string {
  return notes
    .replace(/\r\n/g, '\n')
    .trim()
    .replace(/</g, '&lt;')
    .replace(/^(#{1,4})\s/gm, (_, h: string) => `${'#'.repeat(Math.min(6, h.length + 2))} `);
}

export function renderMarkdown(d: ConnectorDoc): string {
  const out = [`# ${mdText(d.label)}`, ''];
  if (d.iconPath) out.push(`![${mdText(d.label)} icon](${d.iconPath.replace(/[ ()<>]/g, encodeURIComponent)})`, '');
  out.push('## Overview', '', mdText(d.description) || 'No description.', '');
  out.push('| | |', '|---|---|', `| Version | ${mdText(d.version)} |`, `| Publisher | ${mdText(d.publisher)} |`, `| Category | ${mdText(d.category)} |`);
  out.push(`| Connector name | ${mdCode(d.name)} |`, `| Certified | ${d.certified ? 'Yes' : 'No'} |`);
  if (isWebLink(d.helpOnline)) out.push(`| Online help | <${d.helpOnline.trim().replace(/[<>]/g, encodeURIComponent)}> |`);
  out.push('', '## Configuration', '', 'Fields to fill in when you add a configuration of the connector in FortiSOAR.', '');
  out.push(...fieldTable(d.configuration, 'The connector needs no configuration.', 'Field'));
  out.push('## Actions', '');
  if (d.actions.length === 0) out.push('The connector has no visible actions.', '');
  for (const a of d.actions) out.push(...action(a));
  out.push('## Release notes', '', d.releaseNotes ? nestReleaseNotes(d.releaseNotes) : 'No release notes.', '');
  out.push('## Sample playbooks', '', ...playbookTable(d.playbooks));
  return out.join('\n');
}
