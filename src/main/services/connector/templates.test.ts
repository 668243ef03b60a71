import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitService } from '../git/git-service';
import { createValidateService } from '../validate';
import { createProject } from './scaffold';
import { driveConnector, pyCompile, pythonHasRequests } from './test-support';
import { defaultAnswers, listTemplates, loadTemplate } from './templates';

const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const REQUIRED = ['threat-intelligence', 'siem-analytics', 'ticketing-itsm', 'firewall-network', 'endpoint-edr', 'email',
  'vulnerability-management', 'identity-access', 'utilities', 'blank', 'alerts-siem-ingestion'];

let work: string;
let hasRequests = false;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'templates-test-'));
  hasRequests = await pythonHasRequests();
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('listTemplates', () => {
  it('lists at least the ten required templates, ordered, with titles and certification categories', async () => {
    const list = await listTemplates(TEMPLATES);
    expect(list.map((t) => t.id)).toEqual(REQUIRED);
    for (const t of list) expect(t.title && t.description && t.category).toBeTruthy();
  });

  it('refuses an unknown or path-like template id', async () => {
    await expect(loadTemplate(TEMPLATES, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadTemplate(TEMPLATES, '../_base')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe.each(REQUIRED)('template %s', (id) => {
  let connectorDir: string;
  beforeAll(async () => {
    const t = await loadTemplate(TEMPLATES, id);
    const answers = defaultAnswers(t, `acme-${id}`, { publisher: 'Acme Corp' });
    const created = await createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git: createGitService(() => 'git') });
    connectorDir = created.connectorDir;
  });

  it('validates with zero errors and zero warnings', async () => {
    const report = await createValidateService().validateFolder(connectorDir);
    const problems = report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.path} ${f.pointer ?? f.line ?? ''}: ${f.message}`);
    expect(problems).toEqual([]);
  });

  it('generates Python that compiles', async () => {
    const files = (await readdir(connectorDir)).filter((f) => f.endsWith('.py')).map((f) => path.join(connectorDir, f));
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['connector.py', 'constants.py', 'operations.py', 'utils.py']);
    await pyCompile(files, path.join(work, 'pycache'));
  });

  it('runs check_health and every action, with timeouts and the verify_ssl flag on every request', async ({ skip }) => {
    if (!hasRequests) skip('python3 has no requests module');
    const t = await loadTemplate(TEMPLATES, id);
    const r = await driveConnector(work, connectorDir);
    expect(Object.keys(r.results).sort()).toEqual(t.actions.map((a) => a.operation).sort());
    expect(r.unknown).toMatch(/Unsupported operation: no_such_operation/);
    if (!t.http) return expect(r.calls).toEqual([]);
    expect(r.calls.length).toBeGreaterThan(t.actions.length);
    for (const call of r.calls) {
      expect(call.verify).toBe(false);
      expect(call.timeout).toEqual([10, 60]);
      expect(call.url.startsWith('https://api.example.test/')).toBe(true);
      if (t.auth !== 'basic' && t.auth !== 'api_key_header' && !call.url.includes('token')) expect(call.authorization).toMatch(/^Bearer /);
      if (t.auth === 'basic') expect(call.basic).toBe(true);
    }
  });
});

describe('custom actions', () => {
  it.each(['siem-analytics', 'utilities'])('added to %s, still validate clean, compile and run', async (id) => {
    const t = await loadTemplate(TEMPLATES, id);
    const answers = defaultAnswers(t, `custom-${id}`, { publisher: 'Acme' });
    answers.actions.push(
      {
        operation: 'export_report',
        title: 'Export Report',
        description: 'Exports a report as "JSON" with the chosen filters \\ and options.',
        category: 'investigation',
        parameters: [
          { name: 'report_id', title: 'Report ID', type: 'text', required: true, description: 'The report to export.' },
          { name: 'filters', title: 'Filters', type: 'json', description: 'Filters as a JSON object.' },
          { name: 'format', title: 'Format', type: 'select', options: ['json', 'csv'], value: 'json', description: 'The export format.' },
        ],
        output_schema: { report: {} },
        request: { method: 'POST', path: '/api/v1/reports/{report_id}/export', query: ['format'] },
      },
      { operation: 'ping_service', title: 'Ping Service', description: 'Checks that the service answers.', parameters: [], output_schema: {} },
    );
    const created = await createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git: createGitService(() => 'git') });
    const report = await createValidateService().validateFolder(created.connectorDir);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    const files = ['connector.py', 'operations.py', 'utils.py', 'constants.py'].map((f) => path.join(created.connectorDir, f));
    await pyCompile(files, path.join(work, 'pycache'));
    if (!hasRequests) return;
    const r = await driveConnector(work, created.connectorDir);
    expect(Object.keys(r.results)).toEqual(expect.arrayContaining(['export_report', 'ping_service']));
    if (t.http) expect(r.calls.map((c) => c.url)).toContain('https://api.example.test/api/v1/reports/aGVsbG8%3D/export');
  });
});
