import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import type { CliIO } from '../command';
import review from './review';

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: {} };
  const code = await review.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the sample in a temp folder, optionally with a change to its files. */
async function sample(change?: (dir: string) => Promise<void>): Promise<{ work: string; dir: string }> {
  const work = await tmpDir('review-cli-');
  const dir = path.join(work, 'sample-threat-intel');
  await cp(path.join(SAMPLE_PROJECT, 'sample-threat-intel'), dir, { recursive: true });
  if (change) await change(dir);
  return { work, dir };
}

const addToUtils = (code: string) => async (dir: string) =>
  writeFile(path.join(dir, 'utils.py'), (await readFile(path.join(dir, 'utils.py'), 'utf8')) + code);

describe('connector-studio review', () => {
  it('exits 0 on the clean sample and ends with the verdict', async () => {
    const { work } = await sample();
    const r = await run(work, 'sample-threat-intel');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n').slice(-2)).toEqual(['sample-threat-intel 1.0.0: 0 errors, 0 warnings, 0 infos', 'Ready to certify']);
  });

  it('--json prints validate\'s shape plus sections and verdict, and exits 1 on errors', async () => {
    const { work } = await sample(addToUtils('\n\ndef insecure(url):\n    return requests.get(url, verify=False, timeout=5)\n'));
    const r = await run(work, 'sample-threat-intel', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['connector', 'version', 'findings', 'summary', 'sections', 'verdict']);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(report.verdict).toBe('Needs changes: 1 error');
    expect(report.findings).toEqual([
      { rule: 'tls-verify-disabled', source: 'security', severity: 'error', message: expect.any(String), path: 'utils.py', line: expect.any(Number), column: 37, fix: expect.any(String) },
    ]);
    for (const s of report.sections) expect(Object.keys(s)).toEqual(['id', 'title', 'findings']);
    expect(report.sections.find((s: { id: string }) => s.id === 'security').findings).toEqual(report.findings);
  });

  it('exits 0 with warnings only, and says so', async () => {
    const { work } = await sample(addToUtils('\n\ndef slow(url):\n    return requests.get(url)\n'));
    const r = await run(work, 'sample-threat-intel', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).verdict).toBe('Acceptable with warnings');
  });

  it('--html writes a self-contained page next to the JSON', async () => {
    const { work } = await sample();
    const r = await run(work, 'sample-threat-intel', '--html', 'report.html', '--json');
    expect(r.code).toBe(0);
    const html = await readFile(path.join(work, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Ready to certify');
    expect(html).not.toMatch(/<script/i);
  });

  it('--against adds the compatibility section', async () => {
    const { work } = await sample(async (dir) => {
      const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
      info.operations = info.operations.slice(0, 1);
      await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
    });
    const r = await run(work, 'sample-threat-intel', '--against', path.join(SAMPLE_PROJECT, 'sample-threat-intel'), '--json');
    expect(r.code).toBe(1);
    const compat = JSON.parse(r.out).sections.find((s: { id: string }) => s.id === 'compat');
    expect(compat.findings.map((f: { rule: string }) => f.rule)).toContain('compat-operation-removed');
  });

  it.each([
    [[], /name a connector folder/],
    [['a', 'b'], /exactly one/],
    [['--bogus', 'x'], /unknown option --bogus/],
    [['x', '--html'], /--html needs a value/],
    [['missing'], /does not exist/],
    [['sample-threat-intel/images'], /not a connector/],
    [['sample-threat-intel', '--against', 'nowhere'], /does not exist/],
  ])('exits 2 with a message on stderr for %j', async (argv, why) => {
    const { work } = await sample();
    const r = await run(work, ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(why);
  });
});
