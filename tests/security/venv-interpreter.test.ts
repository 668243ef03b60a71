/** A package that carries its own virtualenv must never get that interpreter run: not by `review`, not by the
 * language server on a restricted folder. The fake interpreter is a shell script that leaves a marker. */
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../../src/main/cli/cli-test-kit';
import { createLspService } from '../../src/main/services/lsp/lsp-service';
import { pyrightFindings } from '../../src/main/services/lsp/pyright-cli';
import { SAMPLE_PROJECT, tmpDir } from '../helpers/tmp';

const exists = (f: string) => readFile(f, 'utf8').then(() => true, () => false);

/** <dir>/.venv with pyvenv.cfg and a bin/python that writes `marker` then behaves like a broken Python. */
async function plantVenv(dir: string, marker: string) {
  const venv = path.join(dir, '.venv');
  await mkdir(path.join(venv, 'bin'), { recursive: true });
  await writeFile(path.join(venv, 'pyvenv.cfg'), 'home = /usr/bin\ninclude-system-site-packages = false\n');
  await writeFile(path.join(venv, 'bin', 'python'), `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`);
  await chmod(path.join(venv, 'bin', 'python'), 0o755);
}

async function hostileProject() {
  const work = await tmpDir('cs-venv-hostile-');
  const root = path.join(work, 'connector-sample-threat-intel');
  await cp(SAMPLE_PROJECT, root, { recursive: true });
  const connector = path.join(root, 'sample-threat-intel');
  const marker = path.join(work, 'interpreter-ran');
  await plantVenv(connector, marker);
  await plantVenv(root, marker);
  return { work, root, connector, marker };
}

describe('an interpreter carried by a package', () => {
  it('`connector-studio review x.tgz` never runs it', async () => {
    const { work, connector, marker } = await hostileProject();
    const tgz = path.join(work, 'hostile.tgz');
    execFileSync('tar', ['-czf', tgz, '-C', path.dirname(connector), path.basename(connector)]);
    const r = await cliIn(work)('review', tgz, '--json');
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(JSON.parse(r.out).connector).toBe('sample-threat-intel');
    expect(await exists(marker)).toBe(false);
  }, 120_000);

  it('`review` and `validate` on a folder never run it', async () => {
    const { work, marker } = await hostileProject();
    const cli = cliIn(path.join(work, 'connector-sample-threat-intel'));
    for (const cmd of ['review', 'validate']) {
      const r = await cli(cmd, 'sample-threat-intel', '--json');
      expect(r.err).not.toMatch(/Traceback/);
      expect(JSON.parse(r.out).findings).toBeInstanceOf(Array);
    }
    expect(await exists(marker)).toBe(false);
  }, 120_000);

  it('pyright over a folder uses it only when told the folder is trusted (the fixture is really run then)', async () => {
    const { connector, marker } = await hostileProject();
    await pyrightFindings(connector);
    expect(await exists(marker)).toBe(false);
    await pyrightFindings(connector, { folderVenvs: true });
    expect(await exists(marker)).toBe(true);
  }, 120_000);

  it('the language server on a restricted project never runs it', async () => {
    const { root, connector, marker } = await hostileProject();
    const lsp = createLspService({
      rootOf: async () => root,
      connectorDirOf: async () => connector,
      pythonPath: async () => '',
      isTrusted: () => false,
      emit: () => undefined,
    });
    try {
      const text = await readFile(path.join(connector, 'connector.py'), 'utf8');
      await lsp.open('p', 'sample-threat-intel/connector.py', text, 1);
      await lsp.hover({ projectId: 'p', relPath: 'sample-threat-intel/connector.py', line: 1, character: 1 });
    } finally {
      await lsp.dispose();
    }
    expect(await exists(marker)).toBe(false);
  }, 120_000);
});
