/** The compatibility report over real connectors: each corpus connector against itself and against copies
 * derived from it (an operation removed, a type changed, required fields added with and without a default). */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InfoJson } from '../../../shared/connector/info-json';
import { CORPUS_DIR as CORPUS, tmpDir } from '../../../../tests/helpers/tmp';
import { createVersionsService } from './versions-service';
import { defined } from '../../../../tests/helpers/defined';

const names = readdirSync(CORPUS).filter((n) => !n.startsWith('.')).sort();
const versions = createVersionsService();

/** A copy of a corpus connector on disk, with `edit` applied to its info.json. */
async function derived(name: string, edit: (info: InfoJson) => void): Promise<string> {
  const dir = path.join(await tmpDir('cs-corpus-'), name);
  await cp(path.join(CORPUS, name), dir, { recursive: true });
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8')) as InfoJson;
  edit(info);
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  return dir;
}

const compare = async (name: string, edit: (i: InfoJson) => void) =>
  (await versions.compare({ old: path.join(CORPUS, name), new: await derived(name, edit), cwd: CORPUS })).report;

/** x.y.z as numbers; a malformed version gives NaN, so the expectation built from it fails visibly. */
const parts = (v: unknown): [number, number, number] => {
  const [a = NaN, b = NaN, c = NaN] = String(v).split('.').map(Number);
  return [a, b, c];
};

const bump = (v: unknown, major = true) => {
  const [a, b] = parts(v);
  return major ? `${a + 1}.0.0` : `${a}.${b + 1}.0`;
};

describe('compat report over the corpus', () => {
  it('finds 22 corpus connectors', () => expect(names.length).toBeGreaterThanOrEqual(20));

  for (const name of names) {
    it(`${name}: unchanged copy has no changes and suggests a patch`, async () => {
      const r = (await versions.compare({ old: path.join(CORPUS, name), new: await derived(name, () => undefined), cwd: CORPUS })).report;
      expect(r.changes).toEqual([]);
      expect(r.breaking).toBe(false);
      const info = JSON.parse(readFileSync(path.join(CORPUS, name, 'info.json'), 'utf8')) as InfoJson;
      const [a, b, c] = parts(info.version);
      expect(r.suggestedVersion).toBe(`${a}.${b}.${c + 1}`);
    });

    it(`${name}: removing the last operation is breaking and suggests a major bump`, async () => {
      let removed = '';
      const r = await compare(name, (i) => void (removed = String(i.operations!.pop()!.operation)));
      expect(r.changes).toEqual([expect.objectContaining({ kind: 'operation-removed', path: `operations/${removed}`, breaking: true })]);
      expect(r.suggestedVersion).toBe(bump(r.old));
      expect(r.releaseNotes).toContain('#### Breaking Changes');
    });
  }

  it('virustotal-premium: changing a parameter type breaks', async () => {
    const r = await compare('virustotal-premium', (i) => void (defined(i.operations?.[0]?.parameters?.[0], 'the first parameter').type = 'integer'));
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'parameter-type-changed', path: 'operations/get_widget_rendering_url/parameters/query', breaking: true })]);
    expect(r.suggestedVersion).toBe('2.0.0');
  });

  it('qradar: a required configuration field with a default is a minor change', async () => {
    const r = await compare('qradar', (i) => void i.configuration!.fields!.push({ name: 'timeout', title: 'Timeout', type: 'integer', required: true, value: 30 }));
    expect(r).toMatchObject({ breaking: false, suggestedVersion: '1.7.0', changes: [{ kind: 'config-field-added', path: 'configuration/fields/timeout', breaking: false }] });
  });

  it('qradar: a required configuration field without a default breaks existing configurations', async () => {
    const r = await compare('qradar', (i) => void i.configuration!.fields!.push({ name: 'tenant', title: 'Tenant', type: 'text', required: true }));
    expect(r).toMatchObject({ breaking: true, suggestedVersion: '2.0.0', changes: [{ kind: 'config-field-added', breaking: true }] });
    expect(r.changes[0]?.message).toMatch(/Partially Configured/);
  });

  it('microsoft-graph: a field added inside an onchange branch is keyed by its path', async () => {
    const r = await compare('microsoft-graph', (i) => {
      const auth = i.configuration!.fields!.find((f) => f.name === 'auth_type')!;
      defined(auth.onchange?.['Certificate Based Authentication'], 'the certificate branch').push({ name: 'key_password', title: 'Key Password', type: 'password', required: false });
    });
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'config-field-added', path: 'configuration/fields/auth_type/onchange/Certificate Based Authentication/key_password', breaking: false })]);
  });

  it('paloalto-cortex-xdr: version 1.4.0 with a removed parameter is breaking and should be 2.0.0', async () => {
    const r = await compare('paloalto-cortex-xdr', (i) => {
      i.version = '1.4.0';
      defined(i.operations?.[0]?.parameters, 'the first operation\'s parameters').splice(0, 1);
    });
    expect(r).toMatchObject({ old: '1.3.0', new: '1.4.0', breaking: true, suggestedVersion: '2.0.0' });
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'parameter-removed', path: 'operations/fetch_incidents/parameters/filter.in.incident_id_list' })]);
    expect(r.releaseNotes).toMatch(/^## .* 2\.0\.0/);
  });

  it('sekoia-io-xdr: a renamed operation is suggested as a rename, additions suggest a minor bump', async () => {
    const renamed = await compare('sekoia-io-xdr', (i) => void (defined(i.operations?.[1], 'the second operation').operation = 'list_all_alerts'));
    expect(renamed.changes).toEqual([expect.objectContaining({ kind: 'operation-renamed', path: 'operations/list_alerts', breaking: true })]);
    const added = await compare('sekoia-io-xdr', (i) => i.operations!.push({ ...structuredClone(i.operations![0]), operation: 'get_events_v2', title: 'Get Events V2' }));
    expect(added).toMatchObject({ breaking: false, suggestedVersion: bump('1.1.0', false), changes: [{ kind: 'operation-added' }] });
  });
});
