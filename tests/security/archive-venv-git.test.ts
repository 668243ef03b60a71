/** Virtualenvs and git data in an archive never reach the disk. The critical case: a package carrying
 * `<connector>/.venv/pyvenv.cfg` and an executable `<connector>/.venv/bin/python` shell script had that script
 * run by the language server once the imported folder was trusted. The safe extraction drops `.venv/`,
 * `venv/`, any folder holding `pyvenv.cfg`, and `.git` (folder or file) inside the connector folder, with a
 * warning that import (service and CLI), review and the sandbox's install all get. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { pythonFor } from '../../src/main/services/lsp/pyright-settings';
import { importArchive } from '../../src/main/services/packaging/import';
import { SAMPLE_NAME, hostileSandbox, sampleTgz, viaCli, viaImport, viaReview, viaSandbox } from '../helpers/hostile-connector';
import { rawTgz, type RawEntry } from '../helpers/raw-tar';

const S = SAMPLE_NAME;
/** What a hostile "python" does: leave a mark (and could do anything else). */
const FAKE_PYTHON = '#!/bin/sh\ntouch "$0.ran"\nexec python3 "$@"\n';
const PYVENV_CFG = 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.0\n';

interface Case {
  readonly id: string;
  readonly entries: RawEntry[];
  /** `dropped` as import reports it. */
  readonly dropped: string[];
  /** Paths (relative to the connector folder) that must not exist after any route. */
  readonly gone: string[];
  /** Paths that must still be there. */
  readonly kept?: string[];
}

const CASES: Case[] = [
  {
    id: 'the .venv with pyvenv.cfg and an executable bin/python (the reported bug)',
    entries: [
      { name: `${S}/.venv/` },
      { name: `${S}/.venv/pyvenv.cfg`, data: PYVENV_CFG },
      { name: `${S}/.venv/bin/` },
      { name: `${S}/.venv/bin/python`, data: FAKE_PYTHON, mode: 0o755 },
    ],
    dropped: [`${S}/.venv/`],
    gone: ['.venv'],
  },
  {
    id: 'a venv/ folder by name alone, without folder entries',
    entries: [{ name: `${S}/venv/bin/python`, data: FAKE_PYTHON, mode: 0o755 }],
    dropped: [`${S}/venv/`],
    gone: ['venv'],
  },
  {
    id: 'a virtualenv under another name, its pyvenv.cfg last in the archive',
    entries: [
      { name: `${S}/tools/bin/python`, data: FAKE_PYTHON, mode: 0o755 },
      { name: `${S}/tools/lib/python3.11/site-packages/requests.py`, data: 'import os\n' },
      { name: `${S}/tools/pyvenv.cfg`, data: PYVENV_CFG },
    ],
    dropped: [`${S}/tools/`],
    gone: ['tools'],
  },
  {
    id: 'a nested .venv beside files that stay',
    entries: [
      { name: `${S}/lib/vendor/keep.py`, data: 'X = 1\n' },
      { name: `${S}/lib/vendor/.venv/pyvenv.cfg`, data: PYVENV_CFG },
      { name: `${S}/lib/vendor/.venv/bin/python`, data: FAKE_PYTHON, mode: 0o755 },
    ],
    dropped: [`${S}/lib/vendor/.venv/`],
    gone: ['lib/vendor/.venv'],
    kept: ['lib/vendor/keep.py'],
  },
  {
    id: 'a .VENV in capitals (the same folder on macOS and Windows)',
    entries: [
      { name: `${S}/.VENV/PYVENV.CFG`, data: PYVENV_CFG },
      { name: `${S}/.VENV/bin/python`, data: FAKE_PYTHON, mode: 0o755 },
    ],
    dropped: [`${S}/.VENV/`],
    gone: ['.VENV'],
  },
  {
    id: 'a .git folder with an fsmonitor command and a hook',
    entries: [
      { name: `${S}/.git/HEAD`, data: 'ref: refs/heads/main\n' },
      { name: `${S}/.git/config`, data: '[core]\n\tfsmonitor = "touch /tmp/owned-by-fsmonitor"\n' },
      { name: `${S}/.git/hooks/post-checkout`, data: '#!/bin/sh\ntouch /tmp/owned-by-hook\n', mode: 0o755 },
      // A venv inside it is reported once, as part of the .git folder.
      { name: `${S}/.git/x/.venv/pyvenv.cfg`, data: PYVENV_CFG },
    ],
    dropped: [`${S}/.git/`],
    gone: ['.git'],
  },
  {
    id: 'a .git file pointing git at another repository',
    entries: [{ name: `${S}/.git`, data: 'gitdir: /tmp/elsewhere/.git\n' }],
    dropped: [`${S}/.git`],
    gone: ['.git'],
  },
];

