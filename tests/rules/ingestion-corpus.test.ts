/** The ingestion rules over the runnable corpus's ingestion connectors: none of them gets a finding above info from
 * any ingestion rule (they are the working reference of the convention), and the same playbooks broken as the
 * rules describe are caught. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/main/services/validate/read-snapshot';
import { validateSnapshot } from '../../src/shared/connector/engine';
import { ingestionRules } from '../../src/shared/connector/rules/ingestion';

const CORPUS = path.resolve(__dirname, '..', 'fixtures', 'runnable');
const INGESTION_RULES = new Set([...ingestionRules.map((r) => r.id), 'ingestion-modes', 'ingestion-dataingestion-tag', 'ingestion-fetch-playbook', 'ingestion-create-record']);
const PLAYBOOKS = 'playbooks/playbooks.json';

describe('ingestion rules on the corpus', () => {
  it.each(['taxii2-threat-intel-feed', 'anomali-limo-threat-intel-feed', 'sekoia-io-xdr'])('%s gets nothing above info from them', async (name) => {
    const { snapshot } = await readSnapshot(path.join(CORPUS, name), { metadataOnly: true });
    expect(snapshot.files[PLAYBOOKS]).toContain('dataingestion');
    const findings = validateSnapshot(snapshot).filter((f) => INGESTION_RULES.has(f.rule));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('sekoia-io-xdr with its mapping step renamed and its fetch playbook creating records is caught', async () => {
    const { snapshot } = await readSnapshot(path.join(CORPUS, 'sekoia-io-xdr'), { metadataOnly: true });
    const doc = JSON.parse(snapshot.files[PLAYBOOKS]!) as { data: { workflows: { name: string; recordTags: string[]; steps: { name: string; stepType: string }[] }[] }[] };
    const workflows = doc.data[0]!.workflows;
    const ingest = workflows.find((w) => w.recordTags.includes('ingest'))!;
    const fetch = workflows.find((w) => w.recordTags.includes('fetch'))!;
    const create = ingest.steps.find((s) => s.name === 'Create Record')!;
    create.name = 'Create Alerts';
    fetch.steps.push({ ...create });
    const broken = { ...snapshot, files: { ...snapshot.files, [PLAYBOOKS]: JSON.stringify(doc) } };
    const rules = validateSnapshot(broken).filter((f) => INGESTION_RULES.has(f.rule)).map((f) => `${f.rule} ${f.severity}`);
    expect(rules.sort()).toEqual(['ingestion-create-record-name warning', 'ingestion-create-record-name warning', 'ingestion-fetch-creates warning']);
  });
});
