import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR as CORPUS, SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import { validateSnapshot } from '../../../shared/connector/engine';
import type { InfoJson } from '../../../shared/connector/info-json';
import { readSnapshot } from '../validate';
import { addSamplePlaybooks, visibleActions } from './generate';
import { listPlaybooks } from '../../../shared/connector/playbooks';
import { createPlaybooksService } from './playbooks-service';
import { defined } from '../../../../tests/helpers/defined';

const PB = 'playbooks/playbooks.json';
const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

async function copy(from: string): Promise<string> {
  const dir = path.join(await tmpDir('playbooks-'), path.basename(from));
  await cp(from, dir, { recursive: true });
  return dir;
}

/** The exact text of every workflow object, keyed by collection and name. */
function workflowTexts(text: string): Map<string, string> {
  const root = parseTree(text)!;
  const out = new Map<string, string>();
  const collections = findNodeAtLocation(root, ['data'])?.children ?? [];
  collections.forEach((c: Node, ci) => {
    for (const w of findNodeAtLocation(c, ['workflows'])?.children ?? []) {
      const name = findNodeAtLocation(w, ['name'])?.value as string;
      out.set(`${ci}/${name}`, text.slice(w.offset, w.offset + w.length));
    }
  });
  return out;
}

/** True when `after` is `before` with one contiguous piece of text inserted and nothing else changed. */
function isPureInsertion(before: string, after: string): boolean {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  return p + q === before.length && after.length > before.length;
}

