import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../tests/helpers/tmp';
import { listPlaybooks, parsePlaybooks, type WorkflowEntry } from './playbooks';

const corpusText = (name: string) => readFileSync(path.join(CORPUS_DIR, name, 'playbooks', 'playbooks.json'), 'utf8');
const workflows = (text: string): readonly WorkflowEntry[] => {
  const info = parsePlaybooks(text);
  return info.state === 'ok' ? info.workflows : [];
};
const tagsOf = (name: string, workflow: string) => workflows(corpusText(name)).find((w) => w.name === workflow)?.tags;

describe('playbook tags, as published connectors export them', () => {
  it('lists a legacy "#a #b" tag once when recordTags already holds it', () => {
    // recordTags ['dataingestion', 'fetch', 'sekoia-io-xdr'], tag '#fetch #dataingestion'
    expect(tagsOf('sekoia-io-xdr', '> Sekoia.io > Fetch')).toEqual(['dataingestion', 'fetch', 'sekoia-io-xdr']);
    // recordTags ['Kafka', 'kafka'], tag '#Kafka': both spellings were tagged, the legacy one repeats the first.
    expect(tagsOf('kafka', 'Kafka Topic List')).toEqual(['Kafka', 'kafka']);
  });

  it('keeps spaces inside a tag: only # separates legacy tags', () => {
    expect(tagsOf('cicd-utils', 'Unzip Export Template')).toEqual(['cicd-utils', 'CICD Utils']);
  });

  it('counts a legacy-only tag as a tag (empty recordTags)', () => {
    expect(tagsOf('taxii2-threat-intel-feed', 'Fetch Indicators')).toEqual(['TAXII2 Threat Intel Feed']);
  });

  it('the rules and the Playbooks tab see the same tags, trimmed and without repeats, in every corpus connector', () => {
    let checked = 0;
    for (const name of readdirSync(CORPUS_DIR)) {
      const text = corpusText(name);
      const list = listPlaybooks(text);
      const parsed = workflows(text);
      expect(list.state === 'ok' ? list.playbooks.map((p) => p.tags) : [], name).toEqual(parsed.map((w) => w.tags));
      for (const w of parsed) {
        expect(new Set(w.tags).size, `${name}: ${w.name}`).toBe(w.tags.length);
        for (const t of w.tags) expect(t, `${name}: ${w.name}`).toBe(t.trim());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('parsePlaybooks', () => {
  it('trims tags and drops empty ones from either source', () => {
    const text = JSON.stringify({ data: [{ name: 'C', workflows: [{ name: 'w', recordTags: [' acme ', '', 7, 'acme'], tag: '# #acme#  other ' }] }] });
    expect(workflows(text)[0]?.tags).toEqual(['acme', 'other']);
  });

  it('points at each workflow by its index in the file, skipping what is not a collection or workflow', () => {
    const text = JSON.stringify({ data: [null, { name: 'C', workflows: ['x', { name: 'w', isActive: 'yes', steps: [{ name: 'Go', stepType: '/api/3/workflow_step_types/0bfed618-0316-11e7-93ae-92361f002671', arguments: { operation: 'get_ip' } }] }] }] });
    expect(workflows(text)).toEqual([
      { collection: 'C', name: 'w', description: '', pointer: '/data/1/workflows/1', isActive: 'yes', tags: [], steps: [{ name: 'Go', stepType: '/api/3/workflow_step_types/0bfed618-0316-11e7-93ae-92361f002671', kind: 'connector', operation: 'get_ip' }] },
    ]);
    expect(workflows(JSON.stringify([{ workflows: [{ name: 'old' }] }]))[0]?.pointer).toBe('/0/workflows/0');
    expect(listPlaybooks(text)).toEqual({ state: 'ok', playbooks: [{ collection: 'C', name: 'w', description: '', tags: [], active: false, steps: [{ name: 'Go', kind: 'connector', operation: 'get_ip' }] }] });
  });

  it('tells missing, empty and invalid files apart, with the position of a syntax error', () => {
    expect(parsePlaybooks(undefined)).toEqual({ state: 'missing' });
    expect(parsePlaybooks('  \n')).toEqual({ state: 'empty' });
    expect(parsePlaybooks('{\n  "data": [1 2]\n}')).toMatchObject({ state: 'invalid', line: 2 });
    expect(listPlaybooks('{')).toEqual({ state: 'invalid', message: expect.any(String) });
  });
});
