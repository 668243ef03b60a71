import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base } from '../../fixtures';
import { repoRoot } from '../../host';

export { expect } from '../../fixtures';

const run = promisify(execFile);

/** The app fixture plus a private temp folder for archives and downloads: Playwright empties its output
 * folder when any run starts, and several runs share this tree. */
export const test = base.extend<{ tmp: string; slowReview: void }>({
  // Reviews run ruff over every file and the packaging spawns the CLI: on a loaded machine these specs can
  // take over a minute, which is slow, not broken.
  // eslint-disable-next-line no-empty-pattern
  slowReview: [async ({}, use, info) => { info.setTimeout(info.timeout * 3); await use(); }, { auto: true }],
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  tmp: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-review-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

export const SAMPLE_DIR = path.join(repoRoot, 'resources/samples/connector-sample-threat-intel/sample-threat-intel');
export const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

/** `connector-studio package <folder> -o <tmp>/<file>`: the archive a partner would hand to a reviewer. */
export async function packageFolder(folder: string, outDir: string, fileName: string): Promise<string> {
  const out = path.join(outDir, fileName);
  await run(process.execPath, [path.join(repoRoot, 'out/cli/index.js'), 'package', folder, '-o', out]);
  return out;
}

/** Hard-coded in the planted defects below, so the spec can look for exactly these. */
export const PLANTED = { token: 'API_TOKEN', tls: 'tls-verify-disabled', credential: 'hardcoded-credential', shell: 'shell-command', removed: 'compat-operation-removed' };

const HELPERS_PY = `import subprocess

import requests

API_TOKEN = 'sk_live_4f9a8b7c6d5e4f3a2b1c0d9e'


def fetch(url):
    return requests.get(url, verify=False, timeout=10)


def run(cmd):
    return subprocess.run(cmd, shell=True, check=False)
`;

/** A valid package (it passes validate, so \`package\` builds it) with defects only a review finds: TLS
 * verification off in code, a token in code, shell=True, and an operation removed since the sample version. */
export async function hostilePackage(tmp: string): Promise<string> {
  const dir = path.join(tmp, 'hostile', 'sample-threat-intel');
  await mkdir(path.dirname(dir), { recursive: true });
  await cp(SAMPLE_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, 'helpers.py'), HELPERS_PY);
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8')) as { operations: { operation: string }[] };
  info.operations = info.operations.filter((o) => o.operation !== 'get_domain_reputation');
  await writeFile(path.join(dir, 'info.json'), `${JSON.stringify(info, null, 2)}\n`);
  return packageFolder(dir, tmp, 'sample-threat-intel-hostile.tgz');
}
