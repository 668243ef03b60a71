import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawTgz } from '../../../../tests/helpers/raw-tar';
import type { CliIO } from '../command';
import command from './import';
import newCommand from './new';
import packageCommand from './package';

let work: string;
const io = (out: string[], err: string[], env: NodeJS.ProcessEnv = {}): CliIO => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: work, env: { FSOAR_USER_DATA_DIR: path.join(work, 'user-data'), ...env } });

async function run(argv: string[], env?: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, io(out, err, env));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-cli-test-'));
  expect(await newCommand.run(['acme-vm', '--template', 'vulnerability-management'], io([], []))).toBe(0);
  expect(await packageCommand.run(['connector-acme-vm', '-o', 'acme-vm.tgz'], io([], []))).toBe(0);
  await writeFile(path.join(work, 'evil.tgz'), rawTgz([{ name: 'x/../../escape.txt', data: 'x' }]));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('connector-studio import', () => {
  it('imports into --into, exit 0; again without --replace is refused with exit 1', async () => {
    const r = await run(['acme-vm.tgz', '--into', 'ws', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ dir: path.join(work, 'ws', 'acme-vm'), name: 'acme-vm', version: '1.0.0', replaced: false, skipped: [], dropped: [], warnings: [] });
    const again = await run(['acme-vm.tgz', '--into', 'ws']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/acme-vm \(version 1\.0\.0\) is already in the workspace at .*ws.acme-vm: .* Run again with --replace/);
    expect((await run(['acme-vm.tgz', '--into', 'ws', '--replace'])).out).toMatch(/Imported acme-vm 1\.0\.0 into .* \(replaced the previous folder\)/);
  });

  it('skips a stray top-level file with a warning on stderr', async () => {
    await writeFile(path.join(work, 'stray.tgz'), rawTgz([{ name: '._plain', data: 'x' }, { name: 'plain/info.json', data: '{"name": "plain", "version": "2.0.0"}' }]));
    const r = await run(['stray.tgz', '--into', 'ws-stray']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Imported plain 2\.0\.0/);
    expect(r.err).toBe('connector-studio import: warning: Skipped "._plain": a stray file beside the plain/ folder, not part of the connector.');
    expect(await readdir(path.join(work, 'ws-stray'))).toEqual(['plain']);
  });

  it('defaults to the workspace from settings', async () => {
    const home = path.join(work, 'home');
    await mkdir(home);
    const r = await run(['acme-vm.tgz'], { HOME: home, FSOAR_USER_DATA_DIR: path.join(home, 'data') });
    expect(r.code).toBe(0);
    expect(await readdir(path.join(home, 'ConnectorStudio'))).toEqual(['acme-vm']);
  });

  it.each([
    ['a hostile archive', ['evil.tgz', '--into', 'ws2']],
    ['a missing archive', ['nope.tgz', '--into', 'ws2']],
    ['no archive', []],
    ['an unknown option', ['acme-vm.tgz', '--force']],
  ])('exits 2 for %s', async (_, argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^connector-studio import: /);
    expect(await readdir(work)).not.toContain('escape.txt');
  });
});
