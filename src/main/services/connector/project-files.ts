/** The non-code files of a new project: README.md, LICENSE, release notes, requirements, playbooks. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import { copyrightHolder, fill } from './python-text';
import type { Template } from './templates';

const LICENCE_FILES = { MIT: 'MIT.txt', 'Apache-2.0': 'Apache-2.0.txt', proprietary: 'proprietary.txt' } as const;

export async function licenceText(templatesDir: string, a: WizardAnswers, year: number): Promise<string> {
  const text = await readFile(path.join(templatesDir, '_licences', LICENCE_FILES[a.licence]), 'utf8');
  return fill(text, { year: String(year), publisher: copyrightHolder(a) });
}

export function releaseNotes(a: WizardAnswers): string {
  const titles = a.actions.map((x) => x.title.trim());
  const what = titles.length ? `: ${titles.join(', ')}` : '';
  return `# What's new in ${a.version}\n\n- First version${what}.\n`;
}

/** requests and the other libraries FortiSOAR pre-installs are not listed: pinning them fights the platform. */
export function requirementsText(t: Template): string {
  const lines = t.requirements ?? [];
  return lines.length ? lines.join('\n') + '\n' : '';
}

export const PLAYBOOKS_JSON_TEXT = JSON.stringify({ type: 'workflow_collections', data: [] }, null, 2) + '\n';

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function readmeText(a: WizardAnswers, t: Template): string {
  const config = a.configuration.map((f) => `| ${mdCell(f.title)} | \`${f.name}\` | ${f.type} | ${f.required ? 'yes' : 'no'} | ${mdCell(f.description ?? '')} |`);
  const actions = a.actions.map((x) => `| ${mdCell(x.title)} | \`${x.operation}\` | ${mdCell(x.description)} |`);
  return [
    `# ${a.label.trim()}`,
    '',
    a.description.trim(),
    '',
    `A FortiSOAR connector (${a.category}), version ${a.version}, by ${a.publisher.trim()}. Created with Connector Studio from the ${t.title} template.`,
    '',
    '## Configuration',
    '',
    ...(config.length ? ['| Field | Name | Type | Required | Description |', '| --- | --- | --- | --- | --- |', ...config] : ['This connector needs no configuration.']),
    '',
    '## Actions',
    '',
    ...(actions.length ? ['| Action | Operation | Description |', '| --- | --- | --- |', ...actions] : ['No actions yet: add them in info.json and operations.py.']),
    '',
    '## Layout',
    '',
    '```',
    `${a.name}/`,
    '  info.json           metadata: configuration fields and actions (operations)',
    '  connector.py        the Connector class: execute() dispatches to operations.py',
    '  operations.py       one function per action, and the `operations` table',
    '  utils.py            the HTTP client and helpers',
    '  constants.py        timeouts and endpoints',
    '  images/             small (32x32) and large (80x80) icons',
    '  playbooks/          sample playbooks shipped with the connector',
    '```',
    '',
    '## Develop',
    '',
    '```sh',
    `connector-studio validate ${a.name}`,
    `connector-studio package ${a.name} -o ${a.name}-${a.version}.tgz`,
    '```',
    '',
  ].join('\n');
}
