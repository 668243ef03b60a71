import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { InstallOutcome, RuntimeEnvironment } from '../../../shared/models/environment';
import { cliIn } from '../cli-test-kit';

// Real virtualenvs and real pip from the machine's configured index; the file's one user data folder (tmp/user)
// keeps the platform default it makes for every test after it, as it would for a user.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-env-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = cliIn(tmp);
const runnable = (name: string) => {
  const target = path.join(tmp, name);
  cpSync(fileURLToPath(new URL(`../../../../tests/fixtures/runnable/${name}`, import.meta.url)), target, { recursive: true });
  return target;
};
const paloalto = runnable('paloalto-cortex-xdr');
const qradar = runnable('qradar');
writeFileSync(path.join(tmp, 'empty.json'), '{}');

function connector(name: string, requirements: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'info.json'), JSON.stringify({ name, version: '1.0.0', operations: [] }));
  writeFileSync(path.join(dir, 'connector.py'), 'from connectors.core.connector import Connector\n\n\nclass C(Connector):\n    pass\n');
  writeFileSync(path.join(dir, 'requirements.txt'), requirements);
  return dir;
}

describe('connector-studio env', () => {
  it('shows the environment (the default action) as text, and --json as the RuntimeEnvironment object', async () => {
    const text = await cli('env', qradar);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Runs on: the plain interpreter/);
    expect(text.out).toContain(`(not made: connector-studio env ${qradar} create --platform)`);
    expect(text.out).toMatch(/Platform libraries missing here: .*requests_toolbelt/);
    const json = await cli('env', qradar, 'show', '--json');
    expect(json.code).toBe(0);
    const e = JSON.parse(json.out) as RuntimeEnvironment;
    expect(e).toMatchObject({ kind: 'interpreter', venv: { exists: false }, platform: { exists: false }, requirements: [] });
    expect(e.venv.path.startsWith(path.join(tmp, 'user', 'environments'))).toBe(true);
  });

  it('create --platform makes the platform default with progress on stderr; health then loads a connector that imports arrow undeclared', async () => {
    const before = await cli('health', paloalto, '--config', 'empty.json', '--json');
    expect(JSON.parse(before.out).message).toMatch(/No module named 'arrow'/);

    const made = await cli('env', paloalto, 'create', '--platform', '--json');
    const outcome = JSON.parse(made.out) as InstallOutcome;
    // A platform library this machine's index lacks is named (exit 1); the others are installed all the same.
    expect(made.code, made.err).toBe(outcome.failed.length ? 1 : 0);
    expect(made.err).toMatch(/^ {2}Creating a virtualenv in .*platform-env/m);
    expect(made.err).toMatch(/^ {2}Installing 8 requirements: requests, requests-toolbelt, arrow/m);
    expect(outcome.environment).toMatchObject({ kind: 'platform', platform: { exists: true } });

    // Shared: another connector on the same interpreter runs on it too.
    expect(JSON.parse((await cli('env', qradar, '--json')).out)).toMatchObject({ kind: 'platform' });
    const after = await cli('health', paloalto, '--config', 'empty.json', '--json');
    expect(JSON.parse(after.out).message).not.toMatch(/No module named/);
  }, 180_000);

  it("create makes the connector's own venv, which still sees the platform default's libraries", async () => {
    const created = await cli('env', qradar, 'create');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/^Completed: Created the virtualenv .*\nRuns on: the connector's virtualenv/);
    const e = JSON.parse((await cli('env', qradar, '--json')).out) as RuntimeEnvironment;
    expect(e).toMatchObject({ kind: 'connector', interpreter: { source: 'venv' }, venv: { exists: true }, packages: [] });
    expect(e.platformLibraries.find((l) => l.module === 'requests_toolbelt')?.installedVersion).toBeTruthy();
    expect((await cli('env', qradar, 'create')).out).toMatch(/^Completed: The virtualenv exists/);
  }, 60_000);

  it('install installs requirements.txt, and names a requirement pip cannot install (exit 1)', async () => {
    const none = await cli('env', connector('no-reqs', '# nothing\n'), 'install', '--json');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out)).toMatchObject({ status: 'Completed', message: 'No requirements to install.', environment: { kind: 'connector' } });

    const bad = await cli('env', connector('bad-reqs', 'cs-no-such-package-3c9a==1.0\n'), 'install');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^Failed: pip could not install: cs-no-such-package-3c9a==1\.0\./);
    expect(bad.err).toMatch(/^ {2}Installing 1 requirement: cs-no-such-package-3c9a==1\.0/m);
    expect(bad.err).toContain('connector-studio env: pip could not install: cs-no-such-package-3c9a==1.0.');
  }, 60_000);

  it.each([
    ['no folder', ['env'], /give the connector folder/],
    ['a folder that is not a connector', ['env', '.'], /is not a connector folder/],
    ['an archive', ['env', 'x.tgz'], /an environment belongs to a connector folder/],
    ['an unknown action', ['env', 'qradar', 'remove'], /unknown action "remove": give show, create or install/],
    ['--platform without create', ['env', 'qradar', 'install', '--platform'], /--platform goes with create/],
    ['an extra argument', ['env', 'qradar', 'show', 'more'], /unexpected argument "more"/],
  ])('exits 2 on %s', async (_name, argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: connector-studio env <folder>');
  });
});