describe('sample playbook generation', () => {
  it('adds one inactive, tagged playbook per visible action to a connector without samples', async () => {
    const dir = await copy(path.join(SAMPLE_PROJECT, 'sample-threat-intel'));
    const result = await createPlaybooksService({ newId: counter() }).generateSamples(dir);
    expect(result.added).toEqual(['get_ip_reputation', 'get_domain_reputation']);
    const list = listPlaybooks(await readFile(path.join(dir, PB), 'utf8'));
    expect(list).toMatchObject({ state: 'ok' });
    const playbooks = list.state === 'ok' ? list.playbooks : [];
    expect(playbooks.map((p) => [p.collection, p.name, p.active, p.tags])).toEqual([
      ['Sample - Sample Threat Intel - 1.0.0', 'Get IP Reputation', false, ['sample-threat-intel', 'Sample Threat Intel']],
      ['Sample - Sample Threat Intel - 1.0.0', 'Get Domain Reputation', false, ['sample-threat-intel', 'Sample Threat Intel']],
    ]);
    expect(playbooks[0]?.steps).toEqual([
      { name: 'Start', kind: 'start' },
      { name: 'Get IP Reputation', kind: 'connector', operation: 'get_ip_reputation' },
    ]);
    // The rule engine's playbook checks (inactive, tagged, parses) pass on the result.
    const { snapshot } = await readSnapshot(dir, { metadataOnly: true });
    expect(validateSnapshot(snapshot).filter((f) => f.path === PB)).toEqual([]);
  });

  it('is idempotent: a second run adds nothing and leaves the file byte-identical', async () => {
    const dir = await copy(path.join(SAMPLE_PROJECT, 'sample-threat-intel'));
    const service = createPlaybooksService({ newId: counter() });
    await service.generateSamples(dir);
    const first = await readFile(path.join(dir, PB));
    const again = await service.generateSamples(dir);
    expect(again.added).toEqual([]);
    expect(again.skipped).toEqual(['get_ip_reputation', 'get_domain_reputation']);
    expect((await readFile(path.join(dir, PB))).equals(first)).toBe(true);
  });

  it.each(['sonicwall-firewall', 'kafka', 'paloalto-cortex-xdr', 'cicd-utils'])('%s: keeps every existing playbook byte-identical', async (name) => {
    const dir = await copy(path.join(CORPUS, name));
    const before = await readFile(path.join(dir, PB), 'utf8');
    // Published connectors already ship a sample per action: rename one action so one sample is due.
    const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8')) as InfoJson;
    defined(visibleActions(info)[0], 'a visible action').title += ' Now';
    await writeFile(path.join(dir, 'info.json'), JSON.stringify(info));
    const result = await createPlaybooksService({ newId: counter() }).generateSamples(dir);
    expect(result.added).toContain(visibleActions(info)[0]?.operation);
    const after = await readFile(path.join(dir, PB), 'utf8');
    for (const [key, text] of workflowTexts(before)) expect(workflowTexts(after).get(key), key).toBe(text);
    expect(result.added.length + result.skipped.length).toBe(visibleActions(info).length);
    const names = listPlaybooks(after);
    expect(names.state === 'ok' && names.playbooks.length).toBe(workflowTexts(before).size + result.added.length);
    expect(isPureInsertion(before, after)).toBe(true);
    expect(() => JSON.parse(after)).not.toThrow();
  });

  it('skips actions that already have a playbook of the same name', () => {
    const info = { name: 'acme', label: 'Acme', version: '1.0.0', operations: [{ operation: 'a', title: 'Do A', parameters: [] }, { operation: 'b', title: 'Do B', parameters: [] }] } as InfoJson;
    const existing = JSON.stringify({ type: 'workflow_collections', data: [{ name: 'Mine', workflows: [{ name: 'do a', isActive: true, recordTags: [] }] }] }, null, 4);
    const r = addSamplePlaybooks(existing, info, counter());
    expect(r.added).toEqual(['b']);
    expect(r.skipped).toEqual(['a']);
    expect(workflowTexts(r.text).get('0/do a')).toBe(workflowTexts(existing).get('0/do a'));
    // A new "Sample - ..." collection, indented like the file (4 spaces).
    expect(JSON.parse(r.text).data[1].name).toBe('Sample - Acme - 1.0.0');
    expect(r.text).toContain('\n        {\n            "@type": "WorkflowCollection"');
  });

  it('fills the connector step with default parameters and the default branch of an onchange', () => {
    const info = {
      name: 'acme', label: 'Acme', version: '2.0.0',
      operations: [{ operation: 'q', title: 'Query', parameters: [
        { name: 'mode', type: 'select', options: ['A', 'B'], value: 'A', onchange: { A: [{ name: 'a_only', type: 'text', value: 'x' }], B: [{ name: 'b_only', type: 'text' }] } },
        { name: 'flag', type: 'checkbox' },
        { name: 'limit', type: 'integer', value: 10 },
      ] }],
    } as InfoJson;
    const doc = JSON.parse(addSamplePlaybooks(undefined, info, counter()).text);
    const step = doc.data[0].workflows[0].steps[1];
    expect(step.arguments).toMatchObject({ connector: 'acme', version: '2.0.0', operation: 'q', params: { mode: 'A', a_only: 'x', flag: false, limit: 10 } });
    expect(doc.data[0].workflows[0].triggerStep).toBe(`/api/3/workflow_steps/${doc.data[0].workflows[0].steps[0].uuid}`);
  });

  it('refuses a playbooks.json that does not parse instead of overwriting it', async () => {
    const dir = await copy(path.join(SAMPLE_PROJECT, 'sample-threat-intel'));
    await writeFile(path.join(dir, PB), '{"data": [');
    await expect(createPlaybooksService().generateSamples(dir)).rejects.toThrow(/not valid JSON/);
    expect(await readFile(path.join(dir, PB), 'utf8')).toBe('{"data": [');
  });

  it('creates playbooks.json when it is missing, and lists bundled playbooks of a .tgz-free folder', async () => {
    const dir = await copy(path.join(SAMPLE_PROJECT, 'sample-threat-intel'));
    await rm(path.join(dir, PB));
    const service = createPlaybooksService({ newId: counter() });
    expect(await service.list(dir)).toEqual({ state: 'missing' });
    await service.generateSamples(dir);
    expect(await service.list(dir)).toMatchObject({ state: 'ok', playbooks: [{ name: 'Get IP Reputation' }, { name: 'Get Domain Reputation' }] });
  });
});
