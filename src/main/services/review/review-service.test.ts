import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import { createReviewService } from './review-service';
import type { ReviewReport, SectionId } from './types';

const SAMPLE = path.join(SAMPLE_PROJECT, 'sample-threat-intel');
const service = createReviewService();
const section = (r: ReviewReport, id: SectionId) => r.sections.find((s) => s.id === id)!.findings;
const rules = (r: ReviewReport, id: SectionId) => section(r, id).map((f) => f.rule);

/** The sample with the defects the acceptance test plants, and one operation removed. */
async function plantedCopy(): Promise<string> {
  const dir = path.join(await tmpDir('review-'), 'sample-threat-intel');
  await cp(SAMPLE, dir, { recursive: true });
  const append = async (rel: string, code: string) => writeFile(path.join(dir, rel), (await readFile(path.join(dir, rel), 'utf8')) + code);
  await append('utils.py', "\n\ndef fetch_insecure(url):\n    return requests.get(url, verify=False, timeout=10)\n");
  await append('constants.py', "\nAPI_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0'\n");
  await append('operations.py', "\n\ndef run_tool(config, params):\n    import subprocess\n    return subprocess.run(params.get('cmd'), shell=True, check=False).returncode\n");
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations = info.operations.filter((o: { operation: string }) => o.operation !== 'get_domain_reputation');
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  await writeFile(path.join(dir, 'requirements.txt'), 'requests==2.31.0\nsix\n');
  return dir;
}

describe('review service', () => {
  it('finds nothing in the bundled sample: no ruff, Python or security findings', async () => {
    const r = await service.review(SAMPLE_PROJECT);
    expect(r.connector).toBe('sample-threat-intel');
    expect(section(r, 'python')).toEqual([]);
    expect(section(r, 'security')).toEqual([]);
    // Certification was not checked: a clean report does not promise that Fortinet's CI passes.
    expect(r.verdict).toBe('No problems found');
    expect(r.sections.map((s) => s.id)).not.toContain('certification');
  });

  it('with certification, adds the Certification section over the repository, counted in the verdict', async () => {
    const r = await service.review(SAMPLE_PROJECT, { certification: true });
    expect(r.certificationChecked).toBe(true);
    expect(r.sections.map((s) => s.id)).toEqual(['validation', 'certification', 'python', 'security', 'dependencies', 'documentation', 'icons', 'playbooks', 'tests']);
    const found = section(r, 'certification');
    expect(found.map((f) => `${f.rule} ${f.ciCheck} ${f.path}`)).toEqual(
      ['connector.py', 'constants.py', 'operations.py', 'utils.py'].map((p) => `cert-copyright-block verify_copyright_block ${p}`),
    );
    expect(r.verdict).toBe('Needs changes: 4 errors');
  });

  it('reports each planted defect in its section, with the compatibility report against the sample', async () => {
    const dir = await plantedCopy();
    const r = await service.review(dir, { against: SAMPLE });
    expect(rules(r, 'security')).toEqual(expect.arrayContaining(['tls-verify-disabled', 'hardcoded-credential', 'shell-command']));
    expect(section(r, 'security').find((f) => f.rule === 'shell-command')).toMatchObject({ path: 'operations.py', severity: 'error', line: expect.any(Number), column: expect.any(Number) });
    expect(rules(r, 'compat')).toContain('compat-operation-removed');
    expect(section(r, 'compat').find((f) => f.rule === 'compat-operation-removed')).toMatchObject({ source: 'compat', severity: 'error' });
    expect(rules(r, 'dependencies')).toEqual(expect.arrayContaining(['requirements-pinned', 'deps-platform-package']));
    expect(r.verdict).toBe(`Needs changes: ${r.summary.errors} errors`);
  });

  it('every finding appears in exactly one section and the summary counts them', async () => {
    const r = await service.review(await plantedCopy(), { against: SAMPLE });
    expect(r.sections.flatMap((s) => s.findings)).toEqual(r.findings);
    expect(r.summary.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
    expect(r.sections.map((s) => s.id)).toEqual(['validation', 'python', 'security', 'dependencies', 'documentation', 'icons', 'playbooks', 'tests', 'compat']);
  });

  it('--against git:<tag> reads the previous version from the project history', async () => {
    const work = await tmpDir('review-git-');
    const root = path.join(work, 'connector-sample-threat-intel');
    await cp(SAMPLE_PROJECT, root, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'v1');
    git('tag', 'v1.0.0');
    const file = path.join(root, 'sample-threat-intel', 'info.json');
    const info = JSON.parse(await readFile(file, 'utf8'));
    info.operations.pop();
    await writeFile(file, JSON.stringify(info, null, 2));
    const r = await service.review(root, { against: 'git:v1.0.0' });
    expect(rules(r, 'compat').sort()).toEqual(['compat-operation-removed', 'compat-version-not-raised']);
    await expect(service.review(root, { against: 'git:no-such-tag' })).rejects.toThrow(/No revision/);
  });

  it('reviews a .tgz like the folder it was made from', async () => {
    const dir = await plantedCopy();
    const tgz = path.join(path.dirname(dir), 'planted.tgz');
    await create({ gzip: true, file: tgz, cwd: path.dirname(dir) }, ['sample-threat-intel']);
    const fromTgz = await service.review(tgz);
    const fromDir = await service.review(dir);
    // A package carries no tests (they live beside the connector folder): only a folder has the Tests section.
    expect(fromTgz.sections.map((s) => s.id)).not.toContain('tests');
    expect(fromTgz.findings).toEqual(fromDir.findings.filter((f) => f.rule !== 'operation-without-test'));
  });

  it('--check-install reports requirements pip cannot download', async () => {
    const dir = await plantedCopy();
    const asked: string[] = [];
    const pipDownload = async (req: string) => (asked.push(req), req.startsWith('six') ? { ok: true } : { ok: false, message: 'No matching distribution found for requests==2.31.0' });
    const r = await service.review(dir, { checkInstall: true, pipDownload });
    expect(asked).toEqual(['requests==2.31.0', 'six']);
    expect(section(r, 'dependencies').filter((f) => f.rule === 'deps-not-installable')).toEqual([
      expect.objectContaining({ source: 'deps', severity: 'error', path: 'requirements.txt', line: 1, message: expect.stringContaining('No matching distribution') }),
    ]);
  });

  it('--check-install runs the real pip: a requirement that cannot exist fails', async () => {
    const dir = await plantedCopy();
    await writeFile(path.join(dir, 'requirements.txt'), `missing-wheel @ file://${path.join(dir, 'no-such-wheel-1.0-py3-none-any.whl')}\n`);
    const r = await service.review(dir, { checkInstall: true });
    const deps = section(r, 'dependencies');
    // Without Python the review says it could not check, instead of failing every requirement.
    const rule = deps.some((f) => f.rule === 'deps-check-unavailable') ? 'deps-check-unavailable' : 'deps-not-installable';
    expect(deps.map((f) => f.rule)).toContain(rule);
  }, 60_000);

  it('documentation: release notes must mention the version under review', async () => {
    const dir = await plantedCopy();
    const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
    await writeFile(path.join(dir, 'info.json'), JSON.stringify({ ...info, version: '1.1.0' }));
    const r = await service.review(dir);
    expect(rules(r, 'documentation')).toContain('docs-release-notes-version');
  });

  it('refuses a path that is not a connector', async () => {
    await expect(service.review(await tmpDir())).rejects.toThrow(/not a connector/);
  });
});
