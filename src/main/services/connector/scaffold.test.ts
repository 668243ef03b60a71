import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import { createGitService } from '../git/git-service';
import { encodePng } from './icons';
import { createProject } from './scaffold';
import { defaultAnswers, loadTemplate } from './templates';
import { defined } from '../../../../tests/helpers/defined';

const git = promisify(execFile);
const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const gitService = createGitService(() => 'git');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'scaffold-test-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function answers(over: Partial<WizardAnswers> = {}): Promise<WizardAnswers> {
  return defaultAnswers(await loadTemplate(TEMPLATES, 'threat-intelligence'), 'acme-intel', { publisher: 'Acme Corp', ...over });
}

const create = async (a: WizardAnswers) => createProject(a, { workspaceRoot: work, templatesDir: TEMPLATES, git: gitService, year: 2026 });

async function tree(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await tree(dir, r)));
    else out.push(r);
  }
  return out.sort();
}

describe('createProject', () => {
  it('writes the repository layout and makes exactly one commit with every file', async () => {
    const p = await create(await answers());
    expect(p.projectRoot).toBe(path.join(work, 'connector-acme-intel'));
    expect(await tree(p.projectRoot)).toEqual([
      '.gitattributes',
      '.github/workflows/connector.yml',
      '.gitignore',
      'LICENSE',
      'README.md',
      'acme-intel/connector.py',
      'acme-intel/constants.py',
      'acme-intel/images/large.png',
      'acme-intel/images/small.png',
      'acme-intel/info.json',
      'acme-intel/operations.py',
      'acme-intel/playbooks/playbooks.json',
      'acme-intel/release_notes.md',
      'acme-intel/requirements.txt',
      'acme-intel/utils.py',
      // The template's shipped tests of the operations kept as it has them (template-tests.test.ts runs them).
      ...['check_health', 'get_domain_reputation', 'get_file_reputation', 'get_ip_reputation', 'get_url_reputation'].flatMap((op) => [`tests/cassettes/${op}-template.json`, `tests/cassettes/${op}-template.run.json`]),
      'tests/connector_studio_helpers.py',
      ...['check_health', 'get_domain_reputation', 'get_file_reputation', 'get_ip_reputation', 'get_url_reputation'].map((op) => `tests/test_${op}.py`),
    ]);
    const log = (await git('git', ['log', '--format=%s'], { cwd: p.projectRoot })).stdout.trim().split('\n');
    expect(log).toEqual(['Create Acme Intel 1.0.0 from the threat-intelligence template']);
    expect((await git('git', ['status', '--porcelain'], { cwd: p.projectRoot })).stdout).toBe('');
    expect((await git('git', ['rev-parse', 'HEAD'], { cwd: p.projectRoot })).stdout.trim()).toBe(p.sha);
    expect(await readdir(work)).toEqual(['connector-acme-intel']);
  });

  it('writes info.json from the answers, with a header on every Python file and no secrets', async () => {
    const p = await create(await answers({ label: 'Acme Intel', version: '2.1.0' }));
    const info = JSON.parse(await readFile(path.join(p.connectorDir, 'info.json'), 'utf8'));
    expect(info).toMatchObject({ name: 'acme-intel', label: 'Acme Intel', version: '2.1.0', publisher: 'Acme Corp', category: 'Threat Intelligence' });
    expect(info.configuration.fields.map((f: { name: string }) => f.name)).toEqual(['server_url', 'api_key', 'verify_ssl']);
    expect(info.configuration.fields[1]).not.toHaveProperty('value');
    for (const f of ['connector.py', 'operations.py', 'utils.py', 'constants.py']) {
      const text = await readFile(path.join(p.connectorDir, f), 'utf8');
      expect(text.startsWith('"""\nCopyright start\nMIT License\nCopyright (c) 2026 Acme Corp\nCopyright end\n"""\n')).toBe(true);
      expect(text).not.toMatch(/\beval\(|shell=True|verify=False/);
    }
    expect(await readFile(path.join(p.connectorDir, 'release_notes.md'), 'utf8')).toMatch(/^# What's new in 2\.1\.0\n/);
  });

  it('draws default icons of 32x32 and 80x80, and scales uploaded logos', async () => {
    const p = await create(await answers());
    const size = async (rel: string) => {
      const png = PNG.sync.read(await readFile(path.join(p.connectorDir, 'images', rel)));
      return `${png.width}x${png.height}`;
    };
    expect([await size('small.png'), await size('large.png')]).toEqual(['32x32', '80x80']);

    const logo = encodePng({ width: 200, height: 100, data: new Uint8Array(200 * 100 * 4).fill(255) }).toString('base64');
    const exact = encodePng({ width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(7) });
    const q = await create({ ...(await answers()), name: 'acme-two', icons: { large: logo, small: exact.toString('base64') } });
    const large = PNG.sync.read(await readFile(path.join(q.connectorDir, 'images', 'large.png')));
    expect([large.width, large.height]).toEqual([80, 80]);
    expect(await readFile(path.join(q.connectorDir, 'images', 'small.png'))).toEqual(exact);
  });

  it.each([
    ['MIT', /^MIT License\n\nCopyright \(c\) 2026 Acme Corp/],
    ['Apache-2.0', /Apache License\s+Version 2\.0, January 2004/],
    ['proprietary', /^Copyright \(c\) 2026 Acme Corp\. All rights reserved\./],
  ] as const)('writes the %s licence', async (licence, pattern) => {
    const p = await create(await answers({ licence }));
    expect(await readFile(path.join(p.projectRoot, 'LICENSE'), 'utf8')).toMatch(pattern);
  });

  it('refuses an existing project and leaves it untouched', async () => {
    await mkdir(path.join(work, 'connector-acme-intel'));
    await expect(create(await answers())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readdir(path.join(work, 'connector-acme-intel'))).toEqual([]);
    expect(await readdir(work)).toEqual(['connector-acme-intel']);
  });

  it('refuses answers with errors, listing them, and writes nothing', async () => {
    const a = await answers({ name: '9lives', version: '1.0' });
    defined(a.configuration[0], 'the first configuration field').name = 'default';
    const e = (await create(a).then(() => undefined, (x: unknown) => x)) as { code: string; message: string; details: unknown[] };
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/name: .*\nversion: .*\nconfiguration\/0\/name: .*reserved/);
    expect(e.details).toHaveLength(3);
    expect(await readdir(work)).toEqual([]);
  });

  it('keeps user text out of the code: quotes and backslashes land escaped', async () => {
    const a = await answers({ publisher: 'Evil """ \\ Corp' });
    defined(a.actions[0], 'the first action').description = 'Ends the docstring """; import os; os.system("x") \\';
    const p = await create(a);
    const ops = await readFile(path.join(p.connectorDir, 'operations.py'), 'utf8');
    expect(ops).toContain("Ends the docstring '''; import os; os.system('x') /");
    await promisify(execFile)('python3', ['-c', 'import ast,sys; [ast.parse(open(f).read()) for f in sys.argv[1:]]', ...['operations.py', 'utils.py'].map((f) => path.join(p.connectorDir, f))]);
  });
});
