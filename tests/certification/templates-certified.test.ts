/** The issue's "done means": every template, created as the wizard's "Submit to Fortinet for certification"
 * (`new <name> --template <id> --certified`), passes our implementation of Fortinet's CI with 0 failures and
 * 0 warnings; and the same project after Add Version in a later year still does (the copyright year moves). */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import newCommand from '../../src/main/cli/commands/new';
import type { CliIO } from '../../src/main/cli/command';
import { withCopyrightYear } from '../../src/main/services/connector/copyright-year';
import { createProject } from '../../src/main/services/connector/scaffold';
import { defaultAnswers, listTemplates, loadTemplate } from '../../src/main/services/connector/templates';
import { addVersion } from '../../src/main/services/connector/version';
import { createGitService } from '../../src/main/services/git/git-service';
import { createValidateService } from '../../src/main/services/validate';
import { REPO_ROOT, tmpDir } from '../helpers/tmp';

const TEMPLATES = path.join(REPO_ROOT, 'resources', 'templates');

async function runNew(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: { FSOAR_USER_DATA_DIR: path.join(cwd, '.user-data') } };
  const code = await newCommand.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const describeFinding = (f: { severity: string; rule: string; ciCheck?: string; path: string; pointer?: string; message: string }) =>
  `${f.severity} ${f.rule} (${f.ciCheck ?? ''}) ${f.path}${f.pointer ? `#${f.pointer}` : ''}: ${f.message}`;

/** The threat-intelligence template's Python: its connector's files, and its tests beside the connector folder. */
const CONNECTOR_FILES = ['connector.py', 'constants.py', 'operations.py', 'utils.py'];
const TEST_FILES = ['connector_studio_helpers.py', 'test_check_health.py', 'test_get_domain_reputation.py', 'test_get_file_reputation.py', 'test_get_ip_reputation.py', 'test_get_url_reputation.py'].map((f) => `../tests/${f}`);

describe('templates created with new --certified', async () => {
  const ids = (await listTemplates(TEMPLATES)).map((t) => t.id);
  const validate = createValidateService();

  it('there are templates to check', () => {
    expect(ids.length).toBeGreaterThanOrEqual(10);
  });

  it.each(ids)('%s passes the certification profile with 0 failures and 0 warnings', async (id) => {
    const work = await tmpDir('certified-');
    const r = await runNew(work, `acme-${id}`, '--template', id, '--certified', '--publisher', 'Acme Security', '--json');
    expect(r.code, r.err).toBe(0);
    const { projectRoot } = JSON.parse(r.out) as { projectRoot: string };
    const report = await validate.validateFolder(projectRoot, { profile: 'certification' });
    expect(report.findings.map(describeFinding)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });

    // What the CI requires, stated directly: the partner publishes, Fortinet certifies, the docs live in its repository.
    const info = JSON.parse(await readFile(path.join(projectRoot, `acme-${id}`, 'info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ publisher: 'Acme Security', cs_approved: false, help_online: `https://github.com/fortinet-fortisoar/connector-acme-${id}` });
    const py = (await readdir(path.join(projectRoot, `acme-${id}`))).filter((f) => f.endsWith('.py'));
    expect(py.length).toBeGreaterThanOrEqual(4);
    const year = new Date().getFullYear();
    for (const f of py)
      expect(await readFile(path.join(projectRoot, `acme-${id}`, f), 'utf8')).toContain(
        `"""\nCopyright start\nMIT License\nCopyright (c) ${year} Fortinet Inc\nCopyright end\n"""`,
      );
    // The server profile agrees there is nothing to fix.
    expect((await validate.validateFolder(projectRoot)).findings).toEqual([]);
  });

  it('without --certified a template is the partner\'s own: the CI fails its copyright blocks, so the profile does', async () => {
    const work = await tmpDir('own-');
    const r = await runNew(work, 'acme-own', '--template', 'threat-intelligence', '--publisher', 'Acme Security', '--json');
    expect(r.code, r.err).toBe(0);
    const { projectRoot } = JSON.parse(r.out) as { projectRoot: string };
    const report = await validate.validateFolder(projectRoot, { profile: 'certification' });
    const copyright = report.findings.filter((f) => f.rule === 'cert-copyright-block');
    // Every .py under the repository root, the project's tests and their helper included, as the CI walks them.
    expect(copyright.map((f) => f.path).sort()).toEqual([...TEST_FILES, ...CONNECTOR_FILES]);
    expect(copyright.every((f) => f.severity === 'error' && f.ciCheck === 'verify_copyright_block' && f.source === 'certification')).toBe(true);
    expect(copyright[0]?.message).toMatch(/holder is 'Acme Security'/);
  });

  it('Add Version in a later year moves every copyright block to that year, so the CI still passes', async () => {
    const work = await tmpDir('certified-version-');
    const answers = defaultAnswers(await loadTemplate(TEMPLATES, 'threat-intelligence'), 'acme-intel', { publisher: 'Acme Security', publishTarget: 'fortinet' });
    const git = createGitService(() => 'git');
    const { projectRoot } = await createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git, year: 2025 });
    const stale = await validate.validateFolder(projectRoot, { profile: 'certification', year: 2026 });
    expect(stale.findings.map((f) => `${f.rule} ${f.path}`).sort()).toEqual([...TEST_FILES, ...CONNECTOR_FILES].map((p) => `cert-copyright-block ${p}`));
    expect(stale.findings[0]?.message).toMatch(/the copyright year is 2025/);

    await addVersion(projectRoot, 'minor', { git, year: 2026 });
    const after = await validate.validateFolder(projectRoot, { profile: 'certification', year: 2026 });
    expect(after.findings.map(describeFinding)).toEqual([]);
    expect(await readFile(path.join(projectRoot, 'acme-intel', 'utils.py'), 'utf8')).toContain('Copyright (c) 2026 Fortinet Inc\nCopyright end');
  });

  it('moves only an older year of the wizard\'s block, keeping line endings and everything else', () => {
    const block = (y: number, eol = '\n') => ['"""', 'Copyright start', 'MIT License', `Copyright (c) ${y} Fortinet Inc`, 'Copyright end', '"""'].join(eol);
    expect(withCopyrightYear(`${block(2024)}\nimport os\n`, 2026)).toBe(`${block(2026)}\nimport os\n`);
    expect(withCopyrightYear(`${block(2024, '\r\n')}\r\n`, 2026)).toBe(`${block(2026, '\r\n')}\r\n`);
    expect(withCopyrightYear(block(2027), 2026)).toBe(block(2027));
    const prose = '# Copyright (c) 2020 Someone else\n';
    expect(withCopyrightYear(prose, 2026)).toBe(prose);
  });
});
