/**
 * settings.TMP_FILE_ROOT is '/tmp/' as on a server, so connectors that hard-code it find the framework's files: the
 * `tmp-paths` fixture builds its paths exactly as file-content-extraction (`'/tmp/' + cyops_file_path`), cicd-utils
 * (`'/tmp/' in path`, else prefixed) and a STIX connector (`join('/tmp', …)` after integrations.crudhub's
 * download_file_from_cyops) do, through the real worker and the simulated platform.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { fixture, makeKit } from './test-kit';

const posix = process.platform !== 'win32';
const kit = makeKit();
const folder = fixture('tmp-paths');

afterAll(async () => {
  await kit.dispose();
});

async function storedFile(filename: string, data: Buffer): Promise<string> {
  const record = await kit.platform.putFile({ filename, data });
  return record['@id'] as string;
}

/** A zip of `files` (name -> text), built by Python's zipfile as an export template would be. */
async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const out = path.join(await tmpDir('cs-zip-'), 'export.zip');
  const script = 'import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    for n, t in json.loads(sys.argv[2]).items():\n        z.writestr(n, t)';
  execFileSync('python3', ['-c', script, out, JSON.stringify(files)]);
  return readFile(out);
}

describe.runIf(posix)("a connector that hard-codes '/tmp/' finds the framework's files", () => {
  it("file-content-extraction: TMP_PATH + download_file_from_cyops(iri)['cyops_file_path'] is the downloaded file, 0600, removed after the call", async () => {
    const iri = await storedFile('report.txt', Buffer.from('Seen 10.0.0.1 at evil.example.com'));
    const r = await kit.runtime.execute(folder, 'extract_text', { file_iri: iri }, {}, { env: { step: 'extract' } });
    expect(r.status, r.message).toBe('Success');
    const data = r.data as { path: string; content: string; mode: number; tmp_file_root: string };
    expect(data.tmp_file_root).toBe('/tmp/');
    expect(path.dirname(data.path)).toBe('/tmp');
    expect(path.basename(data.path)).toMatch(/^cs_[0-9a-f]{12}_report\.txt$/);
    expect(data.content).toBe('Seen 10.0.0.1 at evil.example.com');
    expect(data.mode).toBe(0o600);
    expect(existsSync(data.path)).toBe(false); // registered with save_file_in_env: gone when the call ends
  });

  it("cicd-utils: a cyops_file_path without '/tmp/' in it is prefixed with '/tmp/' and unzipped into /tmp, which is removed after the call", async () => {
    const iri = await storedFile('export.zip', await zipOf({ 'templates/export_templates0001.json': '{"a": 1}', 'info.json': '{}' }));
    const r = await kit.runtime.execute(folder, 'unzip_attachment', { file_iri: iri }, {}, { env: { step: 'unzip' } });
    expect(r.status, r.message).toBe('Success');
    const data = r.data as { filenames: string[]; contents: Record<string, string> };
    expect(data.contents).toEqual({ 'export_templates0001.json': '{"a": 1}', 'info.json': '{}' });
    expect(data.filenames.every((f) => f.startsWith('/tmp/'))).toBe(true);
    const target = path.dirname(data.filenames.find((f) => f.endsWith('info.json'))!);
    expect(existsSync(target)).toBe(false); // save_file_in_env(env, target_filepath): removed as on the server
    expect(r.logs.filter((l) => l.message.startsWith('Not removed after the call'))).toEqual([]);
  });

  it("integrations.crudhub.download_file_from_cyops, imported without a fallback, then join('/tmp', res['cyops_file_path'])", async () => {
    const iri = await storedFile('bundle.json', Buffer.from('{"objects": []}'));
    const attachment = await kit.platform.create('attachments', { name: 'bundle', file: iri });
    const r = await kit.runtime.execute(folder, 'stix_extract', { file_id: attachment['@id'] }, {}, { env: { step: 'stix' } });
    expect(r.status, r.message).toBe('Success');
    const data = r.data as { path: string; content: string; registered: string[] };
    expect(data.content).toBe('{"objects": []}');
    // Called without env=, so not in the playbook's files: it stays until the worker ends, then goes.
    expect(data.registered).toEqual([]);
    expect(existsSync(data.path)).toBe(true);
    await kit.runtime.stop(folder);
    expect(existsSync(data.path)).toBe(false);
  });
});
