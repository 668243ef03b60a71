import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failedRequirements, installConnectorVenv, installRequirements, pipFailure, requirementLines } from './venv-service';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-venv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function connector(name: string, requirements: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'requirements.txt'), requirements);
  return dir;
}

describe('per-connector virtualenv', () => {
  it('makes a venv and reports nothing to install for an empty requirements.txt', async () => {
    const lines: string[] = [];
    const r = await installConnectorVenv(connector('empty', '# nothing\n\n'), path.join(tmp, 'venvs', 'empty'), { onLine: (l) => lines.push(l) });
    expect(r).toMatchObject({ status: 'Completed', message: 'No requirements to install.', failed: [] });
    expect(r.python && existsSync(r.python)).toBe(true);
    expect(lines[0]).toMatch(/^Creating a virtualenv in /);
  });

  it('names the requirements pip could not install, with progress lines', async () => {
    const lines: string[] = [];
    const r = await installConnectorVenv(connector('bogus', 'cs-no-such-package-4f2a==9.9.9\n'), path.join(tmp, 'venvs', 'bogus'), { onLine: (l) => lines.push(l) });
    expect(r.status).toBe('Failed');
    expect(r.failed).toEqual(['cs-no-such-package-4f2a==9.9.9']);
    expect(r.message).toBe('pip could not install: cs-no-such-package-4f2a==9.9.9.');
    expect(lines.some((l) => l.startsWith('Installing 1 requirement: cs-no-such-package-4f2a==9.9.9'))).toBe(true);
    expect(r.log).toContain('No matching distribution found');
  }, 60_000);

  it('says why pip itself could not run', () => {
    expect(pipFailure('/usr/bin/python3: No module named pip\n', [], ['/usr/bin/python3'])).toMatch(/^\/usr\/bin\/python3 has no pip: /);
    expect(pipFailure('Usage: ...\nno such option: --python\n', [], ['python3'])).toMatch(/older than 22\.3/);
    expect(pipFailure('', ['x==1'], ['python3'])).toBe('pip could not install: x==1.');
  });

  it('parses the usual pip failures', () => {
    expect(failedRequirements("ERROR: Invalid requirement: 'foo bar'\nERROR: Failed building wheel for lxml\n")).toEqual(['lxml', 'foo bar']);
    // pip colours its errors when FORCE_COLOR is set (test runners set it).
    expect(failedRequirements('\x1b[31mERROR: No matching distribution found for x==1\x1b[0m\x1b[31m\n')).toEqual(['x==1']);
  });
});

describe("the sandbox's requirements install (FortiSOAR's import), through the same virtualenv code", () => {
  it('makes no virtualenv for a connector without requirements: it runs on the base interpreter', async () => {
    const venv = path.join(tmp, 'venvs', 'sandbox-none');
    const r = await installRequirements(connector('sandbox-none', '# only a comment\n'), venv, ['python3']);
    expect(r).toEqual({ status: 'Completed', message: 'No requirements to install.', output: '' });
    expect(existsSync(venv)).toBe(false);
  });

  it("fails with pip's words and no interpreter to run from when a requirement cannot be installed", async () => {
    const r = await installRequirements(connector('sandbox-bogus', 'cs-no-such-package-4f2a==9.9.9\n'), path.join(tmp, 'venvs', 'sandbox-bogus'), ['python3']);
    expect(r.status).toBe('Failed');
    expect(r.message).toBe('pip could not install: cs-no-such-package-4f2a==9.9.9.');
    expect(r.output).toContain('No matching distribution found');
    expect(r.python).toBeUndefined();
  }, 60_000);

  it('reads the requirement lines without comments and blanks', async () => {
    expect(await requirementLines(connector('lines', 'requests==2.31.0  # pinned\n\n# comment\n  lxml\n'))).toEqual(['requests==2.31.0', 'lxml']);
  });
});