/** Archives whose connector folder itself is a virtualenv or git data: nothing would be left to import. */
const REFUSED: [string, RawEntry[], RegExp][] = [
  [
    'the top-level folder is a virtualenv',
    [{ name: 'acme/info.json', data: '{"name": "acme"}' }, { name: 'acme/bin/python', data: FAKE_PYTHON, mode: 0o755 }, { name: 'acme/pyvenv.cfg', data: PYVENV_CFG }],
    /the archive's folder "acme\/" is a Python virtual environment, not a connector folder/,
  ],
  ['the top-level folder is .git', [{ name: '.git/HEAD', data: 'ref: refs/heads/main\n' }, { name: '.git/config', data: '[core]\n' }], /"\.git\/" is git repository data/],
  ['the top-level folder is named venv', [{ name: 'venv/info.json', data: '{}' }, { name: 'venv/bin/python', data: FAKE_PYTHON }], /"venv\/" is a Python virtual environment/],
];

let work: string;
let sandbox: Sandbox;
const archives = new Map<string, { file: string; bytes: Buffer }>();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'cs-archive-venv-'));
  for (const [i, c] of CASES.entries()) {
    const bytes = await sampleTgz(c.entries);
    const file = path.join(work, `case-${i}.tgz`);
    await writeFile(file, bytes);
    archives.set(c.id, { file, bytes });
  }
  sandbox = await hostileSandbox(path.join(work, 'sandbox'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(work, { recursive: true, force: true });
});

function expectCleaned(dir: string, c: Case): void {
  for (const g of c.gone) expect(existsSync(path.join(dir, g)), `${g} was extracted`).toBe(false);
  for (const k of c.kept ?? []) expect(existsSync(path.join(dir, k)), `${k} is missing`).toBe(true);
  for (const f of ['info.json', 'connector.py', 'operations.py']) expect(existsSync(path.join(dir, f)), f).toBe(true);
}

const warningFor = (d: string) => expect.stringContaining(`Dropped "${d}"`);
const byId = (id: string) => archives.get(id)!;
let seq = 0;
const fresh = (what: string) => path.join(work, `${what}-${++seq}`);

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  it('import drops it and says so', async () => {
    const { dir, result } = await viaImport(byId(c.id).file, fresh('ws'));
    expect(result.dropped).toEqual(c.dropped);
    expect(result.warnings).toEqual(c.dropped.map(warningFor));
    expectCleaned(dir, c);
  });

  it('connector-studio import drops it with a warning on stderr', async () => {
    const r = await viaCli(byId(c.id).file, fresh('cli'));
    expect(r.code, r.err.join('\n')).toBe(0);
    for (const d of c.dropped) expect(r.err).toContainEqual(expect.stringMatching(new RegExp(`^connector-studio import: warning: Dropped "${d.replace(/[.]/g, '\\.')}"`)));
    expectCleaned(r.dir, c);
  });

  it('review drops it and surfaces the warning', async () => {
    const r = await viaReview(byId(c.id).bytes, fresh('user-data'));
    expect(r.warnings).toEqual(c.dropped.map(warningFor));
    expectCleaned(r.dir, c);
  });

  it("the sandbox's install drops it", async () => {
    const r = await viaSandbox(sandbox, byId(c.id).bytes);
    expect(r.status, r.text).toBe(200);
    expectCleaned(r.dir!, c);
  });
});

describe('the reported bug, end to end', () => {
  it('a trusted imported connector offers the language server no interpreter of its own', async () => {
    const { dir } = await viaImport(byId(CASES[0].id).file, fresh('lsp'));
    const python = await pythonFor(dir, dir, 'python3', [], { folderVenvs: true });
    expect(python).not.toBe(path.join(dir, '.venv', 'bin', 'python'));
    // Nothing named like an interpreter or a venv marker arrived anywhere in the folder.
    const all = (await readdir(dir, { recursive: true })) as string[];
    expect(all.filter((p) => /(^|\/)(pyvenv\.cfg|python)$/i.test(p))).toEqual([]);
  });
});

describe('an archive that is itself a virtualenv or git data', () => {
  it.each(REFUSED)('refuses when %s, writing nothing', async (_what, entries, why) => {
    const tgz = fresh('refused.tgz');
    await writeFile(tgz, rawTgz(entries));
    const into = fresh('ws-refused');
    await expect(importArchive(tgz, { into })).rejects.toMatchObject({ code: 'PACKAGING', message: expect.stringMatching(why) });
    expect(await readdir(into)).toEqual([]);
    await expect(viaReview(rawTgz(entries), fresh('user-data-refused'))).rejects.toThrow(why);
    const r = await viaSandbox(sandbox, rawTgz(entries));
    expect(r.status).toBe(400);
    expect((JSON.parse(r.text) as Record<string, string>)['hydra:description']).toMatch(why);
  });
});
