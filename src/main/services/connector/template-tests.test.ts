// Every template's shipped tests pass offline on a freshly created project (real CLI, Python, pytest; no vendor
// runs), the CI workflow's command lines are the ones that pass here, certified projects keep the copyright block
// on every .py and one info.json, and the shipped tests can be re-recorded by the script's own function.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { cliIn } from '../../cli/cli-test-kit';
import { recordTemplateTests } from '../../cli/template-tests-record';
import { CI_WORKFLOW_FILE, ciCommands } from './ci-workflow';
import { TEMPLATE_DESCRIPTION_FILE, TEMPLATE_TESTS_DIR } from './template-tests';

const TEMPLATES = path.resolve(__dirname, '..', '..', '..', '..', 'resources', 'templates');
const templateIds = readdirSync(TEMPLATES).filter((d) => /^[a-z]/.test(d) && existsSync(path.join(TEMPLATES, d, 'template.json')));
const shipped = (id: string) => path.join(TEMPLATES, id, TEMPLATE_TESTS_DIR);
/** Templates whose tests are still to come (none now). */
const NOT_YET = new Set<string>();

async function files(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await files(dir, r)));
    else out.push(r);
  }
  return out.sort();
}

describe('template tests', () => {
  it('ships a vendor description and tests with every template that has operations', () => {
    const missing = templateIds.filter((id) => !NOT_YET.has(id) && !existsSync(shipped(id)));
    expect(missing).toEqual([]);
    for (const id of templateIds.filter((i) => existsSync(shipped(i)))) {
      const t = JSON.parse(readFileSync(path.join(TEMPLATES, id, 'template.json'), 'utf8')) as { http: boolean; actions: { operation: string }[] };
      if (t.http) expect(existsSync(path.join(TEMPLATES, id, TEMPLATE_DESCRIPTION_FILE)), id).toBe(true);
      const tests = readdirSync(shipped(id)).filter((f) => f.endsWith('.py')).sort();
      expect(tests, id).toEqual([...t.actions.map((a) => a.operation), ...(t.http ? ['check_health'] : [])].map((op) => `test_${op}.py`).sort());
    }
  });

  it("passes every template's generated tests offline on a freshly created project", async () => {
    const work = await tmpDir('cs-template-tests-');
    const cli = cliIn(work);
    const times: Record<string, number> = {};
    for (const id of templateIds.filter((i) => existsSync(shipped(i)))) {
      const name = `acme_${id.replace(/-/g, '_')}`;
      expect((await cli('new', name, '--template', id, '--dir', 'ws')).code, id).toBe(0);
      const started = Date.now();
      const run = await cli('test', path.join(work, 'ws', `connector-${name}`), '--json');
      times[id] = Date.now() - started;
      expect(run.code, `${id}: ${run.out} ${run.err}`).toBe(0);
      const report = JSON.parse(run.out) as { tests: { id: string; status: string }[]; summary: { failed: number } };
      expect(report.summary.failed, id).toBe(0);
      expect(report.tests.length, id).toBe(readdirSync(shipped(id)).filter((f) => f.endsWith('.py')).length);
    }
    console.log(`connector-studio test per template project (ms): ${JSON.stringify(times)}`);
  }, 600_000);

  it('runs the CI workflow\'s validate, test and package lines green, installs from the given source, and keeps a certified project certifiable', async () => {
    const work = await tmpDir('cs-template-ci-');
    const cli = cliIn(work);
    const spec = 'git+https://github.com/acme/connector-studio.git#v1.2.0';
    expect((await cli('new', 'acme-intel', '--template', 'threat-intelligence', '--certified', '--ci-install', spec, '--dir', 'ws')).code).toBe(0);
    const project = path.join(work, 'ws', 'connector-acme-intel');
    const workflow = parse(readFileSync(path.join(project, CI_WORKFLOW_FILE), 'utf8')) as { jobs: { connector: { steps: { name?: string; run?: string }[] } } };
    const steps = workflow.jobs.connector.steps;
    expect(steps.find((s) => s.name === 'Install Connector Studio')?.run).toBe(`npm install -g ${spec}`);
    const lines = ['Validate', 'Test', 'Package'].map((n) => steps.find((s) => s.name === n)?.run ?? '');
    const expected = ciCommands('acme-intel');
    expect(lines).toEqual([expected.validate, expected.test, expected.package]);
    // The lines as CI runs them, from the project root.
    const inProject = cliIn(project);
    for (const line of lines) {
      const [program, ...argv] = line.split(' ');
      expect(program).toBe('connector-studio');
      const r = await inProject(...argv);
      expect(r.code, `${line}\n${r.out}\n${r.err}`).toBe(0);
    }
    expect(readFileSync(path.join(project, 'test-results', 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(5);
    expect(existsSync(path.join(project, 'dist', 'acme-intel.tgz'))).toBe(true);

    // Certified: one info.json, and every generated .py (tests and their helper too) opens with the CI's block.
    const all = await files(project);
    expect(all.filter((f) => path.basename(f) === 'info.json')).toEqual(['acme-intel/info.json']);
    const py = all.filter((f) => f.endsWith('.py'));
    expect(py.filter((f) => f.startsWith('tests/'))).toHaveLength(6);
    const block = /^"""\nCopyright start\nMIT License\nCopyright \(c\) \d{4} Fortinet Inc\nCopyright end\n"""\n/;
    expect(py.filter((f) => !block.test(readFileSync(path.join(project, f), 'utf8')))).toEqual([]);
  }, 300_000);

  it('re-records a template\'s shipped tests with the script\'s own function, to the same tests', async () => {
    const out = path.join(await tmpDir('cs-template-record-'), 'tests');
    const recorded = await recordTemplateTests(TEMPLATES, 'threat-intelligence', out);
    expect(recorded.operations).toEqual(['get_ip_reputation', 'get_domain_reputation', 'get_url_reputation', 'get_file_reputation', 'check_health']);
    expect(await files(out)).toEqual(await files(shipped('threat-intelligence')));
    for (const f of (await files(out)).filter((x) => x.endsWith('.py'))) expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(readFileSync(path.join(shipped('threat-intelligence'), f), 'utf8'));
  }, 300_000);
});
