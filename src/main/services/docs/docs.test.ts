import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR as CORPUS, tmpDir } from '../../../../tests/helpers/tmp';
import type { Field, InfoJson, Operation } from '../../../shared/connector/info-json';
import docsCommand from '../../cli/commands/docs';
import type { CliIO } from '../../cli/command';
import { buildConnectorDoc } from './doc-model';
import { createDocsService } from './docs-service';
import { renderHtml } from './html';
import { mdText, renderMarkdown } from './markdown';

const docs = createDocsService();
const readInfo = async (name: string): Promise<InfoJson> => JSON.parse(await readFile(path.join(CORPUS, name, 'info.json'), 'utf8'));
const visibleOps = (info: InfoJson) => (info.operations ?? []).filter((o: Operation) => o.visible !== false);
const topFields = (info: InfoJson) => (info.configuration?.fields ?? []).filter((f: Field) => f.visible !== false);

async function cli(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: {} };
  return { code: await docsCommand.run(argv, io), out: out.join('\n'), err: err.join('\n') };
}

describe('docs for corpus connectors', () => {
  it.each(['sonicwall-firewall', 'paloalto-cortex-xdr', 'kafka'])('%s: Markdown has the configuration table and every visible action', async (name) => {
    const info = await readInfo(name);
    const md = await docs.generate(path.join(CORPUS, name), 'markdown');
    expect(md).toContain(`# ${mdText(info.label!)}`);
    expect(md).toContain('| Field | Type | Required | Default | Description |');
    for (const f of topFields(info)) expect(md).toContain(`| ${mdText(f.title!)} (\`${f.name}\`) | ${f.type} | ${f.required ? 'Yes' : 'No'} |`);
    for (const op of visibleOps(info)) expect(md).toContain(`\n### ${mdText(op.title!)}\n`);
    const hidden = (info.operations ?? []).filter((o: Operation) => o.visible === false);
    for (const op of hidden) expect(md).not.toContain(`Operation: \`${op.operation}\``);
    expect(md).toContain(`| Version | ${info.version} |`);
    expect(md).toContain(`| Publisher | ${info.publisher} |`);
  });

  it('shows onchange branches under the field that opens them and output schemas as JSON', async () => {
    const md = await docs.generate(path.join(CORPUS, 'sonicwall-firewall'), 'markdown');
    expect(md).toMatch(/\| &nbsp;&nbsp;↳ UUID \(`uuid`\) \| text \| Yes \|.*\*Shown when Filter Address Object By is UUID\.\*/);
    expect(md).toContain('```json\n{\n  "address_objects": [');
  });

  it('lists bundled playbooks', async () => {
    const md = await docs.generate(path.join(CORPUS, 'odbc'), 'markdown');
    expect(md).toContain('| Execute Query | Executes a custom SQL query');
  });

  it('HTML embeds the icon as a data URL and is self-contained', async () => {
    const html = await docs.generate(path.join(CORPUS, 'sonicwall-firewall'), 'html');
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(html).not.toMatch(/<script|<link|src="http/i);
    for (const op of visibleOps(await readInfo('sonicwall-firewall'))) expect(html).toContain(`<h3>${op.title}</h3>`);
  });

  it('escapes hostile text in both formats', () => {
    const hostile = '<script>alert(1)</script> | `x`';
    const doc = buildConnectorDoc({
      info: { name: 'x', label: hostile, version: '1.0.0', description: hostile, help_online: 'javascript:alert(1)', configuration: { fields: [{ name: 'a', title: hostile, type: 'text', description: hostile }] }, operations: [] },
      releaseNotes: `# 1.0.0\n- ${hostile}\n- [link](javascript:alert(1))`,
    });
    for (const out of [renderMarkdown(doc), renderHtml(doc)]) {
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toMatch(/href="javascript|<javascript/i);
    }
    expect(renderMarkdown(doc)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| `x`');
  });
});

describe('connector-studio docs', () => {
  it('prints Markdown without -o and writes HTML with -o FILE.html', async () => {
    const work = await tmpDir('docs-cli-');
    await cp(path.join(CORPUS, 'kafka'), path.join(work, 'kafka'), { recursive: true });
    const md = await cli(work, 'kafka');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Kafka/);
    const html = await cli(work, 'kafka', '-o', 'kafka.html');
    expect(html).toMatchObject({ code: 0, err: '' });
    expect(await readFile(path.join(work, 'kafka.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await cli(work, 'kafka', '-o', 'kafka.md')).code).toBe(0);
    expect(await readFile(path.join(work, 'kafka.md'), 'utf8')).toBe(md.out);
    expect(await readdir(work)).toEqual(expect.arrayContaining(['kafka.html', 'kafka.md']));
  });

  it.each([[[]], [['missing']], [['a', 'b']], [['kafka', '-o']]])('exits 2 for %j', async (argv) => {
    const work = await tmpDir('docs-cli-');
    await writeFile(path.join(work, 'kafka'), 'not a folder');
    const r = await cli(work, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).not.toBe('');
  });
});
