import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import command from './new';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'new-cli-test-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: work, env: { FSOAR_USER_DATA_DIR: path.join(work, 'user-data') } };
  const code = await command.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('connector-studio new', () => {
  it('lists the templates as JSON, exit 0', async () => {
    const r = await run('--list-templates', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; title: string }[];
    expect(list.map((t) => t.id)).toContain('threat-intelligence');
    expect(list.every((t) => t.title.length > 0)).toBe(true);
    expect((await run('--list-templates')).out).toMatch(/^threat-intelligence\s+Threat Intelligence: /);
  });

  it('creates a committed project from a template, exit 0', async () => {
    const r = await run('acme-intel', '--template', 'threat-intelligence', '--dir', 'ws', '--json');
    expect(r.code).toBe(0);
    const created = JSON.parse(r.out) as { projectRoot: string; files: string[] };
    expect(created.projectRoot).toBe(path.join(work, 'ws', 'connector-acme-intel'));
    expect(created.files).toContain('acme-intel/info.json');
    const log = await promisify(execFile)('git', ['log', '--oneline'], { cwd: created.projectRoot });
    expect(log.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('without a git identity creates the repository and stages the files, commits nothing and says so on stderr', async () => {
    const saved = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    // A global config with no identity, as on a fresh machine; git reads these from the environment it inherits.
    process.env.GIT_CONFIG_GLOBAL = path.join(work, 'empty.gitconfig');
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    await writeFile(process.env.GIT_CONFIG_GLOBAL, '');
    try {
      const r = await run('acme-nobody', '--template', 'blank', '--dir', 'ws');
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/no user\.name and user\.email, so the files are staged but not committed/);
      expect(r.out).toMatch(/staged, not committed/);
      const root = path.join(work, 'ws', 'connector-acme-nobody');
      const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: root }).then((x) => x.stdout.trim());
      await expect(git('rev-parse', '--verify', '--quiet', 'HEAD')).rejects.toThrow();
      const staged = (await git('status', '--porcelain')).split('\n');
      expect(staged).toContain('A  acme-nobody/info.json');
      expect(staged.every((l) => l.startsWith('A  '))).toBe(true);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('takes the wizard answers from a file, template defaults filling the rest', async () => {
    await writeFile(path.join(work, 'wizard.json'), JSON.stringify({ label: 'Acme Tickets', publisher: 'Acme', version: '2.0.0', licence: 'Apache-2.0' }));
    const r = await run('acme-tickets', '--template', 'ticketing-itsm', '--answers', 'wizard.json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const info = JSON.parse(await readFile(path.join(work, 'connector-acme-tickets', 'acme-tickets', 'info.json'), 'utf8'));
    expect(info).toMatchObject({ label: 'Acme Tickets', publisher: 'Acme', version: '2.0.0', category: 'IT Service Management' });
    expect(info.operations.length).toBeGreaterThan(3);
  });

  it('warns on stderr when the name is a store connector, and still creates it', async () => {
    const r = await run('virustotal-premium', '--template', 'threat-intelligence');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: name: A connector named 'virustotal-premium' is already in the FortiSOAR store/);
  });

  it.each([
    ['no name', ['--template', 'blank']],
    ['no template', ['acme']],
    ['an unknown template', ['acme', '--template', 'nope']],
    ['an invalid name', ['9acme', '--template', 'blank']],
    ['an unknown option', ['acme', '--template', 'blank', '--bogus']],
    ['a missing answers file', ['acme', '--template', 'blank', '--answers', 'missing.json']],
    ['answers of the wrong shape', ['acme', '--template', 'blank', '--answers', 'bad.json']],
  ])('exits 2 for %s, writing nothing', async (_, argv) => {
    await writeFile(path.join(work, 'bad.json'), JSON.stringify({ actions: 'none' }));
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^connector-studio new: /);
    expect((await readdir(work)).filter((f) => f !== 'bad.json')).toEqual([]);
  });

  it('exits 1 when the project already exists', async () => {
    expect((await run('acme', '--template', 'blank')).code).toBe(0);
    const r = await run('acme', '--template', 'blank');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists/);
  });
});

describe('connector-studio new and workspace trust', () => {
  it('records the new project as trusted in the IDE\'s trust list', async () => {
    const r = await run('acme-trusted', '--template', 'blank', '--json');
    expect(r.code, r.err).toBe(0);
    const created = JSON.parse(r.out) as { projectRoot: string };
    const list = JSON.parse(await readFile(path.join(work, 'user-data', 'trust.json'), 'utf8')) as { trusted: string[] };
    expect(list.trusted).toContain(created.projectRoot);
  });
});
