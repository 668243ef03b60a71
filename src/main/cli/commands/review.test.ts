import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import type { CliIO } from '../command';
import { createEnvironmentService } from '../../services/runtime/environment-service';
import review from './review';

async function run(cwd: string, ...argv: string[]) {
  return runIn({}, cwd, ...argv);
}

async function runIn(env: NodeJS.ProcessEnv, cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env };
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
    // The infos are the Tests section's: the sample ships no tests for its three operations.
    expect(r.out.split('\n').slice(-2)).toEqual(['sample-threat-intel 1.0.0: 0 errors, 0 warnings, 3 infos', 'No problems found']);
    expect(r.out.match(/^ {2}info operation-without-test .*/gm)?.length ?? r.out).toBe(3);
  });

  it('--certification adds Fortinet\'s CI checks: the sample is its publisher\'s own, so the CI fails its copyright blocks', async () => {
    const { work } = await sample();
    const r = await run(work, 'sample-threat-intel', '--certification', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    const certification = report.sections.find((s: { id: string }) => s.id === 'certification');
    expect(certification.title).toBe('Certification (Fortinet CI)');
    expect(certification.findings.map((f: { rule: string; path: string }) => `${f.rule} ${f.path}`)).toEqual(
      ['connector.py', 'constants.py', 'operations.py', 'utils.py'].map((p) => `cert-copyright-block ${p}`),
    );
    expect(report.verdict).toBe('Needs changes: 4 errors');
  });

  it('--json prints validate\'s shape plus sections and verdict, and exits 1 on errors', async () => {
    const { work } = await sample(addToUtils('\n\ndef insecure(url):\n    return requests.get(url, verify=False, timeout=5)\n'));
    const r = await run(work, 'sample-threat-intel', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['connector', 'version', 'findings', 'summary', 'sections', 'verdict']);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 3 });
    expect(report.verdict).toBe('Needs changes: 1 error');
    const infos = report.findings.filter((f: { severity: string }) => f.severity === 'info');
    expect(infos.map((f: { rule: string; message: string }) => `${f.rule}: ${f.message}`)).toEqual(
      ['Check Health (check_health)', 'Get IP Reputation (get_ip_reputation)', 'Get Domain Reputation (get_domain_reputation)'].map((op) => `operation-without-test: ${op} has no test.`),
    );
    expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([
      { rule: 'tls-verify-disabled', source: 'security', severity: 'error', message: expect.any(String), path: 'utils.py', line: expect.any(Number), column: 37, fix: expect.any(String) },
    ]);
    for (const s of report.sections) expect(Object.keys(s)).toEqual(['id', 'title', 'findings']);
    expect(report.sections.find((s: { id: string }) => s.id === 'security').findings).toEqual(report.findings.filter((f: { source: string }) => f.source === 'security'));
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
    expect(html).toContain('No problems found');
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

  it('--json includes pyright findings with "source": "pyright" for a type error', async () => {
    const { work } = await sample(addToUtils('\n\ndef answer() -> int:\n    return "forty-two"\n'));
    const r = await run(work, 'sample-threat-intel', '--json');
    const report = JSON.parse(r.out);
    expect(report.findings).toContainEqual(expect.objectContaining({ source: 'pyright', rule: 'reportReturnType', severity: 'error', path: 'utils.py' }));
    expect(report.sections.find((s: { id: string }) => s.id === 'python').findings).toContainEqual(expect.objectContaining({ source: 'pyright' }));
    expect(r.code).toBe(1);
  }, 120_000);

  it("pyright resolves imports from the connector's virtualenv (the Environment tab's), as in the editor", async () => {
    const { work, dir } = await sample(addToUtils('\n\nimport cs_probe_only_in_venv  # noqa: E402\n\nPROBE = cs_probe_only_in_venv.VALUE\n'));
    const userData = path.join(work, 'user-data');
    const missing = (report: { findings: { rule: string }[] }) => report.findings.filter((f) => f.rule === 'reportMissingImports');
    // Without the environment the import is unresolved.
    const before = JSON.parse((await runIn({ FSOAR_USER_DATA_DIR: userData }, work, 'sample-threat-intel', '--json')).out);
    expect(missing(before)).toHaveLength(1);
    // The venv the IDE would install for this connector, holding the module.
    const envs = createEnvironmentService({
      userDataDir: userData, connectorDirOf: async (p) => p, settingsPython: async () => ['python3'], stopWorker: async () => undefined, emit: () => undefined,
    });
    const venv = envs.venvOf(dir);
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
    const [pyDir] = await readdir(path.join(venv, 'lib'));
    const site = path.join(venv, 'lib', pyDir, 'site-packages');
    await mkdir(site, { recursive: true });
    await writeFile(path.join(site, 'cs_probe_only_in_venv.py'), 'VALUE = 1\n');
    const after = JSON.parse((await runIn({ FSOAR_USER_DATA_DIR: userData }, work, 'sample-threat-intel', '--json')).out);
    expect(missing(after)).toEqual([]);
  }, 240_000);
});
