/** The framework's helpers write their files into settings.TMP_FILE_ROOT, which is the shared '/tmp' as on a server
 * (connectors hard-code it). So each file is created 0600 under a fresh name, never through a link or over a file
 * the worker did not create, and none is left behind: the worker removes its own when it ends, and the host removes
 * them from the worker's list when the worker was killed (a crash, a timeout). The list is written by a process
 * running connector code, so the host removes only this user's regular files inside TMP_FILE_ROOT. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKit, type Kit } from '../../src/main/services/runtime/test-kit';
import { processesEnded } from '../helpers/process-exit';
import { tmpDir } from '../helpers/tmp';

const posix = process.platform !== 'win32';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

const CONNECTOR = `import json
import os
import stat
import time

from connectors.core.connector import Connector
from connectors.cyops_utilities.builtins import create_file_from_string, download_file_from_cyops
from django.conf import settings


def make_files(params):
    downloaded = download_file_from_cyops(params['iri'])
    named = create_file_from_string('report', filename='cs-hostile-%d.txt' % os.getpid())
    paths = ['/tmp/' + downloaded['cyops_file_path'], os.path.join(settings.TMP_FILE_ROOT, named['filename'])]
    report = {'pid': os.getpid(), 'paths': paths, 'found': [os.path.exists(p) for p in paths],
              'modes': [stat.S_IMODE(os.stat(p).st_mode) for p in paths if os.path.exists(p)]}
    with open(params['report'], 'w') as f:
        json.dump(report, f)
    return report


class Hostile(Connector):
    def execute(self, config, operation, params, **kwargs):
        if operation == 'files_then_crash':
            make_files(params)
            os._exit(5)
        if operation == 'files_then_hang':
            make_files(params)
            time.sleep(600)
        if operation == 'poison_list':
            made = download_file_from_cyops(params['iri'])
            with open(os.environ['CS_FRAMEWORK_FILES'], 'a') as f:
                for line in params['lines']:
                    f.write(line + '\\n')
            with open(params['report'], 'w') as f:
                json.dump({'made': os.path.join(settings.TMP_FILE_ROOT, made['cyops_file_path'])}, f)
            os._exit(5)
        if operation == 'write_over':
            return create_file_from_string('overwritten', filename=params['name'])
        return {}
`;

const INFO = {
  name: 'hostile-tmp', label: 'Hostile Tmp', version: '1.0.0', description: 'Security test connector.', publisher: 'Tests',
  category: 'Utilities', configuration: {},
  operations: ['files_then_crash', 'files_then_hang', 'poison_list', 'write_over'].map((operation) => ({ operation, title: operation, description: operation, parameters: [] })),
};

async function hostile(): Promise<{ folder: string; report: string }> {
  const root = await tmpDir('cs-tmp-files-');
  const folder = path.join(root, 'hostile-tmp');
  await mkdir(folder);
  await writeFile(path.join(folder, 'info.json'), JSON.stringify(INFO));
  await writeFile(path.join(folder, 'connector.py'), CONNECTOR);
  return { folder, report: path.join(root, 'report.json') };
}

interface Report {
  pid: number;
  paths: string[];
  found: boolean[];
  modes: number[];
}

describe.runIf(posix)("the framework's files in /tmp", () => {
  for (const [operation, options, failure] of [
    ['files_then_crash', {}, 'crash'],
    ['files_then_hang', { timeoutMs: 5000 }, 'timeout'],
  ] as const) {
    it(`are at '/tmp/' + their name, 0600, and gone after a worker's ${failure}`, async () => {
      const { folder, report } = await hostile();
      kit = makeKit();
      const iri = (await kit.platform.putFile({ filename: 'sample.bin', data: Buffer.from('MZ') }))['@id'];
      const r = await kit.runtime.execute(folder, operation, { iri, report }, {}, options);
      expect(r.workerFailure).toBe(failure);
      const made = JSON.parse(readFileSync(report, 'utf8')) as Report;
      expect(made.found).toEqual([true, true]);
      expect(made.modes).toEqual([0o600, 0o600]);
      expect(made.paths.every((p) => path.dirname(p) === '/tmp')).toBe(true);
      // A timed-out worker is killed and replaced without waiting for it: the host cleans up when it has ended.
      expect(await processesEnded([made.pid])).toBe(true);
      expect(made.paths.filter((p) => existsSync(p))).toEqual([]);
    });
  }

  it("the host removes only this user's regular files inside TMP_FILE_ROOT from the list a killed worker leaves", async () => {
    const { folder, report } = await hostile();
    const base = await tmpDir('cs-tmp-root-');
    const root = path.join(base, 'tmp-root');
    const outside = path.join(base, 'outside');
    await mkdir(root);
    await mkdir(outside);
    const victim = path.join(outside, 'victim.txt');
    await writeFile(victim, 'keep me');
    await symlink(victim, path.join(root, 'link-to-victim'));
    await symlink(outside, path.join(root, 'link-to-outside'));
    await mkdir(path.join(root, 'a-folder'));
    const lines = [
      JSON.stringify(victim),
      JSON.stringify(path.join(root, 'link-to-victim')),
      JSON.stringify(path.join(root, 'link-to-outside', 'victim.txt')),
      JSON.stringify(path.join(root, '..', 'outside', 'victim.txt')),
      JSON.stringify(path.join(root, 'a-folder')),
      JSON.stringify('victim.txt'),
      JSON.stringify({ path: victim }),
      'not json at all',
    ];
    const warnings: string[] = [];
    kit = makeKit({ tmpFileRoot: root, warn: (m) => warnings.push(m) });
    const iri = (await kit.platform.putFile({ filename: 'sample.bin', data: Buffer.from('MZ') }))['@id'];
    const r = await kit.runtime.execute(folder, 'poison_list', { iri, report, lines }, {});
    expect(r.workerFailure).toBe('crash');
    const { made } = JSON.parse(await readFile(report, 'utf8')) as { made: string };
    expect(path.dirname(made)).toBe(root);
    expect(existsSync(made)).toBe(false); // its own file is removed
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect((await lstat(path.join(root, 'link-to-victim'))).isSymbolicLink()).toBe(true);
    expect((await lstat(path.join(root, 'link-to-outside'))).isSymbolicLink()).toBe(true);
    expect(statSync(path.join(root, 'a-folder')).isDirectory()).toBe(true);
    expect(warnings.filter((w) => w.startsWith('Not removed') || w.startsWith('Could not remove'))).toHaveLength(lines.length);
  });

  it('never writes through a link or over a file it did not create', async () => {
    const { folder } = await hostile();
    const base = await tmpDir('cs-tmp-root-');
    const root = path.join(base, 'tmp-root');
    await mkdir(root);
    const outsideVictim = path.join(base, 'victim.txt');
    await writeFile(outsideVictim, 'keep me');
    await symlink(outsideVictim, path.join(root, 'link-outside.txt'));
    await writeFile(path.join(root, 'someone-elses.txt'), 'theirs');
    await symlink(path.join(root, 'someone-elses.txt'), path.join(root, 'link-inside.txt'));
    kit = makeKit({ tmpFileRoot: root });
    const outside = await kit.runtime.execute(folder, 'write_over', { name: 'link-outside.txt' }, {});
    expect(outside.message).toBe("File name 'link-outside.txt' would be written outside the temporary file folder");
    for (const name of ['someone-elses.txt', 'link-inside.txt']) {
      const r = await kit.runtime.execute(folder, 'write_over', { name }, {});
      expect(r.status).toBe('Failed');
      expect(r.message).toContain(`Could not write ${path.join(root, name)}: it already exists`);
    }
    expect(await readFile(outsideVictim, 'utf8')).toBe('keep me');
    expect((await lstat(path.join(root, 'link-inside.txt'))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(root, 'someone-elses.txt'), 'utf8')).toBe('theirs');
    // Its own file, written again in a later call, is its to overwrite.
    expect((await kit.runtime.execute(folder, 'write_over', { name: 'mine.txt' }, {})).status).toBe('Success');
    expect((await kit.runtime.execute(folder, 'write_over', { name: 'mine.txt' }, {})).status).toBe('Success');
  });
});
