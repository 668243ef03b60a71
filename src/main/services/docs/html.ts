/** The connector's documentation as one self-contained HTML page: inline CSS, the icon as a data URL, no
 * scripts, every piece of connector text escaped. */
import type { ActionDoc, ConnectorDoc, FieldRow, PlaybookDoc } from './doc-model';
import { isWebLink, sentence } from './markdown';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const CSS = `
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1f2328}
header{display:flex;gap:1rem;align-items:center}header img{width:80px;height:80px}h1{margin:0}
h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2.5rem}h3{margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border:1px solid #d8dee4}
th{background:#f6f8fa}code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:3px}
pre{background:#f6f8fa;padding:.75rem;border-radius:6px;overflow:auto}pre code{padding:0}
.facts th{width:10rem;white-space:nowrap}.muted{color:#59636e}.when{color:#59636e;font-style:italic}td.sub{padding-left:1.75rem}
`;

const code = (s: string) => (s ? `<code>${esc(s)}</code>` : '');

function fieldTable(rows: readonly FieldRow[], empty: string, what: string): string {
  if (rows.length === 0) return `<p class="muted">${esc(empty)}</p>`;
  const body = rows
    .map((r) => {
      const options = r.options.length ? `<br><span class="muted">Options: ${r.options.map(esc).join(', ')}</span>` : '';
      const when = r.condition ? `<br><span class="when">Shown when ${esc(r.condition)}.</span>` : '';
      const pad = r.depth > 0 ? ` class="sub" style="padding-left:${0.5 + r.depth * 1.25}rem"` : '';
      return `<tr><td${pad}>${esc(r.title)}<br>${code(r.name)}</td><td>${esc(r.type)}</td><td>${r.required ? 'Yes' : 'No'}</td><td>${code(r.defaultValue)}</td><td>${esc(sentence(r.description))}${options}${when}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>${what}</th><th>Type</th><th>Required</th><th>Default</th><th>Description</th></tr></thead><tbody>${body}</tbody></table>`;
}

const slug = (s: string) => `action-${s.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

function action(a: ActionDoc): string {
  const out = [`<section id="${esc(slug(a.operation))}"><h3>${esc(a.title)}</h3>`];
  if (a.description) out.push(`<p>${esc(a.description)}</p>`);
  out.push(`<p class="muted">Operation ${code(a.operation)}${a.category ? ` · Category: ${esc(a.category)}` : ''}</p>`);
  out.push('<h4>Parameters</h4>', fieldTable(a.parameters, 'None.', 'Parameter'), '<h4>Output</h4>');
  if (a.output) out.push('<p>An example of the output:</p>', `<pre><code>${esc(a.output)}</code></pre>`);
  for (const c of a.conditionalOutputs) out.push(`<p>When ${code(c.condition)}:</p><pre><code>${esc(c.output || '{}')}</code></pre>`);
  if (a.outputFrom) out.push(`<p>The output schema is returned at run time by the operation ${code(a.outputFrom)}.</p>`);
  if (!a.output && a.conditionalOutputs.length === 0 && !a.outputFrom) out.push('<p class="muted">No output schema is declared.</p>');
  return out.join('\n') + '</section>';
}

function playbooks(list: readonly PlaybookDoc[]): string {
  if (list.length === 0) return '<p class="muted">The connector bundles no sample playbooks.</p>';
  const rows = list.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.description)}</td><td>${esc(p.collection)}</td><td>${p.tags.map(esc).join(', ')}</td></tr>`).join('');
  return `<table><thead><tr><th>Playbook</th><th>Description</th><th>Collection</th><th>Tags</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Inline Markdown of release notes: `code`, **bold**, and http(s) links; everything else stays text. */
function inline(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>');
}

/** Just enough Markdown for release notes: headings, bullet lists and paragraphs. */
export function releaseNotesHtml(md: string): string {
  const out: string[] = [];
  let inList = false;
  const setList = (want: boolean) => {
    if (want !== inList) out.push(want ? '<ul>' : '</ul>');
    inList = want;
  };
  for (const raw of md.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trim();
    const [, hashes, title] = /^(#{1,6})\s+(.*)$/.exec(line) ?? [];
    const [, item] = /^[-*+]\s+(.*)$/.exec(line) ?? [];
    setList(item !== undefined);
    if (hashes !== undefined && title !== undefined) {
      const level = Math.min(6, hashes.length + 2);
      out.push(`<h${level}>${inline(title)}</h${level}>`);
    } else if (item !== undefined) out.push(`<li>${inline(item)}</li>`);
    else if (line !== '') out.push(`<p>${inline(line)}</p>`);
  }
  setList(false);
  return out.join('\n');
}

export function renderHtml(d: ConnectorDoc): string {
  const icon = d.iconDataUrl?.startsWith('data:image/') ? `<img src="${esc(d.iconDataUrl)}" alt="">` : '';
  const help = isWebLink(d.helpOnline) ? `<tr><th>Online help</th><td><a href="${esc(d.helpOnline.trim())}">${esc(d.helpOnline)}</a></td></tr>` : '';
  const toc = d.actions.map((a) => `<li><a href="#${esc(slug(a.operation))}">${esc(a.title)}</a></li>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(d.label)} ${esc(d.version)}</title><style>${CSS}</style></head><body>`,
    `<header>${icon}<div><h1>${esc(d.label)}</h1><p class="muted">Version ${esc(d.version)} · ${esc(d.publisher)}</p></div></header>`,
    '<h2>Overview</h2>',
    `<p>${esc(d.description) || '<span class="muted">No description.</span>'}</p>`,
    `<table class="facts"><tbody><tr><th>Version</th><td>${esc(d.version)}</td></tr><tr><th>Publisher</th><td>${esc(d.publisher)}</td></tr><tr><th>Category</th><td>${esc(d.category)}</td></tr><tr><th>Connector name</th><td>${code(d.name)}</td></tr><tr><th>Certified</th><td>${d.certified ? 'Yes' : 'No'}</td></tr>${help}</tbody></table>`,
    '<h2>Configuration</h2>',
    '<p>Fields to fill in when you add a configuration of the connector in FortiSOAR.</p>',
    fieldTable(d.configuration, 'The connector needs no configuration.', 'Field'),
    '<h2>Actions</h2>',
    d.actions.length ? `<ul>${toc}</ul>` : '<p class="muted">The connector has no visible actions.</p>',
    ...d.actions.map(action),
    '<h2>Release notes</h2>',
    d.releaseNotes ? releaseNotesHtml(d.releaseNotes) : '<p class="muted">No release notes.</p>',
    '<h2>Sample playbooks</h2>',
    playbooks(d.playbooks),
    '</body></html>',
    '',
  ].join('\n');
}
