/** An info.json over 5 MiB in an archive is refused as too large ("info.json is 7.2 MiB; the limit is 5 MiB"),
 * never reported as missing, and never read whole into memory: the safe extraction checks the size in the
 * tar header before anything is written, and the readers of an imported or reviewed info.json check the size
 * of the file before reading it. */
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { readInfoJsonText } from '../../src/main/services/packaging/info-json-size';
import { importArchive } from '../../src/main/services/packaging/import';
import { createValidateService } from '../../src/main/services/validate';
import { loadVersion } from '../../src/main/services/versions/load-version';
import { SAMPLE_NAME, hostileSandbox, sampleEntries, viaCli, viaReview, viaSandbox } from '../helpers/hostile-connector';
import { rawTgz } from '../helpers/raw-tar';

const MIB = 1024 * 1024;
const TOO_LARGE = /info\.json is 7\.2 MiB; the limit is 5 MiB/;
const NOT_MISSING = /missing|no info\.json|not a connector/i;

/** The sample connector with its info.json padded (still valid JSON) to exactly `bytes`. */
async function sampleWithInfoOf(bytes: number): Promise<Buffer> {
  const entries = await sampleEntries();
  const at = entries.findIndex((e) => e.name === `${SAMPLE_NAME}/info.json`);
  const info = JSON.parse(String(entries[at].data)) as Record<string, unknown>;
  const bare = JSON.stringify({ ...info, padding: '' });
  const padded = JSON.stringify({ ...info, padding: ' '.repeat(bytes - Buffer.byteLength(bare)) });
  expect(Buffer.byteLength(padded)).toBe(bytes);
  entries[at] = { name: entries[at].name, data: padded };
  return rawTgz(entries);
}

/** The error message, or "accepted": never the multi-megabyte value itself in an assertion's diff. */
const outcomeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);

let work: string;
let sandbox: Sandbox;
let big: Buffer;
let bigFile: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'cs-archive-info-'));
  big = await sampleWithInfoOf(Math.round(7.2 * MIB));
  bigFile = path.join(work, 'big-info.tgz');
  await writeFile(bigFile, big);
  sandbox = await hostileSandbox(path.join(work, 'sandbox'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(work, { recursive: true, force: true });
});

describe('an archive with a 7.2 MiB info.json', () => {
  it('import refuses it as too large, writing nothing', async () => {
    const into = path.join(work, 'ws');
    const e = (await importArchive(bigFile, { into }).then(() => undefined, (x: unknown) => x)) as { code: string; message: string } | undefined;
    expect(e, 'import accepted a 7.2 MiB info.json').toBeDefined();
    expect(e!.code).toBe('PACKAGING');
    expect(e!.message).toMatch(TOO_LARGE);
    expect(e!.message).not.toMatch(NOT_MISSING);
    expect(await readdir(into)).toEqual([]);
  });

  it('connector-studio import refuses it with exit 2 and the reason', async () => {
    const into = path.join(work, 'ws-cli');
    await mkdir(into);
    const r = await viaCli(bigFile, into);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(TOO_LARGE);
    expect(await readdir(into)).toEqual([]);
  });

  it('review refuses to open it, as too large', async () => {
    expect(await outcomeOf(viaReview(big, path.join(work, 'user-data')))).toMatch(TOO_LARGE);
  });

  it('comparing against it (review --against x.tgz) refuses it as too large', async () => {
    expect(await outcomeOf(loadVersion(bigFile, { cwd: work }))).toMatch(TOO_LARGE);
  });

  it("the sandbox's install refuses it as too large", async () => {
    const r = await viaSandbox(sandbox, big);
    expect(r.status).toBe(400);
    const message = (JSON.parse(r.text) as Record<string, string>)['hydra:description'];
    expect(message).toMatch(TOO_LARGE);
    expect(message).not.toMatch(NOT_MISSING);
  });

  it('an info.json of exactly 5 MiB still imports', async () => {
    const file = path.join(work, 'five.tgz');
    await writeFile(file, await sampleWithInfoOf(5 * MIB));
    const r = await importArchive(file, { into: path.join(work, 'ws-five') });
    expect((await readFile(path.join(r.dir, 'info.json'))).length).toBe(5 * MIB);
  });
});

describe('an info.json too large to have been read before', () => {
  it('validating a .tgz with a 21 MiB info.json says too large, not missing', async () => {
    const file = path.join(work, 'huge.tgz');
    await writeFile(file, await sampleWithInfoOf(21 * MIB));
    const outcome = await createValidateService()
      .validateTgz(file)
      .then((report) => report.findings.map((f) => f.message).join('\n'), (e: Error) => e.message);
    expect(outcome).toMatch(/info\.json is 21 MiB; the limit is 5 MiB/);
    expect(outcome).not.toMatch(NOT_MISSING);
  });

  it('a 3 GiB (sparse) info.json is refused by its size, not read', async () => {
    const dir = path.join(work, 'sparse', SAMPLE_NAME);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'info.json'), '{');
    await truncate(path.join(dir, 'info.json'), 3 * 1024 * MIB);
    // A whole read fails with a RangeError past 2 GiB (or exhausts memory); a size check answers at once.
    await expect(readInfoJsonText(dir)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/info\.json is 3072 MiB; the limit is 5 MiB/) });
    expect(await outcomeOf(loadVersion(dir, { cwd: work }))).toMatch(/info\.json is 3072 MiB; the limit is 5 MiB/);
  });
});
